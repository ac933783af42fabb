"""The placement check: load content/quiz.yaml and turn answers into a suggested level."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from planner.errors import ContentError, Problem

AREAS = ("math", "python", "ml")
QUIZ_FILE = "quiz.yaml"


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
    return quiz


def _question(area: str, entry: dict[str, Any]) -> QuizQuestion:
    choices = tuple(str(c) for c in entry["choices"])
    answer, level = entry["answer"], entry["level"]
    if not isinstance(answer, int) or not 0 <= answer < len(choices):
        raise ValueError(f"{entry.get('id')}: answer must index one of the choices")
    if not isinstance(level, int) or not 0 <= level <= 4:
        raise ValueError(f"{entry.get('id')}: level must be 0..4")
    return QuizQuestion(str(entry["id"]), area, level, str(entry["question"]).strip(),
                        choices, answer, str(entry["explanation"]).strip())


def is_correct(question: QuizQuestion, chosen: int) -> bool:
    return chosen == question.answer


def suggested_level(questions: Sequence[QuizQuestion], chosen: Sequence[int]) -> int:
    """The level the answers point to: k right answers -> the k-th easiest question's level.

    Counting right answers rather than stopping at the first miss keeps one slip on an easy
    question (or one lucky guess on a hard one) from moving the result by more than a step.
    """
    right = sum(is_correct(q, c) for q, c in zip(questions, chosen, strict=True))
    levels = sorted(q.level for q in questions)
    return levels[right - 1] if right else 0


def disagrees(self_rating: int, quiz_level: int) -> bool:
    """True when the quiz and the self-rating are more than one level apart."""
    return abs(self_rating - quiz_level) > 1
