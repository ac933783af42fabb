"""Rule conditions: parsing checks names, evaluation returns the tests that matched."""

from __future__ import annotations

import pytest

from planner.catalog.conditions import parse_condition
from planner.engine.conditions import evaluate

FACTS = {
    "background.math": 1,
    "goal": "llm-research",
    "interests": ["rag", "agents"],
    "weeks": None,
    "hours_per_week": 8.0,
}


@pytest.mark.parametrize(
    "raw, held",
    [
        ({"background.math": {"lte": 1}}, True),
        ({"background.math": {"gt": 1}}, False),
        ({"goal": {"in": ["llm-research", "llm-engineer"]}}, True),
        ({"interests": {"has_any": ["rag", "chatbots"]}}, True),
        ({"interests": {"has_all": ["rag", "chatbots"]}}, False),
        ({"weeks": {"exists": True}}, False),
        ({"weeks": {"lt": 10}}, False),  # a missing value is never less than anything
        ({"not": {"goal": {"eq": "llm-research"}}}, False),
        ({"any": [{"goal": {"eq": "x"}}, {"hours_per_week": {"gte": 8}}]}, True),
        ({"all": [{"goal": {"eq": "llm-research"}}, {"hours_per_week": {"lt": 8}}]}, False),
        (None, True),
    ],
)
def test_evaluate(raw, held):
    assert evaluate(parse_condition(raw, "t"), FACTS)[0] is held


def test_trace_names_matching_leaves():
    cond = parse_condition(
        {"all": [{"background.math": {"lte": 1}}, {"goal": {"eq": "llm-research"}}]}, "t"
    )
    held, trace = evaluate(cond, FACTS)
    assert held and [(t.field, t.op, t.value) for t in trace] == [
        ("background.math", "lte", 1),
        ("goal", "eq", "llm-research"),
    ]


@pytest.mark.parametrize(
    "raw, message",
    [
        ({"backgrund.math": {"lte": 1}}, "unknown field 'backgrund.math'"),
        ({"goal": {"equals": "x"}}, "unknown operator 'equals'"),
        ({"all": {"goal": {"eq": "x"}}}, "'all' takes a list"),
        ({"goal": {"eq": 1}, "weeks": {"eq": 2}}, "a condition is one key"),
    ],
)
def test_typos_are_errors(raw, message):
    with pytest.raises(ValueError, match=message):
        parse_condition(raw, "rule 'x'")
