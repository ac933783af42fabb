"""The placement quiz on the page, without JavaScript: the terminal's questions and scoring.

Its answers travel with the form as `quiz.<question id>` (the choice's number). Pressing
"Make my plan" scores the areas answered; where the quiz and the person's own rating are
more than a level apart the form comes back once, with each answer explained and the
quiz's level chosen in its place, to keep or change (`quiz-scored` marks that round). As in
the terminal, an area counts only when each of its questions has an answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from planner.catalog.model import Catalog
from planner.catalog.quiz import (
    AREA_TITLES,
    AREAS,
    LETTERS,
    QuizQuestion,
    feedback,
    load_quiz,
    offered_level,
    quiz_file,
    suggested_level,
)
from planner.profile.placement import offer_text
from planner.web.formdata import FormLike

PREFIX = "quiz."
SCORED = "quiz-scored"


@dataclass(frozen=True)
class Asked:
    """One quiz question as the page shows it: its choices, the answer given, the verdict."""

    question: QuizQuestion
    number: int
    chosen: int | None
    feedback: str | None  # after scoring

    @property
    def name(self) -> str:
        return PREFIX + self.question.id

    @property
    def text(self) -> str:
        return self.question.question.splitlines()[0]

    @property
    def code(self) -> str:
        return "\n".join(self.question.question.splitlines()[1:])

    @property
    def choices(self) -> list[tuple[str, str, str]]:
        """(value, letter, text) of each choice, "I don't know yet" last."""
        return [(str(i), LETTERS[i], text) for i, text in enumerate(self.question.offered)]


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    asked: tuple[Asked, ...]


@dataclass(frozen=True)
class Scored:
    """The quiz's word on one area: the level offered instead of the rating (None when the
    area was left half answered, which the message says), and why."""

    area: str
    level: int | None
    message: str


@cache
def _quiz(path: Path) -> dict[str, tuple[QuizQuestion, ...]]:
    return load_quiz(path)


def shipped(catalog: Catalog) -> dict[str, tuple[QuizQuestion, ...]] | None:
    path = quiz_file(catalog.root)
    return _quiz(path) if path else None


def chosen_in(form: FormLike, question: QuizQuestion) -> int | None:
    """The choice given for question, or None when it was left unanswered."""
    raw = (form.getlist(PREFIX + question.id) or [""])[0]
    return int(raw) if raw.isdigit() and int(raw) < len(question.offered) else None


def areas(catalog: Catalog, form: FormLike | None, scored: bool) -> list[Area]:
    """The quiz's areas for the page, with the answers given (and, scored, the verdicts)."""
    quiz = shipped(catalog) or {}
    out = []
    for area in AREAS:
        asked = []
        for number, question in enumerate(quiz.get(area, ()), 1):
            chosen = chosen_in(form, question) if form is not None else None
            said = feedback(question, chosen) if scored and chosen is not None else None
            asked.append(Asked(question, number, chosen, said))
        if asked:
            out.append(Area(area, AREA_TITLES[area], tuple(asked)))
    return out


def offers(catalog: Catalog, form: FormLike) -> list[Scored]:
    """For each area answered in full, the quiz's level where it is more than one from the
    rating; for each area answered in part, a word that it was not scored."""
    quiz = shipped(catalog) or {}
    found = []
    for area in AREAS:
        questions = quiz.get(area, ())
        chosen = [chosen_in(form, q) for q in questions]
        rating = (form.getlist(f"background.{area}") or [""])[0]
        answered = sum(c is not None for c in chosen)
        if not answered or not rating.isdigit():
            continue
        if answered < len(questions):
            found.append(
                Scored(
                    area,
                    None,
                    (
                        f"{AREA_TITLES[area]}: {answered} of {len(questions)} quiz questions "
                        "answered, so the quiz did not score this area; answer them all (“I don't "
                        "know yet” counts) to have it scored."
                    ),
                )
            )
            continue
        level = suggested_level(questions, [c for c in chosen if c is not None])
        if offered_level(int(rating), level) is not None:
            found.append(Scored(area, level, offer_text(area, level, int(rating))))
    return found
