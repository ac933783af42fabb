"""The PDF's look: page geometry, palette and paragraph styles (one family, one accent)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from planner.render.pdf.fonts import BODY, BOLD, SEMIBOLD, default_fonts

PAPERS = {"a4": A4, "letter": LETTER}  # ISO A4 (210 x 297 mm) and US Letter (8.5 x 11 in)
DEFAULT_PAPER = "a4"
MARGIN_X = 20 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 22 * mm


@dataclass(frozen=True)
class Page:
    """One paper size's geometry: the page and the body frame inside its margins."""

    paper: str
    width: float
    height: float

    @property
    def size(self) -> tuple[float, float]:
        return self.width, self.height

    @property
    def frame_width(self) -> float:
        return self.width - 2 * MARGIN_X

    @property
    def frame_height(self) -> float:
        return self.height - MARGIN_TOP - MARGIN_BOTTOM


def page_of(paper: str = DEFAULT_PAPER) -> Page:
    """The Page for 'a4' or 'letter' (a KeyError names anything else)."""
    width, height = PAPERS[paper]
    return Page(paper, width, height)


FRAME_WIDTH = page_of(DEFAULT_PAPER).frame_width  # A4's, for pages without a paper choice

# Every text colour reads at 4.5:1 or more on white and on ACCENT_TINT (WCAG AA, small
# text); tests/test_pdf_print.py computes it. RULE and ACCENT_TINT are for lines and fills.
INK = HexColor("#1F2430")
MUTED = HexColor("#5D6679")
RULE = HexColor("#E4E7EC")
ACCENT = HexColor("#3552C9")
ACCENT_DARK = HexColor("#24398F")
ACCENT_TINT = HexColor("#EEF1FB")
ACCENT_MID = HexColor("#A9B6EA")  # timeline fills, never text
ON_ACCENT = HexColor("#D6DDF7")  # small text on the ACCENT cover band (4.9:1)
WHITE = HexColor("#FFFFFF")
TEXT_COLORS = {"INK": INK, "MUTED": MUTED, "ACCENT": ACCENT, "ACCENT_DARK": ACCENT_DARK}


@functools.lru_cache(maxsize=64)
def hex_of(color: Color) -> str:
    """'#3552c9' for markup attributes such as <a color=...> (once per colour: hexval is slow)."""
    return "#" + color.hexval()[2:]


@dataclass(frozen=True)
class Styles:
    kicker: ParagraphStyle
    cover_title: ParagraphStyle
    cover_name: ParagraphStyle
    cover_goal: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    h3_light: ParagraphStyle
    box_title: ParagraphStyle
    step_number: ParagraphStyle
    meta: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    why: ParagraphStyle
    label: ParagraphStyle
    stat_value: ParagraphStyle
    task: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    code_title: ParagraphStyle
    code_url: ParagraphStyle
    summary: ParagraphStyle
    resource: ParagraphStyle
    rail_week: ParagraphStyle
    rail_line: ParagraphStyle
    rail_small: ParagraphStyle


def _style(
    name: str,
    font: str = BODY,
    size: float = 10,
    leading: float | None = None,
    color: Color = INK,
    **extra: object,
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading or size * 1.35,
        textColor=color,
        alignment=TA_LEFT,
        allowWidows=0,  # never one line of a paragraph alone at a page's top or foot
        allowOrphans=0,
        **extra,
    )


@functools.cache
def styles() -> Styles:
    """The paragraph styles, built once; the fonts they name are registered first."""
    default_fonts()
    return Styles(
        kicker=_style("kicker", SEMIBOLD, 9, 12, ON_ACCENT),
        cover_title=_style("cover_title", BOLD, 34, 38, WHITE),
        cover_name=_style("cover_name", SEMIBOLD, 24, 30, INK),
        cover_goal=_style("cover_goal", BODY, 14, 19, MUTED),
        h1=_style("h1", BOLD, 22, 27, INK, spaceAfter=10),
        h2=_style("h2", BOLD, 15, 19, INK),
        h3=_style("h3", SEMIBOLD, 12.5, 16, INK),
        h3_light=_style("h3_light", SEMIBOLD, 12.5, 16, MUTED),
        box_title=_style("box_title", SEMIBOLD, 10.5, 14, INK),
        step_number=_style("step_number", BOLD, 11, 16, ACCENT),
        meta=_style("meta", BODY, 8.5, 11, MUTED, spaceAfter=3),
        body=_style("body", BODY, 10, 14, INK),
        small=_style("small", BODY, 9, 12.5, INK),
        why=_style("why", BODY, 9.5, 12.5, MUTED, spaceBefore=2),
        label=_style("label", SEMIBOLD, 7.5, 10, MUTED),
        stat_value=_style("stat_value", SEMIBOLD, 17, 21, INK),
        task=_style("task", BODY, 10, 13.5, INK),
        bullet=_style(
            "bullet",
            BODY,
            10,
            14,
            INK,
            leftIndent=12,
            bulletIndent=0,
            bulletFontName=BODY,
            spaceAfter=3,
        ),
        cell=_style("cell", BODY, 9, 12, INK),
        cell_head=_style("cell_head", SEMIBOLD, 7.5, 10, MUTED),
        code_title=_style("code_title", SEMIBOLD, 8.5, 11, INK),
        code_url=_style("code_url", BODY, 7, 8.5, MUTED),
        summary=_style("summary", BODY, 10, 13.5, INK),
        resource=_style("resource", BODY, 9.5, 12.5, INK),
        rail_week=_style("rail_week", BOLD, 17, 20, ACCENT),
        rail_line=_style("rail_line", BODY, 9, 11.5, INK),
        rail_small=_style("rail_small", BODY, 8, 10.5, MUTED),
    )
