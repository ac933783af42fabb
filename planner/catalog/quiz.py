"""The placement check: load content/quiz.yaml and turn answers into a suggested level."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from planner.errors import ContentError, Problem

AREAS = ("math", "python", "ml")
AREA_TITLES = {"math": "Math", "python": "Python", "ml": "Machine learning"}
LETTERS = "abcdefgh"
QUIZ_FILE = "quiz.yaml"
DONT_KNOW = "I don't know yet"  # offered after every question's choices; never right
MIN_QUESTIONS = 5  # per area, spanning the levels 1-4
FORGIVEN_FROM = 5  # with this many questions up to a level, one miss among them is forgiven


@dataclass(frozen=True)
class QuizQuestion:
    id: str
    area: str
    level: int  # the background level (1..4) at which someone answers it reliably
    question: str
    choices: tuple[str, ...]
    answer: int  # index of the correct choice
    explanation: str

    @property
    def correct_choice(self) -> str:
        return self.choices[self.answer]

    @property
    def offered(self) -> tuple[str, ...]:
        """The choices as asked: the question's own, then "I don't know yet"."""
        return (*self.choices, DONT_KNOW)


def quiz_file(root: Path | None) -> Path | None:
    """quiz.yaml in the catalog's folder, or None when this build has none."""
    path = root / QUIZ_FILE if root else None
    return path if path and path.is_file() else None


def load_quiz(path: Path) -> dict[str, tuple[QuizQuestion, ...]]:
    """Area -> its questions, easiest first; a broken file is a ContentError."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ContentError([Problem("expected a mapping area -> questions", str(path))])
    quiz: dict[str, tuple[QuizQuestion, ...]] = {}
    for area in AREAS:
        try:
            questions = [_question(area, entry) for entry in data.get(area) or ()]
        except (KeyError, TypeError, ValueError) as exc:
            raise ContentError([Problem(f"{area}: bad question: {exc!r}", str(path))]) from None
        quiz[area] = tuple(sorted(questions, key=lambda q: q.level))
        missing = set(range(1, 5)) - {q.level for q in questions}
        if len(questions) < MIN_QUESTIONS or missing:
            raise ContentError(
                [
                    Problem(
                        f"{area}: needs at least {MIN_QUESTIONS} questions spanning the levels 1-4 "
                        f"(has {len(questions)}; no question at level {sorted(missing)})",
                        str(path),
                    )
                ]
            )
    return quiz


def _question(area: str, entry: dict[str, Any]) -> QuizQuestion:
    choices = tuple(str(c) for c in entry["choices"])
    answer, level = entry["answer"], entry["level"]
    if not isinstance(answer, int) or not 0 <= answer < len(choices):
        raise ValueError(f"{entry.get('id')}: answer must index one of the choices")
    if not isinstance(level, int) or not 0 <= level <= 4:
        raise ValueError(f"{entry.get('id')}: level must be 0..4")
    return QuizQuestion(
        str(entry["id"]),
        area,
        level,
        str(entry["question"]).strip(),
        choices,
        answer,
        str(entry["explanation"]).strip(),
    )


def is_correct(question: QuizQuestion, chosen: int) -> bool:
    return chosen == question.answer


def suggested_level(questions: Sequence[QuizQuestion], chosen: Sequence[int]) -> int:
    """The highest level the answers show, 0 when they show none.

    A level is shown when a question at that level is right and so is every question up to
    it, one miss forgiven once FORGIVEN_FROM or more questions count. Needing every easier
    question right is what chance rarely manages: answering at random shows level 2 or
    more well under once in a hundred tries, while one slip of someone who knows the
    material costs at most the level of the question they slipped on.
    """
    right = [is_correct(q, c) for q, c in zip(questions, chosen, strict=True)]
    shown = 0
    for level in range(1, 5):
        upto = [r for q, r in zip(questions, right, strict=True) if q.level <= level]
        at = [r for q, r in zip(questions, right, strict=True) if q.level == level]
        forgiven = 1 if len(upto) >= FORGIVEN_FROM else 0
        if any(at) and upto.count(False) <= forgiven:
            shown = level
    return shown


def disagrees(self_rating: int, quiz_level: int) -> bool:
    """True when the quiz and the self-rating are more than one level apart."""
    return abs(self_rating - quiz_level) > 1


def offered_level(self_rating: int, quiz_level: int) -> int | None:
    """The level to offer instead of the self-rating, or None when they are close enough."""
    return quiz_level if disagrees(self_rating, quiz_level) else None


def feedback(question: QuizQuestion, chosen: int) -> str:
    """What to say after an answer, in full sentences: right or not, and why."""
    answer = f"{LETTERS[question.answer]}) {question.correct_choice}"
    if is_correct(question, chosen):
        verdict = "Right."
    elif chosen >= len(question.choices):
        verdict = f"The answer is {answer}."
    else:
        verdict = f"Not quite: the answer is {answer}."
    return f"{verdict} {_sentence(question.explanation)}"


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."
