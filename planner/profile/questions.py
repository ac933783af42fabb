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
from planner.plan import DEFAULT_STUDY_DAYS, WEEKDAYS

# the bounds each validator enforces; the JSON Schema states the same numbers
NAME_CHARS = (1, 120)
HOURS = (1, 60)
DEADLINE_WEEKS = (1, 104)
LEVEL_RANGE = (0, 4)
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
    """One profile field, defined once: the prompt, the validator, the schema, the saving."""

    key: str  # profile field; background areas are "background.math" etc.
    prompt: str
    help: str
    kind: str  # text | number | integer | date | level | choice | multi | days
    required: bool
    validate: Callable[[Any, Catalog], Any]  # returns the clean value or raises Invalid
    choices: Callable[[Catalog], list[Choice]] | None = None
    default: Any = None
    schema: Callable[[Catalog], dict[str, Any]] = lambda _c: {}  # its JSON Schema, bounds
    saved: str = "always"  # in a saved profile: always | if-set | if-not-default
    asked: bool = True  # False: a field tools write (progress), not asked in the forms

    @property
    def path(self) -> tuple[str, ...]:
        """('background', 'math') for "background.math"."""
        return tuple(self.key.split("."))

    def value_of(self, profile: Any) -> Any:
        """This field's value on a Profile (attributes follow the dotted key)."""
        value = profile
        for part in self.path:
            value = getattr(value, part)
        return value

    def data_of(self, value: Any) -> Any:
        """The value as plain YAML/JSON data (dates as text, tuples as lists, 8.0 as 8)."""
        if self.kind == "tasks":
            return {item: list(indices) for item, indices in value}
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, tuple):
            return list(value)
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value

    def is_saved(self, value: Any) -> bool:
        if self.saved == "if-set":
            return value is not None
        if self.saved == "if-not-default":
            return value != self.default
        return True


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
    if len(text) > NAME_CHARS[1]:
        raise Invalid(f"must be {NAME_CHARS[0]} to {NAME_CHARS[1]} characters; got {len(text)}")
    return text


def check_goal(value: Any, catalog: Catalog) -> str:
    ids = sorted(catalog.tracks)
    if not isinstance(value, str) or value not in catalog.tracks:
        hint = suggest(value, ids) if isinstance(value, str) else ""
        raise Invalid(f"unknown goal {_show(value)}{hint}; allowed: {', '.join(ids)}")
    return value


def check_hours(value: Any, catalog: Catalog) -> float:
    allowed = f"must be a number from {HOURS[0]} to {HOURS[1]}"
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise Invalid(f"{allowed}; got {_show(value)}")
    if not HOURS[0] <= value <= HOURS[1]:
        raise Invalid(f"{allowed}; got {value}")
    return float(value)


def check_weeks(value: Any, catalog: Catalog) -> int | None:
    if value is None:
        return None
    allowed = f"must be a whole number of weeks from {DEADLINE_WEEKS[0]} to {DEADLINE_WEEKS[1]}"
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"{allowed}; got {_show(value)}")
    if not DEADLINE_WEEKS[0] <= value <= DEADLINE_WEEKS[1]:
        raise Invalid(f"{allowed}; got {value}")
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
        low, high = LEVEL_RANGE
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise Invalid(f"must be a whole number from {low} to {high} ({names}); "
                          f"got {_show(value)}")
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


def check_tasks_done(value: Any, catalog: Catalog) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """{item id: [task numbers]} -> ((item id, (task numbers...)), ...) in catalog order."""
    if value is None or value == [] or value == ():
        return ()
    example = "e.g. {linear-algebra: [0, 1]}"
    if not isinstance(value, dict):
        raise Invalid(f"must map item ids to the numbers of their tasks done, {example}")
    done: dict[str, tuple[int, ...]] = {}
    for key, numbers in value.items():
        item_id = catalog.resolve(str(key))
        if item_id is None:
            raise Invalid(f"unknown item id {_show(key)}{suggest(str(key), sorted(catalog.items))}")
        count = len(catalog.items[item_id].tasks)
        if not isinstance(numbers, list) or not all(
                isinstance(n, int) and not isinstance(n, bool) and 0 <= n < count
                for n in numbers):
            raise Invalid(f"{key}: must be a list of task numbers from 0 to {count - 1}, "
                          f"{example}")
        done[item_id] = tuple(sorted({*done.get(item_id, ()), *numbers}))
    return tuple((i, done[i]) for i in catalog.items if i in done)


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


