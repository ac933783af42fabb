"""Renderers: a Plan -> the bytes of one output format (pdf, md, ics, json, anki)."""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass

from planner.plan import Plan

# format -> (module, function, file extension); imported on first use (ReportLab is slow)
RENDERERS: dict[str, tuple[str, str, str]] = {
    "pdf": ("planner.render.pdf.render", "render_pdf", "pdf"),
    "json": ("planner.render.plan_json", "render_json", "json"),
    "md": ("planner.render.markdown", "render_markdown", "md"),
    "ics": ("planner.render.ics", "render_ics", "ics"),
    "anki": ("planner.render.anki", "render_anki", "apkg"),
}
FORMATS = tuple(RENDERERS)
PAPERS = ("a4", "letter")  # ISO A4 and US Letter; only the PDF has pages
DEFAULT_PAPER = "a4"


@dataclass(frozen=True)
class Rendered:
    data: bytes
    extension: str
    warnings: tuple[str, ...] = ()


def render(plan: Plan, fmt: str, paper: str = DEFAULT_PAPER) -> Rendered:
    """The plan as fmt; paper ('a4' or 'letter') sets the PDF's page size."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}; allowed: {', '.join(PAPERS)}")
    module, function, extension = RENDERERS[fmt]
    draw = getattr(importlib.import_module(module), function)
    result = draw(plan, paper=paper) if fmt == "pdf" else draw(plan)
    if isinstance(result, bytes):
        return Rendered(result, extension)
    return Rendered(result.data, extension, tuple(result.warnings))


def print_warnings(plan: Plan) -> tuple[str, ...]:
    """What of the plan's text the PDF cannot print as written (none without ReportLab)."""
    if "pdf" not in available_formats():
        return ()
    module = importlib.import_module("planner.render.pdf.render")
    return tuple(module.plan_warnings(plan))


def available_formats() -> tuple[str, ...]:
    """The formats whose renderer is installed in this build."""
    return tuple(f for f, (m, _, _) in RENDERERS.items() if importlib.util.find_spec(m))
