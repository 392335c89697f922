#!/usr/bin/env python3
"""Open cedre's HTML reports in headless Chromium and prove they request nothing.

Usage: python3 Tests/tools/check-html-offline.py [FILE.html ...]
       (default: the HTML goldens in Tests/CedreReportsTests/__Snapshots__/)

For each file, Chromium loads it from disk with a network log (--log-net-log) and prints it
to PDF (--print-to-pdf). The check fails when the log holds any request made on behalf of the
page (every such request carries the page's file:// origin in its network isolation key;
Chromium's own background traffic, such as update checks, carries none and is ignored), or
when the PDF's pages are not A4 (595 × 842 points). Before the reports, a control page that
loads an image from http://example.invalid is opened the same way and MUST be caught, so the
check cannot pass by seeing nothing. Needs `chromium` (Debian: apt-get install -y chromium).
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT = sorted((ROOT / "Tests/CedreReportsTests/__Snapshots__").glob("*.html"))
CONTROL = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>control</title></head>' \
          '<body><img src="http://example.invalid/pixel.png" alt=""></body></html>'


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("check-html-offline: no chromium; on Debian run: apt-get install -y chromium")


def open_in_chromium(browser, page, workdir):
    """Loads `page`, returns (requests made for the page, PDF page sizes in points)."""
    log = workdir / "net.json"
    pdf = workdir / "page.pdf"
    profile = workdir / "profile"
    shutil.rmtree(profile, ignore_errors=True)
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--no-pdf-header-footer", f"--log-net-log={log}", "--net-log-capture-mode=Default",
        f"--print-to-pdf={pdf}", page.as_uri(),
    ]
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=False)
    events = json.loads(log.read_text())
    names = {value: key for key, value in events["constants"]["logEventTypes"].items()}
    requests = set()
    for event in events["events"]:
        parameters = event.get("params", {})
        if names.get(event["type"]) == "URL_REQUEST_START_JOB" and "file://" in parameters.get("network_isolation_key", ""):
            requests.add(parameters.get("url", "?"))
    sizes = set()
    if pdf.exists():
        for box in re.findall(rb"/MediaBox\s*\[\s*([\d.\s]+)\]", pdf.read_bytes()):
            numbers = [float(value) for value in box.split()]
            sizes.add((round(numbers[2] - numbers[0]), round(numbers[3] - numbers[1])))
    return requests, sizes


def main():
    paths = [pathlib.Path(argument).resolve() for argument in sys.argv[1:]] or DEFAULT
    browser = chromium()
    failed = False
    with tempfile.TemporaryDirectory(prefix="cedre-html-") as folder:
        workdir = pathlib.Path(folder)
        control = workdir / "control.html"
        control.write_text(CONTROL)
        requests, _ = open_in_chromium(browser, control, workdir)
        if "http://example.invalid/pixel.png" not in requests:
            sys.exit("check-html-offline: the control page's request was not seen; the network log cannot be trusted")
        print(f"control page: its request to example.invalid was caught ({os.path.basename(browser)})")
        for path in paths:
            requests, sizes = open_in_chromium(browser, path, workdir)
            problems = [f"requested {url}" for url in sorted(requests)]
            if sizes != {(595, 842)}:
                problems.append(f"PDF pages are {sorted(sizes)}, not A4 (595 x 842 points)")
            if problems:
                failed = True
                print(f"{path.name}: " + "; ".join(problems))
            else:
                print(f"{path.name}: no request outside the file; prints on A4: ok")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
