#!/usr/bin/env python3
"""Validates every .ics file of a built site with an independent parser (PyPI's icalendar).

Usage: scripts/validate-ics.py OUTPUT_DIR CONTENT_DIR

Checks, for each file: it parses strictly; lines end in CRLF and are at most 75 octets;
each VEVENT has UID, DTSTAMP, DTSTART, SUMMARY; all-day events have DTEND = last day + 1
(exclusive), checked against the event's front matter; timed events with TZID have a
matching VTIMEZONE. For each language, calendar.ics holds exactly one VEVENT per event
entry of the content. Prints 'N passed, N failed' and exits 1 on any failure.
"""
import datetime
import pathlib
import sys

import icalendar
import yaml


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text[4:text.index("\n---", 3)]) or {}


def event_entries(content):
    """Event ids (section/slug) -> front matter of one of their files, from site.yaml's event sections."""
    site = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8"))
    events = {}
    for name, settings in (site.get("sections") or {}).items():
        if (settings or {}).get("kind") != "event" or not (content / name).is_dir():
            continue
        for path in sorted((content / name).glob("*.md")):
            if path.name.startswith(("_", ".")):
                continue
            meta = front_matter(path)
            if meta.get("draft"):
                continue
            slug = path.name.split(".")[0]
            events.setdefault(f"{name}/{slug}", meta)
    return site, events


def as_date(value):
    if isinstance(value, datetime.date):
        return value if not isinstance(value, datetime.datetime) else value.date()
    return datetime.date.fromisoformat(str(value)[:10])


def main():
    output, content = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    site, events = event_entries(content)
    passed, failures = 0, []

    def check(condition, message):
        nonlocal passed
        if condition:
            passed += 1
        else:
            failures.append(message)

    files = sorted(output.rglob("*.ics"))
    check(files, f"no .ics file under {output}")
    for path in files:
        raw = path.read_bytes()
        lines = raw.split(b"\r\n")
        check(raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), f"{path}: lines must end in CRLF")
        check(all(len(line) <= 75 for line in lines), f"{path}: a line is longer than 75 octets")
        try:
            calendar = icalendar.Calendar.from_ical(raw.decode("utf-8"))
        except Exception as error:  # noqa: BLE001 - any parse error is a failure
            failures.append(f"{path}: does not parse: {error}")
            continue
        zones = {str(tz.get("TZID")) for tz in calendar.walk("VTIMEZONE")}
        vevents = calendar.walk("VEVENT")
        check(vevents, f"{path}: no VEVENT")
        for event in vevents:
            uid = str(event.get("UID", ""))
            for key in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
                check(key in event, f"{path}: {uid}: missing {key}")
            entry_id = uid.split("@")[0].rsplit("-", 1)[0].replace(".", "/", 1)
            meta = events.get(entry_id)
            check(meta is not None, f"{path}: {uid} does not match an event of the content")
            start = event.get("DTSTART")
            if start is not None and start.params.get("VALUE") == "DATE":
                end = event.get("DTEND")
                check(end is not None, f"{path}: {uid}: all-day event without DTEND")
                if end is not None and meta is not None:
                    last = as_date(meta.get("end") or meta["start"])
                    check(end.dt == last + datetime.timedelta(days=1),
                          f"{path}: {uid}: DTEND {end.dt} is not the day after the last day {last}")
                    check(start.dt == as_date(meta["start"]), f"{path}: {uid}: DTSTART {start.dt} != {meta['start']}")
            elif start is not None and "TZID" in start.params:
                check(start.params["TZID"] in zones, f"{path}: {uid}: TZID {start.params['TZID']} has no VTIMEZONE")
        if path.name == "calendar.ics":
            check(len(vevents) == len(events), f"{path}: {len(vevents)} events, the content has {len(events)}")
    languages = [language["code"] for language in site["languages"]]
    for code in languages:
        check((output / code / "calendar.ics").is_file(), f"{output}/{code}/calendar.ics is missing")

    for failure in failures:
        print("FAIL:", failure)
    print(f"ics: {len(files)} files checked")
    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
