#!/usr/bin/env python3
"""Reads the public review calendar of agreements with Python's icalendar (a CI check, a real peer):
it parses, its events are all-day, UIDs are unique and the same on a second fetch, and an event
has the summary, date and address the registry gives.

Usage: calendar-check.py BASE_URL TITLE"""
import sys, urllib.request, datetime
from icalendar import Calendar

base, title = sys.argv[1], sys.argv[2]
url = base + "/o/norrbottens-kommuner/avtal/kalender.ics"

def fetch():
    with urllib.request.urlopen(url) as response:
        assert response.headers.get_content_type() == "text/calendar", response.headers.get_content_type()
        return Calendar.from_ical(response.read())

first, second = fetch(), fetch()
events = [e for e in first.walk("VEVENT")]
uids = [str(e["UID"]) for e in events]
failures = []
def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition: failures.append(what)

check(len(events) >= 1, f"the calendar has events ({len(events)})")
check(len(set(uids)) == len(uids), "each UID once")
check(uids == [str(e["UID"]) for e in second.walk("VEVENT")], "the same UIDs on a second fetch")
check(all(type(e.decoded("DTSTART")) is datetime.date and e.decoded("DTEND") - e.decoded("DTSTART") == datetime.timedelta(days=1) for e in events),
      "every event is one whole day")
mine = [e for e in events if str(e["SUMMARY"]) == f"Omprövning: {title}"]
check(len(mine) == 1 and str(mine[0]["URL"]).endswith("/o/norrbottens-kommuner/avtal/exempelavtal-om-kalenderkontroll"),
      f"the review of \"{title}\" with its address")
print(f"calendar: {len(failures)} failed")
sys.exit(1 if failures else 0)
