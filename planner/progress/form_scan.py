"""A fast path for reading a PDF form: each field's few keys read straight from the file's bytes.

pypdf turns every token of every object into a Python object, about half a millisecond per
checkbox of a plan: that is where reading a cohort's files would spend its time. Whether a box
is ticked depends on a few top-level keys of its field (KEPT) and on the names of its
appearance states, so this matches each field object with regular expressions and builds only
those, as the same pypdf objects pypdf builds for them; the other keys are left out.

Whenever a field is not in the plain shape this expects (encryption, compressed object
streams, a stream, comments, a name with # escapes, two equal keys, nesting deeper than an
appearance dictionary, an odd string escape), pypdf reads that field instead; a field with
kids, or no field list at all, gives None, and the caller walks the pages with pypdf.
"""

from __future__ import annotations

import functools
import io
import re
from typing import Any

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    create_string_object,
)

# the keys a checkbox's state can depend on (its own, its appearance's, the form's field list)
KEPT = frozenset(
    f"/{k}".encode()
    for k in (
        "Type",
        "Subtype",
        "FT",
        "Ff",
        "T",
        "V",
        "DV",
        "AS",
        "Opt",
        "Parent",
        "Kids",
        "AP",
        "Fields",
    )
)
_APPEARANCE = b"/AP"

_WS = rb"[\x00\t\n\x0c\r ]*"
_END = rb"(?=[\x00\t\n\x0c\r ()<>\[\]{}/%])"  # a token ends at whitespace or a delimiter
_NAME = rb"/[^\x00-\x20\x7f-\xff()<>\[\]{}/%#]*" + _END
_NUM = rb"[+-]?(?:\d+\.?\d*|\.\d+)" + _END
# nested repetitions are written as "normal* (special normal*)*", which matches one way only,
# so a malformed file cannot make the matching backtrack exponentially
_RUN = rb"[^()\\]*"
_STR = rb"\(" + _RUN + rb"(?:(?:\\.|\(" + _RUN + rb"(?:\\." + _RUN + rb")*\))" + _RUN + rb")*\)"
_HEX = rb"<[0-9A-Fa-f\x00\t\n\x0c\r ]*>"
_WORD = rb"(?:true|false|null)" + _END
_SCALARS = (
    rb"(?P<name>" + _NAME + rb")|(?P<ref>(?P<id>\d+)[\x00\t\n\x0c\r ]+(?P<gen>\d+)"
    rb"[\x00\t\n\x0c\r ]+R)"
    + _END
    + rb"|(?P<num>"
    + _NUM
    + rb")|(?P<str>"
    + _STR
    + rb")|(?P<hex>"
    + _HEX
    + rb")|(?P<word>"
    + _WORD
    + rb")"
)
_SCALAR = (
    rb"(?:"
    + b"|".join(
        (_NAME, rb"\d+[\x00\t\n\x0c\r ]+\d+[\x00\t\n\x0c\r ]+R" + _END, _NUM, _STR, _HEX, _WORD)
    )
    + rb")"
)
# nested values are matched by their brackets and strings only; KEPT ones are then read item
# by item, so a value is checked token by token exactly when it is built
_PLAIN = rb"[^<>()\[\]{}%]*"
_ARRAY = rb"\[" + _PLAIN + rb"(?:" + _STR + _PLAIN + rb")*\]"
_INNER = rb"<<" + _PLAIN + rb"(?:(?:" + _STR + b"|" + _ARRAY + b")" + _PLAIN + rb")*>>"
_DICT = (
    rb"<<" + _PLAIN + rb"(?:(?:" + _STR + b"|" + _ARRAY + b"|" + _INNER + b")" + _PLAIN + rb")*>>"
)
_VALUE = rb"(?:" + _SCALAR + b"|" + _ARRAY + b"|" + _DICT + rb")"
# a dictionary's pairs up to and with its >>, checked in one go; then read pair by pair
_BODY = re.compile(rb"(?:" + _WS + _NAME + _WS + _VALUE + rb")*" + _WS + rb">>", re.S)
_PAIR = re.compile(
    _WS
    + rb"(?P<key>"
    + _NAME
    + rb")"
    + _WS
    + rb"(?:"
    + _SCALARS
    + rb"|(?P<array>"
    + _ARRAY
    + rb")|(?P<dict>"
    + _DICT
    + rb"))",
    re.S,
)
_ITEMS = re.compile(rb"\[(?:" + _WS + _SCALAR + rb")*" + _WS + rb"\]", re.S)
_ITEM = re.compile(_WS + rb"(?:" + _SCALARS + rb")", re.S)
_KEY, _ARRAY_AT, _DICT_AT = (_PAIR.groupindex[g] - 1 for g in ("key", "array", "dict"))
_SCALAR_AT = slice(_PAIR.groupindex["name"] - 1, _PAIR.groupindex["word"])  # as in _ITEM
_OPEN = re.compile(
    rb"[\x00\t\n\x0c\r ]*(\d+)[\x00\t\n\x0c\r ]+(\d+)[\x00\t\n\x0c\r ]+obj"
    rb"[\x00\t\n\x0c\r ]*<<"
)
_ENDOBJ = re.compile(_WS + rb"endobj")
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|[\r\n][\r\n]?|.)", re.S)
_ESCAPED = {
    b"n": b"\n",
    b"r": b"\r",
    b"t": b"\t",
    b"b": b"\b",
    b"f": b"\f",
    **{bytes([c]): bytes([c]) for c in b"()/\\ %<>[]#_&$"},
}


class _NotPlain(Exception):
    """The object is not in the plain shape the scan reads; pypdf reads it instead."""


