"""The PDF renderer and the document base every PDF of the project is built on.

Code outside planner.render uses only what this module exports (tests/test_layout.py keeps
it so): the document base, the look (paper, palette, styles, tables) and safe text.
"""
# ruff: noqa: E402 (ReportLab is patched before any module below imports it)

from planner.render.pdf.reportlab_patches import install

install()

from planner.render.pdf.canvas import Attachment
from planner.render.pdf.document import DocumentInfo, build_pdf
from planner.render.pdf.flowables import drawing
from planner.render.pdf.fonts import BODY, BOLD, SEMIBOLD, default_fonts
from planner.render.pdf.markup import para_text, plain_text
from planner.render.pdf.paragraphs import para
from planner.render.pdf.styles import (
    ACCENT,
    ACCENT_MID,
    ACCENT_TINT,
    DEFAULT_PAPER,
    INK,
    MUTED,
    RULE,
    Page,
    Styles,
    hex_of,
    page_of,
    styles,
)
from planner.render.pdf.tables import facts_table, ruled_table

__all__ = [
    "ACCENT",
    "ACCENT_MID",
    "ACCENT_TINT",
    "BODY",
    "BOLD",
    "DEFAULT_PAPER",
    "INK",
    "MUTED",
    "RULE",
    "SEMIBOLD",
    "Attachment",
    "DocumentInfo",
    "Page",
    "Styles",
    "build_pdf",
    "default_fonts",
    "drawing",
    "facts_table",
    "hex_of",
    "page_of",
    "para",
    "para_text",
    "plain_text",
    "ruled_table",
    "styles",
]
