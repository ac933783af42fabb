"""The placement check's prompts: each area's questions, then offer the quiz's level."""

from __future__ import annotations

from typing import Any

import questionary

from planner.catalog.quiz import (
    AREA_TITLES,
    AREAS,
    LETTERS,
    QuizQuestion,
    feedback,
    is_correct,
    load_quiz,
    offered_level,
    quiz_file,
    suggested_level,
)
from planner.errors import UserError
from planner.interview import screen
from planner.interview.prompts import POINTER, Prompter
from planner.profile.placement import offer_text
from planner.profile.questions import level_text

INDENT = "   "


def offer_quiz(p: Prompter, answers: dict[str, Any], wanted: bool | None) -> None:
    """Run the check when asked for (--quiz) or accepted; adjust the levels answered."""
    path = quiz_file(p.catalog.root)
    if path is None:
        if wanted:
            raise UserError("--quiz: this installation has no placement check (quiz.yaml)")
        return
    quiz = load_quiz(path)
    if wanted is None:
        count = max(len(questions) for questions in quiz.values())
        wanted = p.confirm(
            f"Check your levels with a short quiz ({count} questions per area)?", default=False
        )
    if wanted:
        run_quiz(p, answers, quiz)


def run_quiz(
    p: Prompter, answers: dict[str, Any], quiz: dict[str, tuple[QuizQuestion, ...]]
) -> None:
    for area in AREAS:
        if not quiz.get(area):
            continue
        p.say(f"\n{AREA_TITLES[area]}")
        chosen = [ask_quiz_question(p, q, n) for n, q in enumerate(quiz[area], 1)]
        level, rating = suggested_level(quiz[area], chosen), answers[f"background.{area}"]
        p.say(screen.wrap(score_text(area, quiz[area], chosen, rating), p.columns, INDENT))
        if offered_level(rating, level) is None:
            continue
        p.say(screen.wrap(offer_text(area, level, rating), p.columns, INDENT))
        if p.confirm(f"Use level {level} for {AREA_TITLES[area]}?", default=True):
            answers[f"background.{area}"] = level


def score_text(
    area: str, questions: tuple[QuizQuestion, ...], chosen: list[int], rating: int
) -> str:
    """The score of an area, said whether or not it agrees with the person's own rating."""
    right = sum(is_correct(q, c) for q, c in zip(questions, chosen, strict=True))
    level = suggested_level(questions, chosen)
    verdict = (
        "the same level as your own rating"
        if level == rating
        else f"close to your own rating ({level_text(area, rating)})"
        if offered_level(rating, level) is None
        else "more than a level from your own rating"
    )
    return (
        f"Your {AREA_TITLES[area]} score: {right} of {len(questions)} right, which shows "
        f"level {level_text(area, level)}: {verdict}."
    )


def ask_quiz_question(p: Prompter, question: QuizQuestion, number: int) -> int:
    """Show the question and its choices in full, ask for a letter, say the answer.

    The pointer starts on "I don't know yet", so an Enter typed ahead answers nothing by
    chance; a letter key moves to its choice, Enter answers.
    """
    columns = p.columns
    lines: list[str] = []
    text, *code = question.question.splitlines()
    lines.append(screen.wrap(text, columns, INDENT, f"{number}. "))
    lines += [INDENT + line for line in code]  # code keeps its lines and indentation
    for letter, text in zip(LETTERS, question.offered, strict=False):
        lines.append(screen.wrap(text, columns, INDENT + "   ", f"{INDENT}{letter}) "))
    p.say("\n".join(lines))
    room = columns - POINTER - len("a) ")
    offered = list(zip(LETTERS, question.offered, strict=False))
    choices = [
        questionary.Choice(screen.shortened(text, room), value=i, shortcut_key=letter)
        for i, (letter, text) in enumerate(offered)
    ]
    chosen = int(
        p.select(
            "Your answer",
            choices,
            default=len(offered) - 1,
            names={i: f"{letter}) {text}" for i, (letter, text) in enumerate(offered)},
            shortcuts=True,
        )
    )
    p.say(screen.wrap(feedback(question, chosen), columns, INDENT))
    return chosen
