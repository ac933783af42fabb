"""Long text through a pager when stdout is a terminal: $PAGER, else `less -RFX`; printed
as it is when stdout is a pipe or a file, or when no pager runs."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys

DEFAULT_PAGER = "less -RFX"  # -F: text that fits the screen is just printed; -X: it stays


def page(text: str) -> None:
    """Show text, through a pager on a terminal."""
    if not sys.stdout.isatty():
        print(text)
        return
    command = shlex.split(os.environ.get("PAGER") or DEFAULT_PAGER)
    try:
        pager = subprocess.Popen(command, stdin=subprocess.PIPE, encoding="utf-8")
    except (OSError, ValueError):  # no such pager: the text itself, never an error
        print(text)
        return
    try:
        pager.communicate(text + "\n")
    except BrokenPipeError:
        pass  # the reader quit before the end
    except KeyboardInterrupt:  # Ctrl-C belongs to the pager (less keeps running on it)
        pager.wait()
