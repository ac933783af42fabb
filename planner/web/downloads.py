"""A plan as a file download: rendered bytes, content type, a safe attachment file name."""

from __future__ import annotations

import threading
import unicodedata
from urllib.parse import quote

from flask import Response

from planner.plan import Plan
from planner.render import render
from planner.slug import slugify

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "json": "application/json; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
    "anki": "application/octet-stream",  # a zip that only Anki opens: no type of its own
}
# ReportLab keeps process-wide state (font registry, caches) that is not documented as
# thread-safe; waitress serves requests on several threads, so PDFs are drawn one at a time.
_RENDER_LOCK = threading.Lock()


def plan_download(plan: Plan, fmt: str, paper: str = "a4") -> Response:
    """The plan rendered as fmt (PDF pages: paper), sent as an attachment named after it."""
    with _RENDER_LOCK:
        rendered = render(plan, fmt, paper)
    response = Response(
        rendered.data, content_type=CONTENT_TYPES.get(fmt, "application/octet-stream")
    )
    response.headers["Content-Disposition"] = content_disposition(
        f"{slugify(plan.name)}.{rendered.extension}"
    )
    response.headers["Cache-Control"] = "no-store"  # a person's plan: keep it out of caches
    return response


def content_disposition(filename: str) -> str:
    """attachment; filename="ascii"[; filename*=UTF-8''...] (RFC 6266 / RFC 5987).

    filename is a slug already (no quotes, slashes or dots but the extension's); the plain
    filename= keeps only its ASCII letters for old clients, filename* carries the real name.
    """
    stem, _, extension = filename.rpartition(".")
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    if ascii_stem == stem:
        return f'attachment; filename="{filename}"'
    fallback = slugify(ascii_stem) if any(c.isalnum() for c in ascii_stem) else "study-plan"
    return (
        f'attachment; filename="{fallback}.{extension}"; '
        f"filename*=UTF-8''{quote(filename, safe='')}"
    )
