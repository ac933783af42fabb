"""The iCalendar export parsed back (by icalendar and by a second parser, `ical`): study days,
event count, durations, UIDs per learner and study day, revisions that update."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

from planner.catalog.model import Catalog
from planner.pipeline import make_plan
from planner.plan import Plan, learner_key
from planner.profile.load import load_text, only_profile
from planner.progress.read import read_progress
from planner.progress.replan import replan
from planner.render import render
from planner.render.ics import PRODID, render_ics, sessions
from tests.sample_plans import long_plan, minimal_plan, unicode_plan
from tests.test_progress import ADA, TODAY, task_ids, ticked_markdown

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


def uids(plan: Plan) -> list[str]:
    return [str(e["UID"]) for e in events(plan)]


def test_one_uid_per_learner_and_study_day() -> None:
    plan = long_plan(10)
    first = uids(plan)
    assert len(set(first)) == len(first) and first == uids(long_plan(10))
    days = [e.decoded("DTSTART").date() for e in events(plan)]
    assert first == [f"{d:%Y%m%d}-{plan.learner}@studyplan" for d in days]
    # the plan's shorter version (the same learner): the same days keep their UIDs
    assert uids(long_plan(4)) == first[: len(uids(long_plan(4)))]


def test_the_learner_key_comes_from_the_profile_not_the_name() -> None:
    base = long_plan(3)
    same_name = [
        replace(base, profile={**base.profile, **change})
        for change in (
            {"background": {"math": 0, "python": 3, "ml": 1}},
            {"goal": "llm-research"},
            {"interests": ["chatbots"]},
        )
    ]
    for other in same_name:
        assert other.name == base.name
        assert not set(uids(other)) & set(uids(base))
    # what a re-plan (or the learner, re-planning) changes keeps the learner
    replanned = replace(
        base,
        profile={
            **base.profile,
            "start_date": "2027-03-01",
            "completed": ["python-basics"],
            "hours_per_week": 12,
            "weeks": 30,
            "tasks_done": {"transformers": [0]},
            "interests": [],
        },
    )
    assert learner_key(replanned.profile) == learner_key(base.profile) == base.learner
    renamed = replace(base, profile={**base.profile, "name": "Ada  Lovelace"})
    assert renamed.learner != base.learner


def test_same_day_same_bytes_later_day_a_newer_revision(small_catalog: Catalog) -> None:
    profile = next(only_profile(load_text(ADA, small_catalog, "ada.yaml")))
    built = date(2026, 12, 30)
    first = render_ics(make_plan(profile, built, small_catalog))
    assert first == render_ics(make_plan(profile, built, small_catalog))
    later = render_ics(make_plan(profile, built + timedelta(days=3), small_catalog))
    changed = {
        line.split(":")[0]
        for a, b in zip(first.decode().splitlines(), later.decode().splitlines(), strict=True)
        if a != b
        for line in (a, b)
    }
    assert changed == {"DTSTAMP", "SEQUENCE"}  # the same plan, a newer revision of it
    old, new = second_parser(first), second_parser(later)
    assert [e.uid for e in old] == [e.uid for e in new]
    assert {e.sequence for e in new} == {e.sequence + 3 * 100 for e in old}  # 3 days on
    assert {e.dtstamp for e in old} == {datetime(2026, 12, 30, tzinfo=UTC)}


def test_a_replan_updates_the_sessions_it_shares(small_catalog: Catalog, tmp_path: Path) -> None:
    """Imported after the old file, the re-plan's events replace the old ones by UID."""
    plan = make_plan(
        next(only_profile(load_text(ADA, small_catalog, "ada.yaml"))),
        date(2026, 12, 30),
        small_catalog,
    )
    source = tmp_path / "ada.md"
    source.write_text(ticked_markdown(plan, set(task_ids(plan, "python-basics"))), encoding="utf-8")
    result = replan(
        read_progress(source, TODAY),
        tmp_path,
        ("ics",),
        date(2027, 2, 1),
        date(2027, 1, 27),
        small_catalog,
    )
    old = {e.dtstart.date(): e for e in second_parser(render_ics(plan))}
    new = {e.dtstart.date(): e for e in second_parser(result.written.paths[0].read_bytes())}
    assert min(new) >= date(2027, 2, 1) and len(new) == len({e.uid for e in new.values()})
    shared = old.keys() & new.keys()
    assert shared and all(old[d].uid == new[d].uid for d in shared)
    assert all(
        new[d].sequence > old[d].sequence and new[d].dtstamp > old[d].dtstamp for d in shared
    )
    assert new[min(shared)].summary != old[min(shared)].summary  # other work that day
    other = make_plan(
        next(only_profile(load_text(ADA.replace("math: 1", "math: 3"), small_catalog, "b.yaml"))),
        date(2026, 12, 30),
        small_catalog,
    )
    assert not {e.uid for e in second_parser(render_ics(other))} & {e.uid for e in old.values()}


