"""The dates themselves: a line of ``important-dates`` and a ``phase`` condition, parsed; moments shown.

Pure functions. A line is ``name | label | when``, *when* one moment or a history ``old -> new``; a
moment is ``YYYY-MM-DD`` (all day) or ``YYYY-MM-DD HH:MM`` (in the list's zone: AoE, UTC-12, unless
``:timezone:`` names an IANA zone). A problem raises :class:`DateProblem` with the subtype of its warning.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from sphinx_workshop.i18n import _, page_date
from sphinx_workshop.schedule import times

#: Anywhere on Earth: the last place where a day ends, UTC-12 all year (IANA's name for it).
AOE = "Etc/GMT+12"
AOE_LABEL = "AoE"


class DateProblem(ValueError):
    """A line or condition that cannot be used; ``subtype`` is its warning's (``bad_date``, ...)."""

    def __init__(self, subtype: str, message: str) -> None:
        super().__init__(message)
        self.subtype = subtype


class Moment(NamedTuple):
    """A day (all day) or a day and time, in the zone ``zone`` (an IANA key)."""

    day: str  # YYYY-MM-DD
    clock: str  # HH:MM, "" for an all-day date
    zone: str

    def local(self) -> datetime:
        """The moment in its zone (an all-day date: the start of its day)."""
        clock = times.parse_clock(self.clock) if self.clock else time(0, 0)
        return times.localize(date.fromisoformat(self.day), clock, ZoneInfo(self.zone))

    def iso(self) -> str:
        """ISO 8601 for ``<time datetime>``: the day alone, or the moment with its offset."""
        return times.iso(self.local()) if self.clock else self.day

    def past_at(self) -> datetime:
        """When the date is past, in UTC: the moment, or the end of the day in its zone."""
        start = self.local()
        return times.in_utc(start if self.clock else start + timedelta(days=1))


def parse_zone(text: str) -> str:
    """The IANA key of ``:timezone:`` (``AoE`` or empty: :data:`AOE`)."""
    text = text.strip()
    if not text or text == AOE_LABEL:
        return AOE
    try:
        return times.parse_zone(text).key
    except ValueError as error:
        raise DateProblem("bad_timezone", f"{error}; the dates are read in AoE (UTC-12)") from None


def parse_moment(text: str, zone: str) -> Moment:
    """``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM`` in *zone*."""
    day, _sep, clock = text.strip().partition(" ")
    try:
        parsed = times.parse_date(day)
    except ValueError as error:
        raise DateProblem("bad_date", str(error)) from None
    clock = clock.strip()
    if clock:
        try:
            clock = f"{times.parse_clock(clock):%H:%M}"
        except ValueError as error:
            raise DateProblem("bad_time", str(error)) from None
    moment = Moment(parsed.isoformat(), clock, zone)
    try:
        moment.past_at()
    except ValueError as error:
        raise DateProblem("bad_time" if clock else "bad_date", str(error)) from None
    return moment


#: The anchor of a date's entry: ``date-<name>``.
ANCHOR_PREFIX = "date-"


class DateRecord(NamedTuple):
    """One date of an ``important-dates`` list, as the ``dates`` domain stores it."""

    docname: str
    lineno: int
    name: str
    label: str
    moment: Moment
    history: tuple[Moment, ...]

    @property
    def anchor(self) -> str:
        """The id of the date's entry."""
        return ANCHOR_PREFIX + self.name


def past_stamp(moment: Moment) -> str:
    """When *moment* is past, ISO 8601 in UTC (``2020-10-10T11:59:00Z``), for the page script."""
    at = moment.past_at()
    return f"{at.year:04d}-{at.month:02d}-{at.day:02d}T{at.hour:02d}:{at.minute:02d}:00Z"


class DateLine(NamedTuple):
    """A parsed line: its name, label, moment and earlier moments (oldest first); ``problems`` warn."""

    name: str
    label: str
    moment: Moment
    history: tuple[Moment, ...]
    problems: tuple[DateProblem, ...]


def valid_name(name: str) -> bool:
    """A date's name: ASCII letters, digits, ``-`` and ``_`` (it is part of an anchor and a UID)."""
    return bool(name) and name.isascii() and name.replace("-", "").replace("_", "").isalnum()


def parse_line(text: str, zone: str) -> DateLine:
    """``name | label | when``; a move to an earlier moment is dropped with a problem, the rest kept."""
    parts = [part.strip() for part in text.split("|")]
    if len(parts) != 3:
        raise DateProblem("date_line", f"expected 'name | label | date', got {text.strip()!r}")
    name, label, when = parts
    if not valid_name(name):
        raise DateProblem("date_line", f"bad date name {name!r} (letters, digits, '-' and '_')")
    if not label:
        raise DateProblem("date_line", f"the date {name!r} has no label")
    moments: list[Moment] = []
    problems: list[DateProblem] = []
    for part in when.split("->"):
        try:
            moment = parse_moment(part, zone)
        except DateProblem as problem:
            problems.append(problem)
            continue
        if moments and moment.past_at() < moments[-1].past_at():
            problems.append(
                DateProblem(
                    "bad_date",
                    f"{name!r} moves to {part.strip()}, before {moments[-1].day} {moments[-1].clock}".strip()
                    + "; the move is ignored",
                )
            )
            continue
        moments.append(moment)
    if not moments:
        raise problems[0]
    return DateLine(name, label, moments[-1], tuple(moments[:-1]), tuple(problems))


def zone_label(moment: Moment) -> str:
    """``AoE``, or the zone's abbreviation at the moment (``CET``), or its key."""
    if moment.zone == AOE:
        return AOE_LABEL
    abbr = moment.local().tzname() or ""
    return abbr if abbr.isalpha() else moment.zone


def long_date(day: str, language: str | None) -> str:
    """The day in the page's language, from Babel's CLDR data (``October 9, 2020``)."""
    return page_date(date.fromisoformat(day), language, "long")


def shown(moment: Moment, language: str | None) -> str:
    """How a page shows the moment: ``October 9, 2020, 23:59 AoE`` or ``December 12, 2020``."""
    day = long_date(moment.day, language)
    if not moment.clock:
        return day
    return str(_("{date}, {time} {zone}")).format(date=day, time=moment.clock, zone=zone_label(moment))


class Condition(NamedTuple):
    """``before name`` or ``after name``: a phase shows while it holds."""

    when: str  # "before" or "after"
    name: str


def parse_condition(text: str) -> Condition:
    """``before submission`` or ``after workshop``."""
    words = text.split()
    if len(words) != 2 or words[0] not in ("before", "after") or not valid_name(words[1]):
        raise DateProblem("date_line", f"expected 'before <date>' or 'after <date>', got {text.strip()!r}")
    return Condition(words[0], words[1])


def holds(condition: Condition, past_at: datetime, now: datetime) -> bool:
    """Whether *condition* holds at *now*, its date being past at *past_at*."""
    return (now >= past_at) == (condition.when == "after")
