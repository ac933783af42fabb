"""Safe YAML loading that remembers where every key and value stands, and rejects duplicates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from planner.errors import Problem
from planner.yamlsource.lines import split_lines
from planner.yamlsource.syntax import explain

MAX_NODES = 20_000  # far above any real profile; stops alias bombs before they expand


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


# libyaml's parser when present (several times faster); construction stays in Python
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# the mixin below is a SafeLoader for the type checker; at run time it goes first in the MRO
_Mixin: Any = yaml.SafeLoader if TYPE_CHECKING else object


class _Positions(_Mixin):  # type: ignore[misc]
    """What a safe loader needs to record positions, refuse duplicate keys and alias bombs."""

    def __init__(self, stream: str, filename: str) -> None:
        super().__init__(stream)
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

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:  # 2027-02-30: let the field's validator say what is wrong
            return self.construct_scalar(node)  # type: ignore[arg-type]


class _LineLoader(_Positions, _Base):  # type: ignore[misc,valid-type]
    """A safe loader (libyaml's parser when installed) that records positions."""


class _PureLineLoader(_Positions, yaml.SafeLoader):
    """The same on PyYAML's own parser, as on a machine without libyaml (its wording differs)."""


for _loader in (_LineLoader, _PureLineLoader):
    _loader.add_constructor("tag:yaml.org,2002:map", _Positions.construct_mapping)
    _loader.add_constructor("tag:yaml.org,2002:seq", _Positions.construct_yaml_seq)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _Positions.construct_yaml_timestamp)


@dataclass(frozen=True)
class Document:
    """One YAML document of a file: its data, position and any loading problems."""

    data: Any
    index: int  # 0-based position in the stream
    line: int  # first line of the document
    problems: tuple[Problem, ...] = ()


def _expanded_size(data: Any, limit: int) -> int:
    """Values in data with aliases expanded, counting no further than just past limit."""
    count, stack = 0, [data]
    while stack and count <= limit:
        value = stack.pop()
        count += 1
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return count


TOO_DEEP = "the document is nested too deeply (lists or mappings inside each other)"
TOO_MANY_VALUES = "the document expands to too many values (aliases nested too deeply)"


def load_documents(text: str, filename: str, pure: bool = False) -> list[Document]:
    """All documents in a YAML stream; a syntax error becomes a Problem, not an exception.

    pure: parse with PyYAML's own parser even where libyaml is installed.
    """
    loader = (_PureLineLoader if pure else _LineLoader)(text, filename)
    docs: list[Document] = []
    try:
        while loader.check_node():
            node = loader.get_node()
            assert node is not None  # check_node() said there is one
            loader.budget = _Budget()
            data = loader.construct_document(node)
            line = node.start_mark.line + 1
            if _expanded_size(data, MAX_NODES) > MAX_NODES:
                docs.append(
                    Document(
                        None,
                        len(docs),
                        line,
                        (
                            Problem(
                                TOO_MANY_VALUES,
                                filename,
                                line,
                            ),
                        ),
                    )
                )
                continue
            docs.append(Document(data, len(docs), line, tuple(loader.budget.problems)))
    except yaml.MarkedYAMLError as exc:
        problem = explain(exc, loader.lines, filename)
        docs.append(Document(None, len(docs), problem.line or 1, (problem,)))
    except yaml.YAMLError as exc:
        docs.append(Document(None, len(docs), 1, (Problem(f"YAML: {exc}", filename),)))
    except RecursionError:
        docs.append(Document(None, len(docs), 1, (Problem(TOO_DEEP, filename),)))
    finally:
        loader.dispose()
    return docs
