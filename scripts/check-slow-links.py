#!/usr/bin/env python3
"""Opens one page of every page type in headless Chromium over an emulated 2G link and checks
that each reaches its `load` event within the limit.

Usage: scripts/with-nginx.sh OUTPUT scripts/check-slow-links.py OUTPUT [LIMIT_SECONDS]

The site is served by nginx on loopback (scripts/with-nginx.sh: pre-compressed files sent as
they are). Chromium's network conditions: 250 kbit/s down, 50 kbit/s up, 300 ms round trip
(its "2G" profile), cache disabled, so each page is loaded as a first visit: its HTML, style
sheet, scripts and images. Prints the table of page types, bytes received and times; exits 1
if any page type takes longer than LIMIT_SECONDS (default 2).
"""
import os
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from site_pages import page_types  # noqa: E402

DOWN = 250_000 // 8   # bytes per second
UP = 50_000 // 8
LATENCY = 300         # milliseconds, round trip


def main():
    output = pathlib.Path(sys.argv[1]).resolve()
    limit = float(sys.argv[2]) if len(sys.argv) > 2 else 2.0
    base = os.environ["SITE_URL"]
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    rows, failed = [], 0
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": False, "latency": LATENCY, "downloadThroughput": DOWN, "uploadThroughput": UP})
        for name, path in sorted(page_types(output).items()):
            url = base + "/" + path.relative_to(output).as_posix()
            driver.get(url)
            timing = driver.execute_script(
                "const n = performance.getEntriesByType('navigation')[0];"
                "const r = performance.getEntriesByType('resource');"
                "return [n.loadEventEnd, n.transferSize + r.reduce((s, e) => s + e.transferSize, 0), r.length, n.responseStart];")
            seconds, received, resources = timing[0] / 1000, timing[1], timing[2]
            ok = 0 < seconds <= limit
            failed += 0 if ok else 1
            rows.append((name, received, resources + 1, seconds, "ok" if ok else f"over {limit:g} s"))
    finally:
        driver.quit()
    print(f"2G (250 kbit/s down, 300 ms round trip), cold cache, served by nginx with gzip_static/brotli_static:")
    print(f"{'page type':<24} {'bytes':>8} {'files':>5} {'load':>7}")
    for name, received, files, seconds, verdict in rows:
        print(f"{name:<24} {received:>8} {files:>5} {seconds:>6.2f}s  {verdict}")
    print(f"check-slow-links: {len(rows) - failed} page types within {limit:g} s, {failed} over")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