def second_parser(data: bytes) -> list:  # type: ignore[type-arg]
    """The events as `ical` reads them: a strict RFC 5545 parser, not icalendar's."""
    return list(IcsCalendarStream.calendar_from_ics(data.decode("utf-8")).events)


@pytest.mark.parametrize(
    "plan", [long_plan(16), unicode_plan(), minimal_plan()], ids=["long", "unicode", "minimal"]
)
def test_a_second_parser_reads_the_same_calendar(plan: Plan) -> None:
    data = render_ics(plan)
    calendar = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    assert calendar.prodid == PRODID and calendar.version == "2.0"
    ours = events(plan)
    theirs = calendar.events
    assert [e.uid for e in theirs] == [str(e["UID"]) for e in ours]
    assert [e.summary for e in theirs] == [str(e["SUMMARY"]) for e in ours]
    assert [e.description for e in theirs] == [str(e["DESCRIPTION"]) for e in ours]
    assert [(e.dtstart, e.dtend) for e in theirs] == [
        (e.decoded("DTSTART"), e.decoded("DTEND")) for e in ours
    ]
    assert {e.sequence for e in theirs} == {(plan.start_date - date(2000, 1, 1)).days * 100}
    assert all(e.dtstamp.tzinfo is not None for e in theirs)


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


# --- re-plans cancel what they no longer have; study time and time zone --------------------


def cancelled(data: bytes) -> dict[date, object]:
    return {e.dtstart.date(): e for e in second_parser(data) if str(e.status).endswith("CANCELLED")}


