"""Never write over ticks: a plan file about to be replaced is moved aside if it holds any.

A learner ticks the PDF (or Markdown file) that `build` wrote, in the folder `build` wrote it
to; building again for the same name would replace that very file. Before a plan file is
written over an existing one, the old one is read: when a box is ticked (or the file cannot
be read, so it might hold ticks) it is renamed to <stem>-ticked-<date>.<ext> (-2, -3 ... when
that is taken) and the new plan takes the usual name. A file with no tick is replaced.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from planner.errors import UserError

TICKABLE = (".pdf", ".md")  # the files a learner ticks
# a box's value and appearance state, as written in a PDF dictionary: /V /Off, /AS /Off
_STATE = re.compile(rb"/(?:V|AS)(?=[\s/\[\]<>()%])\s*(/[^\s/\[\]<>()%]*)?")
_NAME = re.compile(rb"/[^\s/\[\]<>(){}%]*#[^\s/\[\]<>(){}%]*")
_STREAM = re.compile(rb">>\s*stream(?:\r\n|\n)")
_LENGTH = re.compile(rb"/Length\s+(\d+)(\s+\d+\s+R)?")
_END = re.compile(rb"\s*endstream")


@dataclass(frozen=True)
class Kept:
    """A ticked file moved aside so that a new plan could take its name."""

    path: Path  # where it was, and where the new plan is now
    kept_as: Path  # where the ticked file is now
    ticked: int | None  # boxes ticked in it; None when it could not be read

    def message(self) -> str:
        held = (
            f"has {self.ticked} ticked box{'es' * (self.ticked != 1)}"
            if self.ticked is not None
            else "could not be read (it may hold ticks)"
        )
        return f"{self.path} {held}: kept as {self.kept_as}; the new plan is {self.path}"


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
    if path.suffix.lower() == ".pdf" and surely_unticked(data):
        return 0
    try:
        return _counter(path.suffix.lower())(data)
    except UserError:
        return None


def surely_unticked(data: bytes) -> bool:
    """True when the bytes prove no box of a PDF is on: every /V and /AS in it is /Off.

    A plan as `build` wrote it passes in milliseconds, without loading pypdf. A tick needs a
    /V or /AS other than /Off in some dictionary; the scan reads everything but stream data
    (skipped by its /Length), and anything it cannot be sure of (a file cut short, compressed
    object streams, an escaped name, an indirect value or length) sends the file to the real
    reader.
    """
    whole = data.rstrip().endswith(b"%%EOF") and b"startxref" in data[-1024:]
    if not whole or b"/ObjStm" in data:  # a cut file, or one with compressed objects
        return False
    at = 0
    while (stream := _STREAM.search(data, at)) is not None:
        if not _all_off(data[at : stream.start()]):
            return False
        opening = max(at, data.rfind(b" obj", at, stream.start()))  # the stream's object
        lengths = _LENGTH.findall(data, opening, stream.start())
        if not lengths or lengths[-1][1]:
            return False
        end = _END.match(data, stream.end() + int(lengths[-1][0]))
        if end is None:
            return False
        at = end.end()
    return _all_off(data[at:])


def _all_off(text: bytes) -> bool:
    """Every /V and /AS in text is /Off, and no name hides one behind #-escapes."""
    for name in _NAME.findall(text):
        if re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m[1], 16)]), name) in (b"/V", b"/AS"):
            return False
    return all(match[1] == b"/Off" for match in _STATE.finditer(text))


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
