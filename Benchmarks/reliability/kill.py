"""kill -9 at random points of `cedre import` and `cedre check` (DESIGN §10).

Each trial copies a database, starts the command, kills it with SIGKILL after a random
delay drawn up to 1.1 times the median of three uninterrupted runs, then checks: `verify`
passes; the log holds the facts of the import all or none; the notice ledger holds no
notice twice and the check's notices all or none; a rerun completes to the same end.

    python3 Benchmarks/reliability/kill.py --trials 100 --members 2000
"""

import argparse
import random
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

import campaign


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args()
    draw = random.Random(options.seed)
    network = campaign.Network(options.members)
    folder = Path(tempfile.mkdtemp(prefix="cedre-kill-"))

    # Uninterrupted runs: the median of three scales the delays; the last gives the references.
    import_runs, check_runs = [], []
    for _ in range(3):
        reference = campaign.copy(network.members_only, folder / "reference.sqlite")
        started = time.monotonic()
        campaign.must(campaign.cedre(["import", str(network.events_file), "--as-of", campaign.LAST_DAY], reference))
        import_runs.append(time.monotonic() - started)
        started = time.monotonic()
        check = campaign.cedre(["check", "--as-of", campaign.LAST_DAY], reference)
        check_runs.append(time.monotonic() - started)
        if check.returncode not in (0, 3):
            sys.exit(f"check exited {check.returncode}: {check.stderr}")
    import_seconds = statistics.median(import_runs)
    check_seconds = statistics.median(check_runs)
    notices = campaign.scalar(reference, "SELECT count(*) FROM notice")

    figures = {"import": 0, "check": 0, "killed": 0, "finished": 0, "partial": 0, "duplicates": 0,
               "verify": 0, "rerun": 0}
    for trial in range(options.trials):
        kind = "import" if trial % 2 == 0 else "check"
        figures[kind] += 1
        database = campaign.copy(network.members_only if kind == "import" else network.complete,
                                 folder / "trial.sqlite")
        arguments = (["import", str(network.events_file)] if kind == "import" else ["check"]) + ["--as-of", campaign.LAST_DAY]
        delay = draw.uniform(0.005, 1.1 * (import_seconds if kind == "import" else check_seconds))
        process = campaign.start(arguments, database)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        status = process.wait()
        figures["killed" if status == -signal.SIGKILL else "finished"] += 1
        problems = []
        if not campaign.verified(database):
            figures["verify"] += 1
            problems.append("verify fails")
        if kind == "import":
            events = campaign.scalar(database, "SELECT count(*) FROM event")
            if events not in (network.base_events, network.all_events):
                figures["partial"] += 1
                problems.append(f"{events} events")
            if events == network.base_events:
                rerun = campaign.cedre(arguments, database)
                if rerun.returncode != 0 or campaign.scalar(database, "SELECT count(*) FROM event") != network.all_events:
                    figures["rerun"] += 1
                    problems.append(f"rerun exited {rerun.returncode}")
        else:
            duplicated = campaign.scalar(database, """
                SELECT count(*) FROM (SELECT 1 FROM notice GROUP BY stream, rule, due_on HAVING count(*) > 1)""")
            written = campaign.scalar(database, "SELECT count(*) FROM notice")
            if duplicated:
                figures["duplicates"] += duplicated
                problems.append(f"{duplicated} duplicate notices")
            if written not in (0, notices):
                figures["partial"] += 1
                problems.append(f"{written} of {notices} notices")
            rerun = campaign.cedre(arguments, database)
            if rerun.returncode not in (0, 3) or campaign.scalar(database, "SELECT count(*) FROM notice") != notices:
                figures["rerun"] += 1
                problems.append(f"rerun exited {rerun.returncode}")
        if options.verbose or problems:
            print(f"trial {trial} {kind} killed after {delay:.3f} s (exit {status}): {', '.join(problems) or 'ok'}",
                  file=sys.stderr)
        campaign.remove(database)

    failed = figures["partial"] + figures["duplicates"] + figures["verify"] + figures["rerun"]
    print(f"kill -9: {options.trials} trials ({figures['import']} import of {network.all_events - network.base_events} facts "
          f"taking {import_seconds:.2f} s, {figures['check']} check of {network.member_count} members taking "
          f"{check_seconds:.2f} s); killed mid-run {figures['killed']}, finished before the kill {figures['finished']}; "
          f"partial imports or ledgers {figures['partial']}, duplicate notices {figures['duplicates']}, "
          f"verify failures {figures['verify']}, failed reruns {figures['rerun']}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
