#!/usr/bin/env python3
"""End-to-end in a real headless browser (Selenium with Debian's chromium and chromedriver),
against `samsyn demo`: signs in as the demo editor, creates next year's plan from this year's,
edits a key activity, adopts the plan, makes and adopts a second version, and checks the public
page and its version history. Also runs axe-core over the signed-in pages.

Usage: e2e-editing.py BASE_URL AXE_JS
"""
import json, sys, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

base, axe_path = sys.argv[1], sys.argv[2]
axe = open(axe_path, encoding="utf-8").read()
org = "/o/norrbottens-kommuner"
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_script_timeout(60)
failures = []

def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)

def fill(fields):
    for element_id, value in fields.items():
        element = driver.find_element(By.ID, element_id)
        element.clear()
        element.send_keys(value)

def settle(old_page):
    """Waits until the old page is gone and the new one has finished loading."""
    WebDriverWait(driver, 30).until(expected_conditions.staleness_of(old_page))
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")

def submit(form_action_suffix):
    """Submits the form whose action ends so, and waits for the next page to replace this one."""
    form = next(f for f in driver.find_elements(By.TAG_NAME, "form") if f.get_attribute("action").endswith(form_action_suffix))
    page = driver.find_element(By.TAG_NAME, "html")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    settle(page)

def follow(link_text):
    # A page still settling can detach the element between finding and clicking it: try again.
    for attempt in range(5):
        try:
            page = driver.find_element(By.TAG_NAME, "html")
            driver.find_element(By.LINK_TEXT, link_text).click()
            settle(page)
            return
        except WebDriverException:
            if attempt == 4:
                raise
            time.sleep(0.5)

def axe_check(label):
    driver.execute_script(axe)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})"
        ".then(r => done(JSON.stringify(r.violations)));")
    serious = [v["id"] for v in json.loads(result) if v.get("impact") in ("serious", "critical")]
    check(not serious, f"axe on {label}: {serious or 'no serious or critical violations'}")

try:
    driver.get(base + "/logga-in")
    fill({"email": "redaktor@demo.samsyn.se", "password": "samsyn-demo-2023"})
    submit("/logga-in")
    check(driver.current_url.endswith("/konto"), "signed in and landed on the account page")
    axe_check("the account page")

    driver.get(base + org + "/redigera")
    axe_check("the editor's index")
    fill({"slug-verksamhetsplan-2023": "verksamhetsplan-2024", "title-verksamhetsplan-2023": "Verksamhetsplan 2024",
          "start-verksamhetsplan-2023": "2024", "end-verksamhetsplan-2023": "2024"})
    submit("/redigera/verksamhetsplan-2023/kopia")
    check(driver.current_url.endswith("/redigera/verksamhetsplan-2024/1?klart=kopia"), "next year's plan created as a draft")
    check("Kopian är skapad som utkast." in driver.page_source, "the page says what was done")
    axe_check("the draft")

    follow("Utredning av Ungdomsmottagningarnas organisering")
    axe_check("the node form")
    fill({"title": "Utredning av ungdomsmottagningarnas organisering, fas 2", "text": "Fortsätter från **2023**."})
    submit("/nod/utredning-av-ungdomsmottagningarnas-organisering")
    check("/redigera/verksamhetsplan-2024/1" in driver.current_url, "the key activity saved")

    driver.get(base + org + "/dokument/verksamhetsplan-2024")
    check("Sidan finns inte" in driver.page_source, "the draft is not public")

    driver.get(base + org + "/redigera/verksamhetsplan-2024/1")
    fill({"body": "Förbundsfullmäktige", "date": "2023-11-24", "reference": "§ 7"})
    submit("/anta")
    check("Ja, anta och publicera" in driver.page_source, "adopting asks for confirmation first")
    submit("/anta")
    page = driver.page_source
    check("Utredning av ungdomsmottagningarnas organisering, fas 2" in page, "the public page shows the edited key activity")
    check("Förbundsfullmäktige" in page and "2023-11-24" in page, "the public page shows the adoption")

    driver.get(base + org + "/redigera")
    submit("/redigera/verksamhetsplan-2024/utkast")
    check(driver.current_url.endswith("/redigera/verksamhetsplan-2024/2?klart=utkast"), "a new version started as a draft")
    follow("Vi stödjer innovativa lösningar kring välfärdens utmaningar.")
    fill({"title": "Vi stödjer innovativa lösningar på välfärdens utmaningar."})
    submit("/nod/vi-stodjer-innovativa-losningar-kring-valfardens-utmaningar")
    fill({"body": "Styrelsen", "date": "2024-03-01", "reference": "§ 3"})
    submit("/anta")
    check("Ja, anta och publicera" in driver.page_source, "adopting asks for confirmation first")
    submit("/anta")

    driver.get(base + org + "/dokument/verksamhetsplan-2024")
    page = driver.page_source
    check("Version 2 – Antagen" in page and "Version 1 – Ersatt" in page, "the version history lists both versions")
    follow("ändringar mot version 1")
    page = driver.page_source
    check("Omformulerad" in page and "Vi stödjer innovativa lösningar på välfärdens utmaningar." in page, "the changes between the versions")
    axe_check("the version comparison")
    driver.get(base + org + "/dokument/verksamhetsplan-2024/version/1")
    check("Utredning av ungdomsmottagningarnas organisering, fas 2" in driver.page_source, "version 1 stays readable at its own address")

    driver.get(base + "/konto")
    submit("/logga-ut")
    driver.get(base + "/logga-in")
    fill({"email": "administrator@demo.samsyn.se", "password": "samsyn-demo-2023"})
    submit("/logga-in")
    driver.get(base + org + "/admin/logg")
    check("version.adopt" in driver.page_source and "redaktor@demo.samsyn.se" in driver.page_source, "the administrator sees the editor's changes")
    axe_check("the audit trail")
    driver.get(base + org + "/admin/anvandare")
    check("lulea@demo.samsyn.se" in driver.page_source, "the administrator sees the organisation's users")
    axe_check("the users page")
finally:
    driver.quit()
print(f"end-to-end: {len(failures)} failed")
sys.exit(1 if failures else 0)
