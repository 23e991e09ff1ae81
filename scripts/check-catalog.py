#!/usr/bin/env python3
"""Filters a catalog page in place in headless Chromium, from file://, as a reader would.

Usage: scripts/check-catalog.py CATALOG_PAGE FIELD KEY EXPECTED_COUNT [FRAGMENT EXPECTED_COUNT]

- ticking the FIELD=KEY box (found by keyboard: focus, then space) leaves EXPECTED_COUNT entries
  shown (the first hundred of them, with a button for more, on a catalog of more than a hundred
  entries, whose entries come from its entries.js), announces that count in the status line,
  and puts the selection in the URL's fragment;
- the counts of the other facets follow the selection;
- opening the page with FRAGMENT (#field=a,b&other=c) shows the second EXPECTED_COUNT entries,
  and so does ticking those values one by one on the page opened without it, which writes
  that same fragment;
- no request leaves the page (file:// only).
Exits 1 on any failure.
"""
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys


def shown(driver):
    return len([li for li in driver.find_elements(By.CSS_SELECTOR, ".catalog-entries > li") if li.is_displayed()])


def main():
    page = pathlib.Path(sys.argv[1]).resolve().as_uri()
    field, key, expected = sys.argv[2], sys.argv[3], int(sys.argv[4])
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    failures = []
    try:
        driver.get(page)
        total = shown(driver)
        box = driver.find_element(By.CSS_SELECTOR, f'.facet[data-field="{field}"] input[data-key="{key}"]')
        driver.execute_script("arguments[0].focus()", box)
        box.send_keys(Keys.SPACE)
        if shown(driver) != min(expected, 100):
            failures.append(f"{field}={key}: {shown(driver)} entries shown, expected {min(expected, 100)}")
        if expected > 100:
            more = driver.find_element(By.CSS_SELECTOR, ".catalog-more")
            more.click()
            if shown(driver) != min(expected, 200):
                failures.append(f"'show more': {shown(driver)} entries shown, expected {min(expected, 200)}")
        status = driver.find_element(By.CSS_SELECTOR, ".catalog-status").text
        if str(expected) not in status:
            failures.append(f"the status line says '{status}', not {expected}")
        if f"{field}={key}" not in driver.current_url:
            failures.append(f"the fragment does not hold the selection: {driver.current_url}")
        own = driver.find_element(By.CSS_SELECTOR, f'.facet[data-field="{field}"] input[data-key="{key}"]')
        other_counts = [c.text for c in driver.find_elements(By.CSS_SELECTOR, f'.facet:not([data-field="{field}"]) .count')]
        if all(c in ("(0)",) for c in other_counts) or not own.is_selected():
            failures.append(f"counts of the other facets: {other_counts}")
        box.send_keys(Keys.SPACE)
        if shown(driver) != total:
            failures.append(f"unticking shows {shown(driver)} entries, not all {total}")
        if len(sys.argv) > 6:
            driver.get("about:blank")
            driver.get(page + sys.argv[5])
            wanted = int(sys.argv[6])
            if shown(driver) != min(wanted, 100) or str(wanted) not in driver.find_element(By.CSS_SELECTOR, ".catalog-status").text:
                failures.append(f"{sys.argv[5]}: {shown(driver)} entries shown, expected {wanted}")
            driver.get("about:blank")
            driver.get(page)
            for part in sys.argv[5].lstrip("#").split("&"):
                name, values = part.split("=")
                for value in values.split(","):
                    tick = driver.find_element(By.CSS_SELECTOR, f'.facet[data-field="{name}"] input[data-key="{value}"]')
                    driver.execute_script("arguments[0].focus()", tick)
                    tick.send_keys(Keys.SPACE)
            if shown(driver) != min(wanted, 100):
                failures.append(f"ticking {sys.argv[5]}: {shown(driver)} entries shown, expected {wanted}")
            if not driver.current_url.endswith(sys.argv[5]):
                failures.append(f"ticking {sys.argv[5]}: the fragment is {driver.current_url}")
        requests = [entry for entry in driver.get_log("performance") if '"Network.requestWillBeSent"' in entry["message"]
                    and '"url":"file://' not in entry["message"] and '"url":"about:blank"' not in entry["message"]
                    and '"url":"data:' not in entry["message"]]
        if requests:
            failures.append(f"{len(requests)} requests left file://")
    finally:
        driver.quit()
    for failure in failures:
        print("check-catalog: " + failure, file=sys.stderr)
    print(f"check-catalog: {sys.argv[1]}: {field}={key} filters in place, {'0 failures' if not failures else f'{len(failures)} failures'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
