"""Every number at its limits (DESIGN §10): each numeric option, each number of an imported
fact, and each number of a fact already in the log (written to the file directly, chain
intact) at -1, 0, its maximum, just past it and 2^63-1 (and -2^63, 2^63, 2^64 where the type
allows). No command may crash, ever: an option out of range is a usage error (64), an import
is refused naming the field (65), and a stored fact out of range leaves every command able
to run (0, 3) or refuse clearly (65, 70).

    python3 Benchmarks/reliability/bounds.py --members 60
"""

import argparse
import json
import sys
import tempfile
from pathlib import Path

import campaign

INT64_MAX = 2**63 - 1
EDGES = [-1, 0, INT64_MAX, -(2**63), 2**63]
CLEAN_EXITS = {0, 3, 64, 65, 70}


def options_cases():
    """(label, arguments, minimum, maximum) of every numeric option; a maximum of None is not run
    (ten million generated members take minutes), only the values past it."""
    return [
        ("auditor add --validity-months", lambda v: ["auditor", "add", "--id", "bound", "--name", "B", "--member", "M",
                                                     "--scheme", "cedre", "--trained-on", "2013-02-04",
                                                     f"--validity-months={v}"], 1, 120),
        ("campaign plan --year", lambda v: ["campaign", "plan", "--scheme", "cedre", f"--year={v}", "--dry-run"], 1900, 2200),
        ("campaign show --year", lambda v: ["campaign", "show", "--scheme", "cedre", f"--year={v}"], 1900, 2200),
        ("campaign plan --policy capacity", lambda v: ["campaign", "plan", "--scheme", "cedre", "--year", "2016",
                                                       "--policy", f"capacity={v}", "--dry-run"], 1, 50),
        ("campaign plan --seed", lambda v: ["campaign", "plan", "--scheme", "cedre", "--year", "2016", f"--seed={v}",
                                            "--dry-run"], 0, 2**64 - 1),
        ("sample --year", lambda v: ["sample", "--scheme", "cedre-iso", "--audit", "surveillance", f"--year={v}",
                                     "--seed", "1"], 1900, 2200),
        ("sample --seed", lambda v: ["sample", "--scheme", "cedre-iso", "--audit", "surveillance", "--year", "2016",
                                     f"--seed={v}"], 0, 2**64 - 1),
        ("report certifications --year", lambda v: ["report", "certifications", f"--year={v}"], 1900, 2200),
        ("check --horizon", lambda v: ["check", f"--horizon={v}", "--dry-run"], 0, 3660),
        ("log --last", lambda v: ["log", f"--last={v}"], 1, 100_000_000),
        ("generate --members", lambda v: ["generate", f"--members={v}", "--output", "/tmp/cedre-bounds-generate"],
         1, None),
    ]


def import_lines(value, member):
    """(label, fact line) of every number an imported fact carries, at `value`."""
    return [
        ("auditor.added validityMonths", {"kind": "auditor.added", "on": "2013-02-04", "payload": {
            "auditor": "bound-auditor", "name": "B", "member": member, "schemes": ["cedre"], "trainedOn": "2013-02-04",
            "validityMonths": value}}),
        ("campaign.published year", {"kind": "campaign.published", "on": "2013-06-01", "payload": {
            "scheme": "cedre", "year": value}}),
        ("sample.drawn year", {"kind": "sample.drawn", "on": "2013-06-01", "payload": {
            "member": member, "scheme": "cedre-iso", "year": value, "auditKind": "surveillance", "mode": "sampling",
            "seed": "1", "sites": [member]}}),
        ("sample.drawn seed", {"kind": "sample.drawn", "on": "2013-06-01", "payload": {
            "member": member, "scheme": "cedre-iso", "year": 2013, "auditKind": "surveillance", "mode": "sampling",
            "seed": str(value), "sites": [member]}}),
    ]


