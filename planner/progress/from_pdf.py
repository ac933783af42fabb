"""Read progress back from a filled-in PDF: its ticked checkboxes and embedded profile.yaml."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import DictionaryObject

from planner.errors import UserError
from planner.plan import PROFILE_ATTACHMENT
from planner.progress.model import Progress, Task


def read_pdf(data: bytes, path: Path) -> Progress:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UserError(f"{path}: the PDF is encrypted; save an unprotected copy first")
        profile = _profile(reader, path)
        ticked = dict(_checkboxes(reader))
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise UserError(f"{path}: cannot read this PDF ({exc}); is it damaged?") from None
    tasks = [task for name, done in ticked.items() if (task := Task.parse(name, done))]
    return Progress(str(path), profile, tuple(tasks))


def _profile(reader: PdfReader, path: Path) -> dict[str, Any]:
    attached = reader.attachments.get(PROFILE_ATTACHMENT)
    if not attached:
        raise UserError(f"{path}: this PDF has no embedded {PROFILE_ATTACHMENT}, so it was "
                        "not made by studyplan (or a tool dropped its attachments when "
                        "saving); re-plan from the profile YAML with `studyplan build`")
    try:
        profile = yaml.safe_load(attached[0].decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        profile = None
    if not isinstance(profile, dict):
        raise UserError(f"{path}: the embedded {PROFILE_ATTACHMENT} is not a profile")
    return profile


def _checkboxes(reader: PdfReader) -> Iterator[tuple[str, bool]]:
    """(field name, ticked) for every checkbox widget on every page."""
    for page in reader.pages:
        for ref in page.get("/Annots") or ():
            widget = ref.get_object()
            if widget.get("/Subtype") != "/Widget":
                continue
            field = widget if "/T" in widget else widget.get("/Parent", widget).get_object()
            if _inherited(field, "/FT") != "/Btn" or "/T" not in field:
                continue
            yield str(field["/T"]), _is_on(field, widget)


def _inherited(field: DictionaryObject, key: str) -> Any:
    node: DictionaryObject | None = field
    while node is not None:
        if key in node:
            return node[key]
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return None


def _is_on(field: DictionaryObject, widget: DictionaryObject) -> bool:
    """Ticked when the value (or the widget's state) is one of its appearance's on-states.

    The on-state's name is the PDF writer's choice (/Yes for ReportLab, /On or /1 elsewhere),
    so it is read from the widget's /AP /N keys rather than assumed.
    """
    appearance = widget.get("/AP")
    normal = appearance.get_object().get("/N") if appearance is not None else None
    states = {str(k) for k in normal.get_object()} - {"/Off"} if normal is not None else set()
    value = _inherited(field, "/V")
    if value is None:
        value = widget.get("/AS")
    return str(value) in states if states else str(value) not in ("None", "/Off", "")
