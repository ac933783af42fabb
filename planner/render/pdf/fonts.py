"""Fonts for the PDF: Source Sans Pro from PyPI, CJK, Arabic and Hebrew fallbacks, coverage."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from planner.render.pdf.fontfiles import NOTO, FontFile, fc_match, register_first

BODY = "SourceSans"
BOLD = "SourceSans-Bold"
SEMIBOLD = "SourceSans-Semibold"
ITALIC = "SourceSans-It"
BOLD_ITALIC = "SourceSans-BoldIt"
SEMIBOLD_ITALIC = "SourceSans-SemiboldIt"
CJK = "StudyplanCJK"
REPLACEMENT = "?"

_SOURCE_SANS_FILES = {
    BODY: "SourceSansPro-Regular.ttf",
    BOLD: "SourceSansPro-Bold.ttf",
    SEMIBOLD: "SourceSansPro-Semibold.ttf",
    ITALIC: "SourceSansPro-It.ttf",
    BOLD_ITALIC: "SourceSansPro-BoldIt.ttf",
    SEMIBOLD_ITALIC: "SourceSansPro-SemiboldIt.ttf",
}

# TrueType CJK fonts in the places Linux distributions and macOS put them (path, subfont index).
KNOWN_CJK_FONTS: tuple[FontFile, ...] = (
    (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
    (Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/arphic/uming.ttc"), 0),
    (Path("/Library/Fonts/Arial Unicode.ttf"), 0),
)
_CJK_PROBE = 0x4E00  # 一: a font without it is no CJK font, whatever fc-match says

# Viewer-supplied CID fonts used when no CJK TrueType font is installed, by script.
_CID_HANGUL = "HYSMyeongJo-Medium"
_CID_KANA = "HeiseiMin-W3"
_CID_HAN = "STSong-Light"


@dataclass(frozen=True)
class Fallback:
    """A registered fallback font and the characters it draws."""

    name: str
    path: str
    chars: frozenset[int]


@dataclass(frozen=True)
class RtlFont:
    """Where to look for a right-to-left script's font (Debian's fonts-noto-core)."""

    name: str
    lang: str  # for fontconfig
    probe: int  # a character the font must have: a presentation form for Arabic
    files: tuple[FontFile, ...]
    bold: FontFile | None = None


ARABIC = "StudyplanArabic"
HEBREW = "StudyplanHebrew"
RTL_FONTS = (
    # shaped Arabic is drawn as presentation forms (U+FB50-U+FEFF): the font must map them
    RtlFont(
        ARABIC,
        "ar",
        0xFE8D,
        ((NOTO / "NotoSansArabic-Regular.ttf", 0), (NOTO / "NotoNaskhArabic-Regular.ttf", 0)),
        (NOTO / "NotoSansArabic-Bold.ttf", 0),
    ),
    RtlFont(
        HEBREW,
        "he",
        0x05D0,
        ((NOTO / "NotoSansHebrew-Regular.ttf", 0),),
        (NOTO / "NotoSansHebrew-Bold.ttf", 0),
    ),
)


@dataclass(frozen=True)
class FontSet:
    """The fonts one document may use, and which of them draws each character."""

    body_chars: frozenset[int]
    cjk_chars: frozenset[int] = frozenset()  # empty: no CJK TrueType font, use CID fonts
    cjk_path: str | None = None
    _cache: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    # finds and registers a CJK font on first need: parsing one costs ~0.1 s at start-up
    cjk_loader: Callable[[], tuple[str, frozenset[int]] | None] | None = field(
        default=None, compare=False, repr=False
    )
    fallbacks: tuple[Fallback, ...] = ()  # Arabic, Hebrew: tried before CJK
    rtl_loader: Callable[[], tuple[Fallback, ...]] | None = field(
        default=None, compare=False, repr=False
    )

    def font_for(self, char: str) -> str | None:
        """The font name that draws char: BODY, a fallback font, or None if none can."""
        if char in self._cache:
            return self._cache[char]
        font = self._choose(ord(char))
        self._cache[char] = font
        return font

    def _choose(self, code: int) -> str | None:
        if code in self.body_chars:
            return BODY
        if self.rtl_loader is not None:
            object.__setattr__(self, "fallbacks", self.rtl_loader())
            object.__setattr__(self, "rtl_loader", None)
        for fallback in self.fallbacks:
            if code in fallback.chars:
                return fallback.name
        if self.cjk_loader is not None:
            found = self.cjk_loader()
            object.__setattr__(self, "cjk_loader", None)
            if found is not None:
                object.__setattr__(self, "cjk_path", found[0])
                object.__setattr__(self, "cjk_chars", found[1])
        if self.cjk_path is not None:
            return CJK if code in self.cjk_chars else None
        font = cid_font_for(code)
        if font is not None:
            _register_cid(font)
        return font


def cid_font_for(code: int) -> str | None:
    """The viewer-supplied CID font for a CJK code point, or None for other characters."""
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return _CID_HANGUL
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF:
        return _CID_KANA
    han = (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x3000, 0x303F), (0xFF00, 0xFFEF)
    if any(low <= code <= high for low, high in han):
        return _CID_HAN
    return None


def is_viewer_font(font: str) -> bool:
    """True for fonts the PDF does not embed (the viewer must have them)."""
    return font in (_CID_HANGUL, _CID_KANA, _CID_HAN)


def is_invisible(char: str) -> bool:
    """Format characters and variation selectors (ZWJ, U+FE0F): dropped, not replaced."""
    code = ord(char)
    selector = 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF
    return selector or unicodedata.category(char) == "Cf"


@functools.cache
def _register_cid(font: str) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    pdfmetrics.registerFontFamily(font, normal=font, bold=font, italic=font, boldItalic=font)


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
) -> FontSet:
    """Register Source Sans Pro; find the CJK and right-to-left fallbacks on first need."""
    body = _register_source_sans()
    candidates = list(cjk_candidates)

    def find_cjk() -> tuple[str, frozenset[int]] | None:
        cjk = register_first(CJK, candidates, _CJK_PROBE)
        if cjk is None and ask_fontconfig:
            cjk = register_first(CJK, fc_match("zh"), _CJK_PROBE)
        return cjk

    def find_rtl() -> tuple[Fallback, ...]:
        found = []
        for font in rtl_fonts:
            extra = fc_match(font.lang) if ask_fontconfig else []
            loaded = register_first(font.name, [*font.files, *extra], font.probe, font.bold)
            if loaded is not None:
                found.append(Fallback(font.name, loaded[0], loaded[1]))
        return tuple(found)

    return FontSet(body_chars=body, cjk_loader=find_cjk, rtl_loader=find_rtl)


@functools.cache
def default_fonts() -> FontSet:
    """The process-wide font set (registering fonts costs milliseconds: do it once)."""
    return load_fonts()
