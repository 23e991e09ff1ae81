#!/usr/bin/env python3
"""Opens a built search page from file:// in headless Chromium (selenium), types a query into the
search field key by key, as a reader would, and checks the expected entry comes first.

Usage: scripts/check-search-typing.py PAGE QUERY EXPECTED_FIRST_TITLE
"""
import pathlib
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def main():
    page, query, expected = pathlib.Path(sys.argv[1]).resolve(), sys.argv[2], sys.argv[3]
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(page.as_uri())
        field = driver.find_element(By.ID, "q")
        field.send_keys(query)
        deadline = time.time() + 10
        first = ""
        while time.time() < deadline:
            links = driver.find_elements(By.CSS_SELECTOR, "#search-results li a")
            if links:
                first = links[0].text
                if first == expected:
                    break
            time.sleep(0.1)
        status = driver.find_element(By.ID, "search-status").text
    finally:
        driver.quit()
    ok = first == expected
    print(f"typed '{query}': first result '{first}' ({status})")
    print(f"{int(ok)} passed, {int(not ok)} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
