"""Plans from the real catalog over many generated profiles: schedulable, sound, personal."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.catalog.load import load_catalog
from planner.engine.build import build_plan
from planner.profile.validate import validate

CATALOG = load_catalog()
TODAY = date(2026, 11, 25)


@st.composite
def profiles(draw):
    return {
        "name": draw(st.text(min_size=1, max_size=30).filter(lambda s: s.strip()
                                                              and s.isprintable())),
        "goal": draw(st.sampled_from(sorted(CATALOG.tracks))),
        "hours_per_week": draw(st.sampled_from([2, 3, 5, 7.5, 10, 15, 25, 40, 60])),
        "background": {a: draw(st.integers(0, 4)) for a in ("math", "python", "ml")},
        "interests": draw(st.lists(st.sampled_from(sorted(CATALOG.interests)), max_size=4,
                                   unique=True)),
        "completed": draw(st.lists(st.sampled_from(sorted(CATALOG.items)), max_size=5,
                                   unique=True)),
        **({"weeks": draw(st.integers(4, 60))} if draw(st.booleans()) else {}),
    }


def plan_for(data):
    profile, problems = validate(data, CATALOG)
    assert profile is not None, problems
    return profile, build_plan(profile, CATALOG, TODAY)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles())
def test_every_plan_is_sound(data):
    profile, plan = plan_for(data)
    assert plan.weeks, "every profile gets a plan"
    ends: dict[str, tuple[int, int]] = {}
    for week in plan.weeks:
        assert week.hours <= profile.hours_per_week + 1e-6  # fits the weekly hours
        for slot, item in enumerate(week.items):
            assert item.reasons  # every choice carries a reason
            for pre in item.prerequisites:  # prerequisites end before an item starts
                if item.part[0] == 1 and pre in ends:
                    assert ends[pre] < (week.number, slot)
            ends[item.id] = (week.number, slot)
    planned = {i.id for w in plan.weeks for i in w.items}
    assert not planned & set(profile.completed)  # completed work is never planned again
    assert not planned & {d.id for d in plan.dropped}
    if profile.weeks and not any("Even the core" in n for n in plan.notes):
        assert len(plan.weeks) <= profile.weeks  # a deadline is met, or the plan says why


def test_beginner_gets_foundations_an_expert_skips():
    def ids(level):
        data = {"name": "X", "goal": "llm-engineer", "hours_per_week": 10,
                "background": {"math": level, "python": level, "ml": level}}
        return {i.id for w in plan_for(data)[1].weeks for i in w.items}

    beginner, expert = ids(0), ids(4)
    foundations = {"math-refresher", "python-basics", "linear-algebra", "ml-fundamentals",
                   "neural-networks-basics", "pytorch-basics"}
    assert foundations <= beginner
    assert not foundations & expert
    assert len(beginner) > len(expert)
    assert {"transformer-architecture", "finetune-with-trainer"} <= beginner & expert


def test_tracks_have_different_shapes():
    def sections(goal):
        data = {"name": "X", "goal": goal, "hours_per_week": 10,
                "background": {"math": 2, "python": 2, "ml": 2}}
        plan = plan_for(data)[1]
        hours: dict[str, float] = {}
        for w in plan.weeks:
            for i in w.items:
                hours[i.section] = hours.get(i.section, 0) + i.hours
        return hours

    engineer, apps, research = (sections(g) for g in
                                ("llm-engineer", "llm-applications", "llm-research"))
    assert research.get("research", 0) > apps.get("research", 0)
    assert apps["prompting-rag"] / sum(apps.values()) > \
        engineer["prompting-rag"] / sum(engineer.values())
    assert engineer.get("llmops", 0) > research.get("llmops", 0)
    assert research["llm-foundations"] > apps.get("llm-foundations", 0)


def test_soft_skills_and_ethics_are_woven_through():
    data = {"name": "X", "goal": "llm-engineer", "hours_per_week": 8,
            "background": {"math": 1, "python": 1, "ml": 0}}
    plan = plan_for(data)[1]
    soft = [w.number for w in plan.weeks for i in w.items
            if i.section in ("communication", "problem-solving", "responsible-ai")]
    assert soft and min(soft) <= len(plan.weeks) // 3  # not left to the end
    assert max(soft) - min(soft) >= len(plan.weeks) // 3  # spread over the plan
