"""Limits on YAML from outside, enforced while a document is composed from parser events:
no value is built before its size is known, so an alias bomb, a deep nest or a huge value
costs no more than the limit it breaks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from yaml.composer import Composer
from yaml.events import AliasEvent, DocumentEndEvent, ScalarEvent
from yaml.nodes import MappingNode


@dataclass(frozen=True, kw_only=True)
class Limits:
    """How much one YAML stream may hold; far above any profile or progress file."""

    values: int = 20_000  # values in one document, each alias counted as what it repeats
    depth: int = 50  # lists and mappings inside each other
    keys: int = 1_000  # keys of one mapping
    chars: int = 10_000  # characters of one value or key
    documents: int = 10_000  # documents (--- separators) in one stream
    digits: int = 30  # a whole number longer than this reads as "too large" (LargeNumber)


LIMITS = Limits()


class LimitExceeded(Exception):
    """A document broke a limit: the message says which and what the limit is."""

    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.line = mark.line + 1
        self.column = mark.column + 1


class LargeNumber(int):
    """A whole number with more digits than any field allows, standing in at a safe size
    (10**30) so every range check finds it too large without arithmetic on its digits; it
    shows as its length, never as its digits."""

    digits: int

    def __new__(cls, negative: bool, digits: int) -> LargeNumber:
        number = super().__new__(cls, -(10**30) if negative else 10**30)
        number.digits = digits
        return number

    def __str__(self) -> str:
        return f"{'-' if self < 0 else ''}a number of {self.digits:,} digits"

    def __reduce__(self) -> tuple[type[LargeNumber], tuple[bool, int]]:
        return LargeNumber, (self < 0, self.digits)  # a batch sends it to its workers

    __repr__ = __str__


def bounded_int(text: str, limits: Limits = LIMITS) -> int:
    """int(text), or a LargeNumber when text has more digits than limits allow (a JSON
    parse_int hook: Python refuses to read more than 4,300 digits and says so by raising)."""
    digits = len(text.lstrip("+-"))
    if digits > limits.digits:
        return LargeNumber(text.startswith("-"), digits)
    return int(text)


def too_deep(depth: int) -> str:
    return (
        f"the document is nested too deeply: more than {depth} lists or mappings inside each other"
    )


_Composer: Any = Composer  # its event methods come from the parser beside it in a loader


class BoundedComposer(_Composer):
    """PyYAML's composer with the limits checked event by event (the C parser's own composer
    builds the whole node tree first: 140 MB for a 1 MB list)."""

    limits: Limits = LIMITS

    def compose_document(self) -> Any:
        self.sizes: dict[str, int] = {}  # anchor -> values it stands for, aliases expanded
        self.depth = self.distinct = self.expanded = 0
        self.get_event()  # the document's start
        self.first_line = self.peek_event().start_mark.line + 1  # of its content
        try:
            node = self.compose_node(None, None)
        except LimitExceeded:
            while not self.check_event(DocumentEndEvent):  # on to the next document
                self.get_event()
            self._end_document()
            raise
        self._end_document()
        return node

    def _end_document(self) -> None:
        self.get_event()
        self.anchors: dict[str, Any] = {}

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        limits = self.limits
        if isinstance(parent, MappingNode) and index is None and len(parent.value) >= limits.keys:
            raise LimitExceeded(
                f"this mapping has more than {limits.keys:,} keys; the limit is {limits.keys:,}",
                parent.start_mark,
            )
        if isinstance(event, AliasEvent):
            self._alias(event)
            return super().compose_node(parent, index)
        self.depth, self.distinct, self.expanded = (
            self.depth + 1,
            self.distinct + 1,
            self.expanded + 1,
        )
        self._check(event)
        before = self.expanded
        node = super().compose_node(parent, index)
        if event.anchor is not None:
            self.sizes[event.anchor] = self.expanded - before + 1
        self.depth -= 1
        return node

    def _alias(self, event: AliasEvent) -> None:
        anchor = event.anchor or ""
        if anchor in self.anchors and anchor not in self.sizes:
            raise LimitExceeded(
                f"the alias *{_short(anchor)} stands inside the value it names, so that "
                "value would never end; an alias may only repeat a value already finished",
                event.start_mark,
            )
        self.expanded += self.sizes.get(anchor, 0)  # an unknown alias: PyYAML says so
        self._check_expanded(event)

    def _check_expanded(self, event: Any) -> None:
        if self.expanded > self.limits.values:
            raise LimitExceeded(
                f"the aliases (*name) in this document expand it to more than "
                f"{self.limits.values:,} values; the limit is {self.limits.values:,}",
                event.start_mark,
            )

    def _check(self, event: Any) -> None:
        limits = self.limits
        if self.depth > limits.depth:
            raise LimitExceeded(too_deep(limits.depth), event.start_mark)
        if self.distinct > limits.values:
            raise LimitExceeded(
                f"the document holds more than {limits.values:,} values; the limit is "
                f"{limits.values:,}",
                event.start_mark,
            )
        self._check_expanded(event)
        if isinstance(event, ScalarEvent) and len(event.value) > limits.chars:
            raise LimitExceeded(
                f"this value is {len(event.value):,} characters long; at most "
                f"{limits.chars:,} fit in one value",
                event.start_mark,
            )


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
