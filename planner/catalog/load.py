"""Loading the catalog from content/ YAML, with every broken reference reported."""

from __future__ import annotations

from dataclasses import replace
from functools import cache, partial
from pathlib import Path
from typing import Any

import yaml

from planner.catalog.model import Catalog, GuideTopic, Interest, Item, Section, Task, Track
from planner.catalog.rule_load import load_rules
from planner.errors import ContentError, Problem
from planner.plan import Resource
from planner.shipped import shipped_dir
from planner.yamlsource import Document, load_documents

FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def content_dir() -> Path:
    return shipped_dir("content")


@cache
def load_catalog(root: Path | None = None, strict: bool = False) -> Catalog:
    """Load and check content/; broken shipped data raises ContentError.

    strict reads with the line-tracking loader (duplicate keys, positions): what
    `content check` uses. Otherwise libyaml reads it, several times faster at start-up.
    """
    root = root or content_dir()
    problems: list[Problem] = []
    load = partial(_load_list, strict=strict)
    sections = {s.id: s for s in load(root / "sections.yaml", _section, problems)}
    items: dict[str, Item] = {}
    for path in sorted((root / "items").glob("*.yaml")):
        for item in load(path, _item, problems):
            if item.id in items:
                problems.append(Problem(f"duplicate item id {item.id!r}", str(path)))
            items[item.id] = item
    tracks = {t.id: t for t in load(root / "tracks.yaml", _track, problems)}
    interests = {i.id: i for i in load(root / "interests.yaml", _interest, problems)}
    aliases = {a: i.id for i in items.values() for a in i.aliases}
    problems += _dangling(items, sections, root)
    catalog = Catalog(
        sections=sections,
        items=items,
        tracks=tracks,
        interests=interests,
        aliases=aliases,
        root=root,
    )
    if not problems:  # rules name items, sections and tags: read them once those hold
        rules, problems = load_rules(root / "rules.yaml", catalog)
        catalog = replace(catalog, rules=rules)
    if problems:
        raise ContentError(problems)
    return catalog


def _dangling(items: dict[str, Item], sections: dict[str, Section], root: Path) -> list[Problem]:
    """References the pipeline relies on: prerequisites, sections and guide topics must exist."""
    out = [
        Problem(
            f"section {s.id}: guide topic {t.title!r} names unknown item {i!r}",
            str(root / "sections.yaml"),
        )
        for s in sections.values()
        for t in s.topics
        for i in t.items
        if i not in items
    ]
    for item in items.values():
        where = str(root / "items")
        out += [
            Problem(f"{item.id}: unknown prerequisite {p!r}", where)
            for p in item.prerequisites
            if p not in items
        ]
        if item.section not in sections:
            out.append(Problem(f"{item.id}: unknown section {item.section!r}", where))
    return out


def _fast_documents(text: str, filename: str) -> list[Document]:
    try:
        return [Document(d, n, 1) for n, d in enumerate(yaml.load_all(text, Loader=FastLoader))]
    except yaml.YAMLError:
        return load_documents(text, filename)  # the careful loader says where it breaks


def _load_list(path: Path, build: Any, problems: list[Problem], strict: bool) -> list[Any]:
    if not path.is_file():
        problems.append(Problem("missing catalog file", str(path)))
        return []
    read = load_documents if strict else _fast_documents
    docs = read(path.read_text(encoding="utf-8"), str(path))
    out = []
    for doc in docs:
        problems.extend(doc.problems)
        entries = doc.data or []
        if not isinstance(entries, list):
            problems.append(Problem("expected a list of entries", str(path), doc.line))
            continue
        for entry in entries:
            try:
                out.append(build(entry))
            except (KeyError, TypeError, ValueError) as exc:
                line = getattr(entry, "line", None)
                problems.append(Problem(f"bad entry: {exc!r}", str(path), line))
    return out


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in (value or ()))


def _section(d: dict[str, Any]) -> Section:
    topics = tuple(GuideTopic(str(t["topic"]), _strs(t["items"])) for t in d.get("topics") or ())
    return Section(d["id"], d["title"], d["part"], bool(d.get("guide", True)), topics)


def _resource(d: dict[str, Any]) -> Resource:
    return Resource(
        title=d["title"], url=d["url"], kind=d.get("kind", "docs"), free=bool(d.get("free", True))
    )


def _item(d: dict[str, Any]) -> Item:
    kind = d.get("kind", "lesson")
    return Item(
        id=d["id"],
        title=d["title"],
        section=d["section"],
        summary=d["summary"].strip(),
        outcomes=_strs(d.get("outcomes")),
        hours=float(d["hours"]),
        level=d.get("level", "beginner"),
        kind=kind,
        priority=int(d.get("priority", 2)),
        prerequisites=_strs(d.get("prerequisites")),
        resources=tuple(_resource(r) for r in d.get("resources") or ()),
        tasks=tuple(_task(t) for t in d.get("checklist") or ()),
        tags=_strs(d.get("tags")),
        aliases=_strs(d.get("aliases")),
        why=str(d.get("why", "")).strip(),
    )


def _task(d: dict[str, Any]) -> Task:
    """A checklist entry: `{task: text, hours: h}`."""
    if not isinstance(d, dict) or set(d) != {"task", "hours"}:
        raise ValueError(f"a checklist task is {{task: ..., hours: ...}}; got {d!r}")
    return Task(str(d["task"]), float(d["hours"]))


def _interest(d: dict[str, Any]) -> Interest:
    return Interest(d["id"], d["title"], d.get("description", "").strip())


def _track(d: dict[str, Any]) -> Track:
    return Track(
        d["id"],
        d["title"],
        d["description"].strip(),
        _strs(d.get("include")),
        _strs(d.get("include_tags")),
        _strs(d.get("exclude")),
        _strs(d.get("exclude_tags")),
    )
