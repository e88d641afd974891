#!/usr/bin/env python3
"""The budget, fee and outcome downloads as their readers get them: the spreadsheet CSV opened by LibreOffice
(semicolon, UTF-8, Swedish locale) must give every amount cell as a number with the API's value,
and the open-data CSV read by Python's csv module must give the same numbers and names.

Usage: spreadsheet-check.py BASE_URL ORG YEAR
"""
import csv, io, json, os, subprocess, sys, tempfile, urllib.request
from openpyxl import load_workbook

base, org, year = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
failures = []

def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)

def get(path):
    with urllib.request.urlopen(base + path) as response:
        return response.read()

budget = json.loads(get(f"/api/v1/organisations/{org}/budgets/{year}"))
fees = json.loads(get(f"/api/v1/organisations/{org}/budgets/{year}/fees"))
rows = budget["costs"] + budget["revenues"]
expected_budget = [[r["amount"], r["comparison"]] for r in rows] + [
    [budget[name]["amount"], budget[name]["comparison"]] for name in ("costSum", "revenueSum", "result")]
expected_fees = [[m["population"], m["ceiling"], m["financing"]] for m in fees["table"]["members"]] + [
    [fees["table"]["population"], fees["table"]["ceiling"], fees["table"]["financing"]]]

def open_in_libreoffice(data, name):
    """Converts the CSV with LibreOffice's CSV filter: separator ; (59), quote " (34), UTF-8 (76), from row 1, Swedish (1053)."""
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, name + ".csv")
    with open(path, "wb") as file:
        file.write(data)
    subprocess.run(["soffice", "--headless", "--infilter=CSV:59,34,76,1,,1053", "--convert-to", "xlsx", "--outdir", folder, path],
                   check=True, capture_output=True, timeout=180)
    return load_workbook(os.path.join(folder, name + ".xlsx")).active

for label, sheet_path, open_path, columns, expected in [
        ("budget", f"/o/{org}/budget/{year}/kalkylark", f"/o/{org}/oppna-data/budget/{year}", (3, 5), expected_budget),
        ("fees", f"/o/{org}/budget/{year}/medlemsavgifter/kalkylark", f"/o/{org}/oppna-data/medlemsavgifter/{year}", (2, 3, 4), expected_fees)]:
    data = get(sheet_path)
    check(data.startswith(b"\xef\xbb\xbf"), f"{label}: the spreadsheet CSV starts with a byte-order mark")
    check(b";" in data.split(b"\r\n")[0], f"{label}: the spreadsheet CSV separates with semicolons")
    sheet = open_in_libreoffice(data, label)
    cells = [[row[i] for i in columns] for row in sheet.iter_rows(min_row=2, values_only=True)]
    numeric = all(isinstance(value, (int, float)) for row in cells for value in row if value is not None)
    check(numeric, f"{label}: LibreOffice reads every amount cell as a number")
    got = [[int(value) if value is not None else None for value in row] for row in cells]
    check(got == expected, f"{label}: LibreOffice's numbers equal the API's ({len(got)} rows)")
    if label == "fees":
        rates = {row[5] for row in sheet.iter_rows(min_row=2, values_only=True)}
        check(rates == {0.34}, f"fees: the rate 0,34 reads as the number 0.34 ({rates})")
    reader = list(csv.reader(io.StringIO(get(open_path).decode("utf-8"))))
    check(b"\xef\xbb\xbf" not in get(open_path)[:3] and "," in ",".join(reader[0]), f"{label}: the open-data CSV has a header and commas")
    values = [[int(row[i]) if row[i] else None for i in columns] for row in reader[1:]]
    check(values == expected, f"{label}: the open-data CSV's numbers equal the API's")
    if label == "fees":
        check({row[5] for row in reader[1:]} == {"0.34"}, "fees: the open-data CSV writes the rate with a decimal point")
        check([row[1] for row in reader[1:-1]] == [m["name"] for m in fees["table"]["members"]], "fees: the members' names as in the API")

# The outcomes per line and period: LibreOffice reads the amounts and the percentages as numbers; the
# open-data months add up to the outcome the API gives for the latest column.
outcomes = json.loads(get(f"/api/v1/organisations/{org}/budgets/{year}/outcomes"))
if outcomes["columns"]:
    expected = [[row["budget"], cell["throughMonth"], cell["outcome"], cell["budgetToDate"], cell["deviation"], cell.get("forecast")]
                for index in range(len(outcomes["columns"])) for row in outcomes["rows"] for cell in [row["cells"][index]]]
    data = get(f"/o/{org}/budget/{year}/utfall/kalkylark")
    sheet = open_in_libreoffice(data, "outcomes")
    cells = [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]
    got = [[int(row[i]) if row[i] is not None else None for i in (3, 4, 6, 7, 8, 10)] for row in cells]
    check(got == expected, f"outcomes: LibreOffice's numbers equal the API's ({len(got)} rows)")
    percents = [row[9] for row in cells if row[9] is not None]
    check(percents and all(isinstance(value, (int, float)) for value in percents), "outcomes: the deviation in percent reads as a number")
    reader = list(csv.DictReader(io.StringIO(get(f"/o/{org}/oppna-data/utfall/{year}").decode("utf-8"))))
    last = outcomes["columns"][-1]["throughMonth"]
    for row in outcomes["rows"]:
        months = sum(float(r["amount"]) for r in reader if r["side"] == row["side"] and r["costCentre"] == row["costCentre"] and int(r["month"]) <= last)
        if abs(round(months) - row["cells"][-1]["outcome"]) > 1:
            failures.append(f"outcomes: {row['costCentre']} months add up to {months}, the API says {row['cells'][-1]['outcome']}")
    check(not any(f.startswith("outcomes: ") and "add up" in f for f in failures), "outcomes: the open-data months add up to the API's outcome per line")

print(f"spreadsheet check: {len(failures)} failed")
sys.exit(1 if failures else 0)
