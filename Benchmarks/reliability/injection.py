"""Data that injects (DESIGN §10): the review's payloads (formulas, terminal escapes, markup,
a forged Markdown row, Unicode line and bidi controls) as member names, actors, finding
statements and cancellation reasons, through every output format. None may reach its reader
unescaped, checked by reading each format as its reader does:

- terminal (tables, sheets, the log, errors): no control character, line break inside a
  line, C1 control or bidi control on standard output or standard error;
- CSV: Python's csv module; no cell starts a formula (=, +, -, @, TAB, CR), every row has
  the header's width;
- Markdown: markdown-it-py (CommonMark with tables) renders it; the rendered HTML has no
  element the report itself does not write (no script, img, a, code…) and exactly as many
  table rows, strong and em elements as the same report of plain names;
- HTML (the reports, and the Markdown rendered): headless Chromium loads it and dumps the
  DOM; no script, img, iframe, a, object, embed or form element and no `on…` attribute;
- ICS: the icalendar package parses it; as many events as the plain calendar, each with
  exactly the properties cedre writes;
- JSON: parsed, and every payload reads back as written.

    python3 Benchmarks/reliability/injection.py
"""

import argparse
import collections
import csv
import html.parser
import io
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import campaign

PAYLOADS = [
    "=HYPERLINK(\"http://evil.example\";\"clic\")", "+1+1", "-2+3", "@SUM(A1:A9)", "\tTAB", "\rCR",
    "clear\x1b[2J\x1b[H", "title\x1b]0;owned\x07", "over\rwrite", "csi\u009b31m", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "a | b\n| forged | row |", "line\u2028break", "par\u2029graph", "bidi\u202etxt",
    "**bold** _it_ [link](http://evil.example) `code`", "# heading", "1. list", "- item", "&lt;script&gt;", "> quote",
    "[x]: http://evil.example", "<a href=\"javascript:alert(1)\">x</a>",
]
FORBIDDEN_ELEMENTS = {"script", "img", "iframe", "a", "object", "embed", "form", "input", "link", "base", "code", "pre",
                      "blockquote", "h4", "h5", "h6", "ol", "hr", "br", "del", "s"}
