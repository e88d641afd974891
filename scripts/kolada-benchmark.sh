#!/usr/bin/env bash
# Imports 100 000 Kolada values (v3 format, 20 pages of 5 000 rows) with `samsyn kolada import`,
# and the same values as CSV with `sqlite3 .import` into a table of the same shape, in one run on
# the same machine; prints both times and the ratio (target: Kolada at no less than 0.2× raw).
# Usage: scripts/kolada-benchmark.sh [path to samsyn binary]
set -euo pipefail
cd "$(dirname "$0")/.."
samsyn=${1:-.build/release/samsyn}
command -v sqlite3 >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
rows, csv = [], []
kpis = [f"N{n:05d}" for n in range(1, 26)]
municipalities = [f"{n:04d}" for n in range(2501, 2581)]
for kpi in kpis:
    for municipality in municipalities:
        for year in range(2000, 2025):
            for gender in ("T", "K", "M", "F")[:2]:
                value = round(((hash((kpi, municipality, year, gender)) % 100000) / 100.0), 2)
                rows.append((kpi, municipality, year, gender, value))
rows = rows[:100000]
pages = [rows[i:i + 5000] for i in range(0, len(rows), 5000)]
for number, page in enumerate(pages):
    body = {"count": len(page), "values": [{"kpi": k, "municipality": m, "period": y, "values": [{"count": 1, "gender": g, "status": "", "value": v}]}
                                            for k, m, y, g, v in page]}
    if number + 1 < len(pages):
        body["next_url"] = f"https://api.kolada.se/v3/data?page={number + 2}"
    json.dump(body, open(f"{work}/page-{number + 1:02d}.json", "w"))
with open(f"{work}/values.csv", "w") as out:
    for k, m, y, g, v in rows:
        out.write(f"{k},{m},{y},{g},{v},1,\n")
print(f"{len(rows)} values in {len(pages)} pages")
PY
DATABASE_URL="sqlite://$work/kolada.sqlite" "$samsyn" migrate >/dev/null 2>&1
start=$(date +%s.%N)
DATABASE_URL="sqlite://$work/kolada.sqlite" "$samsyn" kolada import "$work"/page-*.json 2>/dev/null | tail -n 1
kolada=$(echo "$(date +%s.%N) - $start" | bc)
DATABASE_URL="sqlite://$work/raw.sqlite" "$samsyn" migrate >/dev/null 2>&1
start=$(date +%s.%N)
sqlite3 "$work/raw.sqlite" ".mode csv" ".import $work/values.csv followup_kolada_values"
raw=$(echo "$(date +%s.%N) - $start" | bc)
echo "kolada import: ${kolada}s, sqlite3 .import: ${raw}s, ratio (raw time / Kolada time): $(echo "scale=2; $raw / $kolada" | bc)"
