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
RESOURCE_KINDS = ("course", "docs", "blog", "book", "paper", "video", "tool")
LANES = ("foundations", "llm")  # the two lanes a plan weaves: the basics, and LLM work
# what a task needs beyond a laptop and free tools; each need names a free route too
NEEDS = ("gpu", "multi-gpu", "paid-api", "llm-labelling", "hosting")


@dataclass(frozen=True)
class GuideTopic:
    """One recommendation of the guide under a section heading, and the items that teach it."""

    title: str
    items: tuple[str, ...]  # any one of them in a plan covers the topic


@dataclass(frozen=True, kw_only=True)
class Section:
    id: str
    title: str
    part: str  # the guide's numbered part ("1. Build a Strong Foundation") or "Beyond the guide"
    guide: bool  # True when the section is a heading of the guide
    topics: tuple[GuideTopic, ...] = ()  # what the guide recommends under this heading
    lane: str = ""  # the lane of its items, unless an item says otherwise


@dataclass(frozen=True)
class Cost:
    """What a task's needs cost on the paid route, and how to do it for free instead."""

    usd: float  # an estimate for one learner doing the task once
    free_route: str  # e.g. "Colab's free T4 GPU", "a local small model", "a free API tier"


@dataclass(frozen=True, kw_only=True)
class Task:
    """One checklist task of an item: something the learner does and can tick, with hours."""

    text: str
    hours: float
    needs: tuple[str, ...] = ()  # NEEDS beyond a laptop: gpu, paid-api, ...
    cost: Cost | None = None  # set exactly when the task has needs


@dataclass(frozen=True)
class SelfCheck:
    """A self-check question on an item with its short model answer, for spaced review."""

    question: str
    answer: str


@dataclass(frozen=True, kw_only=True)
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
    lane: str = ""  # LANES: its own, or its section's
    hands_on_llm: bool = False  # the learner works with an LLM: prompts, APIs, RAG, tuning...
    questions: tuple[SelfCheck, ...] = ()  # from content/questions/<items file>.yaml

    @property
    def checklist(self) -> tuple[str, ...]:
        return tuple(t.text for t in self.tasks)


@dataclass(frozen=True, kw_only=True)
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


@dataclass(frozen=True, kw_only=True)
class ModelRole:
    """A kind of model a task uses, with a current example: the one place a model is named."""

    id: str
    role: str  # "a current small open instruct model"
    example: str  # "Qwen3.5-2B"
    hub_id: str = ""  # the example's Hugging Face id, for tasks that load or serve it
    checked: str = ""  # the date (YYYY-MM-DD) the example was last checked as current

    @property
    def phrase(self) -> str:
        """What a task says where it names the role."""
        return f"{self.role} (e.g. {self.example})"


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
    models: dict[str, ModelRole] = field(default_factory=dict)  # role id -> its example

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
