"""Parsing of schedule dates, clock times and IANA time zones, and their ISO 8601 forms.

Everything here is pure: a parse failure, or a moment beyond the calendar's range (years 1 to 9999, in
the zone and in UTC), raises :class:`ValueError` with a message fit for a warning, never
:class:`OverflowError`.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

UTC = timezone.utc
#: Names the zone database of the system holds but that are no IANA zone (browsers reject them).
_NOT_IANA = frozenset({"localtime"})

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


@functools.lru_cache(maxsize=1)
def iana_zones() -> frozenset[str]:
    """The IANA zone names (and their links) of the zone database, as browsers' ``Intl`` knows them.

    Not ``right/...`` or ``posix/...`` (leap-second and POSIX copies), ``posixrules`` or ``localtime``,
    which the system's folder holds but a browser rejects.
    """
    return frozenset(available_timezones()) - _NOT_IANA


def parse_zone(name: str) -> ZoneInfo:
    """Return the IANA time zone *name* (for example ``America/Los_Angeles``)."""
    name = name.strip()
    if name not in iana_zones():
        raise ValueError(f"unknown time zone {name!r} (expected an IANA name such as America/Los_Angeles)")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(
            f"unknown time zone {name!r} (expected an IANA name such as America/Los_Angeles)"
        ) from None


_MOMENT = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:(Z)|([+-])(\d{2}):(\d{2}))?"
)


def parse_moment(text: str) -> datetime:
    """``YYYY-MM-DDTHH:MM[:SS]`` with an optional ``Z`` or ``±HH:MM`` offset (naive without one)."""
    match = _MOMENT.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text.strip()!r} is not YYYY-MM-DDTHH:MM")
    year, month, day, hour, minute, second = (int(g or 0) for g in match.groups()[:6])
    zone = None
    if match[7]:
        zone = UTC
    elif match[8]:
        sign = -1 if match[8] == "-" else 1
        if int(match[9]) > 23 or int(match[10]) > 59:
            raise ValueError(f"{text.strip()!r} has a bad UTC offset")
        zone = timezone(sign * timedelta(hours=int(match[9]), minutes=int(match[10])))
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError as exc:
        raise ValueError(f"{text.strip()!r} does not exist ({exc})") from None


def parse_clock(text: str) -> time:
    """Parse a 24-hour clock time ``HH:MM`` (``9:05`` is accepted too)."""
    match = _CLOCK.fullmatch(text.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError(f"bad time {text.strip()!r} (expected HH:MM, 00:00 to 23:59)")
    return time(int(match[1]), int(match[2]))


def localize(day: date, clock: time, zone: ZoneInfo) -> datetime:
    """The aware datetime of *clock* on *day* in *zone*; a wall time a DST change skips raises."""
    moment = datetime.combine(day, clock, tzinfo=zone)
    try:
        back = moment.astimezone(UTC).astimezone(zone)
    except (OverflowError, ValueError):
        raise ValueError(
            f"{day} {clock:%H:%M} in {zone.key} is outside the calendar (years 1 to 9999 in UTC)"
        ) from None
    if back.replace(tzinfo=None) != moment.replace(tzinfo=None):
        raise ValueError(
            f"{clock:%H:%M} does not exist on {day} in {zone.key} (its clocks skip it: a daylight-saving "
            "or other change of offset)"
        )
    return moment


def iso(moment: datetime) -> str:
    """ISO 8601 with seconds and the full UTC offset: ``2020-12-12T09:00:00-08:00``.

    An offset with seconds (a local mean time before 1900) is not valid in HTML's ``datetime`` or in
    schema.org: such a moment is written in UTC.
    """
    offset = moment.utcoffset()
    if offset is not None and offset.total_seconds() % 60:
        moment = moment.astimezone(UTC)
    return moment.isoformat(timespec="seconds")


def later(moment: datetime, minutes: int) -> datetime:
    """*moment* plus *minutes* of elapsed time, expressed again in its own zone (DST-correct)."""
    assert moment.tzinfo is not None
    try:
        return (moment.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(moment.tzinfo)
    except (OverflowError, ValueError):
        raise ValueError(
            f"{minutes} minutes after {iso(moment)} is outside the calendar (year 9999)"
        ) from None


def in_utc(moment: datetime) -> datetime:
    """*moment* in UTC; one whose UTC time is outside years 1 to 9999 raises :class:`ValueError`."""
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ValueError(f"{iso(moment)} is outside the calendar in UTC (years 1 to 9999)") from None


def utc_stamp(moment: datetime) -> str:
    """``20201212T170000Z``: four-digit years always (``strftime("%Y")`` drops the zeros of year 1)."""
    utc = in_utc(moment)
    return f"{utc.year:04d}{utc.month:02d}{utc.day:02d}T{utc.hour:02d}{utc.minute:02d}{utc.second:02d}Z"


def zone_label(moment: datetime) -> str:
    """How a reader names the zone of *moment*: ``America/Los_Angeles (PST, UTC-08:00)``."""
    zone = moment.tzinfo
    key = zone.key if isinstance(zone, ZoneInfo) else str(zone)
    delta = moment.utcoffset()
    seconds = int(delta.total_seconds()) if delta is not None else 0
    sign, seconds = ("-" if seconds < 0 else "+"), abs(seconds)
    hours, minutes = seconds // 3600, seconds % 3600 // 60  # local mean times have seconds: dropped
    utc = "UTC" if not (hours or minutes) else f"UTC{sign}{hours:02d}:{minutes:02d}"
    abbr = moment.tzname() or ""
    parts = [p for p in (abbr, utc) if p and not p.startswith(("+", "-"))]
    return f"{key} ({', '.join(dict.fromkeys(parts))})"
