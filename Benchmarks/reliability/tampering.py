"""Single-row edits of the event log with its append-only triggers dropped (DESIGN §10:
every edit detected by `verify`, which names the first broken row).

Each edit copies a complete database, drops the triggers and changes one row: one column of
a row (a character changed so the value still passes the column's checks), the row deleted,
the last row deleted (the log's head, kept apart in `log_head`, names the missing tail), or a
row moved to an unused id (named at the row after the hole it leaves).

    python3 Benchmarks/reliability/tampering.py --edits 1000
"""

import argparse
import concurrent.futures
import random
import re
import sqlite3
import sys
import tempfile
import threading
from pathlib import Path

import campaign

COLUMNS = ["stream", "kind", "occurred_on", "recorded_at", "actor", "payload", "prev_hash", "hash"]
NAMED = re.compile(r"event #(\d+),")


def tamper(value, column, draw):
    """The value with one character changed, still fitting the column's checks."""
    characters = list(value)
    if column == "occurred_on":
        positions = [9]
    elif column == "payload":
        positions = [index for index, character in enumerate(characters) if character.isalpha()]
    else:
        positions = [index for index, character in enumerate(characters) if character.isalnum()]
    index = draw.choice(positions)
    original = characters[index]
    if original.isdigit():
        characters[index] = str((int(original) + 1 + draw.randrange(8)) % 10)
    else:
        characters[index] = draw.choice([letter for letter in "abcdef" if letter != original])
    if column == "occurred_on" and characters[8] == "0" and characters[9] == "0":
        characters[9] = "1"
    return "".join(characters)


def trial(number, seed, complete, last, folder):
    """One edit; returns (kind, expected row or None, verify exit, named row or None, detail)."""
    draw = random.Random(seed * 1_000_003 + number)
    work = folder / f"worker-{threading.get_ident()}"
    work.mkdir(exist_ok=True)
    database = campaign.copy(complete, work / "cedre.sqlite")
    roll = draw.random()
    row = draw.randrange(1, last)
    if roll < 0.80:
        column = draw.choice(COLUMNS)
        value = campaign.scalar(database, f"SELECT {column} FROM event WHERE id = ?", (row,))
        kind, expected = f"update {column}", row
        edit = (f"UPDATE event SET {column} = ? WHERE id = ?", (tamper(value, column, draw), row))
    elif roll < 0.95:
        kind, expected = "delete a row", row + 1
        edit = ("DELETE FROM event WHERE id = ?", (row,))
    elif roll < 0.975:
        kind, expected = "delete the last row", last
        edit = ("DELETE FROM event WHERE id = ?", (last,))
    else:
        kind, expected = "move a row to a new id", row + 1
        edit = ("UPDATE event SET id = ? WHERE id = ?", (last + 1000, row))
    connection = sqlite3.connect(str(database), isolation_level=None)
    try:
        connection.execute("DROP TRIGGER event_refuses_update")
        connection.execute("DROP TRIGGER event_refuses_delete")
        connection.execute(*edit)
    except sqlite3.IntegrityError as error:
        return kind, expected, None, None, f"refused by the schema: {error}"
    finally:
        connection.close()
    result = campaign.cedre(["verify"], database)
    match = NAMED.search(result.stderr)
    return kind, expected, result.returncode, int(match.group(1)) if match else None, result.stderr.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--members", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args()
    network = campaign.Network(options.members)
    last = campaign.scalar(network.complete, "SELECT max(id) FROM event")
    folder = Path(tempfile.mkdtemp(prefix="cedre-tampering-"))

    figures = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=options.workers) as pool:
        outcomes = pool.map(lambda number: trial(number, options.seed, network.complete, last, folder),
                            range(options.edits))
        for kind, expected, status, named, detail in outcomes:
            entry = figures.setdefault(kind, {"edits": 0, "refused by the schema": 0, "detected": 0, "named": 0})
            entry["edits"] += 1
            if status is None:
                entry["refused by the schema"] += 1
                continue
            if status == 65:
                entry["detected"] += 1
            if expected is not None and named == expected:
                entry["named"] += 1
            if options.verbose or status != 65 or (expected is not None and named != expected):
                print(f"{kind} (row {expected}): exit {status}, named {named}: {detail[:200]}", file=sys.stderr)

    edits = sum(entry["edits"] - entry["refused by the schema"] for entry in figures.values())
    detected = sum(entry["detected"] for entry in figures.values())
    named = sum(entry["named"] for entry in figures.values())
    refused = sum(entry["refused by the schema"] for entry in figures.values())
    kinds = "; ".join(f"{kind}: {entry['detected']} of {entry['edits'] - entry['refused by the schema']} detected, {entry['named']} named"
                      for kind, entry in sorted(figures.items()) if not kind.startswith("update"))
    print(f"tampering: {options.edits} single-row edits of a {last}-event log, triggers dropped; "
          f"edits {edits}: detected {detected}, first broken row named {named} ({kinds}); "
          f"edits the schema's checks refused outright {refused}")
    sys.exit(0 if detected == edits and named == edits else 1)


if __name__ == "__main__":
    main()
