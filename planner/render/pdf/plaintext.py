"""Plain user text drawn without markup: broken into lines here, drawn with text operators.

A task's text is one style; ReportLab's Paragraph would parse it as markup and break it with
the machinery made for many styles. Here a line is a list of (font, text) runs (another font
only where the body font lacks a character), and a figure (the task's hours) can be drawn
in the same text object as the first line, so text extraction reads them on one line.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from planner.render.pdf.fonts import BODY, FontSet
from planner.render.pdf.markup import active_fonts, text_runs
from planner.render.pdf.rtl import has_rtl

Run = tuple[str, str]  # font, text


@functools.lru_cache(maxsize=65536)
def width_of(text: str, font: str, size: float) -> float:
    """A run's width, measured once per process (plans repeat the same words)."""
    return float(stringWidth(text, font, size))


@dataclass(frozen=True, kw_only=True)
class TextStyle:
    font: str = BODY
    size: float = 10.0
    leading: float = 13.5
    color: Color
    bold: bool = False  # fallback runs bold too (their bold face, else stroked)


FAUX_BOLD = 0.035  # the stroke of a faux bold, in ems


class PlainText(Flowable):
    """User text as plain lines (never markup), e.g. a name on the cover in any script."""

    def __init__(self, text: str, style: TextStyle, width: float) -> None:
        super().__init__()
        self.style = style
        self.lines = break_lines(text, style, width, active_fonts())
        self.width = width
        self.height = len(self.lines) * style.leading

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_lines(self.canv, self.lines, self.style, 0, self.height)


def _words(text: str, fonts: FontSet | None, font: str) -> list[list[Run]]:
    """Words as runs of one font each, the body font replaced by the style's font."""
    words: list[list[Run]] = [[]]
    for run_font, run in text_runs(text, fonts):
        use = font if run_font == BODY else run_font
        for k, piece in enumerate(run.split(" ")):
            if k:
                words.append([])
            if piece:
                words[-1].append((use, piece))
    return [w for w in words if w]


def _runs_width(runs: list[Run], size: float) -> float:
    return sum(width_of(text, font, size) for font, text in runs)


def _cut(word: list[Run], size: float, width: float) -> list[list[Run]]:
    """A word wider than a line, cut between characters where it must."""
    pieces: list[list[Run]] = [[]]
    for font, text in word:
        for char in text:
            if pieces[-1] and _runs_width([*pieces[-1], (font, char)], size) > width:
                pieces.append([])
            pieces[-1].append((font, char))
    return pieces


def _fill(words: list[list[Run]], style: TextStyle, width: float) -> list[list[Run]]:
    """Greedy lines of words; a word wider than a line is cut where it must be."""
    space = width_of(" ", style.font, style.size)
    lines: list[list[Run]] = []
    used = 0.0
    for word in words:
        size = _runs_width(word, style.size)
        if lines and used + space + size <= width:
            lines[-1] += [(style.font, " "), *word]
            used += space + size
            continue
        for piece in _cut(word, style.size, width) if size > width else [word]:
            lines.append(list(piece))
            used = _runs_width(piece, style.size)
    return [_merged(line) for line in lines]


def _merged(line: list[Run]) -> list[Run]:
    """Neighbouring runs of one font as one: one text operator each."""
    out: list[Run] = []
    for font, text in line:
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + text)
        else:
            out.append((font, text))
    return out


def break_lines(
    text: str, style: TextStyle, width: float, fonts: FontSet | None = None
) -> list[list[Run]]:
    """Lines of runs no wider than width, filled word by word.

    Right-to-left text is broken in reading order first, then each line put in visual order,
    so a wrapped Arabic or Hebrew text reads from its first line down.
    """
    if not has_rtl(text):
        return _fill(_words(text, fonts, style.font), style, width) or [[]]
    logical = text.split()
    space = width_of(" ", style.font, style.size)
    lines: list[list[str]] = []
    used = 0.0
    for word in logical:
        size = _runs_width(_restyled(word, fonts, style.font), style.size)
        if lines and used + space + size <= width:
            lines[-1].append(word)
            used += space + size
        else:
            lines.append([word])
            used = size
    return [_restyled(" ".join(line), fonts, style.font) for line in lines] or [[]]


def _restyled(text: str, fonts: FontSet | None, font: str) -> list[Run]:
    return [(font if f == BODY else f, run) for f, run in text_runs(text, fonts)]


def _face(font: str, style: TextStyle) -> tuple[str, bool]:
    """The face to draw a run in, and whether to embolden it by stroking (no bold face).

    A bold style's fallback runs (CJK, Arabic, symbols) use their family's bold face; a font
    without one (a CJK font, a symbol font) is drawn filled and stroked: a faux bold.
    """
    if font == style.font or not style.bold:
        return font, False
    face = tt2ps(font, 1, 0)
    return (face, False) if face != font else (font, True)


def draw_lines(
    canv: Canvas,
    lines: list[list[Run]],
    style: TextStyle,
    x: float,
    top: float,
    figure: tuple[float, str, Color] | None = None,
) -> None:
    """Lines from top (first baseline at top - size); figure: (right edge, text, colour)
    right-aligned on the first line, in the same text object."""
    if style.bold:
        canv.setStrokeColor(style.color)
        canv.setLineWidth(style.size * FAUX_BOLD)
    text = canv.beginText(x, top - style.size)
    text.setFillColor(style.color)
    for number, line in enumerate(lines):
        if number:
            text.setTextOrigin(x, top - style.size - number * style.leading)
        for font, run in line:
            face, faux = _face(font, style)
            text.setFont(face, style.size)
            if faux:
                text.setTextRenderMode(2)
            text.textOut(run)
            if faux:
                text.setTextRenderMode(0)
        if number == 0 and figure is not None and figure[1]:
            right, label, color = figure
            size = style.size - 1
            text.setTextOrigin(right - width_of(label, style.font, size), top - style.size)
            text.setFont(style.font, size)
            text.setFillColor(color)
            text.textOut(label)
            text.setFillColor(style.color)
    canv.drawText(text)
