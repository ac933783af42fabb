"""Paragraphs that reuse parsed markup and line breaks: plans repeat the same texts.

Parsing a paragraph's markup and breaking it into lines are most of the time it takes to
draw a plan, and a batch (or a web server) prints the same item titles, summaries and tasks
in plan after plan at the same widths. Both results depend only on the text, the style and
the width, and ReportLab only reads them afterwards, so they are computed once per process.
The PDF tests check that output stays byte-identical.
"""

from __future__ import annotations

import functools
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

LINE_CACHE_SIZE = 20_000


class SharedParagraph(Paragraph):  # type: ignore[misc]
    """A Paragraph whose line breaks are shared by every paragraph of the same text."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        bulletText: Any = None,  # noqa: N803
        frags: Any = None,
        **options: Any,
    ) -> None:
        # ReportLab's split() makes the pieces through this class with frags of their own
        self._key: tuple[Any, ...] | None = None
        if frags is None and bulletText is None and not options:
            frags, self._key = list(_parsed(text, style)), (text, style)
        super().__init__(text, style, bulletText, frags, **options)

    def breakLines(self, width: Any) -> Any:  # noqa: N802 (ReportLab's name)
        if self._key is None:
            return super().breakLines(width)
        key = (*self._key, tuple(width) if isinstance(width, list) else width)
        lines = _LINES.get(key)
        if lines is None:
            lines = super().breakLines(width)
            if len(_LINES) < LINE_CACHE_SIZE:
                _LINES[key] = lines
        return lines


_LINES: dict[tuple[Any, ...], Any] = {}


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """Paragraph(text, style), parsed and line-broken once per process."""
    return SharedParagraph(text, style)


@functools.lru_cache(maxsize=8192)
def _parsed(text: str, style: ParagraphStyle) -> list[object]:
    cleaned = cleanBlockQuotedText(text)
    if cleaned and "<" not in text and "&" not in text:  # plain text: one run, no parsing
        frags = [_template(style).clone(text=cleaned)]
        textTransformFrags(frags, style)
        return frags
    return _markup(text, style)


@functools.lru_cache(maxsize=256)
def _template(style: ParagraphStyle) -> Any:
    """The run the parser makes of plain text in this style, to copy for every plain text."""
    return _markup("x", style)[0]


def _markup(text: str, style: ParagraphStyle) -> list[Any]:
    parser = ParaParser()
    parser.caseSensitive = 1
    _style, frags, _bullet = parser.parse(cleanBlockQuotedText(text), style)
    if frags is None:
        raise ValueError(f"paragraph markup error in {text[:30]!r}")
    textTransformFrags(frags, style)
    return frags
