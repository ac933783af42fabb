"""The question definitions shared by the questionnaire, the web form and profile checks."""

from __future__ import annotations

import re

import pytest

from planner.profile.model import TOP_KEYS
from planner.profile.questions import BY_KEY, LEVEL_NAMES, LEVELS, QUESTIONS, Invalid


def test_every_profile_field_has_exactly_one_question():
    keys = [q.key for q in QUESTIONS]
    assert len(keys) == len(set(keys))
    expected = {k for k in TOP_KEYS if k != "background"} | {
        f"background.{a}" for a in LEVELS}
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


@pytest.mark.parametrize("key, value, clean", [
    ("hours_per_week", 7.5, 7.5), ("weeks", 12, 12), ("background.ml", 0, 0),
    ("study_days", ["sat", "mon"], ("mon", "sat")), ("name", "  Zoe\u0301 ", "Zoé"),
])
def test_validators_clean_good_values(small_catalog, key, value, clean):
    assert BY_KEY[key].validate(value, small_catalog) == clean


@pytest.mark.parametrize("key, value, message", [
    ("background.python", 5, "0 none, 1 beginner, 2 comfortable, 3 proficient, 4 expert"),
    ("study_days", ["mon", "fun"], 'unknown weekday "fun" (did you mean "sun"?)'),
    ("study_days", [], "at least one weekday"),
    ("goal", "research", "allowed: llm-applications, llm-engineer, llm-research"),
])
def test_validators_say_what_is_allowed(small_catalog, key, value, message):
    with pytest.raises(Invalid, match=re.escape(message)):
        BY_KEY[key].validate(value, small_catalog)