READERS = [["auditor", "list"], ["campaign", "plan", "--scheme", "cedre", "--year", "2016", "--dry-run"],
           ["campaign", "show", "--scheme", "cedre", "--year", "2016"], ["check", "--dry-run"],
           ["report", "status"], ["report", "certifications", "--year", "2016"], ["sample", "--scheme", "cedre-iso",
                                                                                    "--replay"],
           ["verify"], ["rebuild"], ["log", "--last", "5"], ["export"], ["export", "--registry"], ["member", "list"]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=60)
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args()
    network = campaign.Network(options.members)
    folder = Path(tempfile.mkdtemp(prefix="cedre-bounds-"))
    member = campaign.scalar(network.complete, "SELECT id FROM member ORDER BY id LIMIT 1")
    figures = {"options": [0, 0, 0], "imports": [0, 0, 0], "stored": [0, 0, 0]}

    def record(part, label, value, result, accepted):
        """Counts a run: [runs, crashes, not as expected]."""
        entry = figures[part]
        entry[0] += 1
        crashed = result.returncode < 0 or result.returncode not in CLEAN_EXITS
        entry[1] += crashed
        entry[2] += not crashed and not accepted
        if options.verbose or crashed or not accepted:
            print(f"{part} {label} = {value}: exit {result.returncode} {result.stderr.strip()[:200]}", file=sys.stderr)

    database = campaign.copy(network.complete, folder / "options.sqlite")
    for label, arguments, minimum, maximum in options_cases():
        values = EDGES + ([maximum, maximum + 1] if maximum is not None else [10_000_001])
        for value in values:
            if maximum is None and value >= minimum and value <= 10_000_000:
                continue
            result = campaign.cedre(arguments(value), database, timeout=300)
            inside = minimum <= value <= (maximum if maximum is not None else 10_000_000)
            refused_for_range = result.returncode == 64 and "out of range" in result.stderr or result.returncode == 64 \
                and "invalid for" in result.stderr
            record("options", label, value, result, not refused_for_range if inside else result.returncode == 64)
    for day in ["0000-01-01", "9999-12-31", "10000-01-01", "-001-01-01"]:
        for arguments in (["check", "--dry-run", "--as-of", day], ["report", "status", "--as-of", day]):
            result = campaign.cedre(arguments, database)
            record("options", " ".join(arguments[:2]) + " --as-of", day, result, result.returncode != 0 or len(day) == 10)

    for value in EDGES + [120, 121, 1899, 1900, 2200, 2201]:
        for label, line in import_lines(value, member):
            trial = campaign.copy(network.complete, folder / "import.sqlite")
            events = campaign.scalar(trial, "SELECT count(*) FROM event")
            file = folder / "bounds.jsonl"
            file.write_text(json.dumps(line) + "\n")
            result = campaign.cedre(["import", str(file), "--as-of", campaign.LAST_DAY], trial)
            field = label.split()[-1]
            refused_naming = result.returncode == 65 and f"bounds.jsonl:1: " in result.stderr
            unchanged = campaign.scalar(trial, "SELECT count(*) FROM event") == events
            inside = (1 <= value <= 120) if field == "validityMonths" else (1900 <= value <= 2200) if field == "year" \
                else 0 <= value < 2**64
            named = refused_naming and unchanged and f"bounds.jsonl:1: {field}:" in result.stderr
            # A number inside its range may still be refused by the rules (a campaign that was never planned).
            record("imports", label, value, result, (result.returncode in (0, 65) and unchanged or result.returncode == 0)
                   if inside else named)

    for value in EDGES[:3] + [-(2**63), 121, 2201]:
        trial = campaign.copy(network.complete, folder / "stored.sqlite")
        campaign.append_raw_events(trial, [
            ("auditor/raw-bound", "auditor.added", "2013-02-04", json.dumps({
                "auditor": "raw-bound", "member": member, "name": "RAW", "schemes": ["cedre"],
                "trainedOn": "2013-02-04", "validityMonths": value}, separators=(",", ":"), sort_keys=True)),
            ("campaign/cedre/raw", "campaign.published", "2013-06-01", json.dumps({
                "scheme": "cedre", "year": value}, separators=(",", ":"), sort_keys=True)),
        ])
        for arguments in READERS:
            result = campaign.cedre(arguments + ["--as-of", campaign.LAST_DAY], trial)
            record("stored", " ".join(arguments[:2]), value, result, True)
        campaign.remove(trial)

    crashes = sum(entry[1] for entry in figures.values())
    unexpected = sum(entry[2] for entry in figures.values())
    print(f"bounds: options {figures['options'][0]} runs, imports {figures['imports'][0]} files, commands over "
          f"stored facts {figures['stored'][0]} runs, numbers at -1, 0, maximum, maximum + 1, ±2^63 and 2^63-1; "
          f"crashes {crashes} (options {figures['options'][1]}, imports {figures['imports'][1]}, stored "
          f"{figures['stored'][1]}); not refused or accepted as expected {unexpected}")
    sys.exit(1 if crashes or unexpected else 0)


if __name__ == "__main__":
    main()
