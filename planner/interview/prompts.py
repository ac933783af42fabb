"""The questionnaire's prompts: one questionary prompt per question definition, thin by design.

Every prompt uses `unsafe_ask()` so Ctrl-C reaches the CLI (exit 130, nothing written).
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from typing import Any

import questionary
from prompt_toolkit.output.color_depth import ColorDepth

from planner.catalog.model import Catalog
from planner.interview.answers import EXTRA_FORMATS, as_text, check_output, clean_typed, typed_error
from planner.plan import WEEKDAYS
from planner.profile.questions import ASKED, QUESTIONS, Choice, Invalid, Question

TEXT_KINDS = ("text", "number", "integer", "date")
TITLE_WIDTH = 70  # pointer and indent included, a choice stays within 80 columns


class Prompter:
    """Asks questions; kwargs (input/output in tests, colour depth) go to every prompt."""

    def __init__(self, catalog: Catalog, say: Callable[[str], None] = print,
                 **kwargs: Any) -> None:
        self.catalog = catalog
        self.say = say
        self.kwargs = kwargs
        if os.environ.get("NO_COLOR"):
            self.kwargs.setdefault("color_depth", ColorDepth.DEPTH_1_BIT)
            self.kwargs.setdefault("style", questionary.Style([]))

    def text(self, message: str, default: str, check: Callable[[str], str | None],
             instruction: str | None = None) -> str:
        return questionary.text(message, default=default, instruction=instruction,
                                validate=lambda t: check(t) or True,
                                **self.kwargs).unsafe_ask()

    def select(self, message: str, choices: list[questionary.Choice], default: Any = None) -> Any:
        return questionary.select(message, choices=choices, default=default,
                                  **self.kwargs).unsafe_ask()

    def checkbox(self, message: str, choices: list[questionary.Choice],
                 check: Callable[[list[Any]], str | None] = lambda _v: None,
                 search: bool = False) -> list[Any]:
        # questionary's own instruction wraps in 80 columns; this one fits
        keys = "(type to filter, " if search else "("
        return questionary.checkbox(message, choices=choices, use_search_filter=search,
                                    use_jk_keys=not search, validate=lambda v: check(v) or True,
                                    instruction=f"{keys}space ticks, Enter when done)",
                                    **self.kwargs).unsafe_ask()

    def confirm(self, message: str, default: bool = True) -> bool:
        return bool(questionary.confirm(message, default=default, **self.kwargs).unsafe_ask())


def fitted(choice: Choice, width: int = TITLE_WIDTH) -> tuple[str, str | None]:
    """(title, description): the description beside the title when both fit one line."""
    if not choice.description:
        return choice.title, None
    both = f"{choice.title} - {choice.description}"
    if len(both) <= width:
        return both, None
    # shown under the list after "  Description: "
    return choice.title, textwrap.shorten(choice.description, width - 8, placeholder="...")


def _choices(question: Question, catalog: Catalog, selected: Any = ()) -> list[questionary.Choice]:
    out = []
    for choice in question.choices(catalog) if question.choices else []:
        if question.kind == "level":  # the plain description says more than the level's name
            title, description = f"{choice.value} · {choice.description}", None
        else:
            title, description = fitted(choice)
        out.append(questionary.Choice(title, value=choice.value, description=description,
                                      checked=choice.value in selected))
    return out


def ask_question(p: Prompter, question: Question, default: Any) -> Any:
    """One profile question, its answer checked by the question's own validator."""
    catalog = p.catalog
    if question.kind in TEXT_KINDS:
        typed = p.text(question.prompt, as_text(default),
                       lambda t: typed_error(question, t, catalog), f"({question.help})")
        return clean_typed(question, typed, catalog)
    if question.kind in ("choice", "level"):
        value = p.select(question.prompt, _choices(question, catalog),
                         default=None if default is None else str(default))
        return question.validate(int(value) if question.kind == "level" else value, catalog)
    if question.kind == "days":
        days = [questionary.Choice(d, value=d, checked=d in default) for d in WEEKDAYS]
        return question.validate(p.checkbox(question.prompt, days,
                                            lambda v: _error(question, v, catalog)), catalog)
    # catalog lists run to ~90 entries: typing filters them (the "type to filter" search)
    chosen = p.checkbox(question.prompt, _choices(question, catalog, default or ()),
                        lambda v: _error(question, v, catalog), search=True)
    return question.validate(chosen, catalog)


def _error(question: Question, value: Any, catalog: Catalog) -> str | None:
    try:
        question.validate(value, catalog)
    except Invalid as exc:
        return f"{question.prompt}: {exc}"
    return None


def ask_profile(p: Prompter, defaults: dict[str, Any],
                after_background: Callable[[dict[str, Any]], None] | None = None
                ) -> dict[str, Any]:
    """Answers to every question asked, in order; fields tools write keep their defaults."""
    answers: dict[str, Any] = {q.key: defaults.get(q.key) for q in QUESTIONS if not q.asked}
    for question in ASKED:
        if question.key == "completed" and not _has_completed(p, defaults):
            answers["completed"] = ()
            continue
        answers[question.key] = ask_question(p, question, defaults.get(question.key))
        if question.key == "background.ml" and after_background:
            after_background(answers)
    return answers


def _has_completed(p: Prompter, defaults: dict[str, Any]) -> bool:
    count = len(p.catalog.items)
    return p.confirm(f"Have you already completed some of the {count} items of the guide?",
                     default=bool(defaults.get("completed")))


def ask_output(p: Prompter, defaults: dict[str, Any],
               available: tuple[str, ...]) -> dict[str, Any]:
    """The output folder and the formats written beside the PDF."""
    def check(text: str) -> str | None:
        try:
            check_output(text)
        except Invalid as exc:
            return f"Output folder: {exc}"
        return None

    folder = check_output(p.text("Output folder", str(defaults["output"]), check))
    extras = [questionary.Choice(f"{fmt} - {label}", value=fmt,
                                 checked=fmt in defaults["formats"])
              for fmt, label in EXTRA_FORMATS.items() if fmt in available]
    formats = tuple(p.checkbox("Besides the PDF, also write", extras)) if extras else ()
    return {"output": folder, "formats": formats}
