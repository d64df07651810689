"""Parsing of schedule dates, clock times and IANA time zones, and their ISO 8601 forms.

Everything here is pure: a parse failure raises :class:`ValueError` with a message fit for a warning.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

UTC = timezone.utc  # datetime.UTC is Python 3.11+

_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")


def parse_date(text: str) -> date:
    """Parse an ISO date such as ``2020-12-12``."""
    text = text.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"date {text!r} is not YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"date {text!r} does not exist ({exc})") from None


def parse_zone(name: str) -> ZoneInfo:
    """Return the IANA time zone *name* (for example ``America/Los_Angeles``)."""
    name = name.strip()
    if not name or not re.fullmatch(r"[A-Za-z0-9_+\-/]+", name) or ".." in name or name.startswith("/"):
        raise ValueError(f"unknown time zone {name!r} (expected an IANA name such as America/Los_Angeles)")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(
            f"unknown time zone {name!r} (expected an IANA name such as America/Los_Angeles)"
        ) from None


def parse_clock(text: str) -> time:
    """Parse a 24-hour clock time ``HH:MM`` (``9:05`` is accepted too)."""
    match = _CLOCK.fullmatch(text.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError(f"bad time {text.strip()!r} (expected HH:MM, 00:00 to 23:59)")
    return time(int(match[1]), int(match[2]))


def localize(day: date, clock: time, zone: ZoneInfo) -> datetime:
    """The aware datetime of *clock* on *day* in *zone*; a wall time a DST change skips raises."""
    moment = datetime.combine(day, clock, tzinfo=zone)
    if moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != moment.replace(tzinfo=None):
        raise ValueError(f"{clock:%H:%M} does not exist on {day} in {zone.key} (a daylight-saving change)")
    return moment


def iso(moment: datetime) -> str:
    """ISO 8601 with seconds and the full UTC offset: ``2020-12-12T09:00:00-08:00``."""
    return moment.isoformat(timespec="seconds")


def later(moment: datetime, minutes: int) -> datetime:
    """*moment* plus *minutes* of elapsed time, expressed again in its own zone (DST-correct)."""
    assert moment.tzinfo is not None
    return (moment.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(moment.tzinfo)


def zone_label(moment: datetime) -> str:
    """How a reader names the zone of *moment*: ``America/Los_Angeles (PST, UTC-08:00)``."""
    zone = moment.tzinfo
    key = zone.key if isinstance(zone, ZoneInfo) else str(zone)
    offset = moment.strftime("%z")
    utc = "UTC" if offset in {"+0000", ""} else f"UTC{offset[:3]}:{offset[3:]}"
    abbr = moment.tzname() or ""
    parts = [p for p in (abbr, utc) if p and not p.startswith(("+", "-"))]
    return f"{key} ({', '.join(dict.fromkeys(parts))})"
