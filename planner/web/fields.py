"""The form's fields, generated from the profile questions: labels, help, choices, answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from planner.catalog.model import Catalog
from planner.profile.questions import ASKED, Choice, Question

FORMAT_TITLES = {
    "pdf": ("PDF", "print it, or tick boxes in a PDF viewer"),
    "md": ("Markdown", "plain text with checkboxes"),
    "ics": ("iCalendar", "study sessions in your calendar"),
    "json": ("JSON", "the plan as data"),
}
PAPER_CHOICES = (Choice("a4", "A4", "210 × 297 mm"), Choice("letter", "US Letter", "8.5 × 11 in"))
# the page's own words where a question's help speaks of typing: a date field shows a date
# picker in the browser's own format, not YYYY-MM-DD
PAGE_HELP = {"start_date": "A date; empty means the coming Monday."}


@dataclass(frozen=True, kw_only=True)
class Field:
    """One question as the page shows it, with the answer given so far and its error."""

    key: str  # the form field's name: the question key
    id: str  # the HTML id; errors use id + "-error"
    label: str
    help: str
    kind: str  # text | number | integer | date | level | choice | multi | days | formats
    required: bool
    value: str  # the answer of a single-value field, as typed
    selected: frozenset[str]  # the ticked values of a radio or checkbox group
    groups: tuple[tuple[str, tuple[Choice, ...]], ...]  # choices, under group headings
    error: str | None = None
    notice: str | None = None  # news about the answer, not a problem (the quiz's level)

    @property
    def choices(self) -> tuple[Choice, ...]:
        return tuple(c for _title, group in self.groups for c in group)


def html_id(key: str) -> str:
    return "f-" + key.replace(".", "-").replace("_", "-")


def answers_from_defaults(formats: tuple[str, ...]) -> dict[str, list[str]]:
    """The answers a fresh form starts with: each question's default."""
    answers: dict[str, list[str]] = {"formats": list(formats), "paper": ["a4"]}
    for q in ASKED:
        if q.default is None:
            continue
        values = q.default if isinstance(q.default, tuple | list) else [q.default]
        answers[q.key] = [_text(v) for v in values]
    return answers


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value.isoformat() if isinstance(value, date) else str(value)


def build_fields(
    catalog: Catalog,
    answers: dict[str, list[str]],
    errors: dict[str, str],
    formats: tuple[str, ...],
    notices: dict[str, str] | None = None,
    quiz: bool = False,
) -> list[Field]:
    """Every question as a Field, then the placement quiz (when there is one), then the
    choice of download formats."""
    notices = notices or {}
    out = [
        _field(q, catalog, answers.get(q.key, []), errors.get(q.key), notices.get(q.key))
        for q in ASKED
    ]
    if quiz:
        out.append(
            Field(
                key="quiz",
                id=html_id("quiz"),
                label="Not sure of your levels?",
                help="Take the placement quiz: the same questions as in the terminal.",
                kind="quiz",
                required=False,
                value="",
                selected=frozenset(),
                groups=(),
            )
        )
    format_choices = tuple(Choice(f, *FORMAT_TITLES.get(f, (f.upper(), ""))) for f in formats)
    first = format_choices[0].title if format_choices else ""
    out.append(
        Field(
            key="formats",
            id=html_id("formats"),
            label="Files to download",
            help="The summary page offers a download for each format you tick; none "
            f"ticked means the {first}.",
            kind="formats",
            required=False,
            value="",
            selected=frozenset(answers.get("formats", [])),
            groups=(("", format_choices),),
            error=errors.get("formats"),
        )
    )
    out.append(
        Field(
            key="paper",
            id=html_id("paper"),
            label="Paper size",
            help="The page size of the PDF.",
            kind="choice",
            required=False,
            value="",
            selected=frozenset(answers.get("paper", [])),
            groups=(("", PAPER_CHOICES),),
            error=errors.get("paper"),
        )
    )
    return out


def _field(
    q: Question, catalog: Catalog, given: list[str], error: str | None, notice: str | None
) -> Field:
    return Field(
        key=q.key,
        id=html_id(q.key),
        label=q.prompt,
        help=PAGE_HELP.get(q.key, q.help),
        kind=q.kind,
        required=q.required,
        value=given[0] if given else "",
        selected=frozenset(given),
        groups=_groups(q, catalog),
        error=error,
        notice=notice,
    )


def _groups(q: Question, catalog: Catalog) -> tuple[tuple[str, tuple[Choice, ...]], ...]:
    if q.choices is None:
        return ()
    choices = q.choices(catalog)
    if q.key != "completed":
        return (("", tuple(choices)),)
    by_section: dict[str, list[Choice]] = {}
    for choice in choices:
        section = catalog.items[choice.value].section
        by_section.setdefault(section, []).append(choice)
    order = {s: i for i, s in enumerate(catalog.sections)}
    ordered = sorted(by_section.items(), key=lambda kv: order.get(kv[0], len(order)))
    return tuple(
        (catalog.sections[s].title if s in catalog.sections else s, tuple(group))
        for s, group in ordered
    )


# How the page groups the questions; a question not named here lands in the last part.
PARTS = (
    ("About you", ("name", "goal")),
    ("Your background", ("background.math", "background.python", "background.ml", "quiz")),
    ("Your time", ("hours_per_week", "start_date", "weeks", "study_days")),
    ("What to focus on", ("interests", "completed")),
    ("Your files", ("formats", "paper")),
)


def in_parts(fields: list[Field]) -> list[tuple[str, list[Field]]]:
    """The fields under the page's part headings, every field exactly once."""
    placed = {key for _title, keys in PARTS for key in keys}
    by_key = {f.key: f for f in fields}
    parts = [(title, [by_key[k] for k in keys if k in by_key]) for title, keys in PARTS]
    rest = [f for f in fields if f.key not in placed]
    if rest:
        parts.insert(-1, ("More about you", rest))
    return [(title, group) for title, group in parts if group]
