"""The questionnaire: its pure logic, and the real questionary prompts driven in-process."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from pypdf import PdfReader

from planner.catalog.model import Catalog
from planner.interview.answers import (
    as_text,
    check_output,
    clean_typed,
    defaults_from,
    profile_from_answers,
    summary,
)
from planner.interview.flow import run_interview
from planner.interview.prompts import Prompter, ask_output, ask_profile, row
from planner.interview.save import free_stem, save_interview
from planner.pipeline import make_plan
from planner.profile.load import load_file, only_profile
from planner.profile.model import Background, Profile
from planner.profile.questions import BY_KEY, Invalid
from planner.render.pages_drawn import reporting_pages
from tests.conftest import TODAY

ENTER, DOWN, CLEAR, SPACE, CTRL_C = "\r", "\x1b[B", "\x15", " ", "\x03"
ADA = Profile(
    "Ada Lovelace",
    "llm-research",
    6,
    Background(3, 1, 0),
    weeks=30,
    interests=("rag",),
    completed=("python-basics",),
)


def drive(
    keys: str, catalog: Catalog, ask: Callable[[Prompter], Any], columns: int = 80
) -> tuple[Any, list[str]]:
    """Run ask() with the real prompts reading keys; returns its result and what it said."""
    said: list[str] = []
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()  # the prompts see end of input instead of waiting when keys run out
        prompter = Prompter(catalog, said.append, columns, input=pipe, output=DummyOutput())
        return ask(prompter), said


def typed_error(question, text: str, catalog: Catalog) -> str | None:
    try:
        clean_typed(question, text, catalog)
    except Invalid as exc:
        return str(exc)
    return None


def all_defaults(name: str = "Ada") -> str:
    # name; goal; hours; start; weeks; math, python, ml; interests; completed?; study days
    return f"{name}{ENTER}" + ENTER * 10


# --- pure logic -------------------------------------------------------------------------


def test_defaults_without_a_profile_start_on_the_coming_monday(tmp_path: Path) -> None:
    values = defaults_from(None, TODAY, tmp_path)
    assert values["name"] is None
    assert values["goal"] == "llm-engineer"
    assert values["start_date"] == date(2026, 11, 30)
    assert values["output"] == tmp_path and values["formats"] == ()


def test_defaults_from_a_profile_are_its_answers(tmp_path: Path) -> None:
    values = defaults_from(ADA, TODAY, tmp_path)
    assert values["name"] == "Ada Lovelace" and values["goal"] == "llm-research"
    assert (values["background.math"], values["background.ml"]) == (3, 0)
    assert values["weeks"] == 30 and values["interests"] == ["rag"]
    assert values["completed"] == ["python-basics"]


def test_typed_answers_pass_through_the_profile_validators(small_catalog: Catalog) -> None:
    hours = BY_KEY["hours_per_week"]
    assert clean_typed(hours, "7.5", small_catalog) == 7.5
    assert typed_error(hours, "lots", small_catalog) == (
        '"lots" is not a number; write a number of hours from 1 to 60'
    )
    assert typed_error(hours, "0", small_catalog) == (
        "0 is too small; write a number of hours from 1 to 60"
    )
    assert typed_error(hours, "", small_catalog) == "please answer: a number from 1 to 60"
    weeks = BY_KEY["weeks"]
    assert clean_typed(weeks, "", small_catalog) is None
    assert typed_error(weeks, "2.5", small_catalog) == (
        "2.5 is not a whole number; write a whole number of weeks from 1 to 520"
    )
    start = BY_KEY["start_date"]
    assert clean_typed(start, "2027-01-04", small_catalog) == date(2027, 1, 4)
    assert typed_error(start, "2027-02-29", small_catalog) == (
        '"2027-02-29" is not a date: February 2027 has 28 days'
    )
    assert "YYYY-MM-DD" in typed_error(start, "next week", small_catalog)
    name = BY_KEY["name"]
    assert typed_error(name, "   ", small_catalog) == "the name is empty; write it in any language"
    assert clean_typed(name, " 李小龍 ", small_catalog) == "李小龍"


def test_as_text_shows_defaults_as_typed() -> None:
    assert (as_text(8.0), as_text(7.5), as_text(None)) == ("8", "7.5", "")
    assert as_text(date(2027, 1, 4)) == "2027-01-04"


def test_check_output_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("x")
    with pytest.raises(Invalid, match="not a folder"):
        check_output(str(tmp_path / "taken"))
    with pytest.raises(Invalid):
        check_output("  ")
    assert check_output(str(tmp_path / "new")) == tmp_path / "new"


def test_answers_make_the_profile_they_came_from(small_catalog: Catalog, tmp_path: Path) -> None:
    values = defaults_from(ADA, TODAY, tmp_path)
    answers = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
    profile = profile_from_answers(answers, small_catalog)
    assert profile.name == ADA.name and profile.background == ADA.background
    assert profile.interests == ("rag",) and profile.weeks == 30
    assert profile.start_date == date(2026, 11, 30)


@pytest.mark.parametrize("columns", [59, 79, 119])
def test_summary_fits_the_terminal(small_catalog: Catalog, tmp_path: Path, columns: int) -> None:
    profile = Profile(
        "Ada " * 30, "llm-engineer", 8, Background(2, 2, 1), weeks=2, interests=("rag", "chatbots")
    )
    plan = make_plan(profile, TODAY, small_catalog)
    text = summary(
        profile, plan, small_catalog, {"output": Path("out"), "formats": ("md",)}, columns
    )
    assert all(len(line) <= columns for line in text.splitlines())
    words = " ".join(text.split())
    assert "2 weeks" in words and "left out" in words  # the deadline dropped items
    assert "Retrieval-augmented generation, Chatbots" in words
    assert "(pdf, md)" in words and "Monday, Wednesday, Saturday" in words
    assert ("Ada " * 30).strip() in words  # wrapped between words, never cut


def test_a_choice_shows_its_description_beside_it_only_when_both_fit() -> None:
    assert row("Short - Fits", "Short", "Fits", 40, 60) == ("Short - Fits", None)
    title, below = row("Long track - " + "word " * 20, "Long track", "word " * 20, 40, 60)
    assert title == "Long track" and below is not None
    assert " ".join(below.split()) == ("word " * 20).strip()  # in full, wrapped
    assert all(len("  Description: ") + len(line.strip()) <= 60 for line in below.split("\n"))
    title, below = row(
        "A very long title that cannot fit", "A very long title that cannot fit", "", 20, 60
    )
    assert title == "A very long title…" and below == "A very long title that cannot fit"


def test_free_stem_never_reuses_a_taken_name(tmp_path: Path) -> None:
    assert free_stem(tmp_path, "ada", ("yaml", "pdf")) == "ada"
    (tmp_path / "ada.pdf").write_bytes(b"")
    (tmp_path / "ada-2.yaml").write_text("")
    assert free_stem(tmp_path, "ada", ("yaml", "pdf")) == "ada-3"


def test_save_writes_a_replayable_profile_and_keeps_old_files(
    small_catalog: Catalog, tmp_path: Path
) -> None:
    plan = make_plan(ADA, TODAY, small_catalog)
    (tmp_path / "ada-lovelace.yaml").write_text("mine", encoding="utf-8")
    saved = save_interview(ADA, plan, tmp_path, ("pdf", "json"))
    assert [p.name for p in saved.paths] == [
        "ada-lovelace-2.yaml",
        "ada-lovelace-2.pdf",
        "ada-lovelace-2.json",
    ]
    assert (tmp_path / "ada-lovelace.yaml").read_text(encoding="utf-8") == "mine"
    assert saved.paths[1].read_bytes().startswith(b"%PDF")
    [again] = only_profile(load_file(saved.profile_path, small_catalog))
    assert again == ADA
    assert yaml.safe_load(saved.profile_path.read_text(encoding="utf-8"))["name"] == ADA.name


# --- the real prompts, in-process -------------------------------------------------------


def test_accepting_every_default(small_catalog: Catalog, tmp_path: Path) -> None:
    defaults = defaults_from(None, TODAY, tmp_path)
    answers, _ = drive(all_defaults(), small_catalog, lambda p: ask_profile(p, defaults))
    profile = profile_from_answers(answers, small_catalog)
    assert profile == Profile(
        "Ada", "llm-engineer", 8, Background(2, 2, 1), start_date=date(2026, 11, 30)
    )


def test_typed_answers_and_arrow_keys(small_catalog: Catalog, tmp_path: Path) -> None:
    defaults = defaults_from(None, TODAY, tmp_path)
    keys = (
        "Grace"
        + ENTER
        + DOWN
        + ENTER  # the second goal
        + CLEAR
        + "12"
        + ENTER
        + CLEAR
        + "2027-01-04"
        + ENTER
        + "20"
        + ENTER
        + DOWN * 2
        + ENTER
        + ENTER
        + DOWN
        + ENTER  # math 4, python 2, ml 2
        + SPACE
        + ENTER  # the first interest
        + "y"
        + ENTER  # a y is confirmed with Enter
        + "trans"
        + SPACE
        + ENTER  # completed: the section, found by typing
        + "trans"
        + SPACE
        + ENTER  # then the item in it, found by typing
        + SPACE
        + ENTER
    )  # untick monday
    answers, _ = drive(keys, small_catalog, lambda p: ask_profile(p, defaults))
    goals = list(small_catalog.tracks)
    assert answers["goal"] == goals[1]
    assert (answers["background.math"], answers["background.python"], answers["background.ml"]) == (
        4,
        2,
        2,
    )
    assert answers["hours_per_week"] == 12 and answers["weeks"] == 20
    assert answers["start_date"] == date(2027, 1, 4)
    assert answers["interests"] == (next(iter(small_catalog.interests)),)
    assert answers["completed"] == ("transformers",)
    assert answers["study_days"] == ("wed", "sat")


def test_an_invalid_answer_is_rejected_then_corrected(
    small_catalog: Catalog, tmp_path: Path
) -> None:
    # had a prompt accepted "   ", "lots", "0" or "2.5", clean_typed would raise Invalid;
    # the messages themselves are checked on a real terminal in test_interview_pty.py
    defaults = defaults_from(None, TODAY, tmp_path)
    keys = (
        "   "
        + ENTER
        + CLEAR
        + "Ada"
        + ENTER
        + ENTER  # name, goal
        + CLEAR
        + "lots"
        + ENTER
        + CLEAR
        + "0"
        + ENTER
        + CLEAR
        + "9"
        + ENTER
        + ENTER
        + "2.5"
        + ENTER
        + CLEAR
        + ENTER
        + ENTER * 3
        + ENTER * 3
    )
    answers, _ = drive(keys, small_catalog, lambda p: ask_profile(p, defaults))
    assert answers["name"] == "Ada" and answers["hours_per_week"] == 9
    assert answers["weeks"] is None


def test_editing_a_profile_offers_its_answers(small_catalog: Catalog, tmp_path: Path) -> None:
    defaults = defaults_from(ADA, TODAY, tmp_path)
    # ... interests, completed? (yes), its sections, the items of its section, study days
    answers, _ = drive(ENTER * 13, small_catalog, lambda p: ask_profile(p, defaults))
    profile = profile_from_answers(answers, small_catalog)
    assert profile.name == ADA.name and profile.background == ADA.background
    assert profile.completed == ADA.completed and profile.interests == ADA.interests


def test_output_folder_and_formats(small_catalog: Catalog, tmp_path: Path) -> None:
    defaults = defaults_from(None, TODAY, tmp_path / "out")
    got, _ = drive(
        ENTER + SPACE + ENTER,
        small_catalog,
        lambda p: ask_output(p, defaults, ("pdf", "md", "json")),
    )
    assert got == {"output": tmp_path / "out", "formats": ("md",)}


def test_the_whole_interview_writes_profile_and_pdf(small_catalog: Catalog, tmp_path: Path) -> None:
    defaults = defaults_from(None, TODAY, tmp_path)
    keys = all_defaults("Ada Lovelace") + ENTER * 2 + ENTER  # folder, formats, confirm
    saved, said = drive(keys, small_catalog, lambda p: run_interview(p, defaults, TODAY))
    assert [p.name for p in saved.paths] == ["ada-lovelace.yaml", "ada-lovelace.pdf"]
    assert saved.paths[1].read_bytes().startswith(b"%PDF")
    text = "\n".join(said)
    assert "Your answers" in text and "Your plan" in text and "weeks" in text
    assert str(saved.paths[0]) in text and "studyplan build" in text
    assert f"studyplan progress {saved.paths[1]} --replan" in text


def test_the_pdf_is_drawn_within_the_drawing_block(small_catalog: Catalog, tmp_path: Path) -> None:
    """The CLI's progress display hears every page of the saved PDF, and only while saving."""
    defaults = defaults_from(None, TODAY, tmp_path)
    keys = all_defaults("Ada Lovelace") + ENTER * 3
    heard: list[int] = []
    events: list[str] = []

    @contextmanager
    def drawing() -> Iterator[None]:
        events.append("start")
        with reporting_pages(heard.append):
            yield
        events.append("end")

    saved, said = drive(
        keys, small_catalog, lambda p: run_interview(p, defaults, TODAY, drawing=drawing)
    )
    pages = len(PdfReader(saved.paths[1]).pages)
    assert heard == list(range(1, pages + 1)) and events == ["start", "end"]


