#!/usr/bin/env python3
"""Validates the real responses of a running Samsyn against the OpenAPI document it serves
(a CI check): every public API GET the crawler of scripts/snapshot-public.py finds must answer
with a body that matches the documented schema of its status.

    scripts/validate-api-responses.py http://127.0.0.1:8197
"""
import json, re, subprocess, sys, tempfile, urllib.parse, urllib.request
from pathlib import Path
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

base = sys.argv[1].rstrip("/")
document = json.loads(urllib.request.urlopen(base + "/api/v1/openapi.json").read())
text = json.dumps(document).replace('"#/components/', '"urn:openapi#/components/')
registry = Registry().with_resource("urn:openapi", Resource(contents=json.loads(text), specification=DRAFT202012))
paths = json.loads(text)["paths"]
templates = [(re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"), template) for template in paths]

out = Path(tempfile.mkdtemp())
subprocess.run([sys.executable, str(Path(__file__).parent / "snapshot-public.py"), base, str(out)], check=True, stdout=subprocess.DEVNULL)
checked, failures = 0, []
for url in json.loads((out / "..index.json").read_text()):
    if not url.startswith("/api/"):
        continue
    path = urllib.parse.urlsplit(url).path
    template = next((t for pattern, t in templates if pattern.match(path)), None)
    if template is None:
        failures.append(f"{url}: no documented path")
        continue
    raw = (out / urllib.parse.quote(url, safe="")).read_bytes()
    status, body = raw.split(b"\n", 1)
    response = paths[template]["get"]["responses"].get(status.decode())
    if response is None:
        failures.append(f"{url}: status {status.decode()} is not documented")
        continue
    if "$ref" in response:
        response = json.loads(text)["components"]["responses"][response["$ref"].split("/")[-1]]
    schema = response.get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        continue
    errors = list(Draft202012Validator(schema, registry=registry).iter_errors(json.loads(body)))
    for error in errors[:3]:
        failures.append(f"{url}: {'/'.join(map(str, error.path)) or '(root)'}: {error.message[:200]}")
    checked += 1
for failure in failures:
    print(failure)
print(f"{checked} API responses checked against the OpenAPI document, {len(failures)} problems")
sys.exit(1 if failures or checked == 0 else 0)
