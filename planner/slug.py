"""Safe file names from user text: letters of any script kept, everything unsafe removed."""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_LEN = 60
_UNSAFE = re.compile(r"[^\w\-]+", re.UNICODE)
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def slugify(name: str) -> str:
    """'Ada Lovelace' -> 'ada-lovelace'; '李小龍' stays; '../..' -> 'plan-<hash>'."""
    text = unicodedata.normalize("NFC", name).casefold()
    text = _UNSAFE.sub("-", text).replace("_", "-")
    text = re.sub(r"-{2,}", "-", text).strip("-.")[:MAX_LEN].strip("-")
    if not text or text in _RESERVED or not any(ch.isalnum() for ch in text):
        digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
        return f"plan-{digest}"
    return text


def unique(slug: str, taken: set[str]) -> str:
    """slug, or slug-2, slug-3 ... whichever is not taken yet; records it as taken."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate
