"""Renderers: a Plan -> the bytes of one output format (pdf, md, ics, json)."""

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
}
FORMATS = tuple(RENDERERS)


@dataclass(frozen=True)
class Rendered:
    data: bytes
    extension: str
    warnings: tuple[str, ...] = ()


def render(plan: Plan, fmt: str) -> Rendered:
    module, function, extension = RENDERERS[fmt]
    result = getattr(importlib.import_module(module), function)(plan)
    if isinstance(result, bytes):
        return Rendered(result, extension)
    return Rendered(result.data, extension, tuple(result.warnings))


def available_formats() -> tuple[str, ...]:
    """The formats whose renderer is installed in this build."""
    return tuple(f for f, (m, _, _) in RENDERERS.items() if importlib.util.find_spec(m))
