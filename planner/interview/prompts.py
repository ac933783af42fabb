"""The questionnaire's prompts: one questionary prompt per question definition, thin by design.

Every prompt uses `unsafe_ask()` so Ctrl-C reaches the CLI (exit 130, nothing written).
Text is fitted to the terminal's width when each prompt is drawn: a choice shows its
description beside its title when both fit on the line, else in full under the list.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import questionary
from prompt_toolkit.output.color_depth import ColorDepth

from planner.catalog.model import Catalog
from planner.interview import screen
from planner.interview.answers import EXTRA_FORMATS, as_text, check_output, clean_typed
from planner.profile.questions import ASKED, QUESTIONS, Choice, Invalid, Question

TEXT_KINDS = ("text", "number", "integer", "date")
POINTER = 3  # " » " before a choice
TICK = 2  # "○ " before a checkbox choice
ANSWER_ROOM = 24  # columns kept free for a typed answer beside its question


class Prompter:
    """Asks questions; kwargs (input/output in tests, colour depth) go to every prompt."""

    def __init__(
        self,
        catalog: Catalog,
        say: Callable[[str], None] = print,
        columns: int | None = None,
        **kwargs: Any,
    ) -> None:
        self.catalog = catalog
        self.say = say
        self.fixed_columns = columns
        self.kwargs = kwargs
        if os.environ.get("NO_COLOR"):
            self.kwargs.setdefault("color_depth", ColorDepth.DEPTH_1_BIT)
            self.kwargs.setdefault("style", questionary.Style([]))

    @property
    def columns(self) -> int:
        """The width to write in, read again for every prompt (terminals get resized)."""
        return self.fixed_columns or screen.width()

    def echo(self, message: str, answer: str) -> None:
        """The answered question, as the prompt would leave it, wrapped between words (a
        prompt's own line is erased: it would break a long answer mid-word)."""
        self.say(screen.wrap(f"{message} {answer}", self.columns, "  ", "? "))

    def text(
        self,
        message: str,
        default: str,
        check: Callable[[str], str | None],
        instruction: str | None = None,
    ) -> str:
        typed: str = questionary.text(
            message,
            default=default,
            instruction=instruction,
            validate=lambda t: check(t) or True,
            erase_when_done=True,
            **self.kwargs,
        ).unsafe_ask()
        self.echo(message, typed)
        return typed

    def select(
        self,
        message: str,
        choices: list[questionary.Choice],
        default: Any = None,
        names: dict[Any, str] | None = None,
        shortcuts: bool = False,
    ) -> Any:
        """One of choices; names: how each value is said once chosen (default its title);
        shortcuts: each choice's shortcut key moves the pointer to it (Enter still answers)."""
        keys = [str(c.shortcut_key) for c in choices] if shortcuts else []
        value = questionary.select(
            message,
            choices=choices,
            default=default,
            use_shortcuts=shortcuts,
            instruction=f"({keys[0]}-{keys[-1]} or arrow keys, then Enter)" if keys else None,
            erase_when_done=True,
            **self.kwargs,
        ).unsafe_ask()
        self.echo(message, _named(value, choices, names))
        return value

    def checkbox(
        self,
        message: str,
        choices: list[questionary.Choice],
        check: Callable[[list[Any]], str | None] = lambda _v: None,
        search: bool = False,
        names: dict[Any, str] | None = None,
    ) -> list[Any]:
        filtering = ["type to filter"] if search else []
        hints = [
            f"({', '.join([*filtering, *keys])})"
            for keys in (["space ticks, Enter when done"], ["space ticks"], [])
        ]
        hint = next((h for h in hints if screen.fits("?", message, h, columns=self.columns)), "")
        ticked: list[Any] = questionary.checkbox(
            message,
            choices=choices,
            use_search_filter=search,
            use_jk_keys=not search,
            validate=lambda v: check(v) or True,
            instruction=hint,
            erase_when_done=True,
            **self.kwargs,
        ).unsafe_ask()
        self.echo(message, ", ".join(_named(v, choices, names) for v in ticked) or "none")
        return ticked

    def confirm(self, message: str, default: bool = True) -> bool:
        """Yes or no, confirmed with Enter: a `y` alone does not answer, so the Enter typed
        after it never falls through to the next prompt (and answers it)."""
        yes = bool(
            questionary.confirm(
                self.fitted(message, len(" (y/N) ")),
                default=default,
                auto_enter=False,
                erase_when_done=True,
                **self.kwargs,
            ).unsafe_ask()
        )
        self.echo(message, "Yes" if yes else "No")
        return yes

    def fitted(self, message: str, reserve: int) -> str:
        """The message over as many lines as it needs, leaving reserve columns on the last
        for what follows it (the keys to press, then the answer)."""
        if screen.fits("?", message, "x" * reserve, columns=self.columns):
            return message
        return screen.wrap(message, self.columns - 2 - reserve, "  ", "")


def _named(value: Any, choices: list[questionary.Choice], names: dict[Any, str] | None) -> str:
    if names and value in names:
        return names[value]
    return next((str(c.title) for c in choices if c.value == value), str(value))


def row(full: str, short: str, description: str, room: int, columns: int) -> tuple[str, str | None]:
    """(the line in the list, the text under it): the full line when it fits in room; else
    the short title (cut between words only when even that does not fit), the rest in full
    under the list."""
    if len(full) <= room:
        return full, None
    title = screen.shortened(short, room)
    if title != short:
        description = f"{short}: {description}" if description else short
    return title, screen.described(description, columns) if description else None


def choices_for(
    question: Question,
    catalog: Catalog,
    columns: int,
    selected: Any = (),
    options: list[Choice] | None = None,
) -> list[questionary.Choice]:
    """The question's choices (or options) as list lines fitted to columns."""
    tick = TICK if question.kind in ("multi", "days") else 0
    out = []
    for choice in (
        options if options is not None else (question.choices(catalog) if question.choices else [])
    ):
        if question.kind == "level":  # the plain description says more than the level's name
            full = f"{choice.value} · {choice.description}"
        else:
            full = " - ".join(filter(None, [choice.title, choice.description]))
        title, below = row(
            full, choice.title, choice.description, columns - POINTER - tick, columns
        )
        out.append(
            questionary.Choice(
                title, value=choice.value, description=below, checked=choice.value in selected
            )
        )
    return out


def ask_question(p: Prompter, question: Question, default: Any) -> Any:
    """One profile question, its answer checked by the question's own validator."""
    catalog = p.catalog
    if question.kind in TEXT_KINDS:
        return ask_text(p, question, default)
    if question.kind in ("choice", "level"):
        value = p.select(
            question.prompt,
            choices_for(question, catalog, p.columns),
            default=None if default is None else str(default),
            names=names_of(question.choices(catalog) if question.choices else []),
        )
        return question.validate(int(value) if question.kind == "level" else value, catalog)
    if question.key == "completed":
        return ask_completed(p, question, default or ())
    check = partial_error(question, catalog)
    options = question.choices(catalog) if question.choices else []
    chosen = p.checkbox(
        question.prompt,
        choices_for(question, catalog, p.columns, default or ()),
        check,
        search=question.kind == "multi",
        names=names_of(options),
    )
    return question.validate(chosen, catalog)


def ask_text(p: Prompter, question: Question, default: Any) -> Any:
    """A typed answer; a message too long for the line under the prompt is said in full."""
    catalog, typed = p.catalog, as_text(default)
    hint: str | None = f"({question.help})"
    answer_room = "x" * max(len(typed), ANSWER_ROOM)
    if not screen.fits("?", question.prompt, hint or "", answer_room, columns=p.columns):
        p.say(screen.wrap(question.help, p.columns))
        hint = None

    def short_error(text: str) -> str | None:
        try:
            clean_typed(question, text, catalog)
        except Invalid as exc:
            said = screen.sentence(str(exc))
            return said if len(said) <= p.columns else None
        return None

    while True:
        typed = p.text(question.prompt, typed, short_error, hint)
        try:
            return clean_typed(question, typed, catalog)
        except Invalid as exc:
            p.say(screen.wrap(screen.sentence(str(exc)), p.columns))


def ask_completed(p: Prompter, question: Question, default: tuple[str, ...]) -> Any:
    """The items done, section by section: first the sections, then each one's items."""
    catalog = p.catalog
    by_section: dict[str, list[Choice]] = {}
    for choice in question.choices(catalog) if question.choices else []:
        by_section.setdefault(catalog.items[choice.value].section, []).append(choice)
    sections = [s for s in catalog.sections if s in by_section]
    titles = {s: catalog.sections[s].title for s in sections}
    message = "Sections you have done some of"
    lines = [
        row(
            f"{titles[s]} ({_items(len(by_section[s]))})",
            titles[s],
            "",
            p.columns - POINTER - TICK,
            p.columns,
        )
        for s in sections
    ]
    picked = p.checkbox(
        message,
        [
            questionary.Choice(
                title,
                value=s,
                description=below,
                checked=any(c.value in default for c in by_section[s]),
            )
            for s, (title, below) in zip(sections, lines, strict=True)
        ],
        search=True,
        names=titles,
    )
    done: list[str] = []
    for section in (s for s in sections if s in picked):
        done += p.checkbox(
            f"Done in {titles[section]}",
            choices_for(question, catalog, p.columns, default, by_section[section]),
            search=True,
            names=names_of(by_section[section]),
        )
    return question.validate(done, catalog)


def names_of(options: list[Choice]) -> dict[Any, str]:
    """How each option is said once chosen: its title, never cut."""
    return {c.value: c.title for c in options}


def _items(count: int) -> str:
    return f"{count} item{'' if count == 1 else 's'}"


def partial_error(question: Question, catalog: Catalog) -> Callable[[Any], str | None]:
    def error(value: Any) -> str | None:
        try:
            question.validate(value, catalog)
        except Invalid as exc:
            return screen.sentence(str(exc))
        return None

    return error


def ask_profile(
    p: Prompter,
    defaults: dict[str, Any],
    after_background: Callable[[dict[str, Any]], None] | None = None,
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
    return p.confirm(
        f"Have you already completed some of the {count} items of the guide?",
        default=bool(defaults.get("completed")),
    )


def ask_output(p: Prompter, defaults: dict[str, Any], available: tuple[str, ...]) -> dict[str, Any]:
    """The output folder and the formats written beside the PDF."""

    def check(text: str) -> str | None:
        try:
            check_output(text)
        except Invalid as exc:
            return screen.sentence(str(exc))
        return None

    folder = check_output(p.text("Output folder", str(defaults["output"]), check))
    extras = [
        questionary.Choice(f"{fmt} - {label}", value=fmt, checked=fmt in defaults["formats"])
        for fmt, label in EXTRA_FORMATS.items()
        if fmt in available
    ]
    formats = tuple(p.checkbox("Besides the PDF, also write", extras)) if extras else ()
    return {"output": folder, "formats": formats}
