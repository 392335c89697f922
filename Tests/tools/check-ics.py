#!/usr/bin/env python3
"""Parse cedre's ICS outputs with a real calendar parser (the `icalendar` package).

Usage: python3 Tests/tools/check-ics.py [FILE.ics ...]
       (default: the audit programme goldens in Tests/CedreReportsTests/__Snapshots__/)

Checks, for each file: it parses; VERSION 2.0, the cedre PRODID, CALSCALE GREGORIAN and
METHOD PUBLISH; every VEVENT has a unique UID ending in @cedre, a DTSTAMP in UTC, an all-day
DTSTART and a DTEND the next day, a SUMMARY and a LOCATION; every physical line ends with
CRLF and holds at most 75 octets. Needs `pip install icalendar`.
"""
import datetime
import pathlib
import sys

try:
    import icalendar
except ImportError:
    sys.exit("check-ics: the icalendar package is missing; run: pip install icalendar")

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT = sorted((ROOT / "Tests/CedreReportsTests/__Snapshots__").glob("*.ics"))


def check(path):
    problems = []
    raw = path.read_bytes()
    if not raw.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    for number, line in enumerate(raw.split(b"\r\n")[:-1], start=1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: a bare CR or LF")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets, more than 75")
        line.decode("utf-8")
    calendar = icalendar.Calendar.from_ical(raw)
    expected = {"VERSION": "2.0", "PRODID": "-//cedre//audit programme//FR", "CALSCALE": "GREGORIAN", "METHOD": "PUBLISH"}
    for key, value in expected.items():
        if str(calendar.get(key)) != value:
            problems.append(f"{key} is {calendar.get(key)!r}, not {value!r}")
    events = calendar.walk("VEVENT")
    uids = [str(event.get("UID")) for event in events]
    if len(set(uids)) != len(uids):
        problems.append("UIDs are not unique")
    for event in events:
        uid = str(event.get("UID"))
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        stamp = event.decoded("DTSTAMP")
        if not uid.endswith("@cedre"):
            problems.append(f"{uid}: the UID does not end with @cedre")
        if isinstance(start, datetime.datetime) or not isinstance(start, datetime.date):
            problems.append(f"{uid}: DTSTART is not a date")
        elif end != start + datetime.timedelta(days=1):
            problems.append(f"{uid}: DTEND is not the day after DTSTART")
        if not isinstance(stamp, datetime.datetime) or stamp.utcoffset() != datetime.timedelta(0):
            problems.append(f"{uid}: DTSTAMP is not a UTC date-time")
        for key in ("SUMMARY", "LOCATION", "DESCRIPTION"):
            if not str(event.get(key, "")):
                problems.append(f"{uid}: no {key}")
    return len(events), problems


def main():
    paths = [pathlib.Path(argument) for argument in sys.argv[1:]] or DEFAULT
    if not paths:
        sys.exit("check-ics: no .ics file to check")
    failed = False
    for path in paths:
        count, problems = check(path)
        if problems:
            failed = True
            print(f"{path}: {len(problems)} problem(s)")
            for problem in problems[:20]:
                print(f"  {problem}")
        else:
            print(f"{path}: {count} events, parsed by icalendar {icalendar.__version__}: ok")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
