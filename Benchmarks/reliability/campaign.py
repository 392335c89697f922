"""Shared helpers of the DESIGN §10 reliability campaigns: the release `cedre`, generated
networks and their databases, and raw access to a database file through Python's sqlite3.

Each campaign script prints one line of figures on standard output (details on standard
error with --verbose) and exits 0 when every target holds, 1 otherwise.
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CEDRE = os.environ.get("CEDRE_BINARY", str(ROOT / ".build" / "release" / "cedre"))
WORK = ROOT / "Benchmarks" / ".build" / "reliability"
LAST_DAY = "2016-12-31"


def environment(database):
    """The environment cedre runs with: its database, its own witness file, a fixed actor, no colour,
    and English, the language the campaigns read its messages in."""
    env = dict(os.environ)
    env.update({"CEDRE_DB": str(database), "CEDRE_WITNESS": str(database) + ".witness", "CEDRE_ACTOR": "reliability",
                "NO_COLOR": "1", "CEDRE_LANG": "en"})
    return env


def cedre(arguments, database, timeout=600):
    """Runs cedre to its end and returns the CompletedProcess (text output)."""
    return subprocess.run(
        [CEDRE, *arguments], env=environment(database), capture_output=True, text=True,
        stdin=subprocess.DEVNULL, timeout=timeout)


def start(arguments, database):
    """Starts cedre in the background, its output discarded."""
    return subprocess.Popen(
        [CEDRE, *arguments], env=environment(database), stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def remove(database):
    """Removes a database, its WAL companions and its witness file."""
    for suffix in ("", "-wal", "-shm", "-journal", ".witness"):
        try:
            os.remove(str(database) + suffix)
        except FileNotFoundError:
            pass


def copy(source, target):
    """A fresh copy of a closed database."""
    remove(target)
    shutil.copyfile(source, target)
    return Path(target)


def query(database, sql, parameters=()):
    """The rows of a query, read with none of cedre's guards."""
    connection = sqlite3.connect(str(database), isolation_level=None, timeout=30)
    try:
        return connection.execute(sql, parameters).fetchall()
    finally:
        connection.close()


def scalar(database, sql, parameters=()):
    """The first column of the first row of a query."""
    rows = query(database, sql, parameters)
    return rows[0][0] if rows else None


def execute(database, script):
    """Runs a script of statements, with none of cedre's guards."""
    connection = sqlite3.connect(str(database), isolation_level=None, timeout=30)
    try:
        connection.executescript(script)
    finally:
        connection.close()


class Network:
    """A generated network (cedre generate), with a database holding its members only and
    one holding everything; made once per size and seed, under Benchmarks/.build."""

    def __init__(self, members, seed=7):
        self.folder = WORK / f"network-{members}-seed{seed}"
        self.members_file = self.folder / "members.csv"
        self.events_file = self.folder / "events.jsonl"
        self.members_only = self.folder / "members-only.sqlite"
        self.complete = self.folder / "complete.sqlite"
        if not self.complete.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            must(cedre(["generate", "--members", str(members), "--years", "2010-2016", "--seed", str(seed),
                        "--output", str(self.folder)], self.folder / "unused.sqlite"))
            work = self.folder / "building.sqlite"
            remove(work)
            must(cedre(["init"], work))
            must(cedre(["import", str(self.members_file), "--as-of", LAST_DAY], work))
            copy(work, self.members_only)
            must(cedre(["import", str(self.events_file), "--as-of", LAST_DAY], work))
            copy(work, self.complete)
            remove(work)
        self.member_count = scalar(self.members_only, "SELECT count(*) FROM member")
        self.base_events = scalar(self.members_only, "SELECT count(*) FROM event")
        self.all_events = scalar(self.complete, "SELECT count(*) FROM event")


def must(result):
    """Stops the campaign when a preparation step fails."""
    if result.returncode != 0:
        sys.exit(f"{' '.join(result.args)} exited {result.returncode}: {result.stderr}")
    return result


def verified(database):
    """Whether `cedre verify` passes."""
    return cedre(["verify"], database).returncode == 0


def event_hash(previous, row_id, stream, kind, occurred_on, recorded_at, actor, payload):
    """The event log's hash of a row (EventLog.hash): SHA-256 over the previous hash and the
    row's columns, each prefixed by its length in bytes and a colon."""
    digest = hashlib.sha256()
    for field in (previous, str(row_id), stream, kind, occurred_on, recorded_at, actor, payload):
        data = field.encode("utf-8")
        digest.update(f"{len(data)}:".encode("ascii"))
        digest.update(data)
    return digest.hexdigest()


def append_raw_events(database, facts, actor="raw"):
    """Appends facts (stream, kind, day, payload text) to the log with a valid chain, as
    someone writing the file directly would: the chain holds, the rules never saw them."""
    connection = sqlite3.connect(str(database), isolation_level=None, timeout=30)
    try:
        connection.execute("BEGIN IMMEDIATE")
        last = connection.execute("SELECT id, hash FROM event ORDER BY id DESC LIMIT 1").fetchone() or (0, "0" * 64)
        row_id, previous = last
        for stream, kind, day, payload in facts:
            row_id += 1
            recorded = "2016-12-31T12:00:00.000Z"
            digest = event_hash(previous, row_id, stream, kind, day, recorded, actor, payload)
            connection.execute(
                "INSERT INTO event (id, stream, kind, occurred_on, recorded_at, actor, payload, prev_hash, hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (row_id, stream, kind, day, recorded, actor, payload, previous, digest))
            previous = digest
        connection.execute("COMMIT")
    finally:
        connection.close()
