"""Loading the catalog from content/ YAML, with every broken reference reported."""

from __future__ import annotations

from dataclasses import replace
from functools import cache, partial
from pathlib import Path
from typing import Any

import yaml

from planner.catalog.model import Catalog, GuideTopic, Interest, Item, Section, SelfCheck, Track
from planner.catalog.questions import load_questions
from planner.catalog.roles import load_roles, with_roles
from planner.catalog.rule_load import load_rules
from planner.catalog.tasks import task_of
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
    read = load_documents if strict else _fast_documents
    load = partial(_load_list, read=read)
    sections = {s.id: s for s in load(root / "sections.yaml", _section, problems)}
    items: dict[str, Item] = {}
    files: dict[str, str] = {}  # item id -> its items file, for its questions
    for path in sorted((root / "items").glob("*.yaml")):
        for item in load(path, _item, problems):
            if item.id in items:
                problems.append(Problem(f"duplicate item id {item.id!r}", str(path)))
            items[item.id] = item
            files[item.id] = path.stem
    tracks = {t.id: t for t in load(root / "tracks.yaml", _track, problems)}
    interests = {i.id: i for i in load(root / "interests.yaml", _interest, problems)}
    aliases = {a: i.id for i in items.values() for a in i.aliases}
    roles = load_roles(root, read, problems)
    questions = load_questions(root, files, aliases, read, problems)
    items = {i: _completed(item, sections, questions.get(i, ())) for i, item in items.items()}
    items = {i: with_roles(item, roles, problems) for i, item in items.items()}
    problems += _dangling(items, sections, root)
    catalog = Catalog(
        sections=sections,
        items=items,
        tracks=tracks,
        interests=interests,
        aliases=aliases,
        root=root,
        models=roles,
    )
    if not problems:  # rules name items, sections and tags: read them once those hold
        rules, problems = load_rules(root / "rules.yaml", catalog)
        catalog = replace(catalog, rules=rules)
    if problems:
        raise ContentError(problems)
    return catalog


def _completed(item: Item, sections: dict[str, Section], questions: tuple[SelfCheck, ...]) -> Item:
    """The item with its section's lane unless it names its own, and its questions."""
    section = sections.get(item.section)
    lane = item.lane or (section.lane if section else "")
    return replace(item, lane=lane, questions=questions)


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


def _load_list(path: Path, build: Any, problems: list[Problem], read: Any) -> list[Any]:
    if not path.is_file():
        problems.append(Problem("missing catalog file", str(path)))
        return []
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
    return Section(
        id=d["id"],
        title=d["title"],
        part=d["part"],
        guide=bool(d.get("guide", True)),
        topics=topics,
        lane=str(d.get("lane") or ""),
    )


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
        tasks=tuple(task_of(t) for t in d.get("checklist") or ()),
        tags=_strs(d.get("tags")),
        aliases=_strs(d.get("aliases")),
        why=str(d.get("why", "")).strip(),
        lane=str(d.get("lane") or ""),
        hands_on_llm=_flag(d.get("hands_on_llm", False)),
    )


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"hands_on_llm is true or false; got {value!r}")
    return value


def _interest(d: dict[str, Any]) -> Interest:
    return Interest(d["id"], d["title"], d.get("description", "").strip())


def _track(d: dict[str, Any]) -> Track:
    return Track(
        id=d["id"],
        title=d["title"],
        description=d["description"].strip(),
        include=_strs(d.get("include")),
        include_tags=_strs(d.get("include_tags")),
        exclude=_strs(d.get("exclude")),
        exclude_tags=_strs(d.get("exclude_tags")),
    )
