"""`studyplan interview` end to end: the real console script in a pseudo-terminal (pexpect)."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pexpect
import pyte
import pytest

from planner.catalog.load import content_dir, load_catalog
from planner.catalog.quiz import LETTERS, load_quiz
from planner.interview.quiz import AREA_TITLES
from planner.profile.load import load_file, only_profile
from tests.conftest import studyplan_command

ENTER, DOWN, CLEAR, CTRL_C, CTRL_D = "\r", "\x1b[B", "\x15", "\x03", "\x04"
ROWS = 24
COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|4[0-9]|38;5|48;5)[0-9;]*m")


class Session:
    """One interview in a pseudo-terminal (24x80 unless told); every keystroke waits for its
    prompt. What it shows is also played on a terminal emulator (pyte) to see the screen."""

    def __init__(self, cwd: Path, *args: str, columns: int = 80) -> None:
        command, *first = studyplan_command()
        env = {**os.environ, "NO_COLOR": "1", "PROMPT_TOOLKIT_NO_CPR": "1", "PYTHONHASHSEED": "0"}
        env.pop("COLUMNS", None)
        env.pop("LINES", None)
        self.child = pexpect.spawn(
            command,
            [*first, "interview", "--today", "2026-11-25", *args],
            cwd=str(cwd),
            env=env,
            dimensions=(ROWS, columns),
            encoding="utf-8",
            timeout=30,
        )
        self.screen: list[str] = []
        self.terminal = pyte.Screen(columns, ROWS)
        self.stream = pyte.Stream(self.terminal)
        self.full_lines: list[str] = []  # lines seen reaching the last column

    def answer(self, prompt: str, keys: str) -> None:
        self.child.expect(re.escape(prompt))
        self.seen(self.child.before + self.child.after)
        self.child.send(keys)

    def seen(self, text: str) -> None:
        self.screen.append(text)
        self.stream.feed(text)
        self.full_lines += [line for line in self.terminal.display if line[-1] != " "]

    def finish(self, timeout: float = 120) -> int:
        self.child.expect(pexpect.EOF, timeout=timeout)
        self.seen(self.child.before)
        self.child.close()
        return self.child.exitstatus

    @property
    def text(self) -> str:
        return "".join(self.screen)


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[list[Session]]:
    started: list[Session] = []
    yield started
    for session in started:
        if session.child.isalive():
            session.child.terminate(force=True)


def start(sessions: list[Session], cwd: Path, *args: str, columns: int = 80) -> Session:
    sessions.append(Session(cwd, *args, columns=columns))
    return sessions[-1]


def goal_and_hours(s: Session) -> None:
    s.answer("Your goal", ENTER)
    s.answer("Hours per week", CLEAR + "lots" + ENTER)
    s.answer('"lots" is not a number; write a number of hours from 1 to 60.', CLEAR + "6" + ENTER)


def background(s: Session) -> None:
    s.answer("math background", DOWN + ENTER)  # 3
    s.answer("Your Python", ENTER)
    s.answer("machine learning", ENTER)
    s.answer("Check your levels", ENTER)  # no quiz (the default)


@pytest.mark.slow
def test_answers_then_saved_profile_and_pdf(tmp_path: Path, sessions: list[Session]) -> None:
    s = start(sessions, tmp_path, "-o", "out")
    s.answer("Your name", "Ada Lovelace" + ENTER)
    goal_and_hours(s)
    s.answer("Start date", ENTER)
    s.answer("Deadline in weeks", "40" + ENTER)
    background(s)
    s.answer("Interests", " " + ENTER)  # the first interest
    s.answer("Have you already completed", "y" + ENTER)
    s.answer("Sections you have done some of", "progr")  # type to filter the sections
    s.answer("progr", " " + ENTER)  # the filter, once shown
    s.answer("Done in Programming Languages", "basics")  # type to filter the items
    s.answer("basics", " " + ENTER)
    s.answer("Study days", ENTER)
    s.answer("Output folder", ENTER)
    s.answer("Besides the PDF", DOWN + DOWN + " " + ENTER)  # json
    s.answer("Save the profile and write the plan?", ENTER)
    assert s.finish() == 0
    assert "Your plan" in s.text and "weeks," in s.text
    assert not COLOUR.search(s.text)  # NO_COLOR is honoured

    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == [
        "ada-lovelace.json",
        "ada-lovelace.pdf",
        "ada-lovelace.yaml",
    ]
    assert (out / "ada-lovelace.pdf").read_bytes().startswith(b"%PDF")
    catalog = load_catalog()
    [profile] = only_profile(load_file(out / "ada-lovelace.yaml", catalog))
    assert profile.name == "Ada Lovelace" and profile.hours_per_week == 6
    assert profile.background.math == 3 and profile.weeks == 40
    assert profile.interests == (next(iter(catalog.interests)),)
    assert "python-basics" in profile.completed
    assert str(Path("out", "ada-lovelace.yaml")) in s.text
    assert f"studyplan progress {Path('out', 'ada-lovelace.pdf')} --replan" in s.text
    assert profile.start_date == date(2026, 11, 30)  # the date used, saved


@pytest.mark.slow
def test_from_a_profile_accepting_every_default_never_overwrites(
    tmp_path: Path, sessions: list[Session]
) -> None:
    first = tmp_path / "grace.yaml"
    first.write_text(
        "name: Grace Hopper\ngoal: llm-applications\nhours_per_week: 5\n"
        "background: {math: 1, python: 4, ml: 2}\ninterests: [rag]\n",
        encoding="utf-8",
    )
    (tmp_path / "grace-hopper.pdf").write_bytes(b"an older plan")
    s = start(sessions, tmp_path, "-o", ".", "--from", "grace.yaml")
    for prompt in (
        "Your name",
        "Your goal",
        "Hours per week",
        "Start date",
        "Deadline",
        "math background",
        "Your Python",
        "machine learning",
        "Check your levels",
        "Interests",
        "Have you already completed",
        "Study days",
        "Output folder",
        "Besides the PDF",
        "Save the profile",
    ):
        s.answer(prompt, ENTER)
    assert s.finish() == 0
    assert (tmp_path / "grace-hopper.pdf").read_bytes() == b"an older plan"
    saved = tmp_path / "grace-hopper-2.yaml"
    assert (tmp_path / "grace-hopper-2.pdf").read_bytes().startswith(b"%PDF")
    [again] = only_profile(load_file(saved, load_catalog()))
    [original] = only_profile(load_file(first, load_catalog()))
    assert again.goal == original.goal and again.background == original.background
    assert again.interests == original.interests and again.hours_per_week == 5


def test_ctrl_d_in_a_text_prompt_cancels_too(tmp_path: Path, sessions: list[Session]) -> None:
    s = start(sessions, tmp_path)
    s.answer("Your name", CTRL_D)
    assert s.finish() == 130
    assert "Cancelled, nothing written." in s.text and "Traceback" not in s.text
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "where", ["Your goal", "Sections you have done some of", "Save the profile and write the plan?"]
)
def test_ctrl_c_cancels_and_writes_nothing(
    tmp_path: Path, sessions: list[Session], where: str
) -> None:
    s = start(sessions, tmp_path, "-o", "out")
    s.answer("Your name", "Ada" + ENTER)
    if where != "Your goal":
        goal_and_hours(s)
        for prompt in ("Start date", "Deadline"):
            s.answer(prompt, ENTER)
        background(s)
    if where == "Sections you have done some of":
        s.answer("Interests", ENTER)
        s.answer("Have you already completed", "y" + ENTER)
    if where.startswith("Save"):
        for prompt in (
            "Interests",
            "Have you already completed",
            "Study days",
            "Output folder",
            "Besides the PDF",
        ):
            s.answer(prompt, ENTER)
    s.answer(where, CTRL_C)
    assert s.finish() == 130
    assert "Cancelled, nothing written." in s.text
    assert "Traceback" not in s.text
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_quiz_shows_answers_and_offers_its_level(tmp_path: Path, sessions: list[Session]) -> None:
    quiz = load_quiz(content_dir() / "quiz.yaml")
    s = start(sessions, tmp_path, "-o", "out", "--quiz")
    s.answer("Your name", "Quinn" + ENTER)
    for prompt in ("Your goal", "Hours per week", "Start date", "Deadline"):
        s.answer(prompt, ENTER)
    # 4 everywhere: the pointer starts on the default (math 2, Python 2, ML 1)
    for area, steps in (("math background", 2), ("Your Python", 2), ("machine learning", 3)):
        s.answer(area, DOWN * steps + ENTER)
    for area, reply in (("math", ENTER), ("python", "n" + ENTER), ("ml", ENTER)):
        for question in quiz[area]:  # every answer wrong: the quiz says level 0
            s.answer("Your answer", LETTERS[(question.answer + 1) % 4] + ENTER)
            s.answer("Not quite: the answer is", "")
        s.answer(f"level 0 for {AREA_TITLES[area]}?", reply)
    for prompt in (
        "Interests",
        "Have you already completed",
        "Study days",
        "Output folder",
        "Besides the PDF",
        "Save the profile",
    ):
        s.answer(prompt, ENTER)
    assert s.finish() == 0
    assert "you rated yourself 4 · graduate" in s.text
    assert quiz["ml"][0].explanation[:30] in " ".join(s.text.split())
    [profile] = only_profile(load_file(tmp_path / "out" / "quinn.yaml", load_catalog()))
    assert (profile.background.math, profile.background.python, profile.background.ml) == (0, 4, 0)


def test_y_enter_takes_the_quiz_letters_answer_and_every_score_is_shown(
    tmp_path: Path, sessions: list[Session]
) -> None:
    """`y` Enter at the offer answers the offer only; a letter key chooses, Enter answers;
    the pointer starts on "I don't know yet"; each area's score is said, agreeing or not."""
    quiz = load_quiz(content_dir() / "quiz.yaml")
    s = start(sessions, tmp_path, "-o", "out")
    s.answer("Your name", "Quinn" + ENTER)
    for prompt in ("Your goal", "Hours per week", "Start date", "Deadline"):
        s.answer(prompt, ENTER)
    for prompt in ("math background", "Your Python", "machine learning"):  # 2, 2, 1
        s.answer(prompt, ENTER)
    s.answer("Check your levels", "y" + ENTER)
    for question in quiz["math"]:
        s.answer("Your answer", LETTERS[question.answer] + ENTER)
        s.answer("Right.", "")
    s.answer("level 4 for Math?", "n" + ENTER)
    for area in ("python", "ml"):  # Enter alone: "I don't know yet", never a wrong letter
        for _question in quiz[area]:
            s.answer("Your answer", ENTER)
            s.answer("The answer is", "")
        if area == "python":
            s.answer("level 0 for Python?", "n" + ENTER)
    s.answer("Interests", CTRL_C)
    assert s.finish() == 130
    words = " ".join(s.text.split())
    assert f"Your answer {LETTERS[4]}) I don't know yet" in words
    assert "Not quite" not in words
    math, python, ml = (len(quiz[area]) for area in ("math", "python", "ml"))
    assert f"Your Math score: {math} of {math} right, which shows level 4 · graduate" in words
    assert f"Your Python score: 0 of {python} right, which shows level 0 · none" in words
    assert (
        f"Your Machine learning score: 0 of {ml} right, which shows level 0 · none: close to "
        "your own rating (1 · aware)."
    ) in words


