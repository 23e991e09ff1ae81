#!/usr/bin/env python3
"""Browses a built site as a reader without JavaScript would, from output/index.html, by
relative links alone, and checks what it finds.

Usage: scripts/check-links.py OUTPUT_DIR [MAX_THEME_BYTES]

- every written page is reached (but 404 pages, alias redirects and the editors' status page,
  which nothing links to on purpose);
- no internal link or anchor is broken (href/src to a missing file, #id missing in its page);
- no asset comes from another host: src of img/script/source/iframe, href of link elements;
- the theme's overhead per page (the page's HTML outside <main>, plus its CSS and JS files)
  stays under MAX_THEME_BYTES (default 30,000).
Prints the figures and 'N passed, N failed'; exits 1 on any failure.
"""
import collections
import html.parser
import pathlib
import sys
import urllib.parse


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.assets, self.ids, self.redirect = [], [], set(), False
        self.main_start = self.main_end = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.redirect = True
        if tag == "main" and self.main_start is None:
            self.main_start = self.getpos()
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag == "link" and "href" in attrs:
            rel = (attrs.get("rel") or "").split()
            if "stylesheet" in rel or "icon" in rel or "preload" in rel:
                self.assets.append(attrs["href"])
            elif "alternate" in rel and attrs.get("type"):
                self.links.append(attrs["href"])
        if tag in ("img", "script", "source", "iframe", "audio", "video") and "src" in attrs:
            self.assets.append(attrs["src"])

    def handle_endtag(self, tag):
        if tag == "main":
            self.main_end = self.getpos()


def offset(text, position):
    line, column = position
    lines = text.split("\n")
    return sum(len(l) + 1 for l in lines[: line - 1]) + column


def main():
    output = pathlib.Path(sys.argv[1]).resolve()
    budget = int(sys.argv[2]) if len(sys.argv) > 2 else 30_000
    failures, checks = [], 0
    parsed = {}

    def parse(path):
        if path not in parsed:
            page = Page()
            text = path.read_text(encoding="utf-8")
            page.feed(text)
            parsed[path] = (page, text)
        return parsed[path]

    start = output / "index.html"
    queue, reached = collections.deque([start]), {start}
    anchors = []
    while queue:
        path = queue.popleft()
        page, _ = parse(path)
        for reference in page.links + page.assets:
            url = urllib.parse.urlsplit(reference)
            if url.scheme or reference.startswith("//"):
                continue
            if not url.path:
                if url.fragment:
                    anchors.append((path, path, url.fragment))
                continue
            target = (path.parent / urllib.parse.unquote(url.path)).resolve()
            if target.is_dir():
                failures.append(f"{path.relative_to(output)}: link to a folder '{reference}' (file:// needs index.html)")
                continue
            checks += 1
            if not target.is_file() or output not in target.parents:
                failures.append(f"{path.relative_to(output)}: broken link '{reference}'")
                continue
            if target.suffix == ".html":
                if url.fragment:
                    anchors.append((path, target, url.fragment))
                if target not in reached:
                    reached.add(target)
                    queue.append(target)
    for source, target, fragment in anchors:
        checks += 1
        if fragment not in parse(target)[0].ids:
            failures.append(f"{source.relative_to(output)}: missing anchor '#{fragment}' in {target.relative_to(output)}")

    written = set(output.rglob("*.html"))
    unlinked_on_purpose = {p for p in written if p.name == "404.html" or p.name == "translation-status.html" or parse(p)[0].redirect}
    for path in sorted(written - reached - unlinked_on_purpose):
        failures.append(f"{path.relative_to(output)}: not reachable from index.html by links")
    checks += 1

    heaviest, heaviest_path, external = 0, None, 0
    for path in sorted(reached):
        page, text = parse(path)
        for asset in page.assets:
            if asset.startswith(("http://", "https://", "//")):
                external += 1
                failures.append(f"{path.relative_to(output)}: asset from another host: {asset}")
        chrome = len(text.encode("utf-8"))
        if page.main_start and page.main_end:
            inner = text[offset(text, page.main_start):offset(text, page.main_end)]
            chrome -= len(inner.encode("utf-8"))
        for asset in page.assets:
            target = (path.parent / urllib.parse.unquote(urllib.parse.urlsplit(asset).path)).resolve()
            if target.suffix in (".css", ".js") and target.is_file() and "search-index" not in target.name:
                chrome += target.stat().st_size
        if chrome > heaviest:
            heaviest, heaviest_path = chrome, path
        checks += 1
        if chrome > budget:
            failures.append(f"{path.relative_to(output)}: theme overhead {chrome} bytes > {budget}")

    for failure in failures:
        print("FAIL:", failure)
    print(f"links: {len(reached)} pages reached of {len(written)} written ({len(unlinked_on_purpose)} unlinked on purpose: 404s, redirects, status)")
    print(f"links: {checks} links, anchors and pages checked; {external} external assets")
    print(f"light: heaviest theme overhead {heaviest} bytes ({heaviest_path.relative_to(output) if heaviest_path else '-'}), budget {budget}")
    print(f"{checks - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
