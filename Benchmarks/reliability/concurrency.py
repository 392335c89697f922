"""Officers at work at the same time: N processes each issuing M commands against one
database (DESIGN §10: no "database is locked" reaches the user, no event lost).

Each officer adds its own members and takes each through engagement, an initial audit
planned (its id allocated inside the write) and conducted, and reads between writes:
status report, log, certification sheet, a real `check`, `verify`. At the end the log
must hold exactly the writes that succeeded, chained, with projections matching a replay.

    python3 Benchmarks/reliability/concurrency.py --processes 8 --commands 500
"""

import argparse
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

import campaign


def officer(number, commands, database, results):
    """One officer's commands, in order; each result is (arguments, exit code, stderr, wrote)."""
    member = None
    audit = None
    for step in range(commands):
        phase = step % 10
        wrote = True
        if phase == 0:
            member = f"officer{number}-{step // 10}"
            arguments = ["member", "add", "--id", member, "--name", f"Officer {number} member {step // 10}",
                         "--type", "AI", "--departement", "49"]
        elif phase == 1:
            arguments = ["cert", "engage", member, "--scheme", "cedre", "--on", "2016-01-10"]
        elif phase == 2:
            arguments = ["audit", "plan", member, "--scheme", "cedre", "--kind", "initial", "--on", "2016-03-01",
                         "--planned-on", "2016-02-01"]
        elif phase == 3:
            arguments = ["audit", "conduct", audit or "A-0000-0000", "--on", "2016-03-01"]
        else:
            wrote = False
            arguments = [
                ["report", "status", "--as-of", campaign.LAST_DAY],
                ["log", "--last", "5"],
                ["cert", "show", member, "--scheme", "cedre", "--as-of", campaign.LAST_DAY],
                ["check", "--as-of", campaign.LAST_DAY, "--quiet"],
                ["member", "show", member],
                ["verify"],
            ][phase - 4]
        result = campaign.cedre(arguments, database)
        if phase == 2 and result.returncode == 0:
            audit = result.stdout.strip()
        accepted = (0, 3) if arguments[0] == "check" else (0,)
        results.append((arguments, result.returncode, result.stderr, wrote, result.returncode in accepted))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--commands", type=int, default=500)
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="cedre-concurrency-"))
    database = folder / "cedre.sqlite"
    campaign.must(campaign.cedre(["init"], database))

    results = [[] for _ in range(options.processes)]
    threads = [threading.Thread(target=officer, args=(number, options.commands, database, results[number]))
               for number in range(options.processes)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - started

    flat = [item for officer_results in results for item in officer_results]
    failed = [item for item in flat if not item[4]]
    locked = [item for item in flat if re.search(r"locked|busy", item[2], re.IGNORECASE)]
    writes = sum(1 for item in flat if item[3] and item[4])
    events = campaign.scalar(database, "SELECT count(*) FROM event")
    audits = campaign.scalar(database, "SELECT count(*) FROM audit")
    chained = campaign.verified(database)
    for arguments, status, error, _, ok in flat:
        if options.verbose or not ok:
            print(f"{' '.join(arguments)}: exit {status} {error.strip()}", file=sys.stderr)
    commands = len(flat)
    print(f"concurrency: {options.processes} processes x {options.commands} commands = {commands} in {seconds:.1f} s "
          f"({commands / seconds:.1f} commands/s); failed {len(failed)}, 'database is locked' or busy on stderr "
          f"{len(locked)}; writes {writes}, events in the log {events} ({'none lost' if events == writes else 'MISMATCH'}), "
          f"audits {audits} with distinct ids; verify {'passes' if chained else 'FAILS'}")
    sys.exit(0 if not failed and not locked and events == writes and chained else 1)


if __name__ == "__main__":
    main()
