#!/usr/bin/env bash
# Imports an SIE 4E file of 100 000 #TRANS rows with `samsyn sie import` into the demo's 2023 budget,
# and counts the same file's lines with `wc -l`, in one run on the same machine; prints both times,
# the import's rows per second and the ratio. The import's start (migrations, opening the database)
# is measured apart on a file of one voucher and taken off, so the figure is the reading and writing.
# Usage: scripts/sie-benchmark.sh [path to samsyn binary] [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
samsyn=${1:-.build/release/samsyn}
rows=${2:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/make-example-sie.py bench "$rows" "$work/bench.se"
python3 scripts/make-example-sie.py bench 2 "$work/tiny.se"
export DATABASE_URL="sqlite://$work/bench.sqlite"
"$samsyn" import Sources/SamsynApp/Resources/Demo/norrbottens-kommuner.json >/dev/null 2>&1
seconds() { local start; start=$(date +%s.%N); "$@" >/dev/null 2>&1; echo "$(date +%s.%N) - $start" | bc; }
lines=$(seconds wc -l "$work/bench.se")
startup=$(seconds "$samsyn" sie import --org norrbottens-kommuner "$work/tiny.se")
total=$(seconds "$samsyn" sie import --org norrbottens-kommuner "$work/bench.se")
again=$(seconds "$samsyn" sie import --org norrbottens-kommuner "$work/bench.se")
import=$(echo "$total - $startup" | bc)
echo "$(grep -c '#TRANS' "$work/bench.se") #TRANS rows in $(wc -l < "$work/bench.se") lines ($(du -h "$work/bench.se" | cut -f1))"
echo "wc -l: ${lines}s; samsyn sie import: ${total}s, of which start ${startup}s; import ${import}s = $(echo "$rows / $import" | bc) rows/s; re-import (nothing changes): ${again}s"
echo "ratio (wc -l time / import time): $(echo "scale=4; $lines / $import" | bc)"
