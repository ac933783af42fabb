"""The placement check's prompts: three questions per area, then offer the quiz's level."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import questionary

from planner.catalog.model import Catalog
from planner.catalog.quiz import (
    AREAS,
    QUIZ_FILE,
    QuizQuestion,
    disagrees,
    load_quiz,
    suggested_level,
)
from planner.errors import UserError
from planner.interview.answers import WIDTH, level_text
from planner.interview.prompts import TITLE_WIDTH, Prompter

AREA_TITLES = {"math": "Math", "python": "Python", "ml": "Machine learning"}
LETTERS = "abcdefgh"


def quiz_path(catalog: Catalog) -> Path | None:
    """content/quiz.yaml beside the catalog, or None when this build has none."""
    path = catalog.root / QUIZ_FILE if catalog.root else None
    return path if path and path.is_file() else None


def offer_quiz(p: Prompter, answers: dict[str, Any], wanted: bool | None) -> None:
    """Run the check when asked for (--quiz) or accepted; adjust the levels answered."""
    path = quiz_path(p.catalog)
    if path is None:
        if wanted:
            raise UserError("--quiz: this installation has no placement check (quiz.yaml)")
        return
    if wanted is None:
        wanted = p.confirm("Check your levels with a short quiz (3 questions per area)?",
                           default=False)
    if wanted:
        run_quiz(p, answers, load_quiz(path))


def run_quiz(p: Prompter, answers: dict[str, Any],
             quiz: dict[str, tuple[QuizQuestion, ...]]) -> None:
    for area in AREAS:
        if not quiz.get(area):
            continue
        p.say(f"\n{AREA_TITLES[area]}")
        chosen = [ask_quiz_question(p, q, n) for n, q in enumerate(quiz[area], 1)]
        level, rating = suggested_level(quiz[area], chosen), answers[f"background.{area}"]
        if not disagrees(rating, level):
            continue
        p.say(_wrap(f"The quiz suggests {AREA_TITLES[area]} level {level_text(area, level)}; "
                    f"you rated yourself {level_text(area, rating)}."))
        if p.confirm(f"Use level {level} for {AREA_TITLES[area]}?", default=True):
            answers[f"background.{area}"] = level


def ask_quiz_question(p: Prompter, question: QuizQuestion, number: int) -> int:
    """Show the question and its choices in full, ask for a letter, show the answer."""
    lines: list[str] = []
    for i, line in enumerate(question.question.splitlines()):
        prefix = f"{number}. " if i == 0 else "   "  # code lines keep their indentation
        lines += textwrap.wrap(line, WIDTH - 2, initial_indent=prefix,
                               subsequent_indent="   ") or [prefix]
    for letter, text in zip(LETTERS, question.choices, strict=False):
        lines += textwrap.wrap(text, WIDTH - 2, initial_indent=f"   {letter}) ",
                               subsequent_indent="      ")
    p.say("\n".join(lines))
    choices = [questionary.Choice(f"{letter}) {textwrap.shorten(text, TITLE_WIDTH - 4)}",
                                  value=i)
               for i, (letter, text) in enumerate(zip(LETTERS, question.choices, strict=False))]
    chosen = int(p.select("Your answer", choices))
    verdict = "Right." if chosen == question.answer else (
        f"Not quite: the answer is {LETTERS[question.answer]}) {question.correct_choice}")
    p.say(_wrap(f"{verdict} {question.explanation}"))
    return chosen


def _wrap(text: str) -> str:
    return "\n".join(textwrap.wrap(text, WIDTH - 2, initial_indent="   ",
                                   subsequent_indent="   "))
