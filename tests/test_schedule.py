"""build_plan on the fixture catalog: dates, parts, shared-out checklists, deadlines."""

from __future__ import annotations

from datetime import date, timedelta

from planner.engine.build import build_plan
from planner.facts import LeftOut, NotWhole
from planner.profile.load import load_text
from planner.render.words import Words


def make(catalog, extra="", hours=8, math=2, python=2, goal="llm-engineer"):
    text = (
        f"name: T\ngoal: {goal}\nhours_per_week: {hours}\n"
        f"background: {{math: {math}, python: {python}, ml: 1}}\n{extra}"
    )
    [loaded] = load_text(text, catalog, "t.yaml")
    assert loaded.profile, loaded.problems
    return loaded.profile


def test_weeks_are_dated_from_the_coming_monday(small_catalog, today):
    plan = build_plan(make(small_catalog), small_catalog, today)
    assert plan.start_date == date(2026, 11, 30)
    for n, week in enumerate(plan.weeks):
        assert week.number == n + 1
        assert week.start == plan.start_date + timedelta(weeks=n)
        assert week.end - week.start == timedelta(days=6)


def test_start_date_may_be_any_day(small_catalog, today):
    plan = build_plan(make(small_catalog, "start_date: 2027-01-07\n"), small_catalog, today)
    assert plan.weeks[0].start == date(2027, 1, 7) and plan.weeks[1].start == date(2027, 1, 14)


def test_every_task_once_and_parts_numbered(small_catalog, today):
    plan = build_plan(make(small_catalog, hours=3), small_catalog, today)
    seen = {}
    for week in plan.weeks:
        assert week.hours <= 3 + 1e-9
        for item in week.items:
            seen.setdefault(item.id, []).append(item)
    for item_id, parts in seen.items():
        if item_id.startswith("review-"):
            continue
        whole = small_catalog.items[item_id]
        assert [p.part for p in parts] == [(k, len(parts)) for k in range(1, len(parts) + 1)]
        tasks = [t for p in parts for t in p.tasks]
        # every task once, in order; a long task in numbered sessions, one a week
        assert list(dict.fromkeys(t.text for t in tasks)) == list(whole.checklist)
        assert sorted({t.index for t in tasks}) == list(range(len(whole.checklist)))
        for index in {t.index for t in tasks}:
            sessions = [t.session for t in tasks if t.index == index]
            assert sessions == [(k, len(sessions)) for k in range(1, len(sessions) + 1)]
        assert parts[-1].tasks[-1].text == whole.checklist[-1]  # self-check at the very end


def test_deadline_drops_least_important_leaf_with_reason(small_catalog, today):
    full = build_plan(make(small_catalog), small_catalog, today)
    plan = build_plan(make(small_catalog, f"weeks: {len(full.weeks) - 1}\n"), small_catalog, today)
    assert len(plan.weeks) <= len(full.weeks) - 1
    assert plan.full_weeks == len(full.weeks)
    partly = [n for n in plan.notes if isinstance(n, NotWhole)]
    assert plan.dropped or partly  # whole items left out, or the last one started only
    assert all(isinstance(d.why, LeftOut) for d in plan.dropped)
    kept = {i.id for w in plan.weeks for i in w.items}
    for d in plan.dropped:
        assert d.id not in kept
        assert all(
            d.id not in small_catalog.items[k].prerequisites
            for k in kept
            if k in small_catalog.items
        )


def test_plan_is_deterministic(small_catalog, today):
    a = build_plan(make(small_catalog, "interests: [rag]\n"), small_catalog, today)
    b = build_plan(make(small_catalog, "interests: [rag]\n"), small_catalog, today)
    assert a == b


def test_review_slots_follow_finished_items(small_catalog, today):
    plan = build_plan(make(small_catalog, hours=10), small_catalog, today)
    reviews = [i for w in plan.weeks for i in w.items if i.kind == "review"]
    # about 15% of the week at most, and the minutes no task fits (under half an hour)
    assert reviews and all(r.hours <= 1.5 + 0.5 for r in reviews)
    # said once, by the rule that asks for review (not again as a note)
    words = Words(plan)
    assert any("review" in sentence.lower() for sentence in words.fired())
    assert not any("review" in n.lower() for n in words.notes())