def test_a_cleared_start_date_saves_the_date_used(small_catalog: Catalog, tmp_path: Path) -> None:
    defaults = defaults_from(None, TODAY, tmp_path)
    keys = "Ada" + ENTER + ENTER * 2 + CLEAR + ENTER + ENTER * 7 + ENTER * 3
    saved, said = drive(keys, small_catalog, lambda p: run_interview(p, defaults, TODAY))
    assert "? Start date" in said  # cleared: nothing typed
    assert yaml.safe_load(saved.profile_path.read_text())["start_date"] == date(2026, 11, 30)


@pytest.mark.parametrize("columns", [59, 79, 119])
def test_every_line_said_fits_the_terminal(
    small_catalog: Catalog, tmp_path: Path, columns: int, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)  # short paths: a path is never broken over lines
    defaults = defaults_from(None, TODAY, Path("out"))
    keys = (
        "Ada Lovelace the Countess of Lovelace"
        + ENTER
        + ENTER
        + CLEAR
        + "lots"
        + ENTER
        + CLEAR
        + "6"
        + ENTER
        + ENTER * 2
        + ENTER * 3
        + SPACE
        + ENTER
        + "y"
        + ENTER
        + SPACE
        + ENTER
        + SPACE
        + ENTER
        + ENTER
        + ENTER * 3
    )
    saved, said = drive(keys, small_catalog, lambda p: run_interview(p, defaults, TODAY), columns)
    # commands to copy stay whole on their own lines, however long the file names
    lines = [line for line in "\n".join(said).splitlines() if not line.startswith("  studyplan ")]
    assert saved is not None and all(len(line) <= columns for line in lines), lines
    assert any("Countess of Lovelace" in line for line in lines)


