#!/usr/bin/env bash
# Floods the page cache of a demo server with distinct query strings and reports the server's
# resident memory before and after, and the cache's requests per second. The cache keys pages
# only by the query parameters they use and is bounded in bytes, so memory should stay flat.
# Usage: scripts/cache-flood.sh [BINARY] [REQUESTS]   (default .build/release/samsyn, 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/release/samsyn}
requests=${2:-20000}
work=$(mktemp -d)
DATABASE_URL="sqlite://$work/flood.sqlite" "$binary" demo --env production --port 8183 >"$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf http://127.0.0.1:8183/health >/dev/null && break; sleep 0.2; done
page=http://127.0.0.1:8183/o/norrbottens-kommuner/dokument/verksamhetsplan-2023
curl -sf "$page" >/dev/null
rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
before=$(rss)
seconds=$(python3 - "$page" "$requests" <<'PY'
import sys, time, http.client, urllib.parse
start = time.monotonic()
url = urllib.parse.urlsplit(sys.argv[1])
connection = http.client.HTTPConnection(url.hostname, url.port)
for index in range(int(sys.argv[2])):
    connection.request("GET", f"{url.path}?utm_source=flood&n={index}")
    response = connection.getresponse(); response.read()
    assert response.status == 200, response.status
print(time.monotonic() - start)
PY
)
after=$(rss)
echo "| requests with distinct query strings | RSS before | RSS after | growth | req/s |"
echo "| ---: | ---: | ---: | ---: | ---: |"
awk -v n="$requests" -v b="$before" -v a="$after" -v s="$seconds" \
  'BEGIN { printf "| %d | %.1f MB | %.1f MB | %.1f MB | %.0f |\n", n, b/1024, a/1024, (a-b)/1024, n/s }'
