"""Pages drawn, on a terminal, while a long PDF is drawn: a 140-page plan takes a while, and
a silent terminal looks stuck. Nothing is written when stderr is not a terminal."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from planner.render.pages_drawn import reporting_pages

QUIET_SECONDS = 1.0  # a PDF drawn faster than this needs no progress
CLEAR_LINE = "\r\x1b[2K"


class PagesShown:
    """Listens to pages drawn; once drawing has taken QUIET_SECONDS, shows the count."""

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.clock = clock
        self.first: float | None = None  # when the first page was drawn
        self.shown = False

    def __call__(self, page: int) -> None:
        if not self.tty:
            return
        now = self.clock()
        if self.first is None:
            self.first = now
        if now - self.first >= QUIET_SECONDS:
            self.stream.write(f"{CLEAR_LINE}Drawing the PDF: {page} pages")
            self.stream.flush()
            self.shown = True

    def close(self) -> None:
        """Takes the progress line away: what the command prints next starts on a clean line."""
        if self.shown:
            self.stream.write(CLEAR_LINE)
            self.stream.flush()
            self.shown = False
        self.first = None  # the next PDF (another plan of a stream) is timed afresh


@contextmanager
def pages_progress(
    stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic
) -> Iterator[None]:
    """Within the block, PDFs drawn show their pages on stream (default: stderr)."""
    shown = PagesShown(stream or sys.stderr, clock)
    try:
        with reporting_pages(shown):
            yield
    finally:
        shown.close()
