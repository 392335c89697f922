"""Tampering beyond single log rows (DESIGN §10): edits of the notice ledger, notices inserted
without touching a trigger, dropped and added triggers, the log's chain rewritten from a
random row with recomputed hashes, and a cut tail. `verify --witness` must detect every one
and name it: the ledger row, the trigger, the first witnessed head the log no longer extends.

The complete database of a generated network is checked once and backed up (both append the
log's head to the witness file), then each trial edits a copy with Python's sqlite3, as
anyone who can write the file could:

- ledger edit: one column of a random check run, notice or notice status changed (its
  triggers dropped): named "<row> #N was changed";
- ledger delete: a random notice status deleted: named "notice status #N was deleted";
- inserted notice: a plain INSERT, no trigger dropped: named "notice #N is not in its chain";
- dropped trigger: a random trigger of the schema: named "trigger T is missing";
- added trigger: one that discards inserts into the log: named "trigger T was added", and a
  write then fails (exit 70) without reporting success;
- rewritten chain: from a random row on, every actor changed, every hash and the kept head
  recomputed, triggers put back as they were; the chain holds, only the witness can tell:
  named "no longer extends the head witnessed on …";
- cut tail: the last 1–50 events deleted, the kept head moved back, triggers put back:
  named "its tail was cut".

    python3 Benchmarks/reliability/trust_tampering.py --trials 350 --members 500
"""

import argparse
import random
import sqlite3
import sys
import tempfile
from pathlib import Path

import campaign

KINDS = ["ledger edit", "ledger delete", "inserted notice", "dropped trigger", "added trigger", "rewritten chain",
         "cut tail"]
LEDGER_COLUMNS = {
    "check_run": [("as_of", "day"), ("horizon_days", "number"), ("ran_at", "text"), ("actor", "text"),
                  ("last_event_id", "number")],
    "notice": [("stream", "text"), ("due_on", "day"), ("member_id", "text"), ("scheme_id", "text"),
               ("first_run", "number")],
    "notice_status": [("notice_id", "number"), ("run", "number"), ("status", "status")],
}
ROW_NAMES = {"check_run": "check run", "notice": "notice", "notice_status": "notice status"}


def changed(value, kind, draw):
    """The value with one change that still passes the column's checks."""
    if kind == "number":
        return value + 1 + draw.randrange(3)
    if kind == "status":
        return draw.choice([status for status in ("resolved", "reopened", "closed") if status != value])
    if kind == "day":
        return value[:8] + ("01" if value[8:] != "01" else "02")
    return value[:-1] + ("x" if not value.endswith("x") else "y")


def triggers(connection):
    """Every trigger with its SQL, to drop some and put them back exactly."""
    return connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()


def rewrite_chain(connection, first, rewrite):
    """Rewrites rows from `first` on with `rewrite`, recomputing every hash and the kept head."""
    saved = triggers(connection)
    for name, _ in saved:
        if name.startswith("event_refuses"):
            connection.execute(f"DROP TRIGGER {name}")
    previous = connection.execute("SELECT hash FROM event WHERE id = ?", (first - 1,)).fetchone()
    previous = previous[0] if previous else "0" * 64
    rows = connection.execute("SELECT id, stream, kind, occurred_on, recorded_at, actor, payload FROM event "
                              "WHERE id >= ? ORDER BY id", (first,)).fetchall()
    for row_id, stream, kind, occurred_on, recorded_at, actor, payload in rows:
        actor = rewrite(actor)
        digest = campaign.event_hash(previous, row_id, stream, kind, occurred_on, recorded_at, actor, payload)
        connection.execute("UPDATE event SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?",
                           (actor, previous, digest, row_id))
        previous = digest
    connection.execute("UPDATE log_head SET hash = ?", (previous,))
    for name, sql in saved:
        if name.startswith("event_refuses"):
            connection.execute(sql)


