"""How dates, hours and week headings read in every export (locale-free, so output is stable)."""

from __future__ import annotations

import math
from datetime import date

from planner.plan import Week

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day(d: date) -> str:
    """'4 Jan 2027'."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def date_range(start: date, end: date) -> str:
    """'18–24 Jan 2027', '28 Jan – 3 Feb 2027', '28 Dec 2026 – 3 Jan 2027'."""
    if start.year != end.year:
        return f"{day(start)} – {day(end)}"
    if start.month != end.month:
        return f"{start.day} {_MONTHS[start.month - 1]} – {day(end)}"
    return f"{start.day}–{day(end)}"


def hours(value: float) -> str:
    """'7.5 h', '8 h', '0.75 h'."""
    return f"{round(value, 2):g} h"


def rounded_hours(value: float) -> str:
    """Hours as a reader plans them: '561.5 h' (to the half hour), '8 h'; '45 min' under one."""
    if 0 < value < 0.95:
        return f"{max(5, math.floor(value * 12 + 0.5) * 5)} min"
    return f"{math.floor(value * 2 + 0.5) / 2:g} h"


def week_heading(week: Week) -> str:
    """'Week 3 · 18–24 Jan 2027 · 7.5 h'."""
    return f"Week {week.number} · {date_range(week.start, week.end)} · {rounded_hours(week.hours)}"


def week_key(number: int) -> str:
    """The bookmark and link destination of a week."""
    return f"week-{number}"
