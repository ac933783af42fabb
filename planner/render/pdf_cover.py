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
from planner.render.markup import para_text
from planner.render.pdf_document import COVER_BAND
from planner.render.pdf_flowables import OutlineEntry, outlined
from planner.render.pdf_format import day, hours
from planner.render.pdf_styles import FRAME_WIDTH, MARGIN_TOP, RULE, Styles

TITLE = "Your LLM engineering study plan"


def _fact(label: str, value: str, styles: Styles) -> list[Paragraph]:
    return [Paragraph(label.upper(), styles.cell_head), Paragraph(value, styles.stat_value)]


def facts_table(cells: list[list[Paragraph]], widths: list[float]) -> Table:
    """A row of label-over-value facts, separated by hairlines."""
    rows = [[cell[0] for cell in cells], [cell[1] for cell in cells]]
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


def cover(plan: Plan, styles: Styles) -> list[Flowable]:
    """The cover's flowables, ending with the switch to body pages."""
    facts = [
        _fact("Starts", day(plan.start_date), styles),
        _fact("Ends", day(plan.end_date), styles),
        _fact("Weeks", str(len(plan.weeks)), styles),
        _fact("Per week", hours(plan.hours_per_week), styles),
    ]
    band_text = COVER_BAND - MARGIN_TOP
    title = Paragraph(TITLE, styles.cover_title)
    return [
        Spacer(1, band_text - 150),
        outlined(Paragraph("STUDYPLAN", styles.kicker), OutlineEntry("Cover", "cover", 0)),
        Spacer(1, 10),
        title,
        Spacer(1, 150 - 22 - 2 * styles.cover_title.leading + 56),
        Paragraph(para_text(plan.name), styles.cover_name),
        Spacer(1, 4),
        Paragraph(para_text(plan.goal_title), styles.cover_goal),
        Spacer(1, 34),
        facts_table(facts, [FRAME_WIDTH * w for w in (0.27, 0.27, 0.18, 0.28)]),
        Spacer(1, 40),
        Paragraph(
            "Tick the boxes as you go, in any PDF viewer that fills in forms, or on paper. "
            "<font name='SourceSans-Semibold'>studyplan progress</font> reads the ticks back "
            "and plans what is left.",
            styles.why,
        ),
        NextPageTemplate("body"),
        PageBreak(),
    ]
