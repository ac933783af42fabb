"""Rule conditions as data: all / any / not over leaf tests of the learner's answers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# what a rule may test: every answer of the profile, by its question's key (the catalog sits
# below the profile, so the keys are named here; tests/test_questions.py keeps them the same)
FIELDS = (
    "name",
    "goal",
    "hours_per_week",
    "start_date",
    "weeks",
    "background.math",
    "background.python",
    "background.ml",
    "interests",
    "completed",
    "study_days",
    "tasks_done",
    "study_time",
    "time_zone",
    "replans",
    "budget",
)
OPERATORS = ("eq", "ne", "lt", "lte", "gt", "gte", "in", "has_any", "has_all", "exists")


@dataclass(frozen=True, kw_only=True)
class Condition:
    """A node of a condition tree: 'all', 'any', 'not' (children) or 'test' (a leaf)."""

    kind: str
    children: tuple[Condition, ...] = ()
    field: str = ""
    op: str = ""
    value: Any = None

    def reads(self, prefix: str) -> bool:
        """Whether a test in this tree reads a field starting with prefix."""
        return self.field.startswith(prefix) or any(c.reads(prefix) for c in self.children)


ALWAYS = Condition(kind="all")


def parse_condition(raw: Any, where: str) -> Condition:
    """Build a Condition; unknown fields or operators raise ValueError naming them."""
    if raw is None or raw == "always":
        return ALWAYS
    if not isinstance(raw, dict) or len(raw) != 1:
        raise ValueError(f"{where}: a condition is one key: all, any, not, or a field name")
    ((key, body),) = raw.items()
    if key in ("all", "any"):
        if not isinstance(body, list):
            raise ValueError(f"{where}: '{key}' takes a list of conditions")
        return Condition(kind=key, children=tuple(parse_condition(c, where) for c in body))
    if key == "not":
        return Condition(kind="not", children=(parse_condition(body, where),))
    if key not in FIELDS:
        raise ValueError(f"{where}: unknown field {key!r}; fields: {', '.join(FIELDS)}")
    if not isinstance(body, dict) or len(body) != 1:
        raise ValueError(f"{where}: {key} needs one test like {{lte: 1}}")
    ((op, value),) = body.items()
    if op not in OPERATORS:
        raise ValueError(f"{where}: unknown operator {op!r}; operators: {', '.join(OPERATORS)}")
    return Condition(kind="test", field=key, op=op, value=value)
