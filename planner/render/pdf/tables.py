"""The tables every PDF shares: facts in columns (label over value) and ruled lists."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import LongTable, Paragraph, Table, TableStyle

from planner.render.pdf.fonts import BODY
from planner.render.pdf.styles import INK, MUTED, RULE


def table_style(*commands: tuple[Any, ...]) -> TableStyle:
    """A TableStyle whose cells start in the body font.

    ReportLab sets each cell's font before drawing it, Helvetica unless told otherwise, even
    when the cell holds a paragraph: that font would then be listed, unembedded, on the page.
    """
    return TableStyle([("FONT", (0, 0), (-1, -1), BODY, 9), *commands])


def facts_table(cells: list[list[Paragraph]], widths: list[float], depth: int = 2) -> Table:
    """Columns of `depth` stacked paragraphs (label over value), separated by hairlines."""
    rows = [[cell[row] for cell in cells] for row in range(depth)]
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        table_style(
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (1, 0), (-1, -1), 12),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("LINEBEFORE", (1, 0), (-1, -1), 0.6, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        )
    )
    return table


def ruled_table(
    rows: list[list[Any]], widths: list[float], *, long: bool = False, valign: str = "TOP"
) -> Table:
    """A header row ruled in ink and repeated on every page, hairlines between rows.

    long: a LongTable, which lays out tables of thousands of rows in linear time.
    """
    table = (LongTable if long else Table)(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        table_style(
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
            ("VALIGN", (0, 0), (-1, -1), valign),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("LEFTPADDING", (0, 0), (0, -1), 0),  # the first column lines up with headings
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
        )
    )
    return table
