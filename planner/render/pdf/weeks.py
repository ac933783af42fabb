"""The weekly part: each week from a new page, its items with tickable tasks, then notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer
from reportlab.platypus.flowables import HRFlowable

from planner.plan import Plan, PlannedItem, Resource, Week
from planner.render.formatting import date_range, rounded_hours, week_key
from planner.render.pdf.flowables import NotesLines, OutlineEntry, checkbox_line, outlined
from planner.render.pdf.fonts import BODY, SEMIBOLD
from planner.render.pdf.markup import para_text
from planner.render.pdf.paragraphs import para
from planner.render.pdf.qr import is_web_url
from planner.render.pdf.styles import ACCENT, MUTED, Page, Styles, hex_of
from planner.render.pdf.weekflow import SMALL_ITEM, TINT_PAD, Block, WeekBody

_KIND_LABELS = {
    "milestone": "Milestone project",
    "review": "Review",
    "catch-up": "Catch-up",
    "project": "Project",
    "lesson": "Lesson",
}
_LIGHT_KINDS = ("review", "catch-up")
KEY_LABEL = "Key item"
KEY_EXPLAINED = (
    "Key item: your goal or your answers make this item central to the plan (see “Why "
    "this plan”); give it your best hours and do not skip it."
)


@dataclass
class _Seen:
    """What earlier weeks already explained, so a label or reason is explained once."""

    key_label: bool = False
    kinds: set[str] = field(default_factory=set)


def _resource(resource: Resource) -> str:
    title = para_text(resource.title)
    if is_web_url(resource.url):
        href = para_text(resource.url)
        title = f'<a href="{href}" color="{hex_of(ACCENT)}">{title}</a>'
    else:  # never a link: javascript:, file:, relative paths print as text
        title = f"{title} <font color='{hex_of(MUTED)}'>({para_text(resource.url)})</font>"
    kind = f"  <font color='{hex_of(MUTED)}' size='8'>{para_text(resource.kind)}</font>"
    return f"→  {title}{kind}"


def _title(item: PlannedItem, styles: Styles) -> Paragraph:
    text = para_text(item.title)
    k, n = item.part
    if n > 1:
        text += f" <font name='{BODY}' color='{hex_of(MUTED)}' size='10'>· part {k} of {n}</font>"
    return para(text, styles.h3_light if item.kind in _LIGHT_KINDS else styles.h3)


def _meta(item: PlannedItem) -> str:
    label = _KIND_LABELS.get(item.kind, item.kind.capitalize())
    if item.kind == "milestone":
        label = f"<font name='{SEMIBOLD}' color='{hex_of(ACCENT)}'>{label.upper()}</font>"
    parts = [para_text(item.section_title), rounded_hours(item.hours), label]
    if item.emphasised:
        parts.append(f"<font name='{SEMIBOLD}' color='{hex_of(ACCENT)}'>{KEY_LABEL}</font>")
    if is_continuation(item) and item.continued_from:
        target = week_key(item.continued_from)
        parts.append(
            f'<a href="#{target}" color="{hex_of(ACCENT)}">continued from week '
            f"{item.continued_from}</a>"
        )
    elif is_continuation(item):
        parts.append("continued")
    return "  ·  ".join(parts)


def is_continuation(item: PlannedItem) -> bool:
    """A later part of a split item: its summary, links and reasons are on the first part."""
    return item.part[0] > 1


def _details(item: PlannedItem, styles: Styles, seen: _Seen) -> list[Flowable]:
    """Summary, key-item note, reasons and links: printed with an item's first part only."""
    story: list[Flowable] = []
    if item.emphasised and not seen.key_label:
        seen.key_label = True
        story.append(para(KEY_EXPLAINED, styles.why))
    if is_continuation(item):
        return story
    if item.summary:
        story.append(para(para_text(item.summary), styles.small))
    light_again = item.kind in _LIGHT_KINDS and item.kind in seen.kinds
    seen.kinds.add(item.kind)
    if item.reasons and not light_again:  # a review's reason is the same every week
        why = " ".join(para_text(reason) for reason in item.reasons)
        story.append(para(f"<font name='{SEMIBOLD}'>Why:</font> {why}", styles.why))
    if item.resources:
        story.append(Spacer(1, 4))
        story += [para(_resource(r), styles.small) for r in item.resources]
    return story


def _item_blocks(
    week: Week, item: PlannedItem, styles: Styles, seen: _Seen, frame_height: float
) -> list[Block]:
    """The item's head (title to first task) as one block, then one block per task."""
    tasks = [
        checkbox_line(name, task, para_text(task), styles)
        for name, task in zip(item.task_ids(week.number), item.checklist, strict=True)
    ]
    head: list[Flowable] = [
        _title(item, styles),
        Spacer(1, 1),
        para(_meta(item), styles.meta),
        *_details(item, styles, seen),
    ]
    if tasks:
        head += [Spacer(1, 5), tasks[0]]
    tinted = item.kind == "milestone"
    blocks = [Block(head, item_start=True, tinted=tinted, pad_top=TINT_PAD * tinted)]
    blocks += [Block([task], tinted=tinted) for task in tasks[1:]]
    blocks[-1].pad_bottom = TINT_PAD * tinted
    if len(blocks) > 2:  # never one task alone at the top of a page
        blocks[-2].keep_with_next = True
    return blocks


def _keep_small_items_whole(items: list[list[Block]], width: float, frame_height: float) -> None:
    for blocks in items:
        height = 0.0
        for block in blocks:
            inner = width - 2 * TINT_PAD if block.tinted else width
            height += sum(f.wrap(inner, frame_height)[1] for f in block.flowables)
        if height <= SMALL_ITEM * frame_height:
            for block in blocks[:-1]:
                block.keep_with_next = True


def _heading(week: Week, styles: Styles, first: bool) -> Paragraph:
    dates = date_range(week.start, week.end)
    text = (
        f"<font color='{hex_of(ACCENT)}'>Week {week.number}</font> · {dates} · "
        f"{rounded_hours(week.hours)}"
    )
    entries = [OutlineEntry(f"Week {week.number} · {dates}", week_key(week.number), 1)]
    if first:
        entries.insert(0, OutlineEntry("Week by week", "weeks", 0))
    return outlined(para(text, styles.h2), *entries)


def _body(week: Week, styles: Styles, page: Page, seen: _Seen) -> WeekBody:
    items = [_item_blocks(week, item, styles, seen, page.frame_height) for item in week.items]
    _keep_small_items_whole(items, page.frame_width, page.frame_height)
    header = para(
        f"<font color='{hex_of(ACCENT)}'>Week {week.number}</font> (continued) · "
        f"{date_range(week.start, week.end)}",
        styles.running,
    )
    notes = NotesLines(para("NOTES", styles.label))
    return WeekBody([b for blocks in items for b in blocks], header, notes, page.frame_height)


def week_pages(plan: Plan, styles: Styles, page: Page) -> list[Flowable]:
    """Every week from a new page; the body breaks pages itself (see weekflow)."""
    story: list[Flowable] = []
    seen = _Seen()
    for position, week in enumerate(plan.weeks):
        if position:
            story.append(PageBreak())
        story += [
            _heading(week, styles, first=not position),
            Spacer(1, 6),
            HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceAfter=14),
            _body(week, styles, page, seen),
        ]
    return story