def _bounded(kind: str, bounds: tuple[int, int]) -> Callable[[Catalog], dict[str, Any]]:
    return lambda _c: {"type": kind, "minimum": bounds[0], "maximum": bounds[1]}


def _level_schema(area: str) -> Callable[[Catalog], dict[str, Any]]:
    text = "; ".join(f"{i}: {d}" for i, d in enumerate(LEVELS[area]))
    return lambda c: {**_bounded("integer", LEVEL_RANGE)(c), "description": text}


def _ids_schema(ids: Callable[[Catalog], list[str]]) -> Callable[[Catalog], dict[str, Any]]:
    return lambda c: {"type": "array", "uniqueItems": True, "items": {"enum": ids(c)}}


QUESTIONS: tuple[Question, ...] = (
    Question("name", "Your name", "Printed on the plan; any language.", "text", True,
             check_name, schema=lambda _c: {"type": "string", "minLength": NAME_CHARS[0],
                                            "maxLength": NAME_CHARS[1]}),
    Question("goal", "Your goal", "The track your plan follows.", "choice", True,
             check_goal, _goals, "llm-engineer", lambda c: {"enum": sorted(c.tracks)}),
    Question("hours_per_week", "Hours per week you can study", "A number from 1 to 60.",
             "number", True, check_hours, None, 8, _bounded("number", HOURS)),
    Question("start_date", "Start date", "YYYY-MM-DD; empty means the coming Monday.",
             "date", False, check_start, schema=lambda _c: {"type": "string", "format": "date"},
             saved="if-set"),
    Question("weeks", "Deadline in weeks", "1-104; empty means no deadline.", "integer",
             False, check_weeks, schema=_bounded("integer", DEADLINE_WEEKS), saved="if-set"),
    Question("background.math", "Your math background", "Rate yourself 0-4.", "level", True,
             level_checker("math"), _level_choices("math"), 2, _level_schema("math")),
    Question("background.python", "Your Python", "Rate yourself 0-4.", "level", True,
             level_checker("python"), _level_choices("python"), 2, _level_schema("python")),
    Question("background.ml", "Your machine learning", "Rate yourself 0-4.", "level", True,
             level_checker("ml"), _level_choices("ml"), 1, _level_schema("ml")),
    Question("interests", "Interests", "Topics to go deeper into.", "multi", False,
             check_interests, _interests, (), _ids_schema(lambda c: sorted(c.interests))),
    Question("completed", "Already completed", "Items you have done already.", "multi", False,
             check_completed, _items, (),
             _ids_schema(lambda c: sorted([*c.items, *c.aliases]))),
    Question("study_days", "Study days", "The weekdays you study (for the calendar).", "days",
             False, check_days, None, DEFAULT_STUDY_DAYS,
             lambda _c: {"type": "array", "uniqueItems": True, "minItems": 1,
                         "items": {"enum": list(WEEKDAYS)}}, saved="if-not-default"),
    Question("tasks_done", "Tasks already done",
             "Tasks ticked in items not finished yet: item id -> task numbers (the t-number "
             "of a task id); `studyplan progress --replan` writes it.", "tasks", False,
             check_tasks_done, None, (),
             lambda c: {"type": "object", "propertyNames": {"enum": sorted(c.items)},
                        "additionalProperties": {"type": "array", "uniqueItems": True,
                                                 "items": {"type": "integer", "minimum": 0}}},
             saved="if-not-default", asked=False),
)
BY_KEY = {q.key: q for q in QUESTIONS}
ASKED = tuple(q for q in QUESTIONS if q.asked)  # what the interview and the web form ask
# the profile's top-level keys in saving order, and the background areas, from the questions
TOP_KEYS = tuple(dict.fromkeys(q.path[0] for q in QUESTIONS))
AREAS = tuple(q.path[1] for q in QUESTIONS if q.path[0] == "background")
