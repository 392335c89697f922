#!/usr/bin/env bash
# The DESIGN §10 campaigns at full size, one line of figures each; needs the release cedre
# (swift build -c release -Xswiftc -static-executable in the repository root); injection.py also needs
# pip install icalendar markdown-it-py and apt-get install -y chromium.
set -uo pipefail
cd "$(dirname "$0")"
status=0
for campaign in "kill.py --trials 100 --members 2000" "concurrency.py --processes 8 --commands 500" \
    "mutations.py --mutations 10000" "tampering.py --edits 1000" "newer_schema.py" \
    "output_failures.py --trials 100 --members 1000" "bounds.py --members 60" "injection.py" \
    "trust_tampering.py --trials 350 --members 500"; do
  # shellcheck disable=SC2086
  python3 $campaign || status=1
done
exit $status
