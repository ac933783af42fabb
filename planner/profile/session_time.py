"""When the calendar's study sessions start: a time of day and an IANA time zone."""

from __future__ import annotations

import re
import zoneinfo
from functools import cache
from typing import Any

from planner.profile.checks import WRITTEN, Invalid, did_you_mean, nearest

DEFAULT_STUDY_TIME = "18:00"
TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
MINUTES_A_DAY = 24 * 60
EXAMPLE_ZONES = "Europe/Berlin, America/New_York, Asia/Tokyo or UTC"


def check_study_time(value: Any, _catalog: Any = None) -> str:
    """A time of day as "HH:MM".

    YAML 1.1 reads an unquoted 18:30 as the base-60 number 1110 (18 * 60 + 30): such a number
    is read back as the time it was written as; a bare number under 24 is an hour.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        minutes = value * 60 if 0 <= value < 24 else value
        if 0 <= minutes < MINUTES_A_DAY:
            return f"{minutes // 60:02d}:{minutes % 60:02d}"
    found = TIME.match(value.strip()) if isinstance(value, str) else None
    if found is None:
        raise Invalid(
            f"{WRITTEN} is not a time of day; write it as HH:MM, e.g. study_time: 18:30", value
        )
    return f"{int(found[1]):02d}:{found[2]}"


@cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def check_time_zone(value: Any, _catalog: Any = None) -> str | None:
    """An IANA time zone name known to this system (never a path), or None: floating time."""
    if value is None:
        return None
    if isinstance(value, str) and value.strip() in _zones():
        return value.strip()
    # a name is short; a long text (a hostile file's) is not compared with 600 names
    match = nearest(value, sorted(_zones())) if isinstance(value, str) and len(value) < 64 else None
    raise Invalid(
        f"{WRITTEN} is not a time zone name; use an IANA name such as {EXAMPLE_ZONES}"
        f"{did_you_mean(match)}",
        value,
        match,
    )
