"""The planner grid of a week page: a left rail (week, dates, hours) beside a main column of
about 85 characters at 10 pt, with a right-hand column for hours and QR page numbers."""

from __future__ import annotations

from reportlab.lib.units import mm

from planner.render.pdf.styles import Page

MAIN = 364.0  # the main column: the same on A4 and Letter, so lines break the same way
RAIL_GAP = 16.0
FIGURES = 40.0  # the right-hand column of the main column: "1.5 h", "QR p. 97"
FIGURES_GAP = 8.0
BOX = 4.5 * mm  # a checkbox a pen can tick
BOX_GAP = 7.0
NOTES_LINE = 18.0  # ruled lines of a notes box


def rail_width(page: Page) -> float:
    """The rail takes what the main column leaves of the frame (wider on Letter)."""
    return page.frame_width - MAIN - RAIL_GAP


def main_x(page: Page) -> float:
    """Where the main column starts, from the frame's left edge."""
    return rail_width(page) + RAIL_GAP


TEXT = MAIN - FIGURES - FIGURES_GAP  # a line with a figure on its right
TASK_TEXT = TEXT - BOX - BOX_GAP  # a task's text, between its box and its hours
