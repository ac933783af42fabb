"""Progress while a PDF is drawn: every page reported by the renderer, shown on a terminal
once drawing takes more than a second, never when stderr is not a terminal."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from typing import TextIO

import pytest
from pypdf import PdfReader

from planner.cli.drawing import QUIET_SECONDS, pages_progress
from planner.render import render
from planner.render.pages_drawn import page_drawn, reporting_pages
from tests.sample_plans import long_plan


class Clock:
    """A clock the test moves: no test waits on wall-clock time."""

    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def terminal() -> Iterator[tuple[TextIO, int]]:
    """A real pseudo-terminal: what is written to it (a tty) and the end that reads it."""
    reader, writer = os.openpty()
    stream = os.fdopen(writer, "w", encoding="utf-8")
    try:
        yield stream, reader
    finally:
        stream.close()
        os.close(reader)


def shown(reader: int) -> str:
    return os.read(reader, 65536).decode("utf-8")


def test_the_renderer_reports_every_page_it_draws() -> None:
    heard: list[int] = []
    with reporting_pages(heard.append):
        data = render(long_plan(6), "pdf").data
    pages = len(PdfReader(io.BytesIO(data)).pages)
    assert heard == list(range(1, pages + 1))
    render(long_plan(2), "pdf")  # outside the block nobody hears anything
    assert heard == list(range(1, pages + 1))


def test_pages_show_on_a_terminal_after_a_quiet_second(terminal: tuple[TextIO, int]) -> None:
    stream, reader = terminal
    clock = Clock()
    with pages_progress(stream, clock):
        page_drawn(1)
        clock.now += QUIET_SECONDS / 2
        page_drawn(2)
        clock.now += QUIET_SECONDS / 2
        page_drawn(3)
        page_drawn(4)
        during = shown(reader)
    after = shown(reader)
    assert "page" not in during.split("Drawing the PDF: 3 pages")[0]  # nothing before 1 s
    assert during.endswith("\r\x1b[2KDrawing the PDF: 3 pages\r\x1b[2KDrawing the PDF: 4 pages")
    assert after == "\r\x1b[2K"  # the line is taken away before the command prints on


def test_a_fast_pdf_shows_nothing(terminal: tuple[TextIO, int]) -> None:
    stream, reader = terminal
    with pages_progress(stream, Clock()):
        render(long_plan(2), "pdf")  # the clock never moves: drawn within the quiet second
    stream.write("end")
    stream.flush()
    assert shown(reader) == "end"


def test_nothing_is_shown_when_not_a_terminal() -> None:
    stream, clock = io.StringIO(), Clock()
    with pages_progress(stream, clock):
        for page in range(1, 5):
            page_drawn(page)
            clock.now += QUIET_SECONDS
    assert stream.getvalue() == ""
