"""Fonts for the PDF: Source Sans Pro from PyPI, and for each character the font that has it."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from planner.render.pdf.fallbacks import (
    KNOWN_CJK_FONTS,
    KNOWN_SYMBOL_FONTS,
    RTL_FONTS,
    Fallback,
    RtlFont,
    cid_font_for,
    find_cjk,
    find_rtl,
    find_symbols,
    register_cid,
)
from planner.render.pdf.fontfiles import FontFile

BODY = "SourceSans"
BOLD = "SourceSans-Bold"
SEMIBOLD = "SourceSans-Semibold"
ITALIC = "SourceSans-It"
BOLD_ITALIC = "SourceSans-BoldIt"
SEMIBOLD_ITALIC = "SourceSans-SemiboldIt"
REPLACEMENT = "?"

_SOURCE_SANS_FILES = {
    BODY: "SourceSansPro-Regular.ttf",
    BOLD: "SourceSansPro-Bold.ttf",
    SEMIBOLD: "SourceSansPro-Semibold.ttf",
    ITALIC: "SourceSansPro-It.ttf",
    BOLD_ITALIC: "SourceSansPro-BoldIt.ttf",
    SEMIBOLD_ITALIC: "SourceSansPro-SemiboldIt.ttf",
}
Loader = Callable[[], tuple[Fallback, ...]]


@dataclass(frozen=True)
class FontSet:
    """The fonts one document may use, and which of them draws each character.

    Fallbacks are tried in order (right-to-left scripts, CJK, symbols and emoji), each found
    and registered on first need: parsing a font file costs about 0.1 s.
    """

    body_chars: frozenset[int]
    loaders: tuple[Loader, ...] = field(default=(), compare=False, repr=False)
    cid_for_cjk: bool = True  # without a CJK TrueType font, CJK uses the viewer's CID fonts
    _loaded: list[tuple[Fallback, ...]] = field(default_factory=list, compare=False, repr=False)
    _cache: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def font_for(self, char: str) -> str | None:
        """The font name that draws char: BODY, a fallback font, or None if none can."""
        if char in self._cache:
            return self._cache[char]
        font = self._choose(ord(char))
        self._cache[char] = font
        return font

    def _kind(self, kind: int) -> tuple[Fallback, ...]:
        """The fallbacks of one kind, loading the kinds before it first."""
        while len(self._loaded) <= kind:
            self._loaded.append(self.loaders[len(self._loaded)]())
        return self._loaded[kind]

    @property
    def cjk_path(self) -> str | None:
        """The CJK TrueType font in use, or None (CID fonts then)."""
        if len(self.loaders) <= CJK_KIND:
            return None
        return next((f.path for f in self._kind(CJK_KIND)), None)

    def _choose(self, code: int) -> str | None:
        if code in self.body_chars:
            return BODY
        for kind in range(len(self.loaders)):
            found = self._kind(kind)
            for fallback in found:
                if code in fallback.chars:
                    return fallback.name
            if kind == CJK_KIND and self.cid_for_cjk and not found:
                font = cid_font_for(code)
                if font is not None:
                    register_cid(font)
                    return font
        return None


CJK_KIND = 1  # the loaders' order: right-to-left scripts, CJK, symbols


def has_bold(font: str) -> bool:
    """Whether the font's family has a bold face (CJK and symbol fonts have none)."""
    return tt2ps(font, 1, 0) != font


@functools.lru_cache(maxsize=4096)
def is_invisible(char: str) -> bool:
    """Format characters, variation selectors, emoji skin tones: dropped, not replaced."""
    code = ord(char)
    selector = 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF
    return selector or 0x1F3FB <= code <= 0x1F3FF or unicodedata.category(char) == "Cf"


def source_sans_dir() -> Path:
    """The folder of the font-source-sans-pro package's static TTF files."""
    return Path(str(resources.files("font_source_sans_pro").joinpath("files")))


@functools.cache
def _register_source_sans() -> frozenset[int]:
    folder = source_sans_dir()
    faces = {name: TTFont(name, str(folder / file)) for name, file in _SOURCE_SANS_FILES.items()}
    for face in faces.values():
        pdfmetrics.registerFont(face)
    pdfmetrics.registerFontFamily(
        BODY, normal=BODY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    pdfmetrics.registerFontFamily(
        SEMIBOLD, normal=SEMIBOLD, bold=BOLD, italic=SEMIBOLD_ITALIC, boldItalic=BOLD_ITALIC
    )
    return frozenset(faces[BODY].face.charToGlyph)


def load_fonts(
    cjk_candidates: Sequence[FontFile] = KNOWN_CJK_FONTS,
    *,
    ask_fontconfig: bool = True,
    rtl_fonts: Sequence[RtlFont] = RTL_FONTS,
    symbol_candidates: Sequence[FontFile] = KNOWN_SYMBOL_FONTS,
) -> FontSet:
    """Register Source Sans Pro; find each fallback on first need."""
    cjk, rtl, symbols = tuple(cjk_candidates), tuple(rtl_fonts), tuple(symbol_candidates)

    def symbol_fonts() -> tuple[Fallback, ...]:
        found = find_symbols(symbols, ask_fontconfig)
        return (found,) if found else ()

    def cjk_fonts() -> tuple[Fallback, ...]:
        found = find_cjk(cjk, ask_fontconfig)
        return (found,) if found else ()

    return FontSet(
        body_chars=_register_source_sans(),
        loaders=(lambda: find_rtl(rtl, ask_fontconfig), cjk_fonts, symbol_fonts),
    )


@functools.cache
def default_fonts() -> FontSet:
    """The process-wide font set (registering fonts costs milliseconds: do it once)."""
    return load_fonts()
