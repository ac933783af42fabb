"""Each profile question defined once: prompt, default, choices and validator.

The terminal questionnaire, the web form and the profile YAML checks all use these
definitions, so a value is judged the same way wherever it comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from planner.catalog.model import Catalog
from planner.plan import DEFAULT_STUDY_DAYS, WEEKDAYS
from planner.profile.checks import (
    Invalid,
    choice_check,
    date_range_check,
    did_you_mean,
    id_list_check,
    nearest,
    number_check,
    show,
    text_check,
)
from planner.profile.session_time import DEFAULT_STUDY_TIME, check_study_time, check_time_zone

# the bounds each validator enforces; the JSON Schema states the same numbers
NAME_CHARS = (1, 120)
HOURS = (1, 60)
DEADLINE_WEEKS = (1, 520)  # ten years: longer than any plan at 1 hour a week
REPLANS = (0, 100_000)
LEVEL_RANGE = (0, 4)
# the dates a plan is made from and starts on: this century, so the longest plan's dates stay
# far from year 9999, the last a date can hold
PLAN_DATES = (date(2000, 1, 1), date(2099, 12, 31))
# what the learner will pay for: "free" plans only free routes (free notebook GPUs, free API
# tiers, local models) for tasks that need more than a laptop
BUDGETS = {
    "any": "Paid routes where they save time (a cloud GPU, a paid API: a few dollars a task)",
    "free": "Free routes only: free notebook GPUs, free API tiers, small local models",
}
DAY_TITLES = dict(
    zip(
        WEEKDAYS,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)
LEVEL_NAMES: dict[str, tuple[str, ...]] = {  # short names of the five levels, per area
    "math": ("none", "high school", "intro college", "solid undergrad", "graduate"),
    "python": ("none", "beginner", "comfortable", "proficient", "expert"),
    "ml": ("none", "aware", "practitioner", "deep learning", "expert"),
}


def level_text(area: str, level: int) -> str:
    """ "2 · intro college"."""
    return f"{level} · {LEVEL_NAMES[area][level]}"


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
    match = nearest(value, options)
    return f' (did you mean "{match}"?)' if match else ""


check_name = text_check("name", NAME_CHARS)
check_goal = choice_check(
    "goal", lambda c: sorted(c.tracks), lambda c: {t.id: t.title for t in c.tracks.values()}
)
check_hours = number_check(HOURS, "hours")
check_budget = choice_check("budget", lambda _c: list(BUDGETS))
_weeks = number_check(DEADLINE_WEEKS, "weeks", whole=True)


def check_weeks(value: Any, catalog: Catalog) -> int | None:
    return None if value is None else int(_weeks(value, catalog))


_start = date_range_check(PLAN_DATES)


def check_start(value: Any, catalog: Catalog) -> date | None:
    return None if value is None else _start(value, catalog)


def level_checker(area: str) -> Callable[[Any, Catalog], int]:
    names = ", ".join(f"{i} {n}" for i, n in enumerate(LEVEL_NAMES[area]))
    check = number_check(LEVEL_RANGE, whole=True, names=names)
    return lambda value, catalog: int(check(value, catalog))


check_interests = id_list_check(
    "interest",
    lambda c: sorted(c.interests),
    titles=lambda c: {i.id: i.title for i in c.interests.values()},
)
check_completed = id_list_check(
    "item id",
    lambda c: sorted(c.items),
    lambda c, entry: c.resolve(entry),
    lambda c: {i.id: i.title for i in c.items.values()},
)
_days = id_list_check("weekday", lambda _c: list(WEEKDAYS), titles=lambda _c: DAY_TITLES)


def check_days(value: Any, catalog: Catalog) -> tuple[str, ...]:
    """The weekdays in week order; none given means the default days."""
    days = _days(value, catalog)
    return tuple(d for d in WEEKDAYS if d in days) or DEFAULT_STUDY_DAYS


_replans = number_check(REPLANS, "re-plans", whole=True)


def check_replans(value: Any, catalog: Catalog) -> int:
    return int(_replans(value, catalog))


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
            match = nearest(str(key), sorted(catalog.items))
            raise Invalid(f"{show(key)} is not a known item id{did_you_mean(match)}")
        count = len(catalog.items[item_id].tasks)
        if not isinstance(numbers, list) or not all(
            isinstance(n, int) and not isinstance(n, bool) and 0 <= n < count for n in numbers
        ):
            raise Invalid(f"{key}: must be a list of task numbers from 0 to {count - 1}, {example}")
        done[item_id] = tuple(sorted({*done.get(item_id, ()), *numbers}))
    return tuple((i, done[i]) for i in catalog.items if i in done)


def _goals(catalog: Catalog) -> list[Choice]:
    return [Choice(t.id, t.title, t.description) for t in catalog.tracks.values()]


def _interests(catalog: Catalog) -> list[Choice]:
    return [Choice(i.id, i.title, i.description) for i in catalog.interests.values()]


def _items(catalog: Catalog) -> list[Choice]:
    return [Choice(i.id, i.title, i.summary) for i in catalog.items.values()]


def _budgets(_catalog: Catalog) -> list[Choice]:
    return [Choice(value, value, text) for value, text in BUDGETS.items()]


def _days_choices(_catalog: Catalog) -> list[Choice]:
    return [Choice(d, DAY_TITLES[d]) for d in WEEKDAYS]


def _listed(words: list[str]) -> str:
    """ "a, b and c"."""
    return ", ".join(words[:-1]) + f" and {words[-1]}" if len(words) > 1 else "".join(words)


def _level_choices(area: str) -> Callable[[Catalog], list[Choice]]:
    return lambda _c: [
        Choice(str(i), f"{i} · {LEVEL_NAMES[area][i]}", d) for i, d in enumerate(LEVELS[area])
    ]


def _bounded(kind: str, bounds: tuple[int, int]) -> Callable[[Catalog], dict[str, Any]]:
    return lambda _c: {"type": kind, "minimum": bounds[0], "maximum": bounds[1]}


def _level_schema(area: str) -> Callable[[Catalog], dict[str, Any]]:
    text = "; ".join(f"{i}: {d}" for i, d in enumerate(LEVELS[area]))
    return lambda c: {**_bounded("integer", LEVEL_RANGE)(c), "description": text}


def _ids_schema(ids: Callable[[Catalog], list[str]]) -> Callable[[Catalog], dict[str, Any]]:
    return lambda c: {"type": "array", "uniqueItems": True, "items": {"enum": ids(c)}}


QUESTIONS: tuple[Question, ...] = (
    Question(
        "name",
        "Your name",
        "Printed on the plan; any language.",
        "text",
        True,
        check_name,
        schema=lambda _c: {
            "type": "string",
            "minLength": NAME_CHARS[0],
            "maxLength": NAME_CHARS[1],
        },
    ),
    Question(
        "goal",
        "Your goal",
        "The track your plan follows.",
        "choice",
        True,
        check_goal,
        _goals,
        "llm-engineer",
        lambda c: {"enum": sorted(c.tracks)},
    ),
    Question(
        "hours_per_week",
        "Hours per week you can study",
        f"A number from {HOURS[0]} to {HOURS[1]}.",
        "number",
        True,
        check_hours,
        None,
        8,
        _bounded("number", HOURS),
    ),
    Question(
        "start_date",
        "Start date",
        "YYYY-MM-DD; empty means the coming Monday.",
        "date",
        False,
        check_start,
        schema=lambda _c: {"type": "string", "format": "date"},
        saved="if-set",
    ),
    Question(
        "weeks",
        "Deadline in weeks",
        f"{DEADLINE_WEEKS[0]}-{DEADLINE_WEEKS[1]}; empty means no deadline.",
        "integer",
        False,
        check_weeks,
        schema=_bounded("integer", DEADLINE_WEEKS),
        saved="if-set",
    ),
    Question(
        "background.math",
        "Your math background",
        "Rate yourself 0-4.",
        "level",
        True,
        level_checker("math"),
        _level_choices("math"),
        2,
        _level_schema("math"),
    ),
    Question(
        "background.python",
        "Your Python",
        "Rate yourself 0-4.",
        "level",
        True,
        level_checker("python"),
        _level_choices("python"),
        2,
        _level_schema("python"),
    ),
    Question(
        "background.ml",
        "Your machine learning",
        "Rate yourself 0-4.",
        "level",
        True,
        level_checker("ml"),
        _level_choices("ml"),
        1,
        _level_schema("ml"),
    ),
    Question(
        "interests",
        "Interests",
        "Topics to go deeper into.",
        "multi",
        False,
        check_interests,
        _interests,
        (),
        _ids_schema(lambda c: sorted(c.interests)),
    ),
    Question(
        "completed",
        "Already completed",
        "Items you have done already.",
        "multi",
        False,
        check_completed,
        _items,
        (),
        _ids_schema(lambda c: sorted([*c.items, *c.aliases])),
    ),
    Question(
        "study_days",
        "Study days",
        "The weekdays you study, for the calendar; none means "
        f"{_listed([DAY_TITLES[d] for d in DEFAULT_STUDY_DAYS])}.",
        "days",
        False,
        check_days,
        _days_choices,
        DEFAULT_STUDY_DAYS,
        lambda _c: {"type": "array", "uniqueItems": True, "items": {"enum": list(WEEKDAYS)}},
        saved="if-not-default",
    ),
    Question(
        "budget",
        "Budget for GPUs and APIs",
        "free: every task on a free route (free notebook GPUs, free API tiers, local models); "
        "any: paid routes where they save time.",
        "choice",
        False,
        check_budget,
        _budgets,
        "any",
        lambda _c: {"enum": list(BUDGETS)},
        saved="if-not-default",
    ),
    Question(
        "tasks_done",
        "Tasks already done",
        "Tasks ticked in items not finished yet: item id -> task numbers (the t-number "
        "of a task id); `studyplan progress --replan` writes it.",
        "tasks",
        False,
        check_tasks_done,
        None,
        (),
        lambda c: {
            "type": "object",
            "propertyNames": {"enum": sorted(c.items)},
            "additionalProperties": {
                "type": "array",
                "uniqueItems": True,
                "items": {"type": "integer", "minimum": 0},
            },
        },
        saved="if-not-default",
        asked=False,
    ),
    Question(
        "study_time",
        "Study time",
        "When your study sessions start in the calendar, HH:MM (a long session starts "
        f"earlier); default {DEFAULT_STUDY_TIME}.",
        "time",
        False,
        check_study_time,
        None,
        DEFAULT_STUDY_TIME,
        lambda _c: {"type": "string", "pattern": "^([01]?[0-9]|2[0-3]):[0-5][0-9]$"},
        saved="if-not-default",
        asked=False,
    ),
    Question(
        "time_zone",
        "Time zone",
        "The IANA time zone of your study time, e.g. Europe/Berlin; none: the calendar "
        "app's own time zone.",
        "zone",
        False,
        check_time_zone,
        schema=lambda _c: {"type": "string"},
        saved="if-set",
        asked=False,
    ),
    Question(
        "replans",
        "Re-plans so far",
        "How many times this plan was re-planned; `studyplan progress --replan` counts it, "
        "so a re-plan's calendar replaces the one before.",
        "integer",
        False,
        check_replans,
        None,
        0,
        _bounded("integer", REPLANS),
        saved="if-not-default",
        asked=False,
    ),
)
BY_KEY = {q.key: q for q in QUESTIONS}
ASKED = tuple(q for q in QUESTIONS if q.asked)  # what the interview and the web form ask
# the profile's top-level keys in saving order, and the background areas, from the questions
TOP_KEYS = tuple(dict.fromkeys(q.path[0] for q in QUESTIONS))
AREAS = tuple(q.path[1] for q in QUESTIONS if q.path[0] == "background")
