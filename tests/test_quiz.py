"""The placement check: loading quiz.yaml, scoring answers, and its prompts in-process."""

from __future__ import annotations

import contextlib
import io
import random
from collections import Counter
from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from planner.catalog.load import content_dir
from planner.catalog.model import Catalog
from planner.catalog.quiz import (
    AREAS,
    LETTERS,
    QuizQuestion,
    disagrees,
    feedback,
    load_quiz,
    offered_level,
    suggested_level,
)
from planner.errors import ContentError
from planner.interview.prompts import Prompter
from planner.interview.quiz import offer_quiz, run_quiz

ENTER, DOWN = "\r", "\x1b[B"


def question(level: int, answer: int = 0) -> QuizQuestion:
    return QuizQuestion(f"q{level}", "math", level, "?", ("a", "b", "c", "d"), answer, "why")


# the shipped quiz's shape: two questions at each of the levels 1-3, one at level 4
QUIZ = [question(1), question(1), question(2), question(2), question(3), question(3), question(4)]
RIGHT, WRONG, DONT_KNOW = 0, 1, 4
SHIPPED = load_quiz(content_dir() / "quiz.yaml")


@pytest.mark.parametrize(
    ("answers", "level"),
    [
        ("-------", 0),
        ("RR-----", 1),
        ("RRRR---", 2),
        ("RRRRRR-", 3),
        ("RRRRRRR", 4),
        ("-RRRRRR", 4),  # one slip on an easy question, everything else right: forgiven
        ("-RRRRR-", 3),
        ("R-RR---", 0),  # with four questions up to level 2, a miss is not forgiven yet
        ("--RRRRR", 0),  # the hard ones right but both easy ones wrong: not a level
        ("------R", 0),  # a lucky guess on the hardest question shows nothing
        ("RR----R", 1),
    ],
)
def test_a_level_needs_every_easier_question_right(answers: str, level: int) -> None:
    chosen = [RIGHT if a == "R" else WRONG for a in answers]
    assert suggested_level(QUIZ, chosen) == level


def test_i_dont_know_is_never_right() -> None:
    assert suggested_level(QUIZ, [DONT_KNOW] * 7) == 0
    assert QUIZ[0].offered[-1] == "I don't know yet"
    assert feedback(QUIZ[0], DONT_KNOW) == "The answer is a) a. why."


def test_suggested_level_needs_an_answer_per_question() -> None:
    with pytest.raises(ValueError):
        suggested_level(QUIZ, [0, 0])


def test_disagreement_is_more_than_one_level() -> None:
    assert not disagrees(2, 3) and not disagrees(2, 1) and not disagrees(2, 2)
    assert disagrees(0, 2) and disagrees(4, 1)
    assert offered_level(0, 2) == 2 and offered_level(1, 2) is None


def offered_higher(rng: random.Random, choices: int, runs: int) -> dict[int, float]:
    """How often answering at random offers a level above each self-rating."""
    counts = dict.fromkeys(range(5), 0)
    for _ in range(runs):
        for area in AREAS:
            questions = SHIPPED[area]
            level = suggested_level(questions, [rng.randrange(choices) for _ in questions])
            for rating in counts:
                offer = offered_level(rating, level)
                counts[rating] += offer is not None and offer > rating
    return {rating: n / (runs * len(AREAS)) for rating, n in counts.items()}


@pytest.mark.parametrize("choices", [5, 4], ids=["any-choice", "never-i-dont-know"])
def test_answering_at_random_is_not_offered_a_higher_level(choices: int) -> None:
    """20,000 random runs per area: a higher level is offered well under once in 100."""
    rates = offered_higher(random.Random(2026), choices, 20_000)
    assert max(rates.values()) < 0.01, rates


def test_random_answers_mostly_show_no_level_and_knowledge_shows_its_level() -> None:
    rng = random.Random(7)
    levels = [
        suggested_level(SHIPPED["math"], [rng.randrange(5) for _ in SHIPPED["math"]])
        for _ in range(20_000)
    ]
    assert levels.count(0) / len(levels) > 0.9 and sum(levels) / len(levels) < 0.2
    for true in range(5):  # right nine times in ten up to one's level, guessing above it
        hits = 0
        for _ in range(2_000):
            chosen = [
                q.answer
                if (q.level <= true and rng.random() < 0.9) or rng.random() < 0.25
                else (q.answer + 1) % 4
                for q in SHIPPED["ml"]
            ]
            hits += abs(suggested_level(SHIPPED["ml"], chosen) - true) <= 1
        assert hits / 2_000 > 0.7, true


def test_the_shipped_quiz_spans_the_levels_with_answers_spread() -> None:
    positions: Counter[int] = Counter()
    for area in AREAS:
        questions = SHIPPED[area]
        levels = [q.level for q in questions]
        assert len(questions) >= 5 and levels == sorted(levels)
        assert set(levels) == {1, 2, 3, 4}
        assert all(len(q.choices) == 4 and q.explanation for q in questions)
        per_area = Counter(q.answer for q in questions)
        assert len(per_area) >= 3 and max(per_area.values()) <= 3, (area, per_area)
        positions.update(per_area)
    assert set(positions) == {0, 1, 2, 3}
    assert max(positions.values()) <= 2 * min(positions.values()), positions
    assert len({q.id for qs in SHIPPED.values() for q in qs}) == sum(map(len, SHIPPED.values()))


