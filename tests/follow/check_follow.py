"""Reads a build's calendars and feed with parsers the ecosystem trusts (icalendar and
recurring-ical-events for RFC 5545, feedparser for Atom), and checks what a calendar application
and a feed reader would rely on. Pinned in .ci/follow-check/requirements.txt; run by
tests/e2e/follow.test.mjs on builds it writes, and by .ci/test.sh on the release build.

    check_follow.py DIST [--previous-feed FILE] [--print]

--previous-feed: the feed of an earlier build, to report what a reader of it sees change: the
entries it already had must keep their ids and dates (a rebuild duplicates nothing), and the new
ones are listed. --print: every event read from the site's calendar and one show's, and every
entry of the feed, as the parsers read them. Prints a JSON summary last; exits 1 on any problem.
"""

import argparse
import datetime as dt
import json
import pathlib
import sys
from html.parser import HTMLParser

import feedparser
import icalendar
import recurring_ical_events

TOKYO = dt.timezone(dt.timedelta(hours=9))
problems = []


def problem(text):
    problems.append(text)


class PageLinks(HTMLParser):
    """The `<link rel="alternate">`s of a page's head and its anchors' hrefs by type."""

    def __init__(self):
        super().__init__()
        self.alternates = {}
        self.anchors = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("type"):
            self.alternates[attrs["type"]] = attrs.get("href")
        if tag == "a" and attrs.get("type"):
            self.anchors.append((attrs["type"], attrs.get("href")))


