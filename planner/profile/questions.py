"""Each profile question defined once: prompt, default, choices and validator.

The terminal questionnaire, the web form and the profile YAML checks all use these
definitions, so a value is judged the same way wherever it comes from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from difflib import get_close_matches
from typing import Any

from planner.catalog.model import Catalog

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_STUDY_DAYS = ("mon", "wed", "sat")
LEVEL_NAMES: dict[str, tuple[str, ...]] = {  # short names of the five levels, per area
    "math": ("none", "high school", "intro college", "solid undergrad", "graduate"),
    "python": ("none", "beginner", "comfortable", "proficient", "expert"),
    "ml": ("none", "aware", "practitioner", "deep learning", "expert"),
}
# what someone at each level can already do; short enough that an answered prompt fits 80
# columns ("? Your math background 3 · ...")
LEVELS: dict[str, tuple[str, ...]] = {
    "math": (
        "No math since school; rusty algebra",
        "School algebra and functions, a little probability",
        "Derivatives, matrices, basic probability",
        "Linear algebra, multivariable calculus, statistics",
        "Optimisation, probability theory, ML papers' maths",
    ),
    "python": (
        "Never programmed in Python",
        "Writes small scripts with loops, functions and lists",
        "Comfortable with classes, modules, virtual environments, pip",
        "Writes tested, packaged code; uses NumPy/pandas daily",
        "Expert: performance, typing, packaging, large codebases",
    ),
    "ml": (
        "No machine learning yet",
        "Knows the ideas: training data, models, accuracy",
        "Has trained and evaluated scikit-learn models",
        "Has trained neural networks (PyTorch, TensorFlow)",
        "Has shipped or published ML work; reads papers",
    ),
}
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class Invalid(ValueError):
    """A value a question does not accept; the message says what is allowed."""


@dataclass(frozen=True)
class Choice:
    value: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Question:
    key: str  # profile field; background areas are "background.math" etc.
    prompt: str
    help: str
    kind: str  # text | number | integer | date | level | choice | multi | days
    required: bool
    validate: Callable[[Any, Catalog], Any]  # returns the clean value or raises Invalid
    choices: Callable[[Catalog], list[Choice]] | None = None
    default: Any = None


def suggest(value: str, options: list[str] | tuple[str, ...]) -> str:
    """' (did you mean "x"?)' for the nearest option, or ''."""
    match = get_close_matches(str(value), list(options), n=1, cutoff=0.6)
    return f' (did you mean "{match[0]}"?)' if match else ""


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 40 else text[:37] + "..."


def check_name(value: Any, catalog: Catalog) -> str:
    if not isinstance(value, str):
        raise Invalid(f"must be text; got {_show(value)} - put it in quotes, "
                      f"e.g. name: \"{value}\"")
    text = unicodedata.normalize("NFC", value).strip()
    if not text:
        raise Invalid("must not be blank")
    if CONTROL.search(text):
        raise Invalid("must not contain control characters (tabs, newlines)")
    if len(text) > 120:
        raise Invalid(f"must be 1 to 120 characters; got {len(text)}")
    return text


def check_goal(value: Any, catalog: Catalog) -> str:
    ids = sorted(catalog.tracks)
    if not isinstance(value, str) or value not in catalog.tracks:
        hint = suggest(value, ids) if isinstance(value, str) else ""
        raise Invalid(f"unknown goal {_show(value)}{hint}; allowed: {', '.join(ids)}")
    return value


def check_hours(value: Any, catalog: Catalog) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise Invalid(f"must be a number from 1 to 60; got {_show(value)}")
    if not 1 <= value <= 60:
        raise Invalid(f"must be a number from 1 to 60; got {value}")
    return float(value)


def check_weeks(value: Any, catalog: Catalog) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"must be a whole number of weeks from 1 to 104; got {_show(value)}")
    if not 1 <= value <= 104:
        raise Invalid(f"must be a whole number of weeks from 1 to 104; got {value}")
    return value


def check_start(value: Any, catalog: Catalog) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise Invalid(f"must be a date written YYYY-MM-DD, e.g. 2027-01-04; got {_show(value)}")


def level_checker(area: str) -> Callable[[Any, Catalog], int]:
    names = ", ".join(f"{i} {n}" for i, n in enumerate(LEVEL_NAMES[area]))

    def check_level(value: Any, catalog: Catalog) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 4:
            raise Invalid(f"must be a whole number from 0 to 4 ({names}); got {_show(value)}")
        return value

    return check_level


def _id_list(value: Any, allowed: list[str], what: str,
             resolve: Callable[[str], str | None] | None = None) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Invalid(f"must be a list of {what}, e.g. [{', '.join(allowed[:2])}]")
    out: list[str] = []
    for v in value:
        current = resolve(v) if resolve else (v if v in allowed else None)
        if current is None:
            raise Invalid(f"unknown {what[:-1]} {_show(v)}{suggest(v, allowed)}")
        if current not in out:
            out.append(current)
    return tuple(out)


def check_interests(value: Any, catalog: Catalog) -> tuple[str, ...]:
    return _id_list(value, sorted(catalog.interests), "interests")


def check_completed(value: Any, catalog: Catalog) -> tuple[str, ...]:
    return _id_list(value, sorted(catalog.items), "item ids", catalog.resolve)


def check_days(value: Any, catalog: Catalog) -> tuple[str, ...]:
    if value is None:
        return DEFAULT_STUDY_DAYS
    days = _id_list(value, list(WEEKDAYS), "weekdays")
    if not days:
        raise Invalid("must name at least one weekday, e.g. [mon, wed, sat]")
    return tuple(d for d in WEEKDAYS if d in days)


def _goals(catalog: Catalog) -> list[Choice]:
    return [Choice(t.id, t.title, t.description) for t in catalog.tracks.values()]


def _interests(catalog: Catalog) -> list[Choice]:
    return [Choice(i.id, i.title, i.description) for i in catalog.interests.values()]


def _items(catalog: Catalog) -> list[Choice]:
    return [Choice(i.id, i.title, i.summary) for i in catalog.items.values()]


def _level_choices(area: str) -> Callable[[Catalog], list[Choice]]:
    return lambda _c: [Choice(str(i), f"{i} · {LEVEL_NAMES[area][i]}", d)
                       for i, d in enumerate(LEVELS[area])]


QUESTIONS: tuple[Question, ...] = (
    Question("name", "Your name", "Printed on the plan; any language.", "text", True,
             check_name),
    Question("goal", "Your goal", "The track your plan follows.", "choice", True,
             check_goal, _goals, "llm-engineer"),
    Question("background.math", "Your math background", "Rate yourself 0-4.", "level", True,
             level_checker("math"), _level_choices("math"), 2),
    Question("background.python", "Your Python", "Rate yourself 0-4.", "level", True,
             level_checker("python"), _level_choices("python"), 2),
    Question("background.ml", "Your machine learning", "Rate yourself 0-4.", "level", True,
             level_checker("ml"), _level_choices("ml"), 1),
    Question("hours_per_week", "Hours per week you can study", "A number from 1 to 60.",
             "number", True, check_hours, None, 8),
    Question("start_date", "Start date", "YYYY-MM-DD; empty means the coming Monday.",
             "date", False, check_start),
    Question("weeks", "Deadline in weeks", "1-104; empty means no deadline.", "integer",
             False, check_weeks),
    Question("interests", "Interests", "Topics to go deeper into.", "multi", False,
             check_interests, _interests, ()),
    Question("completed", "Already completed", "Items you have done already.", "multi", False,
             check_completed, _items, ()),
    Question("study_days", "Study days", "The weekdays you study (for the calendar).", "days",
             False, check_days, None, DEFAULT_STUDY_DAYS),
)
BY_KEY = {q.key: q for q in QUESTIONS}
