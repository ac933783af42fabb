"""One page per week: the week heading, then each planned item with its tickable checklist."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer
from reportlab.platypus.flowables import HRFlowable

from planner.plan import Plan, PlannedItem, Resource, Week
from planner.render.formatting import date_range, hours, week_key
from planner.render.pdf.flowables import (
    NotesLines,
    OutlineEntry,
    checkbox_line,
    outlined,
    tinted_box,
)
from planner.render.pdf.fonts import SEMIBOLD
from planner.render.pdf.markup import para_text
from planner.render.pdf.para import para
from planner.render.pdf.qr import is_web_url
from planner.render.pdf.styles import (
    ACCENT,
    FAINT,
    FRAME_WIDTH,
    MUTED,
    RULE,
    Styles,
    hex_of,
)

_KIND_LABELS = {
    "milestone": "Milestone project",
    "review": "Review",
    "catch-up": "Catch-up",
    "project": "Project",
    "lesson": "Lesson",
}
_LIGHT_KINDS = ("review", "catch-up")


def _resource(resource: Resource) -> str:
    title = para_text(resource.title)
    if is_web_url(resource.url):
        href = para_text(resource.url)
        title = f'<a href="{href}" color="{hex_of(ACCENT)}">{title}</a>'
    else:  # never a link: javascript:, file:, relative paths print as text
        title = f"{title} <font color='{hex_of(MUTED)}'>({para_text(resource.url)})</font>"
    kind = f"  <font color='{hex_of(FAINT)}' size='8'>{para_text(resource.kind)}</font>"
    return f"→  {title}{kind}"


def _title(item: PlannedItem, styles: Styles) -> Paragraph:
    text = para_text(item.title)
    k, n = item.part
    if n > 1:
        text += (
            f" <font name='SourceSans' color='{hex_of(MUTED)}' size='10'>· part {k} of {n}</font>"
        )
    style = styles.h3_light if item.kind in _LIGHT_KINDS else styles.h3
    return para(
        text,
        style,
    )


def _meta(item: PlannedItem) -> str:
    label = _KIND_LABELS.get(item.kind, item.kind.capitalize())
    if item.kind == "milestone":
        label = f"<font name='{SEMIBOLD}' color='{hex_of(ACCENT)}'>{label.upper()}</font>"
    focus = f"  ·  <font color='{hex_of(ACCENT)}'>Focus</font>" if item.emphasised else ""
    return f"{para_text(item.section_title)}  ·  {hours(item.hours)}  ·  {label}{focus}"


def _item_flowables(week: Week, item: PlannedItem, styles: Styles) -> list[Flowable]:
    title, meta = _title(item, styles), para(_meta(item), styles.meta)
    title.keepWithNext = meta.keepWithNext = True
    story: list[Flowable] = [title, Spacer(1, 1), meta]
    if item.summary:
        story.append(para(para_text(item.summary), styles.small))
    if item.reasons:
        why = " ".join(para_text(reason) for reason in item.reasons)
        story.append(para(f"<font name='{SEMIBOLD}'>Why:</font> {why}", styles.why))
    if item.resources:
        story.append(Spacer(1, 4))
        story += [para(_resource(r), styles.small) for r in item.resources]
    if item.checklist:
        story.append(Spacer(1, 5))
        story += [
            checkbox_line(name, task, para_text(task), styles)
            for name, task in zip(item.task_ids(week.number), item.checklist, strict=True)
        ]
    return story


def _heading(week: Week, styles: Styles, first: bool) -> Paragraph:
    dates = date_range(week.start, week.end)
    text = (
        f"<font color='{hex_of(ACCENT)}'>Week {week.number}</font> · {dates} · {hours(week.hours)}"
    )
    entries = [OutlineEntry(f"Week {week.number} · {dates}", week_key(week.number), 1)]
    if first:
        entries.insert(0, OutlineEntry("Week by week", "weeks", 0))
    return outlined(para(text, styles.h2), *entries)


def week_pages(plan: Plan, styles: Styles) -> list[Flowable]:
    """Every week from a new page, items separated by hairlines."""
    story: list[Flowable] = []
    for position, week in enumerate(plan.weeks):
        if position:
            story.append(PageBreak())
        story += [
            _heading(week, styles, first=not position),
            Spacer(1, 6),
            HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceAfter=14),
        ]
        for index, item in enumerate(week.items):
            if index:
                story.append(
                    HRFlowable(
                        width="100%", thickness=0.5, color=RULE, spaceBefore=12, spaceAfter=12
                    )
                )
            flowables = _item_flowables(week, item, styles)
            story += [tinted_box(flowables, FRAME_WIDTH)] if item.kind == "milestone" else flowables
        story += [Spacer(1, 18), NotesLines(para("NOTES", styles.label))]
    return story
