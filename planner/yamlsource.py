"""Safe YAML loading that remembers the line of every key and rejects duplicates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from planner.errors import Problem

MAX_NODES = 20_000  # far above any real profile; stops alias bombs before they expand


class LineMap(dict):  # type: ignore[type-arg]
    """A mapping that also knows the line of each key and of itself."""

    line: int = 0
    key_lines: dict[str, int]


@dataclass
class _Budget:
    problems: list[Problem] = field(default_factory=list)


# libyaml's parser when present (several times faster); construction stays in Python
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_Base):  # type: ignore[misc,valid-type]
    """A safe loader that records key lines, refuses duplicate keys and alias bombs."""

    def __init__(self, stream: str, filename: str) -> None:
        super().__init__(stream)
        self.filename = filename
        self.budget = _Budget()

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineMap:
        self.flatten_mapping(node)
        result = LineMap()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            line = key_node.start_mark.line + 1
            if key in result.key_lines:
                self.budget.problems.append(Problem(
                    f"duplicate key (first at line {result.key_lines[key]}); keep only one",
                    self.filename, line, key))
            result.key_lines[key] = line
            result[key] = self.construct_object(value_node, deep=True)
        return result


    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:  # 2027-02-30: let the field's validator say what is wrong
            return self.construct_scalar(node)  # type: ignore[arg-type]


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_yaml_timestamp)


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


def load_documents(text: str, filename: str) -> list[Document]:
    """All documents in a YAML stream; a syntax error becomes a Problem, not an exception."""
    loader = _LineLoader(text, filename)
    docs: list[Document] = []
    try:
        while loader.check_node():
            node = loader.get_node()
            assert node is not None  # check_node() said there is one
            loader.budget = _Budget()
            data = loader.construct_document(node)
            line = node.start_mark.line + 1
            if _expanded_size(data, MAX_NODES) > MAX_NODES:
                docs.append(Document(None, len(docs), line, (Problem(
                    "the document expands to too many values (aliases nested too deeply)",
                    filename, line),)))
                continue
            docs.append(Document(data, len(docs), line, tuple(loader.budget.problems)))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or "not valid YAML"
        if "nesting depth" in what:
            what = "the document is nested too deeply (lists or mappings inside each other)"
        docs.append(Document(None, len(docs), line or 1,
                             (Problem(f"YAML syntax: {what}", filename, line),)))
    except yaml.YAMLError as exc:
        docs.append(Document(None, len(docs), 1, (Problem(f"YAML: {exc}", filename),)))
    except RecursionError:
        docs.append(Document(None, len(docs), 1, (Problem(
            "the document is nested too deeply (lists or mappings inside each other)",
            filename),)))
    finally:
        loader.dispose()
    return docs