def test_declining_writes_nothing(small_catalog: Catalog, tmp_path: Path) -> None:
    defaults = defaults_from(None, TODAY, tmp_path)
    keys = all_defaults() + ENTER * 2 + "n" + ENTER + "n" + ENTER
    saved, said = drive(keys, small_catalog, lambda p: run_interview(p, defaults, TODAY))
    assert saved is None and "Nothing written." in said
    assert list(tmp_path.iterdir()) == []


def test_declining_then_changing_asks_again_with_the_answers(
    small_catalog: Catalog, tmp_path: Path
) -> None:
    defaults = defaults_from(None, TODAY, tmp_path)
    first = all_defaults("Ada") + ENTER * 2 + "n" + ENTER + "y" + ENTER
    # name, goal, hours, start, weeks, math 3, the rest as before, save
    second = ENTER * 5 + DOWN + ENTER + ENTER * 5 + ENTER * 2 + ENTER
    saved, _ = drive(first + second, small_catalog, lambda p: run_interview(p, defaults, TODAY))
    [profile] = only_profile(load_file(saved.profile_path, small_catalog))
    assert profile.name == "Ada" and profile.background == Background(3, 2, 1)


def test_ctrl_c_raises_keyboard_interrupt_and_writes_nothing(
    small_catalog: Catalog, tmp_path: Path
) -> None:
    defaults = defaults_from(None, TODAY, tmp_path)
    with pytest.raises(KeyboardInterrupt):
        drive(
            "Ada" + ENTER + ENTER + CTRL_C,
            small_catalog,
            lambda p: run_interview(p, defaults, TODAY),
        )
    assert list(tmp_path.iterdir()) == []
