"""The cover page: title on the accent band, the person's name, goal and the plan's key facts."""

from __future__ import annotations

from reportlab.platypus import (
    Flowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from planner.plan import Plan
from planner.render.formatting import day, hours
from planner.render.pdf.document import COVER_BAND
from planner.render.pdf.flowables import OutlineEntry, PushToBottom, outlined
from planner.render.pdf.markup import para_text
from planner.render.pdf.para import para
from planner.render.pdf.styles import FRAME_WIDTH, MARGIN_TOP, RULE, Styles

TITLE = "Your LLM engineering<br/>study plan"


def _fact(label: str, value: str, styles: Styles) -> list[Paragraph]:
    return [para(label.upper(), styles.cell_head), para(value, styles.stat_value)]


def facts_table(cells: list[list[Paragraph]], widths: list[float], depth: int = 2) -> Table:
    """Columns of `depth` stacked paragraphs (label over value), separated by hairlines."""
    rows = [[cell[row] for cell in cells] for row in range(depth)]
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (1, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.6, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


_HOW_TO = (
    ("One page a week", "What to study, why it is in your plan, and where to find it."),
    (
        "Tick as you go",
        "The boxes work in most PDF viewers (Acrobat, Preview, Firefox), or on paper.",
    ),
    (
        "Re-plan any time",
        "<font name='SourceSans-Semibold'>studyplan progress --replan</font> "
        "reads your ticks and plans what is left.",
    ),
)
HOW_TO_HEIGHT = 92


def _how_to(styles: Styles) -> Table:
    cells = [
        [
            para(f"{number:02d}", styles.step_number),
            para(title, styles.h3),
            para(text, styles.small),
        ]
        for number, (title, text) in enumerate(_HOW_TO, start=1)
    ]
    return facts_table(cells, [FRAME_WIDTH / 3] * 3, depth=3)


def cover(plan: Plan, styles: Styles) -> list[Flowable]:
    """The cover's flowables, ending with the switch to body pages."""
    facts = [
        _fact("Starts", day(plan.start_date), styles),
        _fact("Ends", day(plan.end_date), styles),
        _fact("Weeks", str(len(plan.weeks)), styles),
        _fact("Per week", hours(plan.hours_per_week), styles),
    ]
    title_block = styles.kicker.leading + 10 + 2 * styles.cover_title.leading
    band_in_frame = COVER_BAND - MARGIN_TOP
    return [
        Spacer(1, band_in_frame - 44 - title_block),
        outlined(para("STUDYPLAN", styles.kicker), OutlineEntry("Cover", "cover", 0)),
        Spacer(1, 10),
        para(TITLE, styles.cover_title),
        Spacer(1, 44 + 48),
        para(para_text(plan.name), styles.cover_name),
        Spacer(1, 4),
        para(para_text(plan.goal_title), styles.cover_goal),
        Spacer(1, 34),
        facts_table(facts, [FRAME_WIDTH * w for w in (0.27, 0.27, 0.18, 0.28)]),
        PushToBottom(HOW_TO_HEIGHT),
        _how_to(styles),
        NextPageTemplate("body"),
        PageBreak(),
    ]
