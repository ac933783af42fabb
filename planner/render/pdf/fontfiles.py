"""System TrueType fonts: where distributions put them, fontconfig's pick, and loading one."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

NOTO = Path("/usr/share/fonts/truetype/noto")  # Debian/Ubuntu fonts-noto-core

FontFile = tuple[Path, int]  # path, subfont index (for .ttc collections)


def fc_match(lang: str, charset: int | None = None) -> list[FontFile]:
    """Ask fontconfig (when present) for its font for a language, or for a character;
    only TrueType can embed."""
    if shutil.which("fc-match") is None:
        return []
    pattern = f":charset={charset:x}" if charset is not None else f":lang={lang}"
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}\t%{index}", pattern],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    path, _, index = found.partition("\t")
    if not path.lower().endswith((".ttf", ".ttc")):
        return []
    return [(Path(path), int(index or 0))]


def register_first(
    name: str, candidates: Iterable[FontFile], probe: int, bold: FontFile | None = None
) -> tuple[str, frozenset[int]] | None:
    """Register as `name` the first candidate that loads and has the probe character.

    Returns (path, the characters it maps). A bold face, when given and loadable, becomes the
    family's bold; otherwise bold text in that script uses the regular face.
    """
    for path, index in candidates:
        if not path.is_file():
            continue
        try:
            face = TTFont(name, str(path), subfontIndex=index)
        except Exception:  # a broken or CFF-outline font is simply not a candidate
            continue
        chars = frozenset(face.face.charToGlyph)
        if probe not in chars:
            continue
        pdfmetrics.registerFont(face)
        bold_name = _register_bold(f"{name}-Bold", bold) or name
        pdfmetrics.registerFontFamily(
            name, normal=name, bold=bold_name, italic=name, boldItalic=bold_name
        )
        return str(path), chars
    return None


def _register_bold(name: str, bold: FontFile | None) -> str | None:
    if bold is None or not bold[0].is_file():
        return None
    try:
        pdfmetrics.registerFont(TTFont(name, str(bold[0]), subfontIndex=bold[1]))
    except Exception:
        return None
    return name
