#!/usr/bin/env bash
# Serves the demo from a release build and measures, in one run on the same server:
# a trivial route (/health), the Verksamhetsplan page, the API tree of that plan and the plan's
# public follow-up dashboard; then the same three with the page cache switched off (uncached rendering). Reports requests per second,
# p50/p99 latency and each route's ratio to the trivial route. Usage: scripts/benchmark.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
command -v wrk >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
swift build -c release --product samsyn 2>&1 | tail -n 1
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT

serve() { # port, cache seconds
  DATABASE_URL="sqlite://$work/bench-$1.sqlite" SAMSYN_PAGE_CACHE_SECONDS=$2 \
    .build/release/samsyn demo --env production --port "$1" >"$work/server-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$1/health" >/dev/null && return; sleep 0.2; done
  echo "server on $1 did not start" >&2; cat "$work/server-$1.log" >&2; exit 1
}
serve 8181 5
serve 8182 0

plan=/o/norrbottens-kommuner/dokument/verksamhetsplan-2023
tree=/api/v1/organisations/norrbottens-kommuner/documents/verksamhetsplan-2023/tree
dashboard=/o/norrbottens-kommuner/uppfoljning/verksamhetsplan-2023

measure() { # name, url
  curl -sf "$2" >/dev/null
  wrk -t1 -c32 -d"${duration}s" --latency "$2" >"$work/wrk.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
  echo "$1|$rps|$p50|$p99"
}
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.3f", v/1000; else if (v ~ /ms$/) printf "%.3f", v+0; else printf "%.3f", v*1000 }'; }

results=()
results+=("$(measure "trivial route (/health)" "http://127.0.0.1:8181/health")")
results+=("$(measure "Verksamhetsplan page" "http://127.0.0.1:8181$plan")")
results+=("$(measure "API tree of the plan" "http://127.0.0.1:8181$tree")")
results+=("$(measure "follow-up dashboard of the plan" "http://127.0.0.1:8181$dashboard")")
results+=("$(measure "Verksamhetsplan page, uncached" "http://127.0.0.1:8182$plan")")
results+=("$(measure "API tree, uncached" "http://127.0.0.1:8182$tree")")
results+=("$(measure "follow-up dashboard, uncached" "http://127.0.0.1:8182$dashboard")")

IFS='|' read -r _ base_rps _ base_p99 <<<"${results[0]}"
base_p99_ms=$(to_ms "$base_p99")
echo
echo "wrk -t1 -c32 -d${duration}s, release build, SQLite, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "| route | req/s | p50 | p99 | throughput vs trivial | p99 vs trivial |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for row in "${results[@]}"; do
  IFS='|' read -r name rps p50 p99 <<<"$row"
  ratio=$(awk -v a="$rps" -v b="$base_rps" 'BEGIN { printf "%.0f%%", 100*a/b }')
  p99ratio=$(awk -v a="$(to_ms "$p99")" -v b="$base_p99_ms" 'BEGIN { printf "%.2f×", a/b }')
  echo "| $name | $rps | $p50 | $p99 | $ratio | $p99ratio |"
done

echo
echo "Page cache under a flood of distinct query strings (memory should stay flat):"
kill "${pids[@]}" 2>/dev/null || true
scripts/cache-flood.sh .build/release/samsyn 20000

echo
echo "Kolada import of 100 000 values against sqlite3 .import of the same values (target: ratio ≥ 0.2):"
scripts/kolada-benchmark.sh .build/release/samsyn