def page_links(path):
    parser = PageLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def as_datetime(value):
    """A DTSTART's value as an aware datetime (an all-day date at its start in Japan)."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=TOKYO)
    return dt.datetime(value.year, value.month, value.day, tzinfo=TOKYO)


def check_calendar(dist, path, origin_of):
    raw = path.read_bytes()
    name = str(path.relative_to(dist))
    for number, line in enumerate(raw.split(b"\r\n")[:-1], 1):
        if len(line) > 75:
            problem(f"{name}:{number}: a line of {len(line)} octets (RFC 5545 folds at 75)")
        if b"\n" in line:
            problem(f"{name}:{number}: a bare LF (lines end with CRLF)")
    if not raw.endswith(b"\r\n"):
        problem(f"{name}: does not end with CRLF")
    calendar = icalendar.Calendar.from_ical(raw)
    if str(calendar.get("VERSION")) != "2.0" or not calendar.get("PRODID"):
        problem(f"{name}: VERSION 2.0 and PRODID are required")
    source = str(calendar.get("SOURCE", ""))
    if not source.endswith("/" + name):
        problem(f"{name}: SOURCE {source!r} is not its own address")
    events = list(calendar.walk("VEVENT"))
    if not events:
        problem(f"{name}: no event")
    uids = [str(e.get("UID")) for e in events]
    if len(set(uids)) != len(uids):
        problem(f"{name}: an event id twice")
    for event in events:
        uid = str(event.get("UID"))
        for required in ("DTSTAMP", "DTSTART", "SUMMARY", "URL"):
            if event.get(required) is None:
                problem(f"{name}: {uid} has no {required}")
        url = str(event.get("URL", ""))
        slug = url.split("/shows/", 1)[-1]
        if "/shows/" not in url or not (dist / "shows" / slug / "index.html").is_file():
            problem(f"{name}: {uid} links to {url}, not a page of the build")
        if origin_of(url) is None:
            problem(f"{name}: {uid}'s URL is not https")
    # What an application shows: every event occurs at its start, weekly ones every week on their
    # weekday and time in Japan, for ten weeks or to their end.
    occurrences = []
    for event in events:
        uid = str(event.get("UID"))
        start = as_datetime(event.decoded("DTSTART"))
        found = recurring_ical_events.of(calendar).between(start - dt.timedelta(days=1), start + dt.timedelta(days=70))
        found = [o for o in found if str(o.get("UID")) == uid]
        occurrences.extend(found)
        if not found:
            problem(f"{name}: {uid} never occurs")
        if event.get("RRULE") is None:
            if len(found) != 1:
                problem(f"{name}: {uid} occurs {len(found)} times")
            continue
        want = start.astimezone(TOKYO)
        for occurrence in found:
            day = as_datetime(occurrence.decoded("DTSTART")).astimezone(TOKYO)
            if (day.weekday(), day.hour, day.minute) != (want.weekday(), want.hour, want.minute):
                problem(f"{name}: {uid} occurs {day}, not at its weekly slot")
        until = event.get("RRULE").get("UNTIL")
        if until is None and len(found) != 10:
            problem(f"{name}: {uid} recurs with no end but occurs {len(found)} times in ten weeks")
    return calendar, events, occurrences


def check_feed(dist, path, previous):
    feed = feedparser.parse(path.read_bytes())
    if feed.bozo:
        problem(f"feed: not well-formed: {feed.bozo_exception}")
    if feed.version != "atom10":
        problem(f"feed: read as {feed.version!r}, not Atom 1.0")
    ids = [e.id for e in feed.entries]
    if len(set(ids)) != len(ids):
        problem("feed: an entry id twice")
    for entry in feed.entries:
        if not entry.get("title") or not entry.get("updated_parsed") or not entry.get("summary"):
            problem(f"feed: {entry.id} lacks a title, a date or a summary")
        slug = entry.link.split("/shows/", 1)[-1]
        if not (dist / "shows" / slug / "index.html").is_file():
            problem(f"feed: {entry.id} links to {entry.link}, not a page of the build")
    dates = [e.updated_parsed for e in feed.entries]
    if dates != sorted(dates, reverse=True):
        problem("feed: entries are not newest first")
    if dates and feed.feed.updated_parsed != max(dates):
        problem("feed: its date is not its newest entry's")
    change = {}
    if previous is not None:
        before = {e.id: e for e in feedparser.parse(previous.read_bytes()).entries}
        now = {e.id: e for e in feed.entries}
        for id_, entry in before.items():
            if id_ in now and now[id_].updated != entry.updated:
                problem(f"feed: {id_} changed its date from {entry.updated} to {now[id_].updated}")
        change = {
            "new": [{"id": i, "title": now[i].title, "updated": now[i].updated} for i in now if i not in before],
            "kept": sum(1 for i in now if i in before),
            "gone": [i for i in before if i not in now],
        }
    return feed, change


def main():
    args = argparse.ArgumentParser()
    args.add_argument("dist", type=pathlib.Path)
    args.add_argument("--previous-feed", type=pathlib.Path)
    args.add_argument("--print", action="store_true")
    args = args.parse_args()
    dist = args.dist

    def origin_of(url):
        return url.split("/", 3)[2] if url.startswith("https://") else None

    calendars = sorted([dist / "calendar.ics", *(dist / "shows").glob("*/calendar.ics")])
    read = {}
    for path in calendars:
        if not path.is_file():
            problem(f"{path.relative_to(dist)}: missing")
            continue
        read[path] = check_calendar(dist, path, origin_of)
    # Each show page offers its calendar exactly where the build wrote one, and links the feed.
    for page in sorted((dist / "shows").glob("*/index.html")):
        links = page_links(page)
        ics = page.parent / "calendar.ics"
        alternate = links.alternates.get("text/calendar")
        anchors = [href for type_, href in links.anchors if type_ == "text/calendar"]
        if ics.is_file() != (alternate is not None) or ics.is_file() != bool(anchors):
            problem(f"{page.relative_to(dist)}: calendar file {ics.is_file()}, head link {alternate}, answer link {anchors}")
        if alternate and not alternate.endswith("/" + str(ics.relative_to(dist))):
            problem(f"{page.relative_to(dist)}: its calendar link {alternate} is another's")
        if not links.alternates.get("application/atom+xml", "").endswith("/feed.atom"):
            problem(f"{page.relative_to(dist)}: no feed link in its head")
    feed, change = check_feed(dist, dist / "feed.atom", args.previous_feed)

    if args.print:
        site = read.get(dist / "calendar.ics")
        shown = [dist / "calendar.ics"] + [p for p in calendars if p != dist / "calendar.ics"][:1]
        for path in shown:
            if path not in read:
                continue
            calendar, events, occurrences = read[path]
            print(f"== {path.relative_to(dist)}: {calendar.get('NAME')} ({len(events)} events)")
            for event in events[:12]:
                rule = event.get("RRULE")
                rule = f"  weekly {rule.to_ical().decode()}" if rule is not None else ""
                print(f"  {event.decoded('DTSTART')}  {event.get('SUMMARY')}  [{event.get('UID')}]{rule}")
        print(f"== feed.atom: {feed.feed.get('title')} ({len(feed.entries)} entries)")
        for entry in feed.entries[:12]:
            print(f"  {entry.updated}  {entry.title}  [{entry.id}]")
        del site
    summary = {"calendars": len(read), "events": sum(len(r[1]) for r in read.values()), "entries": len(feed.entries), "change": change, "problems": problems[:50]}
    print(json.dumps(summary, ensure_ascii=False))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