ICS_PROPERTIES = {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION", "STATUS", "TRANSP"}


def steering(text):
    """The characters of `text` that steer a terminal (a line feed ends a line: allowed)."""
    return [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F
            or c in "\u2028\u2029\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]


class Elements(html.parser.HTMLParser):
    """Counts elements and event-handler attributes of an HTML text."""

    def __init__(self):
        super().__init__()
        self.counts = collections.Counter()
        self.handlers = 0

    def handle_starttag(self, tag, attributes):
        self.counts[tag] += 1
        self.handlers += sum(1 for name, _ in attributes if name.lower().startswith("on"))


def elements(text):
    parser = Elements()
    parser.feed(text)
    return parser


def build(database, names):
    """A database with one member per name (plus a finding and a cancelled audit each)."""
    campaign.remove(database)
    campaign.must(campaign.cedre(["init"], database))
    for index, name in enumerate(names):
        member = f"inj-{index:02d}"
        actor = [f"--actor={name}"]
        campaign.must(campaign.cedre(["member", "add", "--id", member, f"--name={name}", "--type", "AI",
                                      "--departement", "49", "--as-of", "2014-01-01"] + actor, database))
        campaign.must(campaign.cedre(["cert", "engage", member, "--scheme", "cedre", "--on", "2014-01-10"] + actor,
                                     database))
        day = f"2014-03-{3 + index % 20:02d}"
        audit = campaign.must(campaign.cedre(["audit", "plan", member, "--scheme", "cedre", "--kind", "initial",
                                              "--on", day, "--as-of", "2014-02-01"], database)).stdout.strip()
        campaign.must(campaign.cedre(["audit", "conduct", audit, "--on", day, "--as-of", day], database))
        campaign.must(campaign.cedre(["finding", "open", audit, "--grade", "major", "--requirement", "4.2",
                                      f"--statement={name}", "--on", day, "--as-of", day], database))
        later = campaign.must(campaign.cedre(["audit", "plan", member, "--scheme", "cedre", "--kind", "special",
                                              "--on", "2014-09-15", "--as-of", "2014-04-01"], database)).stdout.strip()
        campaign.must(campaign.cedre(["audit", "cancel", later, f"--reason={name}", "--as-of", "2014-04-02"], database))


OUTPUTS = {
    "terminal": [["member", "list"], ["log"], ["report", "status"], ["report", "certifications", "--year", "2014"],
                 ["report", "findings"], ["report", "audits", "--from", "2014-01-01", "--to", "2014-12-31"],
                 ["check", "--dry-run", "--all"], ["cert", "show", "inj-00", "--scheme", "cedre"],
                 ["finding", "list"], ["audit", "list"]],
    "csv": [["member", "list"], ["log"], ["report", "status"], ["report", "certifications", "--year", "2014"],
            ["report", "findings"], ["report", "audits", "--from", "2014-01-01", "--to", "2014-12-31"],
            ["check", "--dry-run", "--all"], ["export", "--registry"], ["finding", "list"], ["audit", "list"]],
    "markdown": [["member", "list"], ["log"], ["report", "status"], ["report", "certifications", "--year", "2014"],
                 ["report", "findings"], ["report", "audits", "--from", "2014-01-01", "--to", "2014-12-31"],
                 ["check", "--dry-run", "--all"], ["finding", "list"], ["audit", "list"]],
    "html": [["report", "status"], ["report", "certifications", "--year", "2014"], ["report", "findings"],
             ["report", "audits", "--from", "2014-01-01", "--to", "2014-12-31"]],
    "ics": [["report", "audits", "--from", "2014-01-01", "--to", "2014-12-31"]],
    "json": [["member", "list"], ["log"], ["report", "findings"], ["finding", "list"]],
}


def produce(database, arguments, form, folder):
    """What the command writes in `form`, as text."""
    extra = [] if form == "terminal" or arguments[0] == "export" else ["--format", form]
    if arguments[:2] == ["export", "--registry"] and form != "csv":
        return None
    result = campaign.cedre(arguments + extra + ["--as-of", "2016-12-31", "--lang", "en"]
                            if arguments[0] not in ("export", "log", "member", "cert", "finding", "audit")
                            else arguments + extra + ["--as-of", "2016-12-31"], database)
    if result.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(arguments + extra)} exited {result.returncode}: {result.stderr}")
    return result


def chromium_dom(page, folder):
    """The DOM headless Chromium builds from an HTML file."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    result = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
                            capture_output=True, text=True, timeout=120)
    return result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args()
    import icalendar
    from markdown_it import MarkdownIt

    markdown = MarkdownIt("commonmark").enable("table")
    folder = Path(tempfile.mkdtemp(prefix="cedre-injection-"))
    injected = folder / "injected.sqlite"
    plain = folder / "plain.sqlite"
    build(injected, PAYLOADS)
    build(plain, [f"Plain name {index}" for index in range(len(PAYLOADS))])

    checks = collections.Counter()
    failures = collections.Counter()

    def verdict(form, label, problems):
        checks[form] += 1
        if problems:
            failures[form] += 1
            print(f"{form} {label}: {problems}", file=sys.stderr)
        elif options.verbose:
            print(f"{form} {label}: clean", file=sys.stderr)

    for form, commands in OUTPUTS.items():
        for arguments in commands:
            label = " ".join(arguments)
            result = produce(injected, arguments, form, folder)
            reference = produce(plain, arguments, form, folder)
            text = result.stdout
            problems = []
            if steering(result.stderr):
                problems.append(f"stderr steers: {steering(result.stderr)[:5]}")
            if form == "terminal":
                if steering(text):
                    problems.append(f"steering characters {sorted(set(map(repr, steering(text))))[:8]}")
            elif form == "csv":
                rows = list(csv.reader(io.StringIO(text, newline="")))
                width = len(rows[0])
                for row in rows:
                    if len(row) != width:
                        problems.append(f"a row of {len(row)} cells, not {width}")
                    for cell in row:
                        if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                            problems.append(f"formula cell {cell[:30]!r}")
            elif form == "markdown":
                rendered, expected = markdown.render(text), markdown.render(reference.stdout)
                found, baseline = elements(rendered), elements(expected)
                for tag in sorted(set(found.counts) | set(baseline.counts)):
                    if tag in FORBIDDEN_ELEMENTS and found.counts[tag]:
                        problems.append(f"<{tag}> ×{found.counts[tag]}")
                    elif tag in ("tr", "strong", "em", "li", "h1", "h2", "h3", "table") \
                            and found.counts[tag] != baseline.counts[tag]:
                        problems.append(f"<{tag}> ×{found.counts[tag]}, plain report ×{baseline.counts[tag]}")
                page = folder / "rendered-markdown.html"
                page.write_text("<!DOCTYPE html><html><body>" + rendered + "</body></html>", encoding="utf-8")
                dom = elements(chromium_dom(page, folder))
                if dom.handlers or any(dom.counts[tag] for tag in FORBIDDEN_ELEMENTS):
                    problems.append(f"Chromium DOM of the rendered Markdown: {dict(dom.counts)}, handlers {dom.handlers}")
                checks["chromium"] += 1
                if steering(rendered):
                    problems.append("rendered Markdown holds steering characters")
            elif form == "html":
                page = folder / "report.html"
                page.write_text(text, encoding="utf-8")
                dom = elements(chromium_dom(page, folder))
                checks["chromium"] += 1
                bad = {tag: dom.counts[tag] for tag in FORBIDDEN_ELEMENTS if dom.counts[tag]}
                if bad or dom.handlers or not dom.counts["main"]:
                    problems.append(f"Chromium DOM: {bad}, handlers {dom.handlers}, main {dom.counts['main']}")
            elif form == "ics":
                calendar = icalendar.Calendar.from_ical(text)
                events = [component for component in calendar.walk("VEVENT")]
                baseline = [component for component in icalendar.Calendar.from_ical(reference.stdout).walk("VEVENT")]
                if len(events) != len(baseline):
                    problems.append(f"{len(events)} events, plain calendar {len(baseline)}")
                for event in events:
                    if set(event.keys()) != ICS_PROPERTIES:
                        problems.append(f"properties {sorted(event.keys())}")
                    for key in ("UID", "SUMMARY", "LOCATION"):
                        if steering(str(event.get(key, ""))) or "\n" in str(event.get(key, "")):
                            problems.append(f"{key} holds {repr(str(event.get(key)))[:40]}")
            elif form == "json":
                # A name is stored trimmed of the spaces and line breaks around it (member add).
                document = json.loads(text)
                raw = [c for c in text if 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029\u202e"]
                if raw:
                    problems.append(f"unescaped {raw[:5]}")
                flat = json.dumps(document, ensure_ascii=False)
                if arguments[0] == "member" and not all(
                        json.dumps(payload.strip(), ensure_ascii=False)[1:-1] in flat for payload in PAYLOADS):
                    problems.append("a payload does not read back as written")
            verdict(form, label, problems)

    unknown = campaign.cedre(["cert", "show", "x\x1b]0;owned\x07\u2028y", "--scheme", "cedre"], injected)
    verdict("terminal", "error echoing an id", [f"stderr steers: {steering(unknown.stderr)}"]
            if steering(unknown.stderr) or unknown.returncode != 65 else [])

    total = sum(checks[form] for form in OUTPUTS)
    reached = sum(failures.values())
    parts = ", ".join(f"{form} {checks[form]}" for form in OUTPUTS)
    print(f"injection: {len(PAYLOADS)} payloads as names, actors, statements and reasons; {total} outputs read "
          f"({parts}, {checks['chromium']} loaded in headless Chromium); outputs where a payload reached its reader "
          f"unescaped {reached}" + (f" ({dict(failures)})" if reached else ""))
    sys.exit(1 if reached else 0)


if __name__ == "__main__":
    main()
