"""Reading progress from a file: which kind it is, then the reader for that kind."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from planner.catalog.model import Catalog
from planner.errors import UserError
from planner.inputs import read_input
from planner.plan import PROFILE_MARKER
from planner.progress.from_markdown import read_markdown
from planner.progress.from_pdf import read_pdf
from planner.progress.from_yaml import read_yaml
from planner.progress.model import Progress

MAX_BYTES = 50_000_000


def detect_kind(data: bytes) -> str:
    """'pdf', 'md' or 'yaml' from a file's first bytes and markers, else a UserError."""
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if PROFILE_MARKER.encode() in data:
        return "md"
    head = data[:4096].decode("utf-8", "replace")
    if re.search(r"^profile\s*:", head, re.MULTILINE):
        return "yaml"
    raise UserError("not a studyplan PDF, Markdown export or progress YAML; give the PDF "
                    "or Markdown file `studyplan build` wrote, or a YAML file with "
                    "`profile:` and `done:` (see `studyplan progress --help`)")


def read_progress(path: Path, today: date, catalog: Catalog | None = None) -> Progress:
    """The progress recorded in a filled-in PDF, a ticked Markdown export or a YAML file.

    Only a YAML progress file needs the catalog (and today): it rebuilds its plan to know
    every task; a PDF or Markdown file carries its tasks itself.
    """
    data = read_input(path, MAX_BYTES, "the filled-in PDF or Markdown file")
    kind = detect_kind(data)
    try:
        if kind == "yaml":
            return read_yaml(data, path, today, catalog)
        return (read_pdf if kind == "pdf" else read_markdown)(data, path)
    except UserError as exc:
        if exc.header or str(path) in exc.render():
            raise
        raise UserError(f"{path}: {exc.render()}") from None
