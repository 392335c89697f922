"""A database written by a newer cedre is refused by this one (DESIGN §10).

A migration this cedre does not know ('v99-future') is recorded in a database; every
command that opens it must exit 65 with a message saying a newer cedre wrote it, and its
content (every table's rows and the schema) must not change. The file's header may: GRDB
opens WAL databases by writing an empty transaction when the WAL file is missing.

    python3 Benchmarks/reliability/newer_schema.py
"""

import hashlib
import sqlite3
import sys
import tempfile
from pathlib import Path

import campaign

COMMANDS = [
    ["init"], ["verify"], ["rebuild"], ["check"], ["report", "status"], ["log"], ["export"],
    ["member", "add", "--id", "x", "--name", "X", "--type", "AI", "--departement", "49"],
    ["import", "members.csv"],
]


def content(database):
    """A digest of every table's rows and the schema."""
    connection = sqlite3.connect(str(database))
    try:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()
    finally:
        connection.close()


def main():
    folder = Path(tempfile.mkdtemp(prefix="cedre-newer-"))
    database = folder / "cedre.sqlite"
    campaign.must(campaign.cedre(["init"], database))
    campaign.execute(database, "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future');")
    (folder / "members.csv").write_text("id,name,type,departement\nx,X,AI,49\n", encoding="utf-8")
    before = content(database)
    refused = 0
    for arguments in COMMANDS:
        arguments = [str(folder / part) if part == "members.csv" else part for part in arguments]
        result = campaign.cedre(arguments, database)
        clear = result.returncode == 65 and "newer version of cedre" in result.stderr and not result.stdout
        refused += clear
        if not clear:
            print(f"{' '.join(arguments)}: exit {result.returncode}: {result.stderr.strip()}", file=sys.stderr)
    unchanged = content(database) == before
    message = campaign.cedre(["verify"], database).stderr.strip()
    print(f"newer schema: {refused} of {len(COMMANDS)} commands refused with exit 65 ('{message}'); "
          f"database content {'unchanged' if unchanged else 'CHANGED'}")
    sys.exit(0 if refused == len(COMMANDS) and unchanged else 1)


if __name__ == "__main__":
    main()