def test_without_a_terminal_points_to_build_and_init(tmp_path: Path) -> None:
    result = subprocess.run(
        [*studyplan_command(), "interview"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 2
    assert "studyplan build PROFILE.yaml" in result.stderr
    assert "studyplan init" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
@pytest.mark.parametrize("columns", [60, 80, 120])
def test_text_fits_the_terminal_and_wraps_between_words(
    tmp_path: Path, sessions: list[Session], columns: int
) -> None:
    """At any width nothing reaches the last column (so the terminal never breaks a word),
    and a description is shown whole: beside its title when both fit, else under the list."""
    catalog = load_catalog()
    quiz = load_quiz(content_dir() / "quiz.yaml")
    s = start(sessions, tmp_path, "-o", "out", "--quiz", columns=columns)
    s.answer("Your name", "Ada Lovelace, Countess of Lovelace" + ENTER)
    s.answer("Your goal", ENTER)
    for prompt in (
        "Hours per week",
        "Start date",
        "Deadline",
        "math background",
        "Your Python",
        "machine learning",
    ):
        s.answer(prompt, ENTER)
    for area in ("math", "python", "ml"):
        for question in quiz[area]:
            s.answer("Your answer", LETTERS[question.answer] + ENTER)
            s.answer("Right.", "")
        s.answer(f"for {AREA_TITLES[area]}?", "n" + ENTER)
    s.answer("Interests", " " + ENTER)
    s.answer("Have you already completed", "y" + ENTER)
    s.answer("Sections you have done some of", " " + ENTER)
    s.answer("Done in", " " + ENTER)
    for prompt in ("Study days", "Output folder", "Besides the PDF", "Save the profile"):
        s.answer(prompt, ENTER)
    assert s.finish() == 0
    # a command to copy stays whole on its own line, however long its file name
    assert [line for line in s.full_lines if not line.startswith("  studyplan ")] == []
    words = " ".join(re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", " ", s.text).split())
    goal = catalog.tracks["llm-engineer"].description
    assert " ".join(goal.split()) in words  # the whole description, wrapped or not
    assert "Ada Lovelace, Countess of Lovelace" in words
    assert "studyplan progress" in words