def trial(number, seed, prepared, folder, last_event):
    """One tampering; returns (kind, detected, named, detail)."""
    draw = random.Random(seed * 1_000_003 + number)
    kind = KINDS[number % len(KINDS)]
    database = campaign.copy(prepared, folder / "trial.sqlite")
    witness = Path(str(database) + ".witness")
    witness.write_text(Path(str(prepared) + ".witness").read_text())
    connection = sqlite3.connect(str(database), isolation_level=None)
    connection.execute("PRAGMA foreign_keys = OFF")
    expected = ""
    write_refused = True
    if kind == "ledger edit":
        table = draw.choice(list(LEDGER_COLUMNS))
        column, shape = draw.choice(LEDGER_COLUMNS[table])
        row_id = draw.choice([row[0] for row in connection.execute(f"SELECT id FROM {table}")])
        value = connection.execute(f"SELECT {column} FROM {table} WHERE id = ?", (row_id,)).fetchone()[0]
        connection.execute(f"DROP TRIGGER {table}_refuses_update")
        connection.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (changed(value, shape, draw), row_id))
        expected = f"{ROW_NAMES[table]} #{row_id} was changed"
    elif kind == "ledger delete":
        row_id = draw.choice([row[0] for row in connection.execute("SELECT id FROM notice_status")])
        connection.execute("DROP TRIGGER notice_status_refuses_delete")
        connection.execute("DELETE FROM notice_status WHERE id = ?", (row_id,))
        expected = f"notice status #{row_id} was deleted"
    elif kind == "inserted notice":
        stream, member, scheme = draw.choice(connection.execute(
            "SELECT stream, member_id, scheme_id FROM notice").fetchall())
        connection.execute("INSERT INTO notice (stream, rule, due_on, member_id, scheme_id, first_run) "
                           "VALUES (?, 'certificate-expired', ?, ?, ?, 1)", (stream, f"2017-0{draw.randrange(1, 10)}-15",
                                                                              member, scheme))
        row_id = connection.execute("SELECT max(id) FROM notice").fetchone()[0]
        expected = f"notice #{row_id} is not in its chain"
    elif kind == "dropped trigger":
        name = draw.choice([row[0] for row in triggers(connection)])
        connection.execute(f"DROP TRIGGER {name}")
        expected = f"trigger {name} is missing"
    elif kind == "added trigger":
        name = f"discard_{number}"
        connection.execute(f"CREATE TRIGGER {name} BEFORE INSERT ON event BEGIN SELECT RAISE(IGNORE); END")
        expected = f"trigger {name} was added"
    elif kind == "rewritten chain":
        first = draw.randrange(1, last_event + 1)
        rewrite_chain(connection, first, lambda actor: actor + " (rewritten)")
        expected = "no longer extends the head witnessed on"
    else:
        cut = draw.randrange(1, 51)
        saved = [row for row in triggers(connection) if row[0] == "event_refuses_delete"]
        connection.execute("DROP TRIGGER event_refuses_delete")
        connection.execute("DELETE FROM event WHERE id > ?", (last_event - cut,))
        connection.execute("UPDATE log_head SET id = ?, hash = (SELECT hash FROM event WHERE id = ?)",
                           (last_event - cut, last_event - cut))
        connection.execute(saved[0][1])
        expected = "its tail was cut"
    connection.close()
    result = campaign.cedre(["verify", "--witness", str(witness)], database)
    if kind == "added trigger":
        events = campaign.scalar(database, "SELECT count(*) FROM event")
        write = campaign.cedre(["member", "add", "--id", "late-member", "--name", "LATE", "--type", "AI",
                                "--departement", "49", "--as-of", campaign.LAST_DAY], database)
        write_refused = write.returncode == 70 and campaign.scalar(database, "SELECT count(*) FROM event") == events \
            and write.stdout == ""
    detected = result.returncode == 65
    named = detected and expected in result.stderr and write_refused
    campaign.remove(database)
    return kind, detected, named, f"exit {result.returncode}: {result.stderr.strip()[:300]}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=350)
    parser.add_argument("--members", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args()
    network = campaign.Network(options.members)
    folder = Path(tempfile.mkdtemp(prefix="cedre-trust-tampering-"))
    prepared = campaign.copy(network.complete, folder / "prepared.sqlite")
    for day in ("2015-06-30", campaign.LAST_DAY):
        result = campaign.cedre(["check", "--as-of", day], prepared)
        if result.returncode not in (0, 3):
            sys.exit(f"check exited {result.returncode}: {result.stderr}")
    campaign.must(campaign.cedre(["backup", str(folder / "backup.sqlite")], prepared))
    clean = campaign.cedre(["verify", "--witness", str(prepared) + ".witness"], prepared)
    if clean.returncode != 0:
        sys.exit(f"the untouched database does not verify: {clean.stderr}")
    last_event = campaign.scalar(prepared, "SELECT max(id) FROM event")
    ledger = campaign.scalar(prepared, "SELECT count(*) FROM ledger_chain")

    figures = {kind: {"trials": 0, "detected": 0, "named": 0} for kind in KINDS}
    for number in range(options.trials):
        kind, detected, named, detail = trial(number, options.seed, prepared, folder, last_event)
        figures[kind]["trials"] += 1
        figures[kind]["detected"] += detected
        figures[kind]["named"] += named
        if options.verbose or not named:
            print(f"trial {number} {kind}: detected {detected}, named {named}; {detail}", file=sys.stderr)
    trials = sum(entry["trials"] for entry in figures.values())
    detected = sum(entry["detected"] for entry in figures.values())
    named = sum(entry["named"] for entry in figures.values())
    kinds = "; ".join(f"{kind}: {entry['detected']} of {entry['trials']} detected, {entry['named']} named"
                      for kind, entry in figures.items())
    print(f"trust tampering: {trials} tamperings of a {last_event}-event log with a {ledger}-row ledger, "
          f"verify --witness with 3 witnessed heads: detected {detected}, named {named} ({kinds})")
    sys.exit(0 if detected == trials and named == trials else 1)


if __name__ == "__main__":
    main()
