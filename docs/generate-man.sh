#!/bin/bash
# Regenerates docs/cedre.1 (mdoc) from cedre's own help, with swift-argument-parser's
# generate-manual plugin. Run it from anywhere after changing a command's help;
# Tests/cedreTests/ManPageTests fails while the page is stale.
#
#   docs/generate-man.sh                          # dated today
#   CEDRE_MAN_DATE=2014-01-01 docs/generate-man.sh
#   docs/generate-man.sh --bin DIR --tool PATH --output FILE
#       builds nothing: writes the page of DIR/cedre with an already built generate-manual-tool
#       to FILE (ManPageTests compares it with docs/cedre.1 byte for byte)
set -euo pipefail
cd "$(dirname "$0")/.."
date="${CEDRE_MAN_DATE:-$(date +%F)}"
bin=""
tool=""
output="docs/cedre.1"
while [ $# -gt 0 ]; do
    case "$1" in
        --bin) bin="$2"; shift 2 ;;
        --tool) tool="$2"; shift 2 ;;
        --output) output="$2"; shift 2 ;;
        *) echo "generate-man.sh: unknown argument $1" >&2; exit 64 ;;
    esac
done

if [ -z "$bin" ]; then
    # 1. The plugin builds cedre and its generate-manual tool, and writes a first page.
    swift package plugin generate-manual --configuration debug --date "$date" >&2
    bin="$(swift build --show-bin-path)"
    tool="$bin/generate-manual-tool"
    [ -x "$tool" ] || tool="$(find .build -type f -name generate-manual-tool -perm -u+x | head -n 1)"
fi
[ -x "$tool" ] || { echo "generate-man.sh: generate-manual-tool was not built" >&2; exit 70; }

# 2. generate-manual drops every character that is not ASCII (its String+Escaping.swift loops
#    `where character.isASCII`): "département" would read "dpartement". So run the plugin's tool
#    once more on a wrapper whose help dump spells those characters as placeholders, and turn
#    the placeholders into mdoc's \[uXXXX] escapes.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/cedre" <<WRAPPER
#!/bin/sh
"$bin/cedre" "\$@" | perl -CS -pe 's/([^\\x00-\\x7F])/sprintf("CEDREU%04XCEDRE", ord(\$1))/ge'
WRAPPER
chmod +x "$work/cedre"
mkdir "$work/manual"
"$tool" "$work/cedre" --date "$date" --output-directory "$work/manual" >&2

# 3. A help's blank line (between paragraphs of a discussion) is an empty input line, which
#    mdoc warns about ("man -l" prints one warning each): it becomes the paragraph macro .Pp.
perl -pe 's/CEDREU([0-9A-F]{4,6})CEDRE/\\[u$1]/g; s/^$/.Pp/' "$work/manual/cedre.1" > "$output"
echo "Wrote $output ($(wc -l < "$output") lines, dated $date)." >&2
