"""The Plan data model: what every renderer reads, never re-decides."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Resource:
    title: str
    url: str
    kind: str = "docs"  # course | docs | book | paper | video | tool
    free: bool = True


@dataclass(frozen=True)
class PlannedItem:
    """One item (or one part of a split item) as planned in one week."""

    id: str
    title: str
    section: str  # section id
    section_title: str
    hours: float  # hours planned for it in this week
    part: tuple[int, int]  # (k, n): part k of n; (1, 1) when not split
    kind: str  # lesson | project | milestone | review | catch-up
    summary: str
    prerequisites: tuple[str, ...]
    reasons: tuple[str, ...]
    resources: tuple[Resource, ...]
    checklist: tuple[str, ...]  # this part's share of the item's tasks
    task_offset: int = 0  # index of this part's first task within the whole item
    emphasised: bool = False


@dataclass(frozen=True)
class Week:
    number: int  # 1-based
    start: date
    end: date  # start + 6 days
    items: tuple[PlannedItem, ...]

    @property
    def hours(self) -> float:
        return round(sum(i.hours for i in self.items), 2)


@dataclass(frozen=True)
class Omitted:
    """An item left out of the plan (dropped for the deadline, or skipped), with why."""

    id: str
    title: str
    reason: str
    hours: float = 0.0
    group: str = ""  # for dropped items: core, recommended or optional (how renderers group)


@dataclass(frozen=True)
class RuleFiring:
    """A rule that fired for this profile: the plan-level "why"."""

    rule_id: str
    why: str
    matched: tuple[str, ...] = ()  # the profile facts that made it fire: "background.math = 1"


@dataclass(frozen=True)
class Plan:
    name: str
    goal: str
    goal_title: str
    hours_per_week: float
    start_date: date
    weeks: tuple[Week, ...]
    dropped: tuple[Omitted, ...] = ()
    skipped: tuple[Omitted, ...] = ()
    notes: tuple[str, ...] = ()
    fired: tuple[RuleFiring, ...] = ()
    full_weeks: int = 0  # weeks the full plan would need (== len(weeks) when nothing dropped)
    lower_bound_weeks: int = 0
    profile: dict[str, Any] = field(default_factory=dict)  # the validated profile, as YAML data

    @property
    def total_hours(self) -> float:
        return round(sum(w.hours for w in self.weeks), 2)

    @property
    def end_date(self) -> date:
        return self.weeks[-1].end if self.weeks else self.start_date

    def sections(self) -> list[tuple[str, str]]:
        """Section (id, title) pairs in order of first appearance."""
        seen: dict[str, str] = {}
        for week in self.weeks:
            for item in week.items:
                seen.setdefault(item.section, item.section_title)
        return list(seen.items())