def test_a_replan_cancels_the_sessions_it_no_longer_has(
    small_catalog: Catalog, tmp_path: Path
) -> None:
    plan = make_plan(
        next(only_profile(load_text(ADA, small_catalog, "ada.yaml"))), TODAY, small_catalog
    )
    half = {
        tid
        for w in plan.weeks[: len(plan.weeks) // 2]
        for i in w.items
        for tid in i.task_ids(w.number)
    }
    source = tmp_path / "ada.md"
    source.write_text(ticked_markdown(plan, half), encoding="utf-8")
    start = plan.weeks[1].start  # ticked ahead: the rest fits in fewer weeks than were left
    result = replan(
        read_progress(source, TODAY), tmp_path, ("md", "ics"), start, TODAY, small_catalog
    )
    new_bytes = next(p for p in result.written.paths if p.suffix == ".ics").read_bytes()
    old = {e.dtstart.date(): e for e in second_parser(render_ics(plan))}
    new = second_parser(new_bytes)
    active = {e.dtstart.date() for e in new if not str(e.status).endswith("CANCELLED")}
    gone = cancelled(new_bytes)
    after_start = {d for d in old if d >= start}
    assert gone and set(gone) == after_start - active  # every old session it no longer has
    assert max(gone) == max(old) and min(gone) > max(active)  # here: the old plan's end
    for day, event in gone.items():
        assert event.uid == old[day].uid and event.sequence > old[day].sequence
    assert len({e.uid for e in new}) == len(new)  # one event per UID
    assert new_bytes.count(b"STATUS:CANCELLED") == len(gone)


def test_two_replans_on_one_day_are_two_revisions(small_catalog: Catalog, tmp_path: Path) -> None:
    plan = make_plan(
        next(only_profile(load_text(ADA, small_catalog, "ada.yaml"))), TODAY, small_catalog
    )
    source = tmp_path / "ada.md"
    source.write_text(ticked_markdown(plan, set(task_ids(plan, "python-basics"))), encoding="utf-8")
    start = date(2027, 2, 1)
    first = replan(
        read_progress(source, TODAY), tmp_path, ("md", "ics"), start, TODAY, small_catalog
    )
    [first_md] = [p for p in first.written.paths if p.suffix == ".md"]
    second = replan(
        read_progress(first_md, TODAY), tmp_path, ("md", "ics"), start, TODAY, small_catalog
    )
    sequences = [
        {e.sequence for e in second_parser(p.read_bytes())}
        for p in (*first.written.paths, *second.written.paths)
        if p.suffix == ".ics"
    ]
    base = (TODAY - date(2000, 1, 1)).days * 100
    assert sequences == [{base + 1}, {base + 2}]  # the same day, a newer revision each time
    assert "replans: 2" in second.profile_path.read_text(encoding="utf-8")
    [profile] = only_profile(load_text(second.profile_path.read_text(), small_catalog, "r.yaml"))
    again = make_plan(profile, TODAY, small_catalog)
    assert render_ics(again) == render_ics(make_plan(profile, TODAY, small_catalog))


def with_profile(plan: Plan, **fields: object) -> Plan:
    return replace(plan, profile={**plan.profile, **fields})


@pytest.mark.parametrize(
    ("study_time", "on_time"),
    [
        ("07:30", {True}),  # before 08:00 nothing moves earlier
        ("18:00", {True, False}),
        ("20:15", {True, False}),
        ("23:00", {False}),  # every session would run past midnight
    ],
)
def test_sessions_start_at_the_study_time(study_time: str, on_time: set[bool]) -> None:
    """A session starts at the study time; one that would end more than 4 hours after it
    (or after midnight) starts earlier, just enough, but never before 08:00 or the study
    time, whichever is earlier."""
    hour, minute = (int(x) for x in study_time.split(":"))
    usual = hour * 60 + minute
    limit, earliest = min(usual + 4 * 60, 24 * 60), min(usual, 8 * 60)
    seen = set()
    for plan in (long_plan(4), with_days(long_plan(4), ["sun"])):  # short and long sessions
        for event in events(with_profile(plan, study_time=study_time)):
            start = event.decoded("DTSTART")
            at = start.hour * 60 + start.minute
            end = at + (event.decoded("DTEND") - start).seconds // 60
            assert earliest <= at <= usual
            if end > limit:
                assert at == earliest  # could not move earlier
            elif at < usual:
                assert end == limit  # moved just enough
            seen.add(at == usual)
    assert seen == on_time


def test_the_default_study_time_is_1800_floating() -> None:
    plan = long_plan(3)
    assert render_ics(plan) == render_ics(with_profile(plan, study_time="18:00"))
    first = events(plan)[0].decoded("DTSTART")
    assert (first.hour, first.minute, first.tzinfo) == (18, 0, None)


def test_a_time_zone_gives_tzid_and_its_vtimezone_across_a_dst_change() -> None:
    from zoneinfo import ZoneInfo

    # 16 weeks from 4 Jan 2027: Europe/Berlin moves to summer time on 28 Mar 2027
    plan = with_profile(long_plan(16), study_time="19:00", time_zone="Europe/Berlin")
    data = render_ics(plan)
    text = data.decode()
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin" in text
    assert "DTSTART;TZID=Europe/Berlin:20270104T190000" in text
    berlin = ZoneInfo("Europe/Berlin")
    theirs = second_parser(data)  # a strict parser, reading the VTIMEZONE we wrote
    ours = events(plan)
    assert len(theirs) == len(ours)
    for mine, read in zip(ours, theirs, strict=True):
        start = mine.decoded("DTSTART")
        assert (
            start.tzinfo is not None
            and start.utcoffset() == start.replace(tzinfo=berlin).utcoffset()
        )
        assert read.dtstart.astimezone(UTC) == start.astimezone(UTC)
    offsets = {read.dtstart.astimezone(UTC).hour for read in theirs}
    assert offsets == {17, 18}  # 19:00 in Berlin is 18:00 UTC in winter, 17:00 in summer
