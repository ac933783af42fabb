"""The weeks of a plan measured for the planner grid: rails, blocks, titles to repeat."""

from __future__ import annotations

from dataclasses import replace

from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from planner.plan import Plan, Week
from planner.render.formatting import date_range, rounded_hours
from planner.render.pdf.fonts import SEMIBOLD
from planner.render.pdf.grid import MAIN, rail_width
from planner.render.pdf.items import Block, Context, Seen, item_blocks, retitle
from planner.render.pdf.paragraphs import para
from planner.render.pdf.qr import QrIndex
from planner.render.pdf.styles import Page, Styles
from planner.render.pdf.weekpart import WeekLayout, WeeklyPart
from planner.render.words import Words

START_ROOM = 0.4  # the weeks start on the front matter's last page when this much is left
TALLEST = 0.45  # a block taller than this share of a page is cut into pieces


def _rails(week: Week, weeks: int, styles: Styles, width: float) -> tuple[list, list]:
    number = para(f"Week {week.number}", styles.rail_week)
    dates = para(date_range(week.start, week.end), styles.rail_line)
    first = [
        number,
        dates,
        para(f"<font name='{SEMIBOLD}'>{rounded_hours(week.hours)}</font>", styles.rail_line),
        para(f"week {week.number} of {weeks}", styles.rail_small),
    ]
    later = [number, para("(continued)", styles.rail_small), dates]
    for paragraph in (*first, *later):
        paragraph.wrap(width, 1e6)
    return first, later


def _pieces(flowable: Flowable, limit: float) -> list[Flowable]:
    """A flowable cut into pieces no taller than limit (where it can be cut)."""
    pieces: list[Flowable] = []
    while flowable.wrap(MAIN, limit * 4)[1] > limit:
        parts = flowable.split(MAIN, limit)
        if len(parts) < 2:
            break
        pieces.append(parts[0])
        flowable = parts[1]
    return [*pieces, flowable]


def _cut_tall(blocks: list[Block], limit: float, frame: float) -> list[Block]:
    """Blocks no taller than limit: a tall one becomes a block per (piece of a) flowable."""
    out: list[Block] = []
    for block in blocks:
        if block.height <= limit:
            out.append(block)
            continue
        flowables = [piece for f in block.flowables for piece in _pieces(f, limit)]
        for k, flowable in enumerate(flowables):
            last = k == len(flowables) - 1
            piece = replace(
                block,
                flowables=[flowable],
                opens_item=block.opens_item and k == 0,
                keep_with_next=block.keep_with_next and last,
                rule_above=block.rule_above and k == 0,
                gap=block.gap if k == 0 else 0.0,
                pad_top=block.pad_top if k == 0 else 0.0,
                pad_bottom=block.pad_bottom if last else 0.0,
            )
            piece.measure(MAIN, frame)
            out.append(piece)
    return out


def week_layouts(plan: Plan, styles: Styles, page: Page, index: QrIndex) -> list[WeekLayout]:
    context = Context(
        plan=plan,
        words=Words(plan),
        styles=styles,
        seen=Seen(),
        qr=index,
        foot_width=page.frame_width,
    )
    frame = page.frame_height
    layouts = []
    for week in plan.weeks:
        blocks: list[Block] = []
        for position in range(len(week.items)):
            blocks += item_blocks(week, position, context)
        for block in blocks:
            block.measure(MAIN, frame)
        retitles = [retitle(item, styles) for item in week.items]
        for paragraph in retitles:
            paragraph.wrap(MAIN, frame)
        first, later = _rails(week, len(plan.weeks), styles, rail_width(page))
        layouts.append(
            WeekLayout(
                week=week,
                blocks=_cut_tall(blocks, TALLEST * frame, frame),
                rail=first,
                rail_continued=later,
                retitles=retitles,
                notes_label=_notes_label(styles, rail_width(page)),
            )
        )
    return layouts


def _notes_label(styles: Styles, width: float) -> Paragraph:
    label = para("NOTES", styles.label)
    label.wrap(width, 100)
    return label


def week_pages(plan: Plan, styles: Styles, page: Page, index: QrIndex) -> list[Flowable]:
    """The weekly part, from the front matter's last page when enough of it is left."""
    if not plan.weeks:
        return []
    layouts = week_layouts(plan, styles, page, index)
    return [CondPageBreak(START_ROOM * page.frame_height), WeeklyPart(layouts, page, index)]
