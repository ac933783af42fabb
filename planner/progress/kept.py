"""Never write over ticks: a plan file about to be replaced is moved aside if it holds any.

A learner ticks the PDF (or Markdown file) that `build` wrote, in the folder `build` wrote it
to; building again for the same name would replace that very file. Before a plan file is
written over an existing one, the old one is read: when a box is ticked (or the file cannot
be read, so it might hold ticks) it is renamed to <stem>-ticked-<date>.<ext> (-2, -3 ... when
that is taken) and the new plan takes the usual name. A file with no tick is replaced.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from planner.errors import UserError

TICKABLE = (".pdf", ".md")  # the files a learner ticks


@dataclass(frozen=True)
class Kept:
    """A ticked file moved aside so that a new plan could take its name."""

    path: Path  # where it was, and where the new plan is now
    kept_as: Path  # where the ticked file is now
    ticked: int | None  # boxes ticked in it; None when it could not be read

    def message(self) -> str:
        held = (f"has {self.ticked} ticked box{'es' * (self.ticked != 1)}"
                if self.ticked is not None else "could not be read (it may hold ticks)")
        return (f"{self.path} {held}: kept as {self.kept_as}; the new plan is {self.path}")


def ticks_in(path: Path) -> int | None:
    """Ticked boxes in an existing plan file: 0 for none or no such file, None if unreadable."""
    if path.suffix.lower() not in TICKABLE:
        return 0
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return 0
    except OSError:
        return None
    try:
        return _counter(path.suffix.lower())(data)
    except UserError:
        return None


def _counter(suffix: str) -> Callable[[bytes], int]:
    # imported only when there is a file to read: pypdf costs a fifth of a second to import
    if suffix == ".pdf":
        from planner.progress.from_pdf import ticked_boxes

        return ticked_boxes
    from planner.progress.from_markdown import ticked_lines

    return ticked_lines


def keep_ticked(path: Path, today: date) -> Kept | None:
    """Move path aside when it holds ticks (or cannot be read), so the new plan can take its
    name; None when it holds no tick (or does not exist) and may be replaced."""
    ticked = ticks_in(path)
    if ticked == 0:
        return None
    stem, n = f"{path.stem}-ticked-{today.isoformat()}", 1
    while True:
        aside = path.with_name(f"{stem}{f'-{n}' * (n > 1)}{path.suffix}")
        if _move_unless_taken(path, aside):
            return Kept(path, aside, ticked)
        n += 1


def _move_unless_taken(path: Path, aside: Path) -> bool:
    """Rename path to aside unless aside exists; never replaces a file at aside.

    A hard link, then removing the old name, is a rename that fails when aside exists (a
    plain rename would replace it); file systems without hard links get a check first.
    """
    try:
        os.link(path, aside)
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links (FAT, some shares)
        if aside.exists():
            return False
        path.rename(aside)
        return True
    path.unlink()
    return True
