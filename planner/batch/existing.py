"""--skip-existing by identity: whose plan the files under a name are, read from the profile
the PDF or Markdown file embeds; a name holding someone else's plan passes to the next."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from io import BytesIO
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, StreamObject

from planner.catalog.model import Catalog
from planner.errors import UserError
from planner.inputs import PROFILE_BYTES, PROGRESS_BYTES, decode_text, read_input
from planner.plan import OLD_PROFILE_MARKER, PROFILE_ATTACHMENT, PROFILE_MARKER, Plan
from planner.profile.model import Profile
from planner.profile.validate import validate
from planner.render import RENDERERS, render
from planner.yamlsource import load_document

NAMES_TRIED = 1_000  # name, name-2 ... name-1000: more than any cohort shares one name
PDF_ERRORS = (PyPdfError, ValueError, KeyError, IndexError, OSError, zlib.error, RecursionError)
MARKERS = (PROFILE_MARKER, OLD_PROFILE_MARKER)
Written = tuple[str, str, tuple[str, ...], tuple[str, ...]]  # status, stem, kept, warnings


def write_unless_same(
    plan: Plan,
    profile: Profile,
    stem: str,
    *,
    folder: Path,
    formats: tuple[str, ...],
    paper: str,
    catalog: Catalog,
) -> Written:
    """Skip the plan when the files under stem (or the next name holding this profile's
    plan) are it; else write it under the first free name, and say so when that is not stem."""
    from planner.pipeline import write_plan

    extensions = tuple(render_extension(fmt) for fmt in formats)
    for _ in range(NAMES_TRIED):
        where = place(stem, extensions, folder, lambda b: same_plan(b, plan, profile, catalog))
        notes = (where.note,) if where.note else ()
        if where.skip:
            return "skipped", where.stem, (), notes
        try:
            written = write_plan(plan, folder, formats, where.stem, paper, where.free)
        except FileExistsError:
            continue  # another job took the free name first: look again
        kept = tuple(k.message() for k in written.kept)
        return "ok", where.stem, kept, (*written.warnings, *notes)
    raise UserError(f"{folder}: no free name for {stem}; other jobs took {NAMES_TRIED}")


@dataclass(frozen=True)
class Place:
    """Where a plan goes: its stem, and whether the files there are its plan already."""

    stem: str
    skip: bool  # every file is there and holds this profile's plan: nothing to write
    free: bool  # nothing was there: write only if still free (another job may take it)
    note: str = ""  # for the report when the plan goes under another name than its own


def place(
    stem: str,
    extensions: tuple[str, ...],
    folder: Path,
    same: Callable[[Path], bool],
) -> Place:
    """The first of stem, stem-2, stem-3 ... that is free or holds this plan; same(path)
    says whether the files at path (without extension) are this profile's plan."""
    for number in range(1, NAMES_TRIED + 1):
        candidate = stem if number == 1 else f"{stem}-{number}"
        present = [e for e in extensions if (folder / f"{candidate}.{e}").exists()]
        if present and not same(folder / candidate):
            continue
        note = "" if number == 1 else _moved(stem, candidate, extensions[0])
        return Place(candidate, len(present) == len(extensions), not present, note)
    raise UserError(f"{folder}: {stem} and {NAMES_TRIED - 1} numbered names all hold other plans")


def _moved(stem: str, candidate: str, extension: str) -> str:
    return (
        f"{stem}.{extension} holds another profile's plan; this one is written as "
        f"{candidate}.{extension}"
    )


def same_plan(base: Path, plan: Plan, profile: Profile, catalog: Catalog) -> bool:
    """Whether the files at base (a path without extension) are this profile's plan: the
    profile its PDF (else its Markdown file) embeds is profile; with neither of those, each
    file there is what would be written now."""
    if not any(_file(base, e).exists() for e in ("pdf", "md")):
        return all(
            _bytes(_file(base, fmt)) == render(plan, fmt).data
            for fmt in ("json", "ics")
            if _file(base, fmt).exists()
        )
    embedded = embedded_profile(base)
    found = validate(embedded, catalog, str(base))[0] if embedded is not None else None
    if found is None:
        return False
    # the start date a plan was given counts only when the profile sets one: a plan from a
    # profile without it starts on the Monday of the day it was built
    return (replace(found, start_date=None) if profile.start_date is None else found) == profile


def embedded_profile(base: Path) -> Any:
    """The profile data embedded in base.pdf or, without one, base.md; None when neither
    holds one (not our file, or not a readable one)."""
    pdf, markdown = _file(base, "pdf"), _file(base, "md")
    try:
        if pdf.exists():
            text = _pdf_attachment(read_input(pdf, PROGRESS_BYTES, "a plan PDF"))
        else:
            text = _markdown_block(decode_text(_bytes(markdown), str(markdown)))
    except UserError:
        return None
    document = load_document(text, str(base)) if text is not None else None
    return None if document is None or document.problems else document.data


def render_extension(fmt: str) -> str:
    return RENDERERS[fmt][2]


def _file(base: Path, extension: str) -> Path:
    return base.with_name(f"{base.name}.{extension}")


def _bytes(path: Path) -> bytes:
    return read_input(path, PROGRESS_BYTES, "a plan file")


def _pdf_attachment(data: bytes) -> str | None:
    """The embedded profile of a PDF as studyplan writes it (a flat /EmbeddedFiles name
    array, one Flate stream), inflated no further than a profile can be."""
    try:
        trailer = PdfReader(BytesIO(data), strict=False).trailer
        files = _entry(_entry(_entry(trailer, "/Root"), "/Names"), "/EmbeddedFiles")
        names = files.get("/Names") if files is not None else None
        if not isinstance(names, ArrayObject) or len(names) != 2 or names[0] != PROFILE_ATTACHMENT:
            return None
        stream = _entry(_entry(names[1].get_object(), "/EF"), "/F")
        if not isinstance(stream, StreamObject) or _filters(stream) != ["/FlateDecode"]:
            return None
        inflate = zlib.decompressobj()
        raw = inflate.decompress(stream._data, PROFILE_BYTES)
        return None if inflate.unconsumed_tail else raw.decode("utf-8")
    except (*PDF_ERRORS, UnicodeDecodeError):
        return None


def _entry(holder: Any, key: str) -> Any:
    """holder[key] resolved, when holder is a dictionary that has it; else None."""
    if not isinstance(holder, DictionaryObject):
        return None
    value = holder.get(key)
    return value.get_object() if value is not None else None


def _filters(stream: StreamObject) -> list[str]:
    found = stream.get("/Filter")
    return [str(found)] if isinstance(found, NameObject) else [str(f) for f in found or ()]


def _markdown_block(text: str) -> str | None:
    """The fenced YAML block after the profile marker of a Markdown plan."""
    lines = text.splitlines()
    start = next((n for n, line in enumerate(lines) if line.strip() in MARKERS), None)
    if start is None:
        return None
    after = lines[start + 1 :]
    opening = next((n for n, line in enumerate(after[:3]) if line.startswith("```")), None)
    if opening is None:
        return None
    fence = after[opening].rstrip().removesuffix("yaml")
    body = after[opening + 1 :]
    end = next((n for n, line in enumerate(body) if line.rstrip() == fence), len(body))
    return "\n".join(body[:end])
