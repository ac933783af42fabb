"""Rule conditions as data: all / any / not over leaf tests, evaluated with a trace."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planner.profile.questions import QUESTIONS

FIELDS = tuple(q.key for q in QUESTIONS)  # what a rule may test: every profile answer
OPERATORS = ("eq", "ne", "lt", "lte", "gt", "gte", "in", "has_any", "has_all", "exists")
_COMPARE = {
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "lt": lambda a, b: a is not None and a < b,
    "lte": lambda a, b: a is not None and a <= b,
    "gt": lambda a, b: a is not None and a > b,
    "gte": lambda a, b: a is not None and a >= b,
    "in": lambda a, b: a in b,
    "has_any": lambda a, b: bool(set(a or ()) & set(b)),
    "has_all": lambda a, b: set(b) <= set(a or ()),
    "exists": lambda a, b: (a not in (None, (), [])) == bool(b),
}


@dataclass(frozen=True)
class Condition:
    """A node of a condition tree: 'all', 'any', 'not' (children) or 'test' (a leaf)."""

    kind: str
    children: tuple[Condition, ...] = ()
    field: str = ""
    op: str = ""
    value: Any = None

    def describe(self) -> str:
        return f"{self.field} {self.op} {self.value!r}"


ALWAYS = Condition("all")


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
        return Condition(key, tuple(parse_condition(c, where) for c in body))
    if key == "not":
        return Condition("not", (parse_condition(body, where),))
    if key not in FIELDS:
        raise ValueError(f"{where}: unknown field {key!r}; fields: {', '.join(FIELDS)}")
    if not isinstance(body, dict) or len(body) != 1:
        raise ValueError(f"{where}: {key} needs one test like {{lte: 1}}")
    ((op, value),) = body.items()
    if op not in OPERATORS:
        raise ValueError(f"{where}: unknown operator {op!r}; operators: {', '.join(OPERATORS)}")
    return Condition("test", field=key, op=op, value=value)


def evaluate(cond: Condition, facts: dict[str, Any]) -> tuple[bool, list[Condition]]:
    """Whether cond holds for facts, and the leaf tests that made it hold (the trace)."""
    if cond.kind == "test":
        held = bool(_COMPARE[cond.op](facts.get(cond.field), cond.value))
        return held, [cond] if held else []
    if cond.kind == "not":
        held, _ = evaluate(cond.children[0], facts)
        return not held, []
    results = [evaluate(c, facts) for c in cond.children]
    trace = [leaf for ok, leaves in results if ok for leaf in leaves]
    if cond.kind == "all":
        return all(ok for ok, _ in results), trace
    return any(ok for ok, _ in results), trace
