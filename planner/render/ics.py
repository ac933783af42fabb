"""Render a Plan as iCalendar: each week's hours spread over the person's study days, from
the profile's study time (in its time zone, else floating local time); a re-plan's calendar
also cancels the sessions of the plan it replaces that it no longer has."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from planner.plan import WEEKDAYS, Plan, PlannedItem, Week
from planner.render.formatting import date_range, hours
from planner.render.markdown import md_url

PRODID = "-//studyplan//Study plan//EN"
START = "18:00"  # sessions start at the profile's study_time, by default in the evening...
LATE = timedelta(hours=4)  # ...earlier when long, so they end within 4 hours of it...
EARLIEST_START = time(8, 0)  # ...but never before 08:00 (nor before the study time)
SEQUENCE_EPOCH = date(2000, 1, 1)  # SEQUENCE counts days from here to the build date...
REPLANS_A_DAY = 100  # ...times this, plus the re-plans so far: two re-plans on a day differ
CANCELLED_MINUTES = 15  # a cancelled session's length: its time no longer matters
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Session:
    """One study session: a day, its length, and the items it covers."""

    day: date
    minutes: int
    items: tuple[PlannedItem, ...]


def sessions(week: Week, days: tuple[str, ...]) -> list[Session]:
    """The week's hours in quarter hours, shared out evenly over its study days in order;
    each session lists the items whose share of the week's time overlaps it."""
    dates = [week.start + timedelta(days=n) for n in range(7)]
    dates = [d for d in dates if WEEKDAYS[d.weekday()] in days]
    base, extra = divmod(round(week.hours * 4), len(dates))
    scale = (base * len(dates) + extra) * 15 / (week.hours * 60) if week.hours else 0.0
    spans, at = [], 0.0
    for item in week.items:
        spans.append((at, at + item.hours * 60 * scale, item))
        at += item.hours * 60 * scale
    out, clock = [], 0
    for n, day in enumerate(dates):
        minutes = (base + (n < extra)) * 15
        if minutes:
            covered = tuple(i for a, b, i in spans if a < clock + minutes and b > clock)
            out.append(Session(day, minutes, covered))
        clock += minutes
    return out


def _clean(text: str) -> str:
    return _CONTROL.sub("", str(text)).strip()


def _title(item: PlannedItem) -> str:
    k, n = item.part
    return _clean(item.title) + (f" (part {k} of {n})" if n > 1 else "")


def _description(plan: Plan, week: Week, session: Session) -> str:
    lines = [
        f"Week {week.number} of {len(plan.weeks)} of the study plan for "
        f"{_clean(plan.name)} ({date_range(week.start, week.end)})."
    ]
    for item in session.items:
        lines += ["", f"{_title(item)} · {hours(item.hours)} this week"]
        lines += [f"[ ] {_clean(task)}" for task in item.checklist]
        lines += [f"{_clean(r.title)}: {url}" for r in item.resources if (url := md_url(r.url))]
    return "\n".join(lines)


def session_uid(plan: Plan, day: date) -> str:
    """One UID per learner and study day: a re-plan's session on that day replaces the old one.

    The learner key comes from the profile (not the name alone), so two people with one name
    never share events; a day holds at most one session, so the day names it.
    """
    return f"{day:%Y%m%d}-{plan.learner}@studyplan"


def revision(plan: Plan) -> tuple[datetime, int]:
    """DTSTAMP and SEQUENCE from the day the plan was made and the re-plans so far: a later
    build or a re-plan (also a second one on the same day) updates the events, and two
    builds on the same day are byte-identical (no clock read)."""
    built = plan.built_on or plan.start_date
    replans = min(int(plan.profile.get("replans") or 0), REPLANS_A_DAY - 1)
    days = max(0, (built - SEQUENCE_EPOCH).days)
    return datetime.combine(built, time(0, 0), tzinfo=UTC), days * REPLANS_A_DAY + replans


def _study_time(plan: Plan) -> time:
    hour, minute = str(plan.profile.get("study_time") or START).split(":")
    return time(int(hour), int(minute))


def _start(plan: Plan, day: date, minutes: int) -> datetime:
    """When a session starts: at the study time, earlier when it would end LATE after it
    (never past midnight), never before 08:00 or the study time, whichever is earlier."""
    usual = datetime.combine(day, _study_time(plan))
    latest_end = min(usual + LATE, datetime.combine(day + timedelta(days=1), time(0, 0)))
    earliest = min(usual, datetime.combine(day, EARLIEST_START))
    start = max(earliest, min(usual, latest_end - timedelta(minutes=minutes)))
    zone = plan.profile.get("time_zone")
    return start.replace(tzinfo=ZoneInfo(zone)) if zone else start


def _stamped(plan: Plan, day: date) -> Event:
    event = Event()
    stamp, sequence = revision(plan)
    event.add("uid", session_uid(plan, day))
    event.add("dtstamp", stamp)
    event.add("sequence", sequence)
    return event


def _event(plan: Plan, week: Week, session: Session) -> Event:
    event = _stamped(plan, session.day)
    start = _start(plan, session.day, session.minutes)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=session.minutes))
    titles = ", ".join(_title(i) for i in session.items) or "review"
    event.add("summary", f"Study: {titles}")
    event.add("description", _description(plan, week, session))
    event.add("categories", ["Study"])
    return event


def _cancelled(plan: Plan, day: date) -> Event:
    """The event of a session the plan this one replaces had on day, cancelled."""
    event = _stamped(plan, day)
    start = _start(plan, day, CANCELLED_MINUTES)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=CANCELLED_MINUTES))
    event.add("status", "CANCELLED")
    event.add("summary", "Cancelled: no study session this day in the re-planned plan")
    event.add("categories", ["Study"])
    return event


def session_days(plan: Plan) -> tuple[date, ...]:
    """The days the plan has a study session on, in order."""
    days = plan.study_days
    return tuple(s.day for week in plan.weeks for s in sessions(week, days))


def render_ics(plan: Plan) -> bytes:
    """The plan as an iCalendar file; the same Plan gives the same bytes (no clock read)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Study plan: {_clean(plan.name)}")
    days = plan.study_days
    for week in plan.weeks:
        for session in sessions(week, days):
            calendar.add_component(_event(plan, week, session))
    gone = sorted(set(plan.previous_sessions) - set(session_days(plan)))
    for day in gone:
        calendar.add_component(_cancelled(plan, day))
    if plan.profile.get("time_zone"):  # the zone's rules for the plan's dates, as VTIMEZONE
        last = max([plan.end_date, *gone])
        calendar.add_missing_timezones(
            plan.start_date - timedelta(days=1), last + timedelta(days=2)
        )
    return bytes(calendar.to_ical())
