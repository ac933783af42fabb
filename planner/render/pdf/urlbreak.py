"""Printed URLs broken only where a reader expects it: after a slash, before . - ? & =."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

BREAK_BEFORE = frozenset(".-?&=")


def url_pieces(url: str) -> list[str]:
    """The URL cut at every allowed break: after '/' (not inside '//'), before . - ? & =."""
    pieces: list[str] = []
    current = ""
    for index, char in enumerate(url):
        if char in BREAK_BEFORE and current:
            pieces.append(current)
            current = ""
        current += char
        if char == "/" and not url.startswith("/", index + 1):
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


def url_lines(url: str, font: str, size: float, width: float) -> list[str]:
    """Lines no wider than width, filled greedily from url_pieces.

    Only a single piece wider than a whole line (a path segment of 40-odd characters with
    no separator) is cut where it must: there is no better place in it.
    """
    lines: list[str] = []
    for piece in url_pieces(url):
        if lines and stringWidth(lines[-1] + piece, font, size) <= width:
            lines[-1] += piece
            continue
        while stringWidth(piece, font, size) > width and len(piece) > 1:
            cut = _longest_prefix(piece, font, size, width)
            lines.append(piece[:cut])
            piece = piece[cut:]
        lines.append(piece)
    return lines


def _longest_prefix(text: str, font: str, size: float, width: float) -> int:
    cut = 1
    while cut < len(text) and stringWidth(text[: cut + 1], font, size) <= width:
        cut += 1
    return cut


SHORT_ADDRESS = 34  # characters of a printed short address, the ellipsis included


def short_address(url: str) -> str:
    """The address as a reader types it: host and the path's start, 'arxiv.org/abs/1706.03762'.

    No scheme, no 'www.', no trailing slash; past SHORT_ADDRESS characters it ends in '…'.
    It holds no space, so a line never breaks inside it.
    """
    address = url.split("://", 1)[-1]
    if address.lower().startswith("www."):
        address = address[4:]
    address = address.rstrip("/")
    if len(address) > SHORT_ADDRESS:
        address = address[: SHORT_ADDRESS - 1].rstrip("/.-?&=") + "…"
    return address
