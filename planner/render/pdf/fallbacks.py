"""Fallback fonts for what Source Sans Pro lacks: CJK, Arabic and Hebrew, symbols and emoji.

Each is found on first need (parsing a font costs 0.1 s): a TrueType file where Debian,
Ubuntu or macOS put it, else what fontconfig offers. CJK without a TrueType font falls back
to CID fonts the PDF viewer supplies (not embedded).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

from planner.render.pdf.fontfiles import NOTO, FontFile, fc_match, register_first

CJK = "StudyplanCJK"
SYMBOLS = "StudyplanSymbols"
# TrueType CJK fonts in the places Linux distributions and macOS put them (path, subfont index).
KNOWN_CJK_FONTS: tuple[FontFile, ...] = (
    (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
    (Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/arphic/uming.ttc"), 0),
    (Path("/Library/Fonts/Arial Unicode.ttf"), 0),
)
CJK_PROBE = 0x4E00  # 一: a font without it is no CJK font, whatever fc-match says

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


# Monochrome symbol and emoji fonts (colour emoji fonts cannot be drawn): Debian's
# fonts-symbola, then fontconfig's choice for an emoji.
KNOWN_SYMBOL_FONTS: tuple[FontFile, ...] = (
    (Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"), 0),
    (Path("/usr/share/fonts/truetype/symbola/Symbola.ttf"), 0),
    (Path("/usr/share/fonts/TTF/Symbola.ttf"), 0),
)
SYMBOL_PROBE = 0x1F600  # 😀


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


@functools.cache
def register_cid(font: str) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    pdfmetrics.registerFontFamily(font, normal=font, bold=font, italic=font, boldItalic=font)


def find_symbols(candidates: tuple[FontFile, ...], ask_fontconfig: bool) -> Fallback | None:
    """The first monochrome font with emoji: a known file, else fontconfig's pick."""
    found = register_first(SYMBOLS, candidates, SYMBOL_PROBE)
    if found is None and ask_fontconfig:
        found = register_first(SYMBOLS, fc_match("", charset=SYMBOL_PROBE), SYMBOL_PROBE)
    return Fallback(SYMBOLS, *found) if found else None


def find_cjk(candidates: tuple[FontFile, ...], ask_fontconfig: bool) -> Fallback | None:
    """The first TrueType CJK font: a known file, else fontconfig's font for Chinese."""
    found = register_first(CJK, candidates, CJK_PROBE)
    if found is None and ask_fontconfig:
        found = register_first(CJK, fc_match("zh"), CJK_PROBE)
    return Fallback(CJK, *found) if found else None


def find_rtl(fonts: tuple[RtlFont, ...], ask_fontconfig: bool) -> tuple[Fallback, ...]:
    """The right-to-left scripts' fonts that are installed (Arabic, Hebrew)."""
    found = []
    for font in fonts:
        extra = fc_match(font.lang) if ask_fontconfig else []
        loaded = register_first(font.name, [*font.files, *extra], font.probe, font.bold)
        if loaded is not None:
            found.append(Fallback(font.name, *loaded))
    return tuple(found)
