"""One built page of every page type, per language: shared by the accessibility check and the screenshots."""
import pathlib
import sys


def pages_below(folder):
    """The sub-folders of `folder` that hold a page (an index.html), sorted."""
    return sorted(p for p in folder.iterdir() if (p / "index.html").is_file())


def page_types(output):
    """One page of each type, per language: found from the build's own layout."""
    pages = {}
    for language in sorted(p.name for p in output.iterdir() if p.is_dir() and (p / "index.html").is_file()):
        root = output / language
        found = {"home": root / "index.html", "404": root / "404.html"}
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            index = folder / "index.html"
            if not index.is_file():
                continue
            text = index.read_text(encoding="utf-8")
            if 'id="search-form"' in text:
                found["search"] = index
            elif 'class="letters"' in text:
                found["a-z"] = index
            elif 'class="tag-cloud"' in text:
                found["tags"] = index
                tags = pages_below(folder)
                if tags:
                    found["tag"] = tags[0] / "index.html"
            elif 'class="catalog"' in text:
                found["catalog"] = index
                # Below a catalog: its entries, its facets' pages of all values
                # (<catalog>/<field>/index.html), their value pages, and the listing's next pages.
                for sub in pages_below(folder):
                    page = (sub / "index.html").read_text(encoding="utf-8")
                    if "facet-values-list" in page:
                        found.setdefault("facet-field", sub / "index.html")
                        values = pages_below(sub)
                        if values:
                            found.setdefault("facet", values[0] / "index.html")
                    elif 'class="facts fields"' in page:
                        found.setdefault("catalog-entry", sub / "index.html")
                numbered = sorted(p for p in (folder / "page").glob("*") if (p / "index.html").is_file())
                if numbered:
                    found.setdefault("catalog-page", numbered[0] / "index.html")
            else:
                found.setdefault("section", index)
                entries = pages_below(folder)
                for entry in entries:
                    page = (entry / "index.html").read_text(encoding="utf-8")
                    if entry.name.isdigit():
                        found.setdefault("calendar-year", entry / "index.html")
                        months = pages_below(entry)
                        if months:
                            found.setdefault("calendar-month", months[0] / "index.html")
                    elif 'class="notice"' in page:
                        found.setdefault("fallback", entry / "index.html")
                    elif 'class="facts"' in page and '.ics" download>' in page:
                        found.setdefault("event", entry / "index.html")
                    else:
                        found.setdefault("entry", entry / "index.html")
        for kind, path in found.items():
            pages[f"{language}/{kind}"] = path
    pages["root"] = output / "index.html"
    return pages


if __name__ == "__main__":
    for name, path in sorted(page_types(pathlib.Path(sys.argv[1]).resolve()).items()):
        print(name.replace("/", "-"), path)
