"""The placement check: loading quiz.yaml, scoring answers, and its prompts in-process."""

from __future__ import annotations

from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from planner.catalog.load import content_dir
from planner.catalog.model import Catalog
from planner.catalog.quiz import AREAS, QuizQuestion, disagrees, load_quiz, suggested_level
from planner.errors import ContentError
from planner.interview.prompts import Prompter
from planner.interview.quiz import offer_quiz, run_quiz

ENTER, DOWN = "\r", "\x1b[B"


def question(level: int, answer: int = 0) -> QuizQuestion:
    return QuizQuestion(f"q{level}", "math", level, "?", ("a", "b", "c", "d"), answer, "why")


EASY_TO_HARD = [question(1), question(3), question(4)]


@pytest.mark.parametrize(("chosen", "level"), [
    ([1, 1, 1], 0),  # none right
    ([0, 1, 1], 1),
    ([0, 0, 1], 3),
    ([0, 0, 0], 4),
    ([1, 0, 0], 3),  # a slip on the easy one costs one step, not everything
    ([1, 1, 0], 1),  # one lucky guess on the hardest counts as one right answer
])
def test_suggested_level_counts_right_answers(chosen: list[int], level: int) -> None:
    assert suggested_level(EASY_TO_HARD, chosen) == level


def test_suggested_level_needs_an_answer_per_question() -> None:
    with pytest.raises(ValueError):
        suggested_level(EASY_TO_HARD, [0, 0])


def test_disagreement_is_more_than_one_level() -> None:
    assert not disagrees(2, 3) and not disagrees(2, 1) and not disagrees(2, 2)
    assert disagrees(0, 2) and disagrees(4, 1)


def test_the_shipped_quiz_has_three_questions_per_area_easiest_first() -> None:
    quiz = load_quiz(content_dir() / "quiz.yaml")
    for area in AREAS:
        levels = [q.level for q in quiz[area]]
        assert len(levels) == 3 and levels == sorted(levels)
        assert all(len(q.choices) == 4 and q.explanation for q in quiz[area])


def test_a_broken_quiz_is_a_content_error(tmp_path: Path) -> None:
    path = tmp_path / "quiz.yaml"
    path.write_text("math:\n  - {id: x, level: 1, question: q, choices: [a, b],"
                    " answer: 5, explanation: e}\n", encoding="utf-8")
    with pytest.raises(ContentError, match="answer must index"):
        load_quiz(path)


def run_keys(keys: str, catalog: Catalog, answers: dict[str, int],
             quiz_file: Path | None = None) -> list[str]:
    said: list[str] = []
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()
        prompter = Prompter(catalog, said.append, input=pipe, output=DummyOutput())
        if quiz_file:
            run_quiz(prompter, answers, load_quiz(quiz_file))
        else:
            offer_quiz(prompter, answers, None)
    return said


def levels(math: int, python: int, ml: int) -> dict[str, int]:
    return {"background.math": math, "background.python": python, "background.ml": ml}


def test_quiz_shows_answers_and_offers_its_level(small_catalog: Catalog) -> None:
    quiz_file = content_dir() / "quiz.yaml"
    quiz = load_quiz(quiz_file)

    def pick(index: int) -> str:
        return DOWN * index + ENTER

    # math: all right (level 4 vs self-rated 1: offered, accepted with Enter);
    # python: all wrong (0 vs 1: close enough, not offered); ml: all right, offer declined
    keys = "".join(pick(q.answer) for q in quiz["math"]) + ENTER
    keys += "".join(pick((q.answer + 1) % 4) for q in quiz["python"])
    keys += "".join(pick(q.answer) for q in quiz["ml"]) + "n"
    answers = levels(1, 1, 0)
    said = "\n".join(run_keys(keys, small_catalog, answers, quiz_file))
    assert answers == levels(4, 1, 0)
    assert "Right." in said and "Not quite: the answer is b)" in said
    assert quiz["python"][1].explanation.split()[0] in said
    assert "The quiz suggests Math level 4 · graduate; you rated yourself 1" in said
    assert "Python level" not in said
    assert all(len(line) <= 80 for line in said.splitlines())


def test_no_quiz_file_means_no_offer(small_catalog: Catalog) -> None:
    answers = levels(1, 1, 1)
    assert run_keys("", small_catalog, answers) == []  # nothing asked, nothing said
    assert answers == levels(1, 1, 1)
