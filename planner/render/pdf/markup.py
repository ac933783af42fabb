"""User text to safe ReportLab Paragraph markup: escaped, with fallback fonts per character run."""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import groupby

from reportlab.pdfbase.pdfmetrics import stringWidth

from planner.render.pdf.fallbacks import is_viewer_font
from planner.render.pdf.fonts import BODY, REPLACEMENT, FontSet, default_fonts, is_invisible
from planner.render.pdf.rtl import has_rtl, visual_order

_SPACES = str.maketrans({"\n": " ", "\r": " ", "\t": " "})
_DROP = "drop"  # marker "font" for invisible characters
_MISSING = "missing"
_active_fonts: ContextVar[FontSet | None] = ContextVar("active_fonts", default=None)


@contextmanager
def using_fonts(fonts: FontSet) -> Iterator[None]:
    """Within the block, text without an explicit FontSet is set with these fonts."""
    token = _active_fonts.set(fonts)
    try:
        yield
    finally:
        _active_fonts.reset(token)


def _fonts(fonts: FontSet | None) -> FontSet:
    return fonts or _active_fonts.get() or default_fonts()


def active_fonts() -> FontSet:
    """The fonts text is set with here: those of the using_fonts block, else the defaults."""
    return _fonts(None)


@dataclass(frozen=True)
class TextScan:
    """What one user string needs beyond the body font."""

    missing: tuple[str, ...]  # characters no font has (printed as REPLACEMENT)
    viewer_fonts: tuple[str, ...]  # non-embedded CID fonts it relies on


def _font_of(char: str, fonts: FontSet) -> str:
    if is_invisible(char):  # before the fonts: a symbol font may map a variation selector
        return _DROP
    font = fonts.font_for(char)
    return _MISSING if font is None else font


def _runs(text: str, fonts: FontSet) -> list[tuple[str, str]]:
    """(font, text) runs; ASCII-only text (the usual case) is one body run without a lookup."""
    text = text.translate(_SPACES)
    if text.isascii():
        return [(BODY, text)]
    text = visual_order(text)  # Arabic shaped, right-to-left runs in the order they are seen
    return [(font, "".join(chars)) for font, chars in groupby(text, lambda c: _font_of(c, fonts))]


def attribute(text: str) -> str:
    """User text for a markup attribute (a link's href): escaped, quotes included."""
    return html.escape(text, quote=True)


def para_text(text: str, fonts: FontSet | None = None) -> str:
    """Escape user text for a Paragraph and wrap runs that need another font in <font> tags."""
    parts = []
    for font, run in _runs(text, _fonts(fonts)):
        if font == BODY:
            parts.append(html.escape(run, quote=False))  # quotes are text here, not entities
        elif font == _MISSING:
            parts.append(REPLACEMENT * len(run))
        elif font != _DROP:
            parts.append(f'<font name="{font}">{html.escape(run, quote=False)}</font>')
    return "".join(parts)


def wrapped_text(
    text: str, font: str, size: float, width: float, fonts: FontSet | None = None
) -> str:
    """para_text, with right-to-left text broken into lines first (in reading order).

    Reordering happens before ReportLab breaks lines, so a right-to-left text that wraps
    would show its last words on its first line; breaking it here keeps the lines in order.
    """
    if not has_rtl(text):
        return para_text(text, fonts)
    fonts = _fonts(fonts)

    def width_of(line: str) -> float:
        return sum(
            stringWidth(run, font if f in (BODY, _DROP, _MISSING) else f, size)
            for f, run in _runs(line, fonts)
        )

    lines: list[str] = []
    for word in text.split():
        if lines and width_of(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "<br/>".join(para_text(line, fonts) for line in lines)


def text_runs(text: str, fonts: FontSet | None = None) -> list[tuple[str, str]]:
    """(font, run) pairs to draw text as it is seen: right-to-left runs in visual order,
    invisible characters dropped, characters no font has as REPLACEMENT in the body font."""
    out: list[tuple[str, str]] = []
    for font, run in _runs(text, _fonts(fonts)):
        if font == _MISSING:
            font, run = BODY, REPLACEMENT * len(run)
        elif font == _DROP:
            continue
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + run)
        else:
            out.append((font, run))
    return out


def plain_text(text: str, fonts: FontSet | None = None) -> str:
    """User text for canvas strings drawn in the body font: anything else becomes REPLACEMENT."""
    return "".join(
        run if font == BODY else "" if font == _DROP else REPLACEMENT * len(run)
        for font, run in _runs(text, _fonts(fonts))
    )


def scan_text(text: str, fonts: FontSet | None = None) -> TextScan:
    """Which characters of text no font has, and which viewer-supplied fonts it relies on."""
    missing: dict[str, None] = {}
    viewer: dict[str, None] = {}
    for font, run in _runs(text, _fonts(fonts)):
        if font == _MISSING:
            missing.update(dict.fromkeys(run))
        elif is_viewer_font(font):
            viewer[font] = None
    return TextScan(tuple(missing), tuple(viewer))


def describe_chars(chars: tuple[str, ...]) -> str:
    """'😀 (U+1F600), ☃ (U+2603)': the characters and their code points, for warnings."""
    return ", ".join(f"{c} (U+{ord(c):04X})" for c in chars)
