#!/usr/bin/env python3
"""Replays the reproductions of findings 1-3 of the security probe of 43f0f05
(../shared/reviews/security-probe-43f0f05.md) against a served demo, as an editor with a personal
API token made through the account page: each request must be answered with a 4xx within 2 s, the
server must still answer /health afterwards, and its memory must stay within 200 MB of before. Then
measures finding 4: a Kolada import of a 20 MB body must peak at no more than 4x the body plus
100 MB above the server's memory before it (the peak read from /proc after resetting it).

    scripts/probe-replay.py http://127.0.0.1:8197 SERVER_PID
"""
import json, sys, time, urllib.error, urllib.request

from demo_token import editor_token

base = sys.argv[1].rstrip("/")
pid = int(sys.argv[2])
org = "/api/v1/organisations/norrbottens-kommuner"
def memory(field="VmRSS"):
    """The server's resident memory (or its peak, VmHWM) in bytes, from /proc."""
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise SystemExit(f"no {field} for process {pid}")


def send(method, path, body, content_type):
    request = urllib.request.Request(base + path, data=body, method=method,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": content_type})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    return status, text, time.monotonic() - started


token = editor_token(base, "probe-replay")

sie = "#FLAGGA 0\n#SIETYP 4E\n#RAR 0 20230101 20231231\n#VER \"A\" 1 20230110 \"x\"\n{\n"
cases = [
    ("1: a { inside an SIE object list", "POST", f"{org}/budgets/2023/outcomes",
     (sie + "#TRANS 5010 {1 {} 100.00\n}\n").encode(), "application/octet-stream"),
    ("2: populations of Int.max", "PUT", f"{org}/budgets/2024",
     json.dumps({"spec": {"title": "Budget 2023", "lines": [], "fees": {"perMille": "0.34", "taxCapacity": 1, "taxCapacityYear": 2023,
                 "taxCapacityKind": "published", "taxCapacitySource": "x", "populationDate": "2021-12-31", "populationSource": "x",
                 "populations": [{"member": "2580", "population": 9223372036854775807}]}}}).encode(), "application/json"),
    ("2: 47 rows of 999999999999999.99 in one SIE cell", "POST", f"{org}/budgets/2023/outcomes",
     (sie + "#TRANS 5010 {1 \"14\"} 999999999999999.99\n" * 47 + "}\n").encode(), "application/octet-stream"),
    ("2: an indicator value of 1e300", "PUT", f"{org}/documents/verksamhetsplan-2023/indicators/vantetid-ungdomsmottagning",
     b'{"title":"V\\u00e4ntetid","unit":"dagar","direction":"lower","aggregate":"mean","values":[{"area":"org","period":"2023","value":1e300}]}',
     "application/json"),
    ("3: a forecast of Int.min", "POST", f"{org}/budgets/2023/forecasts",
     b'{"throughMonth": 4, "lines": [{"side": "cost", "costCentre": "14", "amount": -9223372036854775808}]}', "application/json"),
    ("3: a budget line of Int.min", "PUT", f"{org}/budgets/2023",
     b'{"spec": {"title": "x", "lines": [{"side": "cost", "costCentre": "12", "name": "A", "amount": -9223372036854775808}]}}', "application/json"),
    ("3: a funding of Int.max and 1", "POST", f"{org}/fundings",
     b'{"key":"stor","spec":{"title":"Stor","funder":"uhr","programme":"x","amount":100000,"startsOn":"2023-01-01","endsOn":"2024-12-31",'
     b'"byYear":[{"year":2023,"amount":9223372036854775807},{"year":2024,"amount":1}]}}', "application/json"),
    ("3: 100 rows of 999999999999999.99 in one SIE cell", "POST", f"{org}/budgets/2023/outcomes",
     (sie + "#TRANS 5010 {1 \"14\"} 999999999999999.99\n" * 100 + "}\n").encode(), "application/octet-stream"),
    ("3: Kolada JSON nested 300 000 deep", "POST", f"{org}/kolada-imports",
     ('{"values": [], "x": ' + "[" * 300_000 + "]" * 300_000 + "}").encode(), "application/json"),
    ("3: a Kolada body of [null, null]", "POST", f"{org}/kolada-imports", b"[null, null]", "application/json"),
]

# Next year's proposal, as in the probe (an adopted budget would be refused before its bounds are read).
send("POST", f"{org}/budgets", b'{"year": 2024, "copyOf": 2023}', "application/json")
failed = False
before = memory()
for name, method, path, body, content_type in cases:
    status, text, took = send(method, path, body, content_type)
    ok = 400 <= status < 500 and took < 2
    failed |= not ok
    print(f"{'ok  ' if ok else 'FAIL'} finding {name}: {status} in {took:.2f} s {'' if ok else text[:200]}")
    try:
        with urllib.request.urlopen(base + "/health", timeout=5) as response:
            alive = response.status == 200
    except Exception:
        alive = False
    if not alive:
        raise SystemExit(f"FAIL the server no longer answers /health after finding {name}")
after = memory()
grown = (after - before) / 2**20
print(f"{'ok  ' if grown < 200 else 'FAIL'} memory {before / 2**20:.0f} MB before, {after / 2**20:.0f} MB after ({grown:+.0f} MB)")
failed |= grown >= 200

# Finding 4: a 20 MB Kolada answer of two pages.
values = []
for index in range(165_000):
    values.append({"kpi": f"N{index % 40:05d}", "municipality": f"{2501 + index // 40 % 80:04d}", "period": 1990 + index // 3200 % 35,
                   "values": [{"count": 1, "gender": "T", "status": "", "value": round(index * 0.37 % 1000, 2)}]})
half = len(values) // 2
body = json.dumps([{"values": values[:half]}, {"values": values[half:]}]).encode()
assert 19 * 2**20 < len(body) < 22 * 2**20, len(body)
base_memory = memory()
with open(f"/proc/{pid}/clear_refs", "w") as clear:
    clear.write("5")  # resets the peak (VmHWM) to the current resident size
status, text, took = send("POST", f"{org}/kolada-imports", body, "application/json")
peak = memory("VmHWM")
limit = 4 * len(body) + 100 * 2**20
ok = status == 200 and peak - base_memory <= limit
failed |= not ok
print(f"{'ok  ' if ok else 'FAIL'} a Kolada import of {len(body) / 2**20:.1f} MB: {status} in {took:.1f} s, peak {(peak - base_memory) / 2**20:.0f} MB "
      f"above the {base_memory / 2**20:.0f} MB before ({(peak - base_memory) / len(body):.1f}x the body; the limit is 4x + 100 MB = {limit / 2**20:.0f} MB)"
      + ("" if status == 200 else f" {text[:200]}"))
sys.exit(1 if failed else 0)
