"""The catalog model: guide sections, items with resources and tasks, tracks, interests."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from planner.catalog.graph import Graph
from planner.catalog.rules import Rule
from planner.plan import Resource

LEVELS = ("beginner", "intermediate", "advanced")
KINDS = ("lesson", "project", "milestone")
RESOURCE_KINDS = ("course", "docs", "book", "paper", "video", "tool")


@dataclass(frozen=True)
class GuideTopic:
    """One recommendation of the guide under a section heading, and the items that teach it."""

    title: str
    items: tuple[str, ...]  # any one of them in a plan covers the topic


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    part: str  # the guide's numbered part ("1. Build a Strong Foundation") or "Beyond the guide"
    guide: bool  # True when the section is a heading of the guide
    topics: tuple[GuideTopic, ...] = ()  # what the guide recommends under this heading


@dataclass(frozen=True)
class Task:
    """One checklist task of an item: something the learner does and can tick, with hours."""

    text: str
    hours: float


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    section: str
    summary: str
    outcomes: tuple[str, ...]
    hours: float
    level: str
    kind: str
    priority: int  # 1 core, 2 recommended, 3 optional: what a deadline drops first is 3
    prerequisites: tuple[str, ...]
    resources: tuple[Resource, ...]
    tasks: tuple[Task, ...]
    tags: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    why: str = ""  # one sentence: what this item is for on the way to the goal

    @property
    def checklist(self) -> tuple[str, ...]:
        return tuple(t.text for t in self.tasks)


@dataclass(frozen=True)
class Track:
    id: str
    title: str
    description: str
    include: tuple[str, ...]  # item ids
    include_tags: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    exclude_tags: tuple[str, ...] = ()

    def members(self, catalog: Catalog) -> list[str]:
        """The track's item ids: listed or tagged in, minus those listed or tagged out."""
        tagged = set(catalog.items_with_tags(self.include_tags))
        out = set(catalog.items_with_tags(self.exclude_tags)) | set(self.exclude)
        return [
            i
            for i in catalog.items
            if (i in self.include or i in tagged) and i not in out or i in self.include
        ]


@dataclass(frozen=True)
class Interest:
    id: str  # a tag that items carry
    title: str
    description: str


@dataclass(frozen=True, eq=False, kw_only=True)  # compared and hashed by identity: loaded once
class Catalog:
    sections: dict[str, Section]
    items: dict[str, Item]
    tracks: dict[str, Track]
    interests: dict[str, Interest] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # old id -> current id
    root: Path | None = None
    rules: tuple[Rule, ...] = ()  # content/rules.yaml, in file order

    def resolve(self, item_id: str) -> str | None:
        """The current id for an id or alias, or None when unknown."""
        if item_id in self.items:
            return item_id
        return self.aliases.get(item_id)

    @functools.cached_property
    def graph(self) -> Graph:
        """The prerequisite graph of every item, built once per catalog."""
        return Graph({item_id: item.prerequisites for item_id, item in self.items.items()})

    def tags(self) -> set[str]:
        return {t for item in self.items.values() for t in item.tags}

    def items_with_tags(self, tags: tuple[str, ...] | list[str]) -> list[str]:
        """Ids of the items carrying any of tags, in catalog order."""
        return list(self._tagged(tuple(sorted(set(tags)))))

    @functools.lru_cache(maxsize=512)  # noqa: B019 - a catalog is loaded once and kept
    def _tagged(self, tags: tuple[str, ...]) -> tuple[str, ...]:
        wanted = set(tags)
        return tuple(i.id for i in self.items.values() if wanted & set(i.tags))
