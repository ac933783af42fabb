"""Batch progress on stderr: one updating bar on a terminal, occasional plain lines otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

BAR_WIDTH = 24
REDRAW_SECONDS = 0.1
PLAIN_EVERY_SECONDS = 10.0


class Progress:
    """Counts finished jobs and shows done / failed / remaining and the rate."""

    def __init__(
        self,
        total: int,
        stream: TextIO | None = None,
        tty: bool | None = None,
        label: str = "batch",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream or sys.stderr
        self.label = label  # the verb that prefixes the plain lines
        self.tty = self.stream.isatty() if tty is None else tty
        self.total = total
        self.done = self.failed = self.skipped = 0
        self.clock = clock
        self.started = self._last_draw = clock()
        self._last_tenth = 0
        if self.tty and total:
            self._show(force=True)  # the bar appears at once, before the first plan is done

    @property
    def finished(self) -> int:
        return self.done + self.failed + self.skipped

    def pace(self) -> str:
        """' (2.5 plans/s)', or ' (14 s a plan)' when slower than one a second (a long plan
        on a busy machine); nothing before a plan was built (skipped ones take no time)."""
        built, elapsed = self.done + self.failed, self.clock() - self.started
        if not built or elapsed <= 0:
            return ""
        if built >= elapsed:
            return f" ({built / elapsed:.1f} plans/s)"
        return f" ({elapsed / built:.0f} s a plan)"

    def line(self) -> str:
        left = self.total - self.finished
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        return f"{self.done} done, {self.failed} failed{skipped}, {left} left{self.pace()}"

    def add(self, status: str) -> None:
        if status == "ok":
            self.done += 1
        elif status == "failed":
            self.failed += 1
        else:
            self.skipped += 1
        self._show()

    def say(self, message: str) -> None:
        """A line of its own (a failure), without breaking the bar."""
        self._clear()
        print(message, file=self.stream, flush=True)
        self._show(force=True)

    def close(self) -> None:
        self._clear()
        if self.total:
            print(f"{self.label}: {self.line()}", file=self.stream, flush=True)

    def _show(self, force: bool = False) -> None:
        now = self.clock()
        if self.tty:
            if force or now - self._last_draw >= REDRAW_SECONDS or self.finished == self.total:
                filled = BAR_WIDTH * self.finished // max(self.total, 1)
                bar = "#" * filled + "-" * (BAR_WIDTH - filled)
                self.stream.write(f"\r\x1b[2K[{bar}] {self.line()}")
                self.stream.flush()
                self._last_draw = now
            return
        tenth = 10 * self.finished // max(self.total, 1)
        if tenth > self._last_tenth or now - self._last_draw >= PLAIN_EVERY_SECONDS:
            self._last_tenth, self._last_draw = tenth, now
            if self.finished < self.total:  # the last line is close()'s summary
                print(f"{self.label}: {self.line()}", file=self.stream, flush=True)

    def _clear(self) -> None:
        if self.tty:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
