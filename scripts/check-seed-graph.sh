#!/usr/bin/env bash
# The graph of the shared seeds must hold the gold key edges, with Musk–Putin strongest by
# count; `neighbors Putin --top 10` must name Musk, Taiwan, Xi Jinping and Starlink; an
# inflected query must find its entity; boilerplate must make no edge.
#   scripts/check-seed-graph.sh BINARY SHARED_DIR
set -euo pipefail
binary=$1
shared=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$binary" extract "$shared/seeds" --format jsonl > "$work/seeds.jsonl"
"$binary" build "$shared/seeds" --out "$work/graph" >/dev/null
python3 "$(dirname "$0")/check-key-edges.py" "$work/seeds.jsonl" "$work/graph/graph.graphml" "$shared/gold"

graph="$work/graph/graph.graphml"
"$binary" neighbors Putin --graph "$graph" --top 10 --format tsv | tail -n +2 | cut -f2 > "$work/putin.txt"
for name in "Elon Musk" "Taiwan" "Xi Jinping" "Starlink"; do
  grep -qx "$name" "$work/putin.txt" || { echo "FAIL neighbors Putin --top 10 lacks $name"; exit 1; }
done
echo "ok   neighbors Putin --top 10: $(paste -sd, "$work/putin.txt")"
"$binary" neighbors Kirijenką --graph "$graph" --top 1 | head -1 | grep -q "Sergei Kiriyenko" \
  || { echo "FAIL neighbors Kirijenką does not answer for Sergei Kiriyenko"; exit 1; }
echo "ok   neighbors Kirijenką answers for Sergei Kiriyenko"

# Edges that exist only when boilerplate lines count must not exist by default.
"$binary" build "$shared/seeds" --out "$work/with-boilerplate" --keep-boilerplate >/dev/null
python3 - "$graph" "$work/with-boilerplate/graph.graphml" <<'PY'
import sys
import xml.etree.ElementTree as ElementTree
def pairs(path):
    root = ElementTree.parse(path).getroot()
    return {frozenset((e.get("source"), e.get("target"))) for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")}
default, everything = pairs(sys.argv[1]), pairs(sys.argv[2])
only_boilerplate = everything - default
assert default <= everything, "the default graph has edges the boilerplate graph lacks"
print(f"ok   boilerplate lines add {len(only_boilerplate)} edges only when --keep-boilerplate is given")
PY
