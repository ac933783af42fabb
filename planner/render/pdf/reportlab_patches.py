"""Every change this renderer makes to ReportLab itself, in one place, each one tested.

- ToUnicode maps of embedded fonts name characters beyond the Basic Multilingual Plane
  (emoji) in UTF-16, so text extraction and copy-and-paste give them back; ReportLab writes
  five hex digits, which no reader understands.
- The paragraph module's URI pattern (used only to hyphenate URLs, which we never ask for)
  is compiled on first use instead of at import: about 65 ms of every cold start.
- `sameFrag`, asked whether two text runs share a style while lines are broken, is the
  Python version: rl_accel's C one costs about 7 us a call, the Python one under 1 us.
- The paragraph module's word widths and font ascents are measured once per word, font and
  size (plans repeat their words): the cache is emptied whenever a font is registered.
- A TrueType font's `splitString`, which turns every drawn text into subset codes one
  character at a time in Python, translates in one step a text whose characters all have a
  code in the first subset already (nearly every text after the first page).

They touch ReportLab's internals, so pyproject pins ReportLab to the versions tested here
(tests/test_reportlab_patches.py checks each against ReportLab's own behaviour).
"""

from __future__ import annotations

import functools
import re
import sys
from typing import Any

import reportlab

TESTED = ((5, 0), (5, 1))  # ReportLab versions (major, minor) these patches were tested on
URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"
_CMAP_ENTRY = re.compile(r"^<([0-9A-F]{2})> <([0-9A-F]{5,6})>$", re.M)
_ABSENT = object()
_STYLE_KEYS = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")


def version() -> tuple[int, int]:
    major, minor = reportlab.Version.split(".")[:2]
    return int(major), int(minor)


class LazyPattern:
    """A regular expression compiled the first time it is used."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern, self.flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return getattr(self._compiled, name)


def _import_paragraph_lazily() -> None:
    """Import reportlab.platypus.paragraph with its URI pattern left uncompiled."""
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    compile_now = re.compile

    def compile_later(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and pattern.startswith(URI_PATTERN_START):
            return LazyPattern(pattern, flags)
        return compile_now(pattern, flags)

    re.compile = compile_later  # type: ignore[assignment]
    try:
        import reportlab.platypus.paragraph  # noqa: F401
    finally:
        re.compile = compile_now


def utf16_entries(cmap: str) -> str:
    """A ToUnicode CMap with every code point past U+FFFF written as a UTF-16 pair."""

    def pair(match: re.Match[str]) -> str:
        code = chr(int(match.group(2), 16)).encode("utf-16-be").hex().upper()
        return f"<{match.group(1)}> <{code}>"

    return _CMAP_ENTRY.sub(pair, cmap)


def same_style(f: Any, g: Any) -> int:
    """Whether two text fragments map out the same (ReportLab's sameFrag, in Python)."""
    fd, gd = f.__dict__, g.__dict__
    if "cbDefn" in fd or "lineBreak" in fd or "cbDefn" in gd or "lineBreak" in gd:
        return 0
    # as rl_accel does: a style key one fragment lacks differs even from None in the other
    return int(all(fd.get(k, _ABSENT) == gd.get(k, _ABSENT) for k in _STYLE_KEYS))


class _FirstSubset:
    """A font state's characters that have codes in its first subset, as a translate table."""

    def __init__(self) -> None:
        self.size = -1  # len(assignments) when built: assignments only grow
        self.known: frozenset[str] = frozenset()
        self.table: dict[int, str] = {}

    def refresh(self, assignments: dict[int, int]) -> None:
        if len(assignments) == self.size:
            return
        self.size = len(assignments)
        self.table = {code: chr(n) for code, n in assignments.items() if n < 256}
        if 32 in self.table:  # splitString draws a no-break space as a space
            self.table[0xA0] = self.table[32]
        self.known = frozenset(chr(code) for code in self.table)


def fast_split(split: Any) -> Any:
    """splitString with the one-step path for texts already coded in the first subset."""

    def split_string(font: Any, text: Any, doc: Any, encoding: str = "utf-8") -> Any:
        state = font.state.get(doc)
        if state is not None and isinstance(text, str) and text:
            first = state.__dict__.setdefault("_first_subset", _FirstSubset())
            first.refresh(state.assignments)
            if first.known.issuperset(text):
                return [(0, text.translate(first.table).encode("latin-1"))]
        return split(font, text, doc, encoding)

    split_string.original = split  # type: ignore[attr-defined]
    return split_string


def _memoised_metrics() -> None:
    """Word widths and ascents measured once, forgotten when any font is (re)registered."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.platypus import paragraph

    width = functools.lru_cache(maxsize=65536)(paragraph.stringWidth)
    ascent = functools.lru_cache(maxsize=1024)(paragraph.getAscentDescent)
    register = pdfmetrics.registerFont

    def register_font(font: Any) -> Any:
        width.cache_clear()
        ascent.cache_clear()
        return register(font)

    paragraph.stringWidth, paragraph.getAscentDescent = width, ascent
    pdfmetrics.registerFont = register_font


def install() -> None:
    """Apply every patch once; on a ReportLab version not tested, apply none."""
    if version() not in TESTED or getattr(install, "done", False):
        return
    install.done = True  # type: ignore[attr-defined]
    _import_paragraph_lazily()
    from reportlab.pdfbase import ttfonts
    from reportlab.platypus import paragraph

    make_cmap = ttfonts.makeToUnicodeCMap
    ttfonts.makeToUnicodeCMap = lambda name, subset: utf16_entries(make_cmap(name, subset))
    paragraph.sameFrag = same_style
    ttfonts.TTFont.splitString = fast_split(ttfonts.TTFont.splitString)
    _memoised_metrics()
