"""The terminal's width, and text fitted to it: wrapped between words, never cut when it fits."""

from __future__ import annotations

import shutil
import textwrap

from planner.errors import sentence

__all__ = ["sentence", "width", "wrap", "shortened", "described", "fits"]

MIN_WIDTH = 40  # narrower terminals get lines of this width and wrap them themselves
LABEL = "  Description: "  # how questionary introduces the text under a list


def width() -> int:
    """Columns to write in: the terminal's, less one so no line touches the last column."""
    return max(MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns - 1)


def wrap(text: str, columns: int, indent: str = "", first: str | None = None) -> str:
    """text in lines of at most columns, broken between words; first prefixes line one."""
    lead = indent if first is None else first
    return "\n".join(
        textwrap.wrap(
            text,
            columns,
            initial_indent=lead,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
        or [lead]
    )


def shortened(text: str, room: int) -> str:
    """text when it fits in room columns, else cut between words with an ellipsis."""
    if len(text) <= room:
        return text
    cut = text[: room - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return (cut or text[: room - 1]) + "…"


def described(text: str, columns: int) -> str:
    """A choice's description as questionary shows it under a list, wrapped below its label."""
    pad = " " * len(LABEL)
    return wrap(text, columns, pad)[len(pad) :]


def fits(*parts: str, columns: int) -> bool:
    """True when the parts, joined by spaces, fit on one line of columns."""
    return len(" ".join(parts)) <= columns
