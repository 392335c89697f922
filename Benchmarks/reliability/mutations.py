"""Seeded mutations of valid imports (DESIGN §10: no crash, no partial write, every
rejection names file, line and field).

Three valid files come from a small generated network: its members as CSV and as JSON,
and the first facts of its events.jsonl. Each mutation changes one of them (a character
removed, inserted or replaced, a line repeated, dropped or swapped, a cell emptied or
given a wrong value, the file cut short) and imports it into a fresh copy of the database.
Accepted (exit 0) or refused (exit 65) are both fine; a refusal must list each problem as
file:line: field: (a column or JSON member as the file names it, quoted when it is empty or
holds a space, a colon or a quote, or `(row)`, `(json)`, `(csv)`, `(header)`, `(file)` for a
problem of the whole line) and change nothing; any other exit is a crash.

    python3 Benchmarks/reliability/mutations.py --mutations 10000
"""

import argparse
import concurrent.futures
import csv
import io
import json
import random
import re
import sys
import tempfile
import threading
from pathlib import Path

import campaign

ISSUE = re.compile(r"^  (members\.csv|members\.json|events\.jsonl):(\d+): (.*)$")
FIELD = re.compile(r'^("(?:[^"\\]|\\.)*"|[^\s:"\\]+): ')
ALPHABET = [",", ";", '"', "\n", "{", "}", "[", "]", ":", "x", "0", " ", "é", "\\", "\t", "\u00a0", "-", "9"]
WRONG_VALUES = ["", "ZZ", "100", "AI+AI", "2013-02-30", "null", "-1", "x" * 70, '"', "é", "GES+", "0"]


def mutate(text, draw):
    """One seeded mutation of a file's text."""
    lines = text.split("\n")
    operator = draw.randrange(9)
    if operator == 0 and text:
        position = draw.randrange(len(text))
        return text[:position] + text[position + 1:]
    if operator == 1:
        position = draw.randrange(len(text) + 1)
        return text[:position] + draw.choice(ALPHABET) + text[position:]
    if operator == 2 and text:
        position = draw.randrange(len(text))
        return text[:position] + draw.choice(ALPHABET) + text[position + 1:]
    if operator == 3:
        line = draw.randrange(len(lines))
        lines.insert(line, lines[line])
        return "\n".join(lines)
    if operator == 4 and len(lines) > 1:
        del lines[draw.randrange(len(lines))]
        return "\n".join(lines)
    if operator == 5:
        first, second = draw.randrange(len(lines)), draw.randrange(len(lines))
        lines[first], lines[second] = lines[second], lines[first]
        return "\n".join(lines)
    if operator in (6, 7):
        line = draw.randrange(len(lines))
        quoted = list(re.finditer(r'"(?:[^"\\]|\\.)*"', lines[line]))
        if quoted and text.lstrip().startswith(("[", "{")):
            match = draw.choice(quoted)
            value = json.dumps(draw.choice(WRONG_VALUES), ensure_ascii=False)
            lines[line] = lines[line][:match.start()] + value + lines[line][match.end():]
        else:
            cells = lines[line].split(",")
            cells[draw.randrange(len(cells))] = draw.choice(WRONG_VALUES) if operator == 7 else ""
            lines[line] = ",".join(cells)
        return "\n".join(lines)
    return text[:draw.randrange(len(text) + 1)]


