"""`check` whose output fails (DESIGN §10): a full disk (/dev/full), a pipe nobody reads, and
kill -9 anywhere in the run, the output–commit window included. No notice may be lost: each
one the reference run reports must be shown by the failed run in full or reported new again
by the rerun.

Each trial copies a complete database on which `check` has never run, and runs
`check --as-of LAST --lang en --format csv` with its standard output broken one way:

- disk full: standard output is /dev/full (every write fails with ENOSPC); cedre must exit
  74 naming "standard output" and commit nothing;
- closed pipe: standard output is a pipe whose reading end is closed (EPIPE, SIGPIPE); the
  same;
- kill -9: standard output is a file, and SIGKILL comes after a delay drawn up to 1.1 times
  an uninterrupted run;
- kill -9 in the window (`--only window`): standard output is a pipe the campaign reads, and
  SIGKILL comes the moment the last line of the report has been read: between the output and
  the commit (the witness is appended and synced in between), or just after the commit.

Then a rerun with a healthy output: the notices the reference run reported new must each
be in the rerun's new notices or in what the failed run wrote whole (a notice may be shown
twice, never lost), and the ledger must hold each notice once.

    python3 Benchmarks/reliability/output_failures.py --trials 100 --members 2000
"""

import argparse
import csv
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import campaign

ARGUMENTS = ["check", "--as-of", campaign.LAST_DAY, "--lang", "en", "--format", "csv"]


def notices(text, status=None):
    """The notices of a CSV report without their status: every complete line but the header
    (a report cut by a kill ends in a partial line, which is left out)."""
    lines = text.replace("\r\n", "\n").split("\n")
    columns = len(next(csv.reader(lines[:1]), []))
    found = set()
    for row in csv.reader(lines[1:-1]):
        if len(row) == columns and (status is None or row[0] == status):
            found.add(tuple(row[1:]))
    return found


def run(database, stdout):
    """Runs the check with its standard output `stdout`; returns (exit status, stderr)."""
    process = subprocess.Popen(
        [campaign.CEDRE, *ARGUMENTS], env=campaign.environment(database), stdin=subprocess.DEVNULL, stdout=stdout,
        stderr=subprocess.PIPE, text=True)
    if stdout not in (None, subprocess.PIPE) and hasattr(stdout, "close"):
        stdout.close()
    _, error = process.communicate(timeout=600)
    return process.returncode, error


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=["disk full", "closed pipe", "kill -9", "window"],
                        help="run one kind of trial only")
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args()
    draw = random.Random(options.seed)
    network = campaign.Network(options.members)
    folder = Path(tempfile.mkdtemp(prefix="cedre-output-"))

    durations = []
    for _ in range(3):
        reference = campaign.copy(network.complete, folder / "reference.sqlite")
        started = time.monotonic()
        result = campaign.cedre(ARGUMENTS, reference)
        durations.append(time.monotonic() - started)
        if result.returncode not in (0, 3):
            sys.exit(f"check exited {result.returncode}: {result.stderr}")
    seconds = sorted(durations)[1]
    expected = notices(result.stdout, "new")
    if not expected:
        sys.exit("the reference check reported no new notice: nothing to lose, nothing measured")

    kinds = [options.only] if options.only else ["disk full", "closed pipe", "kill -9"]
    lines = len(result.stdout.replace("\r\n", "\n").split("\n")) - 1
    figures = {kind: {"trials": 0, "exit 74": 0, "committed": 0, "killed": 0, "window": 0, "lost": 0, "duplicates": 0,
                      "rerun failed": 0, "verify failed": 0} for kind in kinds}
    for trial in range(options.trials):
        kind = kinds[trial % len(kinds)]
        entry = figures[kind]
        entry["trials"] += 1
        database = campaign.copy(network.complete, folder / "trial.sqlite")
        shown = set()
        if kind == "disk full":
            status, error = run(database, open("/dev/full", "w"))
        elif kind == "closed pipe":
            reading, writing = os.pipe()
            os.close(reading)
            status, error = run(database, os.fdopen(writing, "w"))
        elif kind == "window":
            process = subprocess.Popen([campaign.CEDRE, *ARGUMENTS], env=campaign.environment(database),
                                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            read = [process.stdout.readline() for _ in range(lines)]
            process.send_signal(signal.SIGKILL)
            status, error = process.wait(), ""
            process.stdout.close()
            shown = notices(b"".join(read).decode("utf-8", errors="replace"), "new")
            entry["killed"] += status == -signal.SIGKILL
        else:
            output = folder / "killed.csv"
            with open(output, "w") as handle:
                process = subprocess.Popen([campaign.CEDRE, *ARGUMENTS], env=campaign.environment(database),
                                           stdin=subprocess.DEVNULL, stdout=handle, stderr=subprocess.DEVNULL)
                time.sleep(draw.uniform(0.005, 1.1 * seconds))
                process.send_signal(signal.SIGKILL)
                status, error = process.wait(), ""
            shown = notices(output.read_text(encoding="utf-8", errors="replace"), "new")
            entry["killed"] += status == -signal.SIGKILL
        if kind != "kill -9" and status == 74 and "standard output" in error:
            entry["exit 74"] += 1
        written = campaign.scalar(database, "SELECT count(*) FROM notice")
        if written:
            entry["committed"] += 1
        # Killed after the whole report was written and before the ledger was committed.
        entry["window"] += kind in ("kill -9", "window") and status == -signal.SIGKILL and shown == expected and not written
        rerun = campaign.cedre(ARGUMENTS, database)
        if rerun.returncode not in (0, 3):
            entry["rerun failed"] += 1
        again = notices(rerun.stdout, "new")
        lost = expected - shown - again
        entry["lost"] += len(lost)
        duplicated = campaign.scalar(database, """
            SELECT count(*) FROM (SELECT 1 FROM notice GROUP BY stream, rule, due_on HAVING count(*) > 1)""")
        entry["duplicates"] += duplicated
        if campaign.cedre(["verify"], database).returncode != 0:
            entry["verify failed"] += 1
        if options.verbose or lost or duplicated:
            print(f"trial {trial} {kind}: exit {status}, committed {written}, shown {len(shown)}, rerun new {len(again)}, "
                  f"lost {len(lost)}: {error.strip()[:160]}", file=sys.stderr)
        campaign.remove(database)

    lost = sum(entry["lost"] for entry in figures.values())
    failures = lost + sum(entry["duplicates"] + entry["rerun failed"] + entry["verify failed"] for entry in figures.values())
    failures += sum(entry["trials"] - entry["exit 74"] + entry["committed"]
                    for kind, entry in figures.items() if kind in ("disk full", "closed pipe"))
    parts = []
    for kind, entry in figures.items():
        if kind in ("kill -9", "window"):
            parts.append(f"{kind}: {entry['trials']} trials, killed mid-run {entry['killed']} (between the whole "
                         f"output and the commit {entry['window']}), ledger committed {entry['committed']}, notices "
                         f"lost {entry['lost']}")
        else:
            parts.append(f"{kind}: {entry['trials']} trials, exit 74 naming standard output {entry['exit 74']}, "
                         f"ledger committed {entry['committed']}, notices lost {entry['lost']}")
    print(f"output failures: check of {network.member_count} members reporting {len(expected)} new notices "
          f"({seconds:.2f} s); " + "; ".join(parts) + f"; duplicate notices "
          f"{sum(e['duplicates'] for e in figures.values())}, failed reruns {sum(e['rerun failed'] for e in figures.values())}, "
          f"verify failures {sum(e['verify failed'] for e in figures.values())}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
