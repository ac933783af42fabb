"""The questionnaire's logic, apart from prompting: defaults, typed answers -> Profile, summary.

Answers are a mapping of question key (as in questions.QUESTIONS, e.g. "background.math")
to the clean value its validator returned, plus "output" (a folder) and "formats" (the
formats written beside the PDF).
"""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path
from typing import Any

from planner.catalog.model import Catalog
from planner.errors import UserError
from planner.plan import Plan
from planner.profile.model import Profile, coming_monday
from planner.profile.questions import (
    AREAS,
    BY_KEY,
    DAY_TITLES,
    QUESTIONS,
    Invalid,
    Question,
    level_text,
)
from planner.profile.validate import validate
from planner.render.plan_length import length_lines

EXTRA_FORMATS = {"md": "Markdown notes", "ics": "calendar (iCalendar)", "json": "plan data (JSON)"}


def defaults_from(profile: Profile | None, today: date, output: Path) -> dict[str, Any]:
    """Every question's default: the profile's answer when editing one, else the question's."""
    values: dict[str, Any] = {q.key: q.default for q in QUESTIONS}
    values["name"] = None  # the one question without a default
    # the coming Monday, written out so the saved profile replays to the same plan
    values["start_date"] = coming_monday(today)
    if profile is not None:
        values.update(profile.to_data())
        values["start_date"] = profile.start(today)
        values["hours_per_week"] = profile.hours_per_week
        values.pop("background")
        values.update({f"background.{a}": getattr(profile.background, a) for a in AREAS})
    values["output"] = output
    values["formats"] = ()
    return values


def as_text(value: Any) -> str:
    """How a default shows in a text prompt: 8.0 -> '8', a date -> '2027-01-04', None -> ''."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def parse_typed(question: Question, text: str) -> Any:
    """Typed text -> the raw value a profile YAML would hold, for the question's validator."""
    text = text.strip() if question.kind != "text" else text
    if question.kind in ("number", "integer"):
        for convert in (int, float):  # 2.5 for whole weeks is "not a whole number"
            try:
                return convert(text)
            except ValueError:
                continue
        return None if (text == "" and not question.required) else text
    if question.kind == "date":
        return text or None
    return text


def clean_typed(question: Question, text: str, catalog: Catalog) -> Any:
    """The clean value for typed text, or Invalid with the validator's message."""
    if question.required and question.kind != "text" and not text.strip():
        raise Invalid(f"please answer: {question.help[0].lower()}{question.help[1:].rstrip('.')}")
    return question.validate(parse_typed(question, text), catalog)


def check_output(text: str) -> Path:
    """The output folder typed by the person: any folder path that is not an existing file."""
    if not text.strip():
        raise Invalid("give a folder, e.g. output")
    folder = Path(text.strip()).expanduser()
    if folder.exists() and not folder.is_dir():
        raise Invalid(f"{folder} exists and is not a folder")
    return folder


def profile_from_answers(answers: dict[str, Any], catalog: Catalog) -> Profile:
    """A Profile from answers, validated the same way a profile YAML is."""
    data: dict[str, Any] = {}
    for question in QUESTIONS:
        value = answers.get(question.key)
        if value is None:
            continue
        if question.key.startswith("background."):
            data.setdefault("background", {})[question.key.split(".", 1)[1]] = value
        else:
            data[question.key] = list(value) if isinstance(value, tuple) else value
    profile, problems = validate(data, catalog, "<interview>")
    if profile is None:
        raise UserError(problems, header="The answers do not make a valid profile:")
    return profile


def summary(
    profile: Profile, plan: Plan, catalog: Catalog, answers: dict[str, Any], columns: int = 79
) -> str:
    """The answers and the plan in lines of at most columns, wrapped between words."""
    track = catalog.tracks[profile.goal]
    formats = ", ".join(("pdf", *answers.get("formats", ())))
    rows = [
        ("Name", profile.name),
        ("Goal", track.title),
        *(
            (
                BY_KEY[f"background.{a}"].prompt.removeprefix("Your ").capitalize(),
                level_text(a, getattr(profile.background, a)),
            )
            for a in AREAS
        ),
        ("Hours per week", as_text(profile.hours_per_week)),
        ("Start date", f"{plan.start_date:%A %d %B %Y}"),
        ("Deadline", _count(profile.weeks, "week") if profile.weeks else "none"),
        ("Interests", ", ".join(catalog.interests[i].title for i in profile.interests) or "none"),
        ("Completed", _count(len(profile.completed), "item") if profile.completed else "none"),
        ("Study days", ", ".join(DAY_TITLES[d] for d in profile.study_days)),
        ("Output", f"{answers.get('output', 'output')} ({formats})"),
    ]
    lines = ["Your answers"]
    for label, value in rows:
        lines += textwrap.wrap(
            value,
            columns,
            initial_indent=f"  {label:<18}",
            subsequent_indent=" " * 20,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [f"  {label}"]
    lines += ["", "Your plan", *(f"  {line}" for line in plan_lines(plan, columns - 2))]
    return "\n".join(lines)


def plan_lines(plan: Plan, columns: int = 77) -> list[str]:
    weeks = len(plan.weeks)
    text = (
        f"{_count(weeks, 'week')}, {plan.start_date:%d %b %Y} to {plan.end_date:%d %b %Y}; "
        f"{_count(round(plan.total_hours), 'hour')} in all, about "
        f"{_count(round(plan.total_hours / max(weeks, 1), 1), 'hour')} a week."
    )
    if plan.dropped:
        dropped = len(plan.dropped)
        text += (
            f" To meet the deadline {_count(dropped, 'item')} "
            f"{'was' if dropped == 1 else 'were'} left out"
            f" (the full plan needs {_count(plan.full_weeks, 'week')})."
        )
    lines = textwrap.wrap(text, columns, break_long_words=False, break_on_hyphens=False)
    for said in length_lines(plan):  # a plan past a year, and its shorter ways, before saving
        lines += textwrap.wrap(said, columns, break_long_words=False, break_on_hyphens=False)
    return lines


def _count(n: float, word: str) -> str:
    """ "1 week", "3 weeks", "7.5 hours"."""
    return f"{as_text(n)} {word}{'' if n == 1 else 's'}"