def trial(number, seed, files, bases, folder, database_counts):
    """Imports one mutation; returns (kind, outcome, detail)."""
    draw = random.Random(seed * 1_000_003 + number)
    kind = ("members.csv", "members.json", "events.jsonl")[number % 3]
    work = folder / f"worker-{threading.get_ident()}"
    work.mkdir(exist_ok=True)
    path = work / kind
    path.write_text(mutate(files[kind], draw), encoding="utf-8")
    database = campaign.copy(bases[kind], work / "cedre.sqlite")
    result = campaign.cedre(["import", str(path), "--as-of", campaign.LAST_DAY], database)
    if result.returncode == 0:
        return kind, "accepted", ""
    if result.returncode != 65:
        return kind, "crash", f"exit {result.returncode}: {result.stderr.strip()[:300]}"
    events = campaign.scalar(database, "SELECT count(*) FROM event")
    if events != database_counts[kind]:
        return kind, "partial", f"{events} events after a refusal"
    issues = [ISSUE.match(line) for line in result.stderr.splitlines()[1:] if line.startswith("  ") and not line.startswith("  …")]
    header = result.stderr.startswith(f"cedre: {kind} has ")
    if not header or not issues or any(issue is None for issue in issues):
        return kind, "unnamed", result.stderr.strip()[:300]
    fields = [FIELD.match(issue.group(3)) for issue in issues]
    if any(field is None for field in fields):
        return kind, "fieldless", next(issue.group(3) for issue, field in zip(issues, fields) if field is None)
    whole = [field.group(1) for field in fields if field.group(1) in ("(row)", "(json)", "(csv)", "(header)", "(file)")]
    return kind, "refused", whole[0] if whole else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutations", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args()
    network = campaign.Network(40, seed=3)
    folder = Path(tempfile.mkdtemp(prefix="cedre-mutations-"))

    members_csv = network.members_file.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(members_csv)))
    members_json = json.dumps([{key: value for key, value in row.items() if value} for row in rows],
                              ensure_ascii=False, indent=2) + "\n"
    events = "".join(network.events_file.read_text(encoding="utf-8").splitlines(keepends=True)[:150])
    files = {"members.csv": members_csv, "members.json": members_json, "events.jsonl": events}
    empty = folder / "empty.sqlite"
    campaign.must(campaign.cedre(["init"], empty))
    bases = {"members.csv": empty, "members.json": empty, "events.jsonl": network.members_only}
    counts = {"members.csv": 0, "members.json": 0, "events.jsonl": network.base_events}
    for kind, text in files.items():
        probe = campaign.copy(bases[kind], folder / "probe.sqlite")
        (folder / kind).write_text(text, encoding="utf-8")
        campaign.must(campaign.cedre(["import", str(folder / kind), "--as-of", campaign.LAST_DAY], probe))

    tally = {}
    categories = {}
    examples = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=options.workers) as pool:
        outcomes = pool.map(lambda number: trial(number, options.seed, files, bases, folder, counts),
                            range(options.mutations), chunksize=1)
        for kind, outcome, detail in outcomes:
            tally[outcome] = tally.get(outcome, 0) + 1
            if outcome == "refused" and detail:
                categories[detail] = categories.get(detail, 0) + 1
            if outcome == "fieldless":
                examples.setdefault(detail.split("(")[0][:60], detail)
            if outcome in ("crash", "partial", "unnamed", "fieldless") or options.verbose:
                print(f"{kind}: {outcome}: {detail}", file=sys.stderr)
    if options.verbose:
        for detail in examples.values():
            print(f"refusal naming no field: {detail}", file=sys.stderr)
    refused = tally.get("refused", 0) + tally.get("fieldless", 0)
    whole = sum(categories.values())
    print(f"mutations: {options.mutations} seeded mutations of members.csv, members.json and events.jsonl; "
          f"accepted {tally.get('accepted', 0)}, refused {refused} ({refused - whole - tally.get('fieldless', 0)} naming "
          f"a column or member, {whole} naming the whole line: "
          f"{', '.join(f'{kind} {count}' for kind, count in sorted(categories.items()))}); crashes {tally.get('crash', 0)}, "
          f"partial writes {tally.get('partial', 0)}, rejections not naming file and line {tally.get('unnamed', 0)}, "
          f"naming no field {tally.get('fieldless', 0)}")
    sys.exit(1 if tally.get("crash") or tally.get("partial") or tally.get("unnamed") or tally.get("fieldless") else 0)


if __name__ == "__main__":
    main()
