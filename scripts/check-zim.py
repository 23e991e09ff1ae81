#!/usr/bin/env python3
"""Checks a ZIM bundle as Kiwix readers get it.

Usage: scripts/check-zim.py SITE.zim OUTPUT_DIR QUERY EXPECTED_TITLE

- `zimcheck -A` (Debian's zim-tools) passes;
- kiwix-serve (Debian's kiwix-tools), started on loopback, lists the archive in its catalog with
  the metadata Kiwix shows (title, description, language, creator, publisher, date, a 48x48
  illustration);
- every HTML page of OUTPUT_DIR (the same site built with `build`) is served as it was built
  (kiwix-serve's own bar is turned off), and every internal
  link and asset of every page served resolves (no 404), the main page being the language chooser;
- in headless Chromium, the French home page through kiwix-serve has the theme's style and its
  menu links lead to pages (ZIM_SCREENSHOT=FILE saves what it showed);
- the full-text search for QUERY lists a page titled EXPECTED_TITLE.
Prints the figures; exits 1 on any failure.
"""
import html.parser
import os
import pathlib
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.title, self._in_title = [], "", False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src"):
            if name in attrs and tag in ("a", "link", "img", "script", "source"):
                self.links.append(attrs[name])
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, b"", ""


def browse(url, screenshot):
    """Opens a page in headless Chromium through kiwix-serve, as a Kiwix reader would, and
    follows its first menu link: the theme's style sheet applies, and the link leads to a page."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    failures = []
    try:
        driver.set_window_size(1000, 800)
        driver.get(url)
        styled = driver.execute_script("return getComputedStyle(document.querySelector('.skip') || document.body).position")
        if styled != "absolute":
            failures.append(f"{url}: the theme's style sheet does not apply in Chromium")
        if screenshot:
            driver.save_screenshot(screenshot)
        links = driver.find_elements(By.CSS_SELECTOR, "nav.menu a")
        if len(links) < 2:
            failures.append(f"{url}: no menu in Chromium")
        else:
            target = links[1].get_attribute("href")
            links[1].click()
            if driver.current_url != target or not driver.find_elements(By.CSS_SELECTOR, "main h1"):
                failures.append(f"{url}: following the menu link {target} in Chromium gave {driver.current_url}")
    finally:
        driver.quit()
    return failures


def main():
    zim, output, query, expected = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    failures = []
    check = subprocess.run(["zimcheck", "-A", str(zim)], capture_output=True, text=True)
    if check.returncode != 0 or "Overall Test Status: Pass" not in check.stdout:
        failures.append("zimcheck -A failed:\n" + check.stdout[-2000:] + check.stderr[-2000:])

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(["kiwix-serve", "--nosearchbar", "--address", "127.0.0.1", "--port", str(port), str(zim)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    root = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                fetch(root + "/")
                break
            except OSError:
                time.sleep(0.1)
        status, catalog, _ = fetch(root + "/catalog/v2/entries")
        catalog = catalog.decode()
        book = re.search(r'<link type="text/html" href="/([^"]+)"', catalog) or re.search(r'href="/content/([^"/]+)"', catalog) \
            or re.search(r'<link[^>]*href="/([^"/?]+)"[^>]*/>\s*</entry>', catalog)
        name = book.group(1) if book else zim.stem
        for field in ("title", "summary", "language", "name", "author", "publisher", "dc:issued"):
            if not re.search(rf"<{field}>[^<]+</{field}>|<{field}>\s*<name>[^<]+</name>", catalog):
                failures.append(f"the catalog shows no {field}")
        if "illustration" not in catalog or "size=48" not in catalog:
            failures.append("the catalog shows no 48x48 illustration")
        status, body, kind = fetch(f"{root}/catalog/v2/illustration/{name}/?size=48")
        if status != 200 or not body.startswith(b"\x89PNG"):
            failures.append(f"the illustration is not served as PNG ({status})")

        # The main page: the language chooser.
        status, body, _ = fetch(f"{root}/{name}/")
        chooser = (output / "index.html").read_bytes()
        body = re.sub(rb'<link type="root" href="[^"]*">', b"", body, count=1)
        if status != 200 or body != chooser:
            failures.append("the main page is not the language chooser")

        pages = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))
        checked_links = set()
        for page in pages:
            status, body, kind = fetch(f"{root}/{name}/{urllib.parse.quote(page)}")
            if status != 200:
                failures.append(f"/{page}: {status}")
                continue
            # kiwix-serve adds one element to every page's head: `<link type="root" href="…">`.
            body = re.sub(rb'<link type="root" href="[^"]*">', b"", body, count=1)
            if body != (output / page).read_bytes():
                failures.append(f"/{page}: served bytes differ from the built page")
            parser = Links()
            parser.feed(body.decode("utf-8", "replace"))
            for link in parser.links:
                parsed = urllib.parse.urlsplit(link)
                if parsed.scheme or parsed.netloc or not parsed.path:
                    continue
                target = urllib.parse.urljoin(f"/{name}/{page}", parsed.path)
                if target in checked_links:
                    continue
                checked_links.add(target)
                status, _, _ = fetch(root + target)
                if status != 200:
                    failures.append(f"/{page}: link {link} gives {status}")

        failures += browse(f"{root}/{name}/fr/index.html", os.environ.get("ZIM_SCREENSHOT"))

        status, body, _ = fetch(f"{root}/search?content={name}&pattern={urllib.parse.quote(query)}")
        results = body.decode("utf-8", "replace")
        if status != 200 or expected not in results:
            failures.append(f"full-text search for '{query}' does not list '{expected}' ({status})")
    finally:
        server.terminate()
        server.wait()

    for failure in failures:
        print("check-zim: " + failure, file=sys.stderr)
    print(f"check-zim: {zim.name}: zimcheck -A, catalog metadata, {len(pages)} pages and {len(checked_links)} links served "
          f"by kiwix-serve, search '{query}': {'0 failures' if not failures else f'{len(failures)} failures'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
