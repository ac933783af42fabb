"""Reading progress from a file: which kind it is, then the reader for that kind."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from planner.catalog.model import Catalog
from planner.errors import UserError
from planner.inputs import read_input
from planner.progress.from_markdown import MARKERS, read_markdown
from planner.progress.from_pdf import read_pdf
from planner.progress.from_yaml import read_yaml
from planner.progress.model import Progress

MAX_BYTES = 50_000_000


GIVE = (
    "give the PDF or Markdown file `studyplan build` wrote (ticked), or a YAML progress "
    "file with `profile:` and `done:` (see `studyplan progress --help`)"
)


def detect_kind(data: bytes) -> str:
    """'pdf', 'md' or 'yaml' from a file's first bytes and markers, else a UserError."""
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if any(marker.encode() in data for marker in MARKERS):
        return "md"
    head = data[:4096].decode("utf-8", "replace")
    if re.search(r"^profile\s*:", head, re.MULTILINE):
        return "yaml"
    raise UserError(_not_progress(head))


def _not_progress(head: str) -> str:
    """One line: what the file looks like, and what to give instead."""
    if not head.strip():
        return f"the file is empty; {GIVE}"
    if re.search(r"^name\s*:", head, re.MULTILINE) and re.search(r"^goal\s*:", head, re.MULTILINE):
        return (
            "this is a profile, not a ticked plan: build it (`studyplan build`), tick "
            "the PDF, then give that PDF; or write a progress file with `profile:` "
            "naming it and `done:` listing the tasks done"
        )
    if re.search(r"^\s*[-*+]\s+\[[ xX]\]", head, re.MULTILINE):
        return (
            'a Markdown task list without the embedded studyplan profile (the "## '
            'Profile" block at the end), so it cannot be matched to a plan; tick the '
            "Markdown file `studyplan build --format md` wrote"
        )
    return f"not a studyplan PDF, Markdown export or progress YAML; {GIVE}"


def read_progress(path: Path, today: date, catalog: Catalog | None = None) -> Progress:
    """The progress recorded in a filled-in PDF, a ticked Markdown export or a YAML file.

    Only a YAML progress file needs the catalog (and today): it rebuilds its plan to know
    every task; a PDF or Markdown file carries its tasks itself.
    """
    data = read_input(path, MAX_BYTES, "the filled-in PDF or Markdown file")
    try:
        kind = detect_kind(data)
        if kind == "yaml":
            return read_yaml(data, path, today, catalog)
        return (read_pdf if kind == "pdf" else read_markdown)(data, path)
    except UserError as exc:
        if exc.header or str(path) in exc.render():
            raise
        raise UserError(f"{path}: {exc.render()}") from None
