#!/usr/bin/env python3
"""Runs axe-core (WCAG 2.0/2.1 A and AA rules) in headless Chromium on one page of every page
type, in every language, opened from file://, at 1280 px and 320 px, and in dark mode.

Usage: scripts/check-a11y.py OUTPUT_DIR
Needs Debian's chromium and chromium-driver, PyPI's selenium, and axe-core itself: the
axe.min.js of PyPI's axe-playwright-python (axe-core 4.x, installed with --no-deps: only the
script file is used), else the much older one bundled with axe-selenium-python.
Prints each violation and 'N passed, N failed'; exits 1 on any violation.
"""
import importlib.util
import pathlib
import sys


sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from site_pages import page_types  # noqa: E402

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_script():
    """The newest axe.min.js among the installed packages."""
    for package, relative in (("axe_playwright_python", "axe.min.js"),
                              ("axe_selenium_python", "node_modules/axe-core/axe.min.js")):
        spec = importlib.util.find_spec(package)
        if spec and spec.submodule_search_locations:
            path = pathlib.Path(list(spec.submodule_search_locations)[0]) / relative
            if path.is_file():
                return path.read_text(encoding="utf-8")
    raise SystemExit("check-a11y: no axe.min.js found (pip install --no-deps axe-playwright-python)")


def main():
    output = pathlib.Path(sys.argv[1]).resolve()
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    passed, failed = 0, 0
    script = axe_script()
    try:
        for width, scheme in ((1280, "light"), (320, "light"), (1280, "dark")):
            driver.set_window_size(width, 900)
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            for name, path in sorted(page_types(output).items()):
                driver.get(path.as_uri())
                driver.execute_script(script)
                results = driver.execute_async_script(
                    "var done = arguments[arguments.length - 1];"
                    "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                    ".then(function (r) { done(r); }).catch(function (e) { done({error: String(e)}); });", TAGS)
                if "error" in results:
                    failed += 1
                    print(f"FAIL {name} @{width}px {scheme}: axe could not run: {results['error']}")
                    continue
                violations = results["violations"]
                if violations:
                    failed += 1
                    for violation in violations:
                        targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                        print(f"FAIL {name} @{width}px {scheme}: {violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
                else:
                    passed += 1
    finally:
        driver.quit()
    print(f"axe: {passed + failed} page checks (page types x languages x 1280 px, 320 px, dark)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
