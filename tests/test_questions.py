"""The question definitions shared by the questionnaire, the web form and profile checks."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import jsonschema
import pytest

from planner.catalog.conditions import FIELDS
from planner.catalog.model import Catalog
from planner.engine.conditions import facts_of
from planner.profile.model import Background, Profile
from planner.profile.questions import (
    AREAS,
    BY_KEY,
    DEADLINE_WEEKS,
    HOURS,
    LEVEL_NAMES,
    LEVELS,
    QUESTIONS,
    TOP_KEYS,
    Invalid,
)
from planner.profile.schema import profile_schema
from planner.profile.validate import validate


def test_every_profile_field_has_exactly_one_question():
    keys = [q.key for q in QUESTIONS]
    assert len(keys) == len(set(keys))
    expected = {k for k in TOP_KEYS if k != "background"} | {f"background.{a}" for a in LEVELS}
    assert set(keys) == expected


def test_every_question_but_the_name_has_a_default_or_is_optional():
    for q in QUESTIONS:
        if q.key != "name":
            assert q.default is not None or not q.required, q.key


def test_answered_level_prompts_fit_an_80_column_terminal():
    for area, descriptions in LEVELS.items():
        prompt = BY_KEY[f"background.{area}"].prompt
        assert len(descriptions) == len(LEVEL_NAMES[area]) == 5
        for level, text in enumerate(descriptions):
            assert len(f"? {prompt} {level} · {text}") <= 80, text


@pytest.mark.parametrize(
    "key, value, clean",
    [
        ("hours_per_week", 7.5, 7.5),
        ("weeks", 12, 12),
        ("background.ml", 0, 0),
        ("study_days", ["sat", "mon"], ("mon", "sat")),
        ("name", "  Zoe\u0301 ", "Zoé"),
        ("budget", "free", "free"),
    ],
)
def test_validators_clean_good_values(small_catalog, key, value, clean):
    assert BY_KEY[key].validate(value, small_catalog) == clean


@pytest.mark.parametrize(
    "key, value, message",
    [
        (
            "background.python",
            5,
            "5 is too large; write a whole number from 0 to 4 (0 none, "
            "1 beginner, 2 comfortable, 3 proficient, 4 expert)",
        ),
        ("study_days", ["mon", "fun"], '"fun" is not a known weekday — did you mean sun?'),
        ("study_days", ["mon", "Friday"], '"Friday" is not a known weekday — did you mean fri?'),
        (
            "goal",
            "research",
            '"research" is not one of the goals (llm-applications, '
            "llm-engineer, llm-research) — did you mean llm-research?",
        ),
        ("goal", "LLM applications", "did you mean llm-applications?"),
        ("interests", ["Retrieval-Augmented  Generation"], "did you mean rag?"),
        ("completed", ["Python Basics"], "did you mean python-basics?"),
        ("budget", "fre", '"fre" is not one of the budgets (any, free) — did you mean free?'),
    ],
)
def test_validators_say_what_is_allowed(small_catalog, key, value, message):
    with pytest.raises(Invalid, match=re.escape(message)):
        BY_KEY[key].validate(value, small_catalog)


def test_the_profile_model_has_the_questions_fields_and_no_others() -> None:
    top = {f.name for f in dataclasses.fields(Profile)}
    assert top == set(TOP_KEYS)
    assert {f.name for f in dataclasses.fields(Background)} == set(AREAS)


def test_rules_can_test_every_answer_and_see_it(small_catalog: Catalog) -> None:
    profile, problems = validate(_base(), small_catalog)
    assert profile is not None, problems
    assert set(FIELDS) == set(facts_of(profile)) == {q.key for q in QUESTIONS}
    assert facts_of(profile)["background.math"] == 2


def test_saving_a_profile_loses_nothing(small_catalog: Catalog) -> None:
    data = _base() | {
        "start_date": "2027-01-06",
        "weeks": 20,
        "interests": ["rag"],
        "study_days": ["sun", "tue"],
        "budget": "free",
    }
    profile, problems = validate(data, small_catalog)
    assert profile is not None, problems
    again, problems = validate(profile.to_data(), small_catalog)
    assert again == profile, problems
    assert list(profile.to_data()) == [k for k in TOP_KEYS if k in profile.to_data()]


def test_the_default_budget_is_any_and_is_not_saved(small_catalog: Catalog) -> None:
    profile, problems = validate(_base(), small_catalog)
    assert profile is not None and profile.budget == "any", problems
    assert "budget" not in profile.to_data()
    free, _ = validate(_base(budget="free"), small_catalog)
    assert free is not None and free.to_data()["budget"] == "free"


def _base(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Ada",
        "goal": "llm-engineer",
        "hours_per_week": 8,
        "background": {"math": 2, "python": 2, "ml": 1},
    }
    return data | changes


def test_empty_optional_answers_take_their_defaults(small_catalog):
    assert BY_KEY["study_days"].validate([], small_catalog) == ("mon", "wed", "sat")
    assert BY_KEY["interests"].validate([], small_catalog) == ()
    assert BY_KEY["weeks"].validate(None, small_catalog) is None


@pytest.mark.parametrize(
    "change, ok",
    [
        ({"hours_per_week": 0}, False),
        ({"hours_per_week": 61}, False),
        ({"hours_per_week": 1}, True),
        ({"hours_per_week": 60}, True),
        ({"hours_per_week": 0.5}, False),
        ({"hours_per_week": 59.5}, True),
        ({"weeks": 0}, False),
        ({"weeks": 1}, True),
        ({"weeks": DEADLINE_WEEKS[1]}, True),
        ({"weeks": DEADLINE_WEEKS[1] + 1}, False),
        ({"weeks": 20.0}, True),
        ({"weeks": 2.5}, False),
        ({"hours_per_week": "8"}, False),
        ({"hours_per_week": True}, False),
        ({"background": {"math": 5, "python": 2, "ml": 1}}, False),
        ({"background": {"math": -1, "python": 2, "ml": 1}}, False),
        ({"background": {"math": 4, "python": 0, "ml": 0}}, True),
        ({"name": "x" * 120}, True),
        ({"name": "x" * 121}, False),
        ({"interests": ["rag", "rag"]}, False),
        ({"study_days": []}, True),
        ({"goal": "llm-research"}, True),
        ({"goal": "poet"}, False),
        ({"budget": "free"}, True),
        ({"budget": "any"}, True),
        ({"budget": "cheap"}, False),
    ],
)
def test_schema_and_validator_agree(
    small_catalog: Catalog, change: dict[str, Any], ok: bool
) -> None:
    data = _base(**change)
    by_schema = jsonschema.Draft202012Validator(profile_schema(small_catalog)).is_valid(data)
    # the validator forgives a repeated interest (it keeps one); the schema says uniqueItems
    _profile, problems = validate(data, small_catalog)
    assert by_schema is ok
    if change != {"interests": ["rag", "rag"]}:
        assert (not problems) is ok, problems


def test_tasks_done_are_checked_against_the_items_tasks(small_catalog: Catalog) -> None:
    ok, problems = validate(_base(tasks_done={"linear-algebra": [1, 0]}), small_catalog)
    assert ok is not None and ok.tasks_done == (("linear-algebra", (0, 1)),), problems
    assert ok.to_data()["tasks_done"] == {"linear-algebra": [0, 1]}
    count = len(small_catalog.items["linear-algebra"].tasks)
    for wrong, message in (
        ({"linear-algebr": [0]}, "did you mean linear-algebra?"),
        ({"linear-algebra": [count]}, f"from 0 to {count - 1}"),
        ([0, 1], "must map item ids"),
    ):
        profile, problems = validate(_base(tasks_done=wrong), small_catalog)
        assert profile is None and message in problems[0].message


def test_every_default_plan_fits_the_deadline_bound_and_longer_ones_cut_to_it(
    catalog: Catalog,
) -> None:
    """At the fewest hours a week, each track's default plan can be met as a deadline; a
    plan with every interest is longer and is cut to the longest deadline allowed."""
    from datetime import date

    from planner.pipeline import make_plan

    today, longest = date(2026, 11, 25), DEADLINE_WEEKS[1]
    for goal in catalog.tracks:
        base = Profile("Ada", goal, HOURS[0], Background(0, 0, 0))
        assert len(make_plan(base, today, catalog).weeks) <= longest, goal
        every = dataclasses.replace(base, interests=tuple(catalog.interests), weeks=longest)
        assert len(make_plan(every, today, catalog).weeks) <= longest, goal
