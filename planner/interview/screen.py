"""The terminal's width, and text fitted to it: wrapped between words, never cut when it fits."""

from __future__ import annotations

import shutil
import textwrap

from prompt_toolkit.output import Output, create_output
from prompt_toolkit.output.vt100 import Vt100_Output

from planner.errors import sentence

__all__ = ["sentence", "width", "wrap", "shortened", "described", "fits", "prompt_output"]

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


def prompt_output() -> Output:
    """The terminal the prompts draw on, each prompt at its own height.

    Told where the cursor is (its answer to a cursor position request), prompt_toolkit
    stretches a prompt down to the terminal's last row and puts the message about a wrong
    answer there, far below the question it is about: so it is never asked.
    """
    output = create_output()
    if isinstance(output, Vt100_Output):
        output.enable_cpr = False
    return output
