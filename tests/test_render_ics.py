"""The iCalendar export parsed back: study days, event count, durations, stable UIDs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar

from planner.plan import Plan
from planner.render import render
from planner.render.ics import render_ics, sessions
from tests.sample_plans import long_plan, minimal_plan, unicode_plan

WEEKDAY = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def events(plan: Plan) -> list:  # type: ignore[type-arg]
    return list(Calendar.from_ical(render_ics(plan)).walk("VEVENT"))


def with_days(plan: Plan, days: list[str], start: date | None = None) -> Plan:
    plan = replace(plan, profile={**plan.profile, "study_days": days})
    if start is None:
        return plan
    shift = start - plan.start_date
    weeks = tuple(replace(w, start=w.start + shift, end=w.end + shift) for w in plan.weeks)
    return replace(plan, start_date=start, weeks=weeks)


def test_calendar_header() -> None:
    calendar = Calendar.from_ical(render_ics(minimal_plan()))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert "studyplan" in str(calendar["PRODID"])


def test_default_study_days_mon_wed_sat_inside_each_week() -> None:
    plan = long_plan(6)
    found = events(plan)
    weeks = {w.number: w for w in plan.weeks}
    assert len(found) == 3 * len(plan.weeks)
    for event in found:
        start = event.decoded("DTSTART")
        assert isinstance(start, datetime) and start.tzinfo is None  # floating local time
        assert start.weekday() in (0, 2, 5)
        assert any(w.start <= start.date() <= w.end for w in weeks.values())


@pytest.mark.parametrize("days", [["tue", "thu"], ["sun"], ["mon", "tue", "wed", "thu", "fri"]])
def test_profile_study_days_and_a_start_midweek(days: list[str]) -> None:
    plan = with_days(long_plan(4), days, start=date(2027, 1, 7))  # a Thursday
    found = events(plan)
    assert len(found) == len(days) * len(plan.weeks)
    for event in found:
        day = event.decoded("DTSTART").date()
        assert day.weekday() in {WEEKDAY[d] for d in days}
        assert plan.start_date <= day <= plan.end_date


def test_total_duration_is_the_plan_hours_within_rounding() -> None:
    for plan in (long_plan(16), with_days(long_plan(5), ["sun"]), unicode_plan()):
        found = events(plan)
        total = sum((e.decoded("DTEND") - e.decoded("DTSTART") for e in found), timedelta())
        assert abs(total.total_seconds() / 3600 - plan.total_hours) <= 0.125 * len(plan.weeks)
        for event in found:
            minutes = (event.decoded("DTEND") - event.decoded("DTSTART")).seconds // 60
            assert minutes % 15 == 0 and minutes > 0


def test_sessions_share_the_week_in_quarter_hours() -> None:
    week = long_plan(2).weeks[1]  # 7.5 h over mon, wed, sat
    found = sessions(week, ("mon", "wed", "sat"))
    assert [s.minutes for s in found] == [150, 150, 150]
    assert [s.day.weekday() for s in found] == [0, 2, 5]
    assert {i.id for s in found for i in s.items} == {i.id for i in week.items}


def test_uids_unique_and_stable_across_renders() -> None:
    first = [str(e["UID"]) for e in events(long_plan(10))]
    again = [str(e["UID"]) for e in events(long_plan(10))]
    assert len(set(first)) == len(first)
    assert first == again
    assert all(uid.endswith("@studyplan") for uid in first)
    # the same person and goal re-planned: week 1's Monday keeps its UID (replaces, not adds)
    shorter = [str(e["UID"]) for e in events(long_plan(4))]
    assert shorter == first[: len(shorter)]


def test_another_person_gets_other_uids() -> None:
    other = replace(long_plan(3), name="Ada Lovelace")
    assert not {str(e["UID"]) for e in events(other)} & {
        str(e["UID"]) for e in events(long_plan(3))}


def test_same_plan_same_bytes_and_dtstamp_from_the_plan() -> None:
    assert render_ics(long_plan()) == render_ics(long_plan())
    stamp = events(long_plan())[0].decoded("DTSTAMP")
    assert stamp.date() == long_plan().start_date


def test_summary_and_description() -> None:
    first = events(long_plan(2))[0]
    assert str(first["SUMMARY"]) == "Study: Topic 1: attention in practice"
    description = str(first["DESCRIPTION"])
    assert "[ ] Read chapter 1" in description
    assert "https://example.org/topic-1" in description


def test_hostile_text_and_unsafe_urls() -> None:
    found = events(unicode_plan())
    description = str(found[0]["DESCRIPTION"])
    assert "javascript:" not in description and "../../etc/passwd:" not in description
    assert "<b>R&D</b> guide: https://example.org/a?b=1&c=2" in description
    assert "李小龍" in str(found[0]["SUMMARY"])


def test_render_goes_through_the_format_registry() -> None:
    assert render(minimal_plan(), "ics").extension == "ics"
