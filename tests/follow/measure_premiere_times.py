"""A measurement, not a test: how often a premiere's time, as the calendars give it, is the
work's own. The calendars time a premiere at its weekly slot's time where the slot's first
broadcast falls on the premiere's day in Japan (a show's file keeps its premiere as a day); this
compares that time with `begin` for every item of bangumi-data that has both fields, and prints
each that differs.

    python3 tests/follow/measure_premiere_times.py .ci/bangumi-data/node_modules/bangumi-data/dist/data.json
"""

import datetime as dt
import json
import sys

JAPAN = dt.timezone(dt.timedelta(hours=9))


def instant(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(JAPAN)


def main(path):
    same_day, differ = 0, []
    for item in json.load(open(path, encoding="utf-8"))["items"]:
        begin, broadcast = item.get("begin"), item.get("broadcast") or ""
        if not begin or not broadcast.startswith("R/"):
            continue
        try:
            first, slot = instant(begin), instant(broadcast.split("/")[1])
        except ValueError:
            continue
        if first.date() != slot.date():
            continue
        same_day += 1
        if (first.hour, first.minute) != (slot.hour, slot.minute):
            differ.append(f"  {item['title']}: begins {first:%Y-%m-%d %H:%M}, slot at {slot:%H:%M} (UTC+9)")
    print(f"{same_day} items whose first broadcast is on the day of their begin; {same_day - len(differ)} begin at the slot's time, {len(differ)} do not:")
    print("\n".join(differ))


if __name__ == "__main__":
    main(sys.argv[1])
