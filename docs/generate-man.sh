#!/bin/bash
# Regenerates docs/cedre.1 (mdoc) from cedre's own help, with swift-argument-parser's
# generate-manual plugin. Run it from anywhere after changing a command's help;
# Tests/cedreTests/ManPageTests fails while the page is stale.
#
#   docs/generate-man.sh                          # dated today
#   CEDRE_MAN_DATE=2014-01-01 docs/generate-man.sh
set -euo pipefail
cd "$(dirname "$0")/.."
date="${CEDRE_MAN_DATE:-$(date +%F)}"

# 1. The plugin builds cedre and its generate-manual tool, and writes a first page.
swift package plugin generate-manual --configuration debug --date "$date" >&2

# 2. generate-manual drops every character that is not ASCII (its String+Escaping.swift loops
#    `where character.isASCII`): "département" would read "dpartement". So run the plugin's tool
#    once more on a wrapper whose help dump spells those characters as placeholders, and turn
#    the placeholders into mdoc's \[uXXXX] escapes.
bin="$(swift build --show-bin-path)"
tool="$bin/generate-manual-tool"
[ -x "$tool" ] || tool="$(find .build -type f -name generate-manual-tool -perm -u+x | head -n 1)"
[ -x "$tool" ] || { echo "generate-man.sh: generate-manual-tool was not built" >&2; exit 70; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/cedre" <<WRAPPER
#!/bin/sh
"$bin/cedre" "\$@" | perl -CS -pe 's/([^\\x00-\\x7F])/sprintf("CEDREU%04XCEDRE", ord(\$1))/ge'
WRAPPER
chmod +x "$work/cedre"
mkdir "$work/manual"
"$tool" "$work/cedre" --date "$date" --output-directory "$work/manual" >&2
perl -pe 's/CEDREU([0-9A-F]{4,6})CEDRE/\\[u$1]/g' "$work/manual/cedre.1" > docs/cedre.1
echo "Wrote docs/cedre.1 ($(wc -l < docs/cedre.1) lines, dated $date)."