def form_fields(reader: PdfReader) -> list[DictionaryObject] | None:
    """The form's fields with their KEPT keys, or None: then walk the pages with pypdf."""
    if reader.is_encrypted or not isinstance(reader.stream, io.BytesIO):
        return None
    scanner = _Scanner(reader, reader.stream.getvalue())
    root = reader.trailer["/Root"]
    form = root.get("/AcroForm") if isinstance(root, DictionaryObject) else None
    form = scanner.read(form) if isinstance(form, IndirectObject) else form
    fields = form.get("/Fields") if isinstance(form, DictionaryObject) else None
    fields = fields.get_object() if fields is not None else None
    if not isinstance(fields, ArrayObject) or not fields:
        return None
    found = []
    for ref in fields:
        field = scanner.read(ref) if isinstance(ref, IndirectObject) else ref
        if not isinstance(field, DictionaryObject) or "/Kids" in field:
            return None  # widgets below the field: the page walk knows them
        found.append(field)
    return found


class _Scanner:
    def __init__(self, reader: PdfReader, data: bytes) -> None:
        self.reader = reader
        self.data = data

    def read(self, ref: IndirectObject) -> Any:
        """The object ref points to: scanned when plain and not read yet, else from pypdf."""
        reader, gen, idnum = self.reader, ref.generation, ref.idnum
        plain = (
            (gen, idnum) not in reader.resolved_objects
            and not (gen == 0 and idnum in reader.xref_objStm)
            and idnum in reader.xref.get(gen, {})
            and not reader.xref_free_entry.get(gen, {}).get(idnum, False)
        )
        if plain:
            try:
                return self._scan(reader.xref[gen][idnum], idnum, gen)
            except _NotPlain:
                pass
        return ref.get_object()

    def _scan(self, offset: int, idnum: int, gen: int) -> DictionaryObject:
        """The dictionary object at offset, with its KEPT keys."""
        opening = _OPEN.match(self.data, offset)
        if not opening or (int(opening[1]), int(opening[2])) != (idnum, gen):
            raise _NotPlain
        body = _BODY.match(self.data, opening.end())
        if not body or not _ENDOBJ.match(self.data, body.end()):
            raise _NotPlain  # a stream, or something pypdf should judge
        found: dict[NameObject, Any] = {}
        for pair in _PAIR.findall(self.data, opening.end(), body.end() - 2):
            if pair[_KEY] not in KEPT:
                continue
            key = _name(pair[_KEY])
            if key in found:
                raise _NotPlain  # pypdf keeps the first of two equal keys, with a warning
            if pair[_DICT_AT]:
                if key == "/AP":
                    found[key] = self._appearance(pair[_DICT_AT])
            elif pair[_ARRAY_AT]:
                found[key] = self._array(pair[_ARRAY_AT])
            else:
                found[key] = self._value(pair[_SCALAR_AT])
        return DictionaryObject(found)

    def _appearance(self, text: bytes) -> DictionaryObject:
        """/AP with its normal appearance /N: the names of its states (values left out)."""
        found: dict[NameObject, Any] = {}
        for pair in _pairs(text):
            if pair[_KEY] == b"/N" and pair[_DICT_AT]:
                states = [_name(state[_KEY]) for state in _pairs(pair[_DICT_AT])]
                if len(set(states)) < len(states):
                    raise _NotPlain
                found[_name(b"/N")] = DictionaryObject(dict.fromkeys(states, NullObject()))
            elif pair[_KEY] == b"/N" and not pair[_ARRAY_AT]:
                found[_name(b"/N")] = self._value(pair[_SCALAR_AT])
        return DictionaryObject(found)

    def _array(self, text: bytes) -> ArrayObject:
        if not _ITEMS.fullmatch(text):
            raise _NotPlain  # nested inside
        return ArrayObject(self._value(item) for item in _ITEM.findall(text, 1, len(text) - 1))

    def _value(self, groups: tuple[bytes, ...]) -> Any:
        """The pypdf object of a plain value, built as pypdf's own reader builds it."""
        name, ref, idnum, gen, number, string, hexadecimal, word = groups
        if name:
            return _name(name)
        if ref:
            return IndirectObject(int(idnum), int(gen), self.reader)
        if number:
            return FloatObject(number) if b"." in number else NumberObject(number)
        if string:
            return create_string_object(_ESCAPE.sub(_unescape, string[1:-1]))
        if hexadecimal:
            digits = re.sub(rb"[\x00\t\n\x0c\r ]", b"", hexadecimal[1:-1])
            if len(digits) % 2:
                raise _NotPlain  # pypdf and the PDF standard disagree on a lone last digit
            return create_string_object(bytes.fromhex(digits.decode("ascii")))
        return NullObject() if word == b"null" else BooleanObject(word == b"true")


def _pairs(text: bytes) -> list[tuple[bytes, ...]]:
    """The pairs of a nested dictionary's text (<< ... >>), when they are all plain."""
    if not _BODY.fullmatch(text, 2):
        raise _NotPlain
    return _PAIR.findall(text, 2, len(text) - 2)


@functools.lru_cache(maxsize=1024)
def _name(text: bytes) -> NameObject:
    return NameObject(text.decode("ascii"))


def _unescape(match: re.Match[bytes]) -> bytes:
    """One backslash escape of a literal string, as pypdf reads it."""
    escape = match[1]
    if b"0" <= escape[:1] <= b"7":
        code = int(escape, 8)
        if code > 255:
            raise _NotPlain
        return bytes([code])
    if escape[:1] in (b"\r", b"\n"):
        return b""  # a line continuation
    if escape in _ESCAPED:
        return _ESCAPED[escape]
    raise _NotPlain  # pypdf keeps the backslash, with a warning: let it decide
