#!/usr/bin/env python3
"""Records every public page and public API GET of a running Samsyn into a folder, one
file per URL (status line and body), so that a restructuring can be checked byte for byte:

    scripts/snapshot-public.py http://127.0.0.1:8080 /tmp/before
    ... change the code, restart the server on a fresh demo database ...
    scripts/snapshot-public.py http://127.0.0.1:8080 /tmp/after
    diff -r /tmp/before /tmp/after

Pages are found by following links from the home page; API URLs are the fixed collection
routes plus the API twin of every page found (documents, nodes, groups, units, actors).
"""
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

base, out = sys.argv[1].rstrip("/"), sys.argv[2]
# Pages whose body differs on every request by design (fresh CSRF tokens).
UNSTABLE = {"/logga-in"}


def fetch(path):
    try:
        with urllib.request.urlopen(base + path) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def save(path, status, body):
    name = urllib.parse.quote(path, safe="") or "root"
    with open(os.path.join(out, name), "wb") as handle:
        handle.write(f"{status}\n".encode() + body)


os.makedirs(out, exist_ok=True)
seen, queue, pages = set(), ["/"], []
while queue:
    path = queue.pop()
    if path in seen or path in UNSTABLE:
        continue
    seen.add(path)
    status, content_type, body = fetch(path)
    save(path, status, body)
    if "text/html" not in content_type:
        continue
    pages.append(path)
    for href in re.findall(r'href="([^"#]*)', body.decode("utf-8", "replace")):
        href = href.replace("&amp;", "&")
        if href.startswith("/") and not href.startswith("/api/") and not href.startswith("//"):
            queue.append(href)

api = ["/api/v1/organisations", "/api/v1/municipalities", "/api/v1/agenda-2030/goals"]
twins = [
    (r"^/o/([^/]+)$", ["", "/members", "/agenda-2030", "/structure", "/documents"]),
    (r"^/o/([^/]+)/dokument/([^/]+)$", ["/documents/{1}", "/documents/{1}/tree"]),
    (r"^/o/([^/]+)/dokument/([^/]+)/(?!version$)([^/]+)$", ["/documents/{1}/nodes/{2}"]),
    (r"^/o/([^/]+)/organisation/([^/]+)$", ["/groups/{1}"]),
    (r"^/o/([^/]+)/enheter/([^/]+)$", ["/units/{1}"]),
    (r"^/o/([^/]+)/aktorer/([^/]+)$", ["/actors/{1}"]),
]
for page in pages:
    for pattern, suffixes in twins:
        match = re.match(pattern, page)
        if match:
            for suffix in suffixes:
                api.append(f"/api/v1/organisations/{match.group(1)}" + suffix.format(*match.groups()))
for path in sorted(set(api)):
    status, _, body = fetch(path)
    save(path, status, body)
print(f"{len(pages)} pages and {len(set(api))} API responses in {out}")
json.dump(sorted(seen | set(api)), open(os.path.join(out, "..index.json"), "w"), indent=1)
