"""Safe YAML loading that remembers where every key and value stands, and rejects duplicates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from planner.errors import Problem, excerpt
from planner.yamlsource.bounded import LIMITS, BoundedComposer, LimitExceeded, bounded_int
from planner.yamlsource.lines import split_lines
from planner.yamlsource.syntax import explain


@dataclass(frozen=True)
class Spot:
    """Where a key or value starts (1-based line and column) and how it was written."""

    line: int
    column: int
    written: str | None = None  # a one-line scalar's source text, quotes included


class LineMap(dict):  # type: ignore[type-arg]
    """A mapping that also knows where it, each key and each value stand in the source."""

    line: int = 0
    column: int = 1
    key_lines: dict[str, int]
    key_spots: dict[str, Spot]
    value_spots: dict[str, Spot]
    lines: tuple[str, ...] = ()  # the source's lines, for quoting them in problems


class LineList(list):  # type: ignore[type-arg]
    """A list that also knows where each of its entries stands in the source."""

    spots: list[Spot]
    lines: tuple[str, ...] = ()


@dataclass
class _Budget:
    problems: list[Problem] = field(default_factory=list)


YAML_TAG = "tag:yaml.org,2002:"
# libyaml's parser when present (several times faster); construction stays in Python
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# the mixin below is a SafeLoader for the type checker; at run time it goes first in the MRO
_Mixin: Any = yaml.SafeLoader if TYPE_CHECKING else object


class _Positions(_Mixin):  # type: ignore[misc]
    """What a safe loader needs to record positions, refuse duplicate keys and huge numbers."""

    base: Any  # the PyYAML loader class underneath

    def __init__(self, stream: str, filename: str) -> None:
        self.base.__init__(self, stream)
        self.anchors: dict[str, Any] = {}  # the composer's own, which the C loader does not set up
        self.filename = filename
        self.lines = split_lines(stream)
        self.budget = _Budget()

    def spot(self, node: yaml.Node) -> Spot:
        start, end = node.start_mark, node.end_mark
        written = None
        if isinstance(node, yaml.ScalarNode) and start.line == end.line < len(self.lines):
            written = self.lines[start.line][start.column : end.column] or None
        return Spot(start.line + 1, start.column + 1, written)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineMap:
        self.flatten_mapping(node)
        result = LineMap()
        result.line, result.column = node.start_mark.line + 1, node.start_mark.column + 1
        result.key_lines, result.key_spots, result.value_spots = {}, {}, {}
        result.lines = self.lines
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            spot = self.spot(key_node)
            if key in result.key_spots:
                self.budget.problems.append(self.duplicate(key, spot, result.key_spots[key]))
            result.key_lines[key] = spot.line
            result.key_spots[key] = spot
            result.value_spots[key] = self.spot(value_node)
            result[key] = self.construct_object(value_node, deep=True)
        return result

    def duplicate(self, key: str, spot: Spot, first: Spot) -> Problem:
        return Problem(
            f"this field appears twice (first at line {first.line}); keep only one",
            self.filename,
            spot.line,
            key,
            spot.column,
            self.lines[spot.line - 1],
        )

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.spots = [self.spot(child) for child in node.value]
        result.lines = self.lines
        return result

    def construct_yaml_seq(self, node: yaml.SequenceNode) -> Any:  # type: ignore[override]
        yield self.construct_sequence(node)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, IndexError, KeyError):  # PyYAML's own, for `!!int x`, `!!bool x`
            if not isinstance(node, yaml.ScalarNode):
                raise
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"the value cannot be read as its tag {node.tag.replace(YAML_TAG, '!!')} says",
                node.start_mark,
            ) from None

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        text = str(node.value).replace("_", "")
        if len(text.lstrip("+-")) > LIMITS.digits:  # never read thousands of digits
            return bounded_int(text)
        return super().construct_yaml_int(node)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:  # 2027-02-30: let the field's validator say what is wrong
            return self.construct_scalar(node)  # type: ignore[arg-type]


class _LineLoader(_Positions, BoundedComposer, _Base):  # type: ignore[misc,valid-type]
    """A safe loader (libyaml's parser when installed) that records positions."""

    base = _Base


class _PureLineLoader(_Positions, BoundedComposer, yaml.SafeLoader):  # type: ignore[misc]
    """The same on PyYAML's own parser, as on a machine without libyaml (its wording differs)."""

    base = yaml.SafeLoader


for _loader in (_LineLoader, _PureLineLoader):
    _loader.add_constructor("tag:yaml.org,2002:map", _Positions.construct_mapping)
    _loader.add_constructor("tag:yaml.org,2002:seq", _Positions.construct_yaml_seq)
    _loader.add_constructor("tag:yaml.org,2002:int", _Positions.construct_yaml_int)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _Positions.construct_yaml_timestamp)


@dataclass(frozen=True)
class Document:
    """One YAML document of a file: its data, position and any loading problems."""

    data: Any
    index: int  # 0-based position in the stream
    line: int  # first line of the document
    problems: tuple[Problem, ...] = ()


def load_documents(text: str, filename: str, pure: bool = False) -> list[Document]:
    """All documents in a YAML stream within the limits of bounded.LIMITS; a syntax error or
    a broken limit becomes a Problem, not an exception.

    pure: parse with PyYAML's own parser even where libyaml is installed.
    """
    loader = (_PureLineLoader if pure else _LineLoader)(text, filename)
    docs: list[Document] = []
    try:
        while loader.check_node():
            if len(docs) == LIMITS.documents:  # the whole file is refused, in one problem
                return [Document(None, 0, 1, (_too_many_documents(filename),))]
            docs.append(_next_document(loader, len(docs)))
    except yaml.MarkedYAMLError as exc:
        problem = explain(exc, loader.lines, filename)
        docs.append(Document(None, len(docs), problem.line or 1, (problem,)))
    except yaml.YAMLError as exc:
        problem = Problem(f"YAML: {excerpt(str(exc))}", filename)
        docs.append(Document(None, len(docs), 1, (problem,)))
    finally:
        loader.dispose()
    return docs


def load_document(text: str, source: str) -> Document:
    """The one document a text holds (an embedded profile, a progress file), loaded with the
    same limits; more than one is a problem."""
    docs = [d for d in load_documents(text, source) if d.data is not None or d.problems]
    if len(docs) > 1 and not docs[0].problems:
        message = f"one YAML document expected; this holds {len(docs)} (--- separates them)"
        return Document(None, 0, docs[1].line, (Problem(message, source, docs[1].line),))
    return docs[0] if docs else Document(None, 0, 1)


def _next_document(loader: Any, index: int) -> Document:
    """The next document of the stream, or the limit it broke as a problem."""
    try:
        node = loader.get_node()
    except LimitExceeded as exc:
        line = loader.lines[exc.line - 1] if exc.line <= len(loader.lines) else None
        problem = Problem(exc.message, loader.filename, exc.line, None, exc.column, line)
        return Document(None, index, loader.first_line, (problem,))
    loader.budget = _Budget()
    data = loader.construct_document(node)
    return Document(data, index, node.start_mark.line + 1, tuple(loader.budget.problems))


def _too_many_documents(filename: str) -> Problem:
    return Problem(
        f"more than {LIMITS.documents:,} documents (--- separators) in one file; "
        "split it into several files",
        filename,
        1,
    )
