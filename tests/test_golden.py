"""Golden plans: the JSON of a minimal and a full profile, compared with reference files.

After an intended change to the catalog, rules or scheduler, refresh them with
`pytest --update-golden` and review the diff.
"""

from __future__ import annotations

import json

import pytest

from planner.engine.build import build_plan
from planner.profile.load import load_text
from planner.render.plan_json import render_json

MINIMAL = """\
name: Min Imal
goal: llm-applications
hours_per_week: 10
background: {math: 2, python: 3, ml: 2}
"""
FULL = """\
name: "Zoë <Full> & Жанна"
goal: llm-engineer
hours_per_week: 9.5
start_date: 2027-01-06
weeks: 30
background: {math: 1, python: 2, ml: 1}
interests: [rag, chatbots, safety]
completed: [git-and-github, what-is-an-llm]
study_days: [tue, thu, sun]
"""
CONTRACT_KEYS = [
    "name",
    "goal",
    "hours_per_week",
    "start_date",
    "total_hours",
    "dropped",
    "skipped",
    "notes",
    "weeks",
]
ITEM_KEYS = [
    "id",
    "title",
    "section",
    "hours",
    "part",
    "prerequisites",
    "reasons",
    "resources",
    "checklist",
]


@pytest.mark.parametrize("name, text", [("minimal", MINIMAL), ("full", FULL)])
def test_plan_json_matches_golden(name, text, catalog, today, golden):
    [loaded] = load_text(text, catalog, f"{name}.yaml")
    plan = build_plan(loaded.profile, catalog, today)
    output = render_json(plan).decode()
    data = json.loads(output)
    assert list(data) == [*CONTRACT_KEYS, "self_checks"]  # new keys only after the contract's
    assert list(data["weeks"][0]) == ["number", "start", "end", "hours", "items"]
    # the contract's keys first, in order; new keys only ever beside them
    assert list(data["weeks"][0]["items"][0])[: len(ITEM_KEYS)] == ITEM_KEYS
    golden(f"plan-{name}.json", output)


def test_full_plan_fits_its_deadline_and_says_what_it_dropped(catalog, today):
    [loaded] = load_text(FULL, catalog, "full.yaml")
    plan = build_plan(loaded.profile, catalog, today)
    assert len(plan.weeks) <= 30
    assert plan.full_weeks > 30 and plan.dropped
    assert {s.id for s in plan.skipped} >= {"git-and-github", "what-is-an-llm"}
