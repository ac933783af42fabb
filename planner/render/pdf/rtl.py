"""Right-to-left text for a PDF that draws glyphs left to right: Arabic shaped, visual order.

ReportLab 5 on PyPI neither shapes Arabic (joining forms) nor reorders mixed-direction text,
so a name in Arabic or Hebrew is turned into the string a reader should see, left to right:
`arabic-reshaper` picks each letter's joined form (a presentation form), `python-bidi`
applies the Unicode bidirectional algorithm. Text without such letters is left alone.
"""

from __future__ import annotations

import functools
import unicodedata

RTL_CLASSES = ("R", "AL")
# Lines are broken after reordering, so a right-to-left text that wraps shows its lines in
# the wrong order; a text this short (a name) is kept on one line instead.
KEEP_WHOLE = 24
NO_BREAK_SPACE = "\u00a0"


def has_rtl(text: str) -> bool:
    """True when text holds a right-to-left letter (Hebrew, Arabic, Syriac, Thaana, ...)."""
    return not text.isascii() and any(unicodedata.bidirectional(c) in RTL_CLASSES for c in text)


@functools.lru_cache(maxsize=4096)
def visual_order(text: str) -> str:
    """The text as drawn left to right: shaped, with right-to-left runs reversed."""
    if not has_rtl(text):
        return text
    from arabic_reshaper import reshape  # imported on first need: most plans have no RTL text
    from bidi import get_display

    # left to right as the base direction: a name mixing scripts keeps its typed order
    shown = str(get_display(reshape(text), base_dir="L"))
    return shown.replace(" ", NO_BREAK_SPACE) if len(text) <= KEEP_WHOLE else shown
