"""Render a Plan as the PDF people print or tick off: cover, overview, why, the weeks, links."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from planner.plan import PROFILE_ATTACHMENT, Plan
from planner.render.pdf.appendix import Appendix
from planner.render.pdf.canvas import Attachment
from planner.render.pdf.cover import cover
from planner.render.pdf.document import DocumentInfo, build_pdf
from planner.render.pdf.fonts import FontSet, default_fonts
from planner.render.pdf.markup import describe_chars, scan_text, using_fonts
from planner.render.pdf.overview import at_a_glance, why_this_plan
from planner.render.pdf.styles import DEFAULT_PAPER, page_of, styles
from planner.render.pdf.weeks import week_pages
from planner.render.words import Words


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    warnings: tuple[str, ...]


def render_pdf(
    plan: Plan, *, fonts: FontSet | None = None, paper: str = DEFAULT_PAPER
) -> RenderedPdf:
    """The plan as PDF bytes (same Plan, same bytes) and what could not print as written."""
    fonts = fonts or default_fonts()
    page = page_of(paper)
    look = styles()
    with using_fonts(fonts):
        appendix = Appendix(plan, look, page)
        story = [
            *cover(plan, look, page),
            *at_a_glance(plan, look, page),
            *why_this_plan(plan, look),
            *week_pages(plan, look, page, appendix.index),
            *appendix.flowables(),
        ]
    info = DocumentInfo(
        title=f"Study plan for {plan.name}",
        author=plan.name,
        subject=plan.goal_title,
        footer=plan.name,
        paper=paper,
        # pipeline.make_plan dates every plan; a hand-made one is dated by its start
        built_on=plan.built_on or plan.start_date,
        cover=True,
        attachments=(
            Attachment(
                name=PROFILE_ATTACHMENT,
                data=plan.profile_text.encode(),
                mime="application/yaml",
                description="The profile this plan was built from",
            ),
        ),
    )
    return RenderedPdf(build_pdf(story, info, fonts), plan_warnings(plan, fonts))


def _user_texts(plan: Plan) -> Iterator[tuple[str, str]]:
    """(where, text) for every user-facing string, where naming it for a warning."""
    words = Words(plan)
    yield "The name", plan.name
    yield "The goal title", plan.goal_title
    for week in plan.weeks:
        for item in week.items:
            where = f"Item {item.id}"
            yield where, item.title
            yield where, item.section_title
            yield where, words.summary(item)
            for text in (*words.reasons(item), *words.checklist(item)):
                yield where, text
            for resource in item.resources:
                yield where, resource.title
    for omitted in (*plan.dropped, *plan.skipped):
        yield f"Item {omitted.id}", f"{omitted.title} {words.omitted(omitted)}"
    for text in (*words.notes(), *words.fired()):
        yield "A note", text


def plan_warnings(plan: Plan, fonts: FontSet | None = None) -> tuple[str, ...]:
    """What of the plan's text the PDF cannot print as written, without drawing it."""
    fonts = fonts or default_fonts()
    missing: dict[str, dict[str, None]] = {}
    viewer: dict[str, None] = {}
    for where, text in _user_texts(plan):
        scan = scan_text(text, fonts)
        if scan.missing:
            missing.setdefault(where, {}).update(dict.fromkeys(scan.missing))
        viewer.update(dict.fromkeys(scan.viewer_fonts))
    warnings = [
        f"{where} contains characters no available font has: {describe_chars(tuple(chars))}; "
        "they print as ?"
        for where, chars in missing.items()
    ]
    if viewer:
        warnings.append(
            "No CJK TrueType font is installed (for example Debian's fonts-wqy-microhei), so "
            f"CJK text uses the PDF viewer's own {', '.join(viewer)} font: it is not embedded "
            "and may not show in every viewer."
        )
    return tuple(warnings)
