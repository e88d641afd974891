#!/usr/bin/env python3
"""Runs axe-core 4.x in headless Chromium (Selenium, Debian's chromium and chromedriver) over
Samsyn's public pages, each at 1280 and at 390 px, and fails on any serious or critical WCAG 2.1
A/AA violation.

Usage: accessibility-check.py BASE_URL AXE_JS PATH...
"""
import json, sys
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

base, axe_path, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
axe = open(axe_path, encoding="utf-8").read()
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_script_timeout(60)
failures = 0
try:
    for path, width in [(path, width) for path in paths for width in (1280, 390)]:
        driver.set_window_size(width, 900)
        driver.get(base + path)
        driver.execute_script(axe)
        result = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})"
            ".then(r => done(JSON.stringify(r.violations))).catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));")
        violations = [v for v in json.loads(result) if v.get("impact") in ("serious", "critical")]
        failures += len(violations)
        print(f"{path} at {width} px: {'ok' if not violations else f'{len(violations)} serious or critical violations'}")
        for v in violations:
            print(f"  {v['id']} ({v['impact']}): {v['help']}")
            for node in v["nodes"][:3]:
                print(f"    {node.get('target')}")
finally:
    driver.quit()
print(f"axe-core: {len(paths)} pages, {failures} serious or critical violations")
sys.exit(1 if failures else 0)