@pytest.mark.parametrize(
    "q", [q for q in SHIPPED["python"] if "print" in q.question], ids=lambda q: q.id
)
def test_every_python_question_prints_its_answer(q: QuizQuestion) -> None:
    """Run the code of each "What does this print?" question: its answer is what it prints."""
    code = "\n".join(q.question.splitlines()[1:])
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, q.id, "exec"), {})  # our own shipped snippets, nothing else
    assert out.getvalue().strip() == q.correct_choice


def test_a_quiz_too_short_is_a_content_error(tmp_path: Path) -> None:
    path = tmp_path / "quiz.yaml"
    entry = "{id: x, level: 1, question: q, choices: [a, b], answer: 0, explanation: e}"
    path.write_text(f"math:\n  - {entry}\n", encoding="utf-8")
    with pytest.raises(ContentError, match="at least 5 questions spanning the levels"):
        load_quiz(path)


def test_a_broken_quiz_is_a_content_error(tmp_path: Path) -> None:
    path = tmp_path / "quiz.yaml"
    path.write_text(
        "math:\n  - {id: x, level: 1, question: q, choices: [a, b], answer: 5, explanation: e}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match="answer must index"):
        load_quiz(path)


def run_keys(
    keys: str, catalog: Catalog, answers: dict[str, int], quiz_file: Path | None = None
) -> list[str]:
    said: list[str] = []
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()
        prompter = Prompter(catalog, said.append, 79, input=pipe, output=DummyOutput())
        if quiz_file:
            run_quiz(prompter, answers, load_quiz(quiz_file))
        else:
            offer_quiz(prompter, answers, None)
    return said


def levels(math: int, python: int, ml: int) -> dict[str, int]:
    return {"background.math": math, "background.python": python, "background.ml": ml}


def pick(index: int) -> str:
    """A choice's letter, then Enter."""
    return LETTERS[index] + ENTER


def test_quiz_shows_answers_and_offers_its_level(small_catalog: Catalog) -> None:
    quiz_file = content_dir() / "quiz.yaml"
    quiz = load_quiz(quiz_file)
    # math: all right (level 4 vs self-rated 1: offered, accepted with Enter);
    # python: all wrong (0 vs 1: close enough, not offered); ml: all right, offer declined
    keys = "".join(pick(q.answer) for q in quiz["math"]) + ENTER
    keys += "".join(pick((q.answer + 1) % 4) for q in quiz["python"])
    keys += "".join(pick(q.answer) for q in quiz["ml"]) + "n" + ENTER
    answers = levels(1, 1, 0)
    said = "\n".join(run_keys(keys, small_catalog, answers, quiz_file))
    assert answers == levels(4, 1, 0)
    first = quiz["python"][0]
    wrong = LETTERS[(first.answer + 1) % 4]
    assert f"? Your answer {wrong}) {first.choices[(first.answer + 1) % 4]}" in said
    assert (
        f"Not quite: the answer is {LETTERS[first.answer]}) {first.correct_choice}. "
        f"{first.explanation}"
    ) in " ".join(said.split())
    assert "Right. " in said
    words = " ".join(said.split())
    assert "The quiz suggests Math level 4 · graduate; you rated yourself 1 · high school." in words
    assert "Python level" not in said
    # the score is said for every area, also where it agrees with the rating
    count = len(quiz["python"])
    assert (
        f"Your Python score: 0 of {count} right, which shows level 0 · none: close to your "
        "own rating (1 · beginner)."
    ) in words
    assert f"Your Math score: {len(quiz['math'])} of {len(quiz['math'])} right" in words
    assert all(len(line) <= 79 for line in said.splitlines())


def test_every_question_starts_on_i_dont_know_yet(small_catalog: Catalog) -> None:
    """Enter alone (typed ahead, or by a person who does not know) answers nothing by
    chance: the pointer starts on "I don't know yet"; the score says so and agrees."""
    quiz_file = content_dir() / "quiz.yaml"
    quiz = load_quiz(quiz_file)
    count, total = len(quiz["math"]), sum(len(quiz[area]) for area in AREAS)
    answers = levels(0, 0, 0)
    said = run_keys(ENTER * total, small_catalog, answers, quiz_file)
    assert [line for line in said if line.startswith("? Your answer")] == [
        f"? Your answer {LETTERS[4]}) I don't know yet"
    ] * total
    words = " ".join(" ".join(said).split())
    assert (
        f"Your Math score: 0 of {count} right, which shows level 0 · none: the same level "
        "as your own rating."
    ) in words
    assert answers == levels(0, 0, 0)


def test_y_then_enter_at_the_offer_takes_the_quiz_and_answers_nothing(catalog: Catalog) -> None:
    """`y` then Enter accepts the offer; the Enter is not the first question's answer."""
    quiz = load_quiz(content_dir() / "quiz.yaml")
    keys = "y" + ENTER + "".join(pick(q.answer) for area in AREAS for q in quiz[area])
    answers = levels(4, 4, 4)
    said = run_keys(keys, catalog, answers)
    words = " ".join(" ".join(said).split())
    for area, title in (("math", "Math"), ("python", "Python"), ("ml", "Machine learning")):
        count = len(quiz[area])
        assert f"Your {title} score: {count} of {count} right" in words
    assert "Not quite" not in words
    assert answers == levels(4, 4, 4)


def test_no_quiz_file_means_no_offer(small_catalog: Catalog) -> None:
    answers = levels(1, 1, 1)
    assert run_keys("", small_catalog, answers) == []  # nothing asked, nothing said
    assert answers == levels(1, 1, 1)
