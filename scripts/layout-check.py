#!/usr/bin/env python3
"""Visits every public page (following the site's own links from the home page, drafts,
signed-in pages and downloads excluded) in headless Chromium and checks that none scrolls sideways at 390 px,
and that on pages with a chart every chart text is at least 16 px high at 1280 px.

Usage: layout-check.py BASE_URL [LIMIT]
"""
import http.client, sys, urllib.error, urllib.request
from urllib.parse import urljoin, urlparse
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

base = sys.argv[1].rstrip("/")
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 400
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"]:
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
skip = ("/api/", "/assets/", "/logga-in", "/logga-ut", "/konto", "/redigera", "/admin")
queue, seen, failures, visited = ["/"], {"/"}, [], 0
try:
    while queue and visited < limit:
        path = queue.pop(0)
        # Downloads (CSV, iCalendar) are files, not pages: only HTML is laid out (error pages too).
        try:
            with urllib.request.urlopen(base + path) as response:
                kind = response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            kind = error.headers.get("Content-Type", "")
        except (ValueError, http.client.HTTPException):
            continue  # not an address (an SVG link's href read as an object)
        if not kind.startswith("text/html"):
            continue
        visited += 1
        driver.set_window_size(390, 900)
        driver.get(base + path)
        wide = driver.execute_script("return document.documentElement.scrollWidth")
        if wide > driver.execute_script("return document.documentElement.clientWidth"):
            culprits = driver.execute_script("""
                const w = document.documentElement.clientWidth;
                return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1
                    && !e.closest('.table-scroll, .chart-scroll')).slice(0, 3).map(e => e.tagName + '.' + e.className);""")
            failures.append(f"{path}: scrolls sideways at 390 px (width {wide}; {culprits})")
        if driver.find_elements(By.CSS_SELECTOR, "svg text"):
            driver.set_window_size(1280, 900)
            driver.get(base + path)
            smallest = driver.execute_script(
                "return Math.min(...[...document.querySelectorAll('svg text')].map(t => parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM() ? t.getScreenCTM().a : 1)))")
            if smallest < 16:
                failures.append(f"{path}: chart text {smallest:.1f} px high at 1280 px")
        for link in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
            href = urljoin(base + path, link.get_attribute("href") or "")
            parsed = urlparse(href)
            if parsed.netloc != urlparse(base).netloc or parsed.path.startswith(skip):
                continue
            target = parsed.path + (f"?{parsed.query}" if parsed.query else "")
            if target not in seen:
                seen.add(target)
                queue.append(target)
finally:
    driver.quit()
for failure in failures:
    print("FAIL " + failure)
print(f"layout: {visited} pages, {len(failures)} problems")
sys.exit(1 if failures else 0)
