"""Read progress back from a filled-in PDF: its ticked checkboxes and embedded profile.yaml."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import DictionaryObject

from planner.errors import UserError
from planner.plan import PROFILE_ATTACHMENT
from planner.progress.form_scan import form_fields
from planner.progress.model import Progress, Task

# what still shows a page came from studyplan once its form and attachment are gone: the
# cover's wordmark and the week headings ("Week 3 · 18–24 Jan 2027")
_OUR_TEXT = re.compile(r"studyplan|Week \d+ ·", re.IGNORECASE)
_PAGES_LOOKED_AT = 4
_READ_ERRORS = (PdfReadError, ValueError, KeyError, TypeError, AttributeError)

# libyaml's safe loader when present: several times faster, which a cohort of files feels
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_pdf(data: bytes, path: Path) -> Progress:
    """Every task checkbox and whether it is ticked, with the embedded profile."""
    reader = _open(data, path)
    try:
        boxes = dict(checkboxes(reader))
        attached = reader.attachments.get(PROFILE_ATTACHMENT)
        tasks = [task for name, done in boxes.items() if (task := Task.parse(name, done))]
        if not tasks:
            raise UserError(f"{path}: {_why_no_tasks(reader, len(boxes), bool(attached))}")
        profile = _profile(attached, path)
    except _READ_ERRORS as exc:
        raise UserError(f"{path}: cannot read this PDF ({exc}); is it damaged?") from None
    return Progress(str(path), profile, tuple(tasks))


def ticked_boxes(data: bytes) -> int:
    """How many task boxes of a PDF are ticked; a PDF that cannot be read is a UserError."""
    reader = _open(data, Path("the PDF"))
    try:
        return sum(done for name, done in checkboxes(reader) if Task.parse(name, done))
    except _READ_ERRORS as exc:
        raise UserError(f"cannot read this PDF ({exc})") from None


def _open(data: bytes, path: Path) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UserError(f"{path}: the PDF is encrypted; save an unprotected copy first")
    except _READ_ERRORS as exc:
        raise UserError(f"{path}: cannot read this PDF ({exc}); is it damaged?") from None
    return reader


def _why_no_tasks(reader: PdfReader, boxes: int, has_profile: bool) -> str:
    """One line: what the PDF holds instead of task boxes, and which file to give instead."""
    if boxes:
        return (
            f"this PDF has {boxes} checkbox{'es' * (boxes != 1)} but none is a studyplan "
            "task (w1-…-t0), so it is not a plan studyplan wrote; give the plan PDF you "
            "ticked"
        )
    if has_profile or _looks_like_ours(reader):
        return (
            "this PDF has no checkboxes left — it was probably printed to PDF or "
            "flattened; open the plan PDF you ticked (the one `studyplan build` wrote, "
            "saved from your viewer), or tick a Markdown export"
        )
    return (
        f"this PDF is not a studyplan plan: it has no task checkboxes and no embedded "
        f"{PROFILE_ATTACHMENT}; give the plan PDF `studyplan build` wrote, ticked in a "
        "PDF viewer"
    )


def _looks_like_ours(reader: PdfReader) -> bool:
    """Whether the pages still show a studyplan plan (a printed copy keeps the text)."""
    creator = reader.metadata.get("/Creator") if reader.metadata else None
    if creator and "studyplan" in str(creator):
        return True
    for page in list(reader.pages)[:_PAGES_LOOKED_AT]:
        try:
            if _OUR_TEXT.search(page.extract_text() or ""):
                return True
        except _READ_ERRORS:
            continue  # a page whose text cannot be read says nothing either way
    return False


def _profile(attached: list[bytes] | None, path: Path) -> dict[str, Any]:
    if not attached:
        raise UserError(
            f"{path}: this PDF has task boxes but no embedded {PROFILE_ATTACHMENT} "
            "(a tool dropped its attachments when saving); tick the PDF "
            "`studyplan build` wrote in another viewer, or re-plan from the "
            "profile YAML with a progress file (see `studyplan progress --help`)"
        )
    try:
        profile = yaml.load(attached[0].decode("utf-8"), Loader=SAFE_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError):
        profile = None
    if not isinstance(profile, dict):
        raise UserError(f"{path}: the embedded {PROFILE_ATTACHMENT} is not a profile")
    return profile


def checkboxes(reader: PdfReader) -> Iterator[tuple[str, bool]]:
    """(field name, ticked) for every checkbox widget on every page."""
    for widget in form_fields(reader) or _annotations(reader):  # the fast path, else pypdf's
        if widget.get("/Subtype") != "/Widget":
            continue
        field = widget if "/T" in widget else widget.get("/Parent", widget).get_object()
        if _inherited(field, "/FT") != "/Btn" or "/T" not in field:
            continue
        yield str(field["/T"]), _is_on(field, widget)


def _annotations(reader: PdfReader) -> Iterator[DictionaryObject]:
    for page in reader.pages:
        for ref in page.get("/Annots") or ():
            yield ref.get_object()


def _inherited(field: DictionaryObject, key: str) -> Any:
    node: DictionaryObject | None = field
    while node is not None:
        if key in node:
            return node[key]
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return None


def _is_on(field: DictionaryObject, widget: DictionaryObject) -> bool:
    """Ticked when the value or the widget's appearance state is one of its on-states.

    Some viewers save only one of the two (the appearance state /AS, or the value /V), so
    either counts. The on-state's name is the PDF writer's choice (/Yes for ReportLab, /On or
    /1 elsewhere), so it is read from the widget's /AP /N keys rather than assumed.
    """
    appearance = widget.get("/AP")
    normal = appearance.get_object().get("/N") if appearance is not None else None
    states = {str(k) for k in normal.get_object()} - {"/Off"} if normal is not None else set()
    marks = (str(_inherited(field, "/V")), str(widget.get("/AS")))
    if states:
        return any(mark in states for mark in marks)
    return any(mark not in ("None", "/Off", "") for mark in marks)
