"""The Plan data model: what every renderer reads, never re-decides."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml

from planner.facts import Alternative, Note, RuleFiring, TaskFact, Why

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # date.weekday() order
DEFAULT_STUDY_DAYS = ("mon", "wed", "sat")
# the slots the plan adds beside catalog items: their section and titles are names, like a
# catalog item's; what they say is made from their facts (planner/render/words/)
REVIEW_SECTION = ("review", "Review")
REVIEW_TITLE = "Spaced review"
CATCH_UP_TITLE = "Catch-up week"
# what a written plan carries so a ticked copy can be read back: the profile it came from
# (a PDF attachment, a marked Markdown block) and one id per checklist task. The Markdown
# marker is a link reference definition: every CommonMark renderer hides it, also those that
# show raw HTML (and so an HTML comment) as text.
PROFILE_ATTACHMENT = "profile.yaml"
PROFILE_MARKER = "[studyplan:profile]: #"
OLD_PROFILE_MARKER = "<!-- studyplan:profile -->"  # files written before; still read
TASK_ID = re.compile(
    r"^w(?P<week>[1-9][0-9]*)-(?P<item>[a-z0-9]+(?:-[a-z0-9]+)*)"
    r"-t(?P<index>[0-9]+)$"
)


def task_id(week: int, item_id: str, index: int) -> str:
    """'w3-linear-algebra-t2': week number, item id, task index within the whole item."""
    return f"w{week}-{item_id}-t{index}"


def learner_key(profile: dict[str, Any]) -> str:
    """16 hex digits naming a learner: the same through re-plans, different for another person.

    Built from the fields that say who the learner is: name, goal, background, interests. A
    re-plan keeps them (it moves start_date and grows completed and tasks_done, and a learner
    may change hours or a deadline when re-planning); two people with one name differ by
    goal, background or interests. Changing one of these (a new goal) makes a new learner.
    """
    name = unicodedata.normalize("NFC", str(profile.get("name", ""))).strip()
    facts = {
        "name": name,
        "goal": str(profile.get("goal", "")),
        "background": {str(k): v for k, v in (profile.get("background") or {}).items()},
        "interests": sorted({str(i) for i in profile.get("interests") or ()}),
    }
    text = json.dumps(facts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def profile_yaml(data: dict[str, Any]) -> str:
    """Profile data as YAML in the order given, the start date as a plain YAML date."""
    if isinstance(data.get("start_date"), str):
        data = data | {"start_date": date.fromisoformat(data["start_date"])}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@dataclass(frozen=True, kw_only=True)
class Resource:
    title: str
    url: str
    kind: str = "docs"  # course | docs | book | paper | video | tool
    free: bool = True


@dataclass(frozen=True, kw_only=True)
class PlannedTask:
    """One checklist task (or one session of a task longer than a week) in one week."""

    text: str  # the catalog's words; "" for a task the plan adds (`made` says what it asks)
    hours: float
    index: int  # the task's position in the whole item: the t-number of its id
    session: tuple[int, int] = (1, 1)  # (k, n): session k of n of a long task
    made: TaskFact | None = None  # a review or catch-up task, as a fact


@dataclass(frozen=True, kw_only=True)
class PlannedItem:
    """One item (or one part of a split item) as planned in one week."""

    id: str
    title: str
    section: str  # section id
    section_title: str
    hours: float  # hours planned for it in this week
    part: tuple[int, int]  # (k, n): part k of n; (1, 1) when not split
    kind: str  # lesson | project | milestone | review | catch-up
    summary: str  # "" for review and catch-up slots: the words say what they are
    prerequisites: tuple[str, ...]
    why: tuple[Why, ...]  # the lead reason first, then what builds on it, then other rules
    resources: tuple[Resource, ...]
    tasks: tuple[PlannedTask, ...]  # this part's share of the item's tasks, in order
    purpose: str = ""  # the catalog's one sentence on what the item is for
    emphasised: bool = False
    continued_from: int = 0  # the week of this item's previous part; 0 for a first part

    def task_ids(self, week: int) -> tuple[str, ...]:
        """The id of each of this part's tasks (checkbox names, Markdown task ids)."""
        return tuple(task_id(week, self.id, t.index) for t in self.tasks)


@dataclass(frozen=True, kw_only=True)
class Week:
    number: int  # 1-based
    start: date
    end: date  # start + 6 days
    items: tuple[PlannedItem, ...]

    @property
    def hours(self) -> float:
        return round(sum(i.hours for i in self.items), 2)


@dataclass(frozen=True, kw_only=True)
class Omitted:
    """An item left out of the plan (dropped for the deadline, or skipped), with why."""

    id: str
    title: str
    why: Why
    hours: float = 0.0  # what it would take
    group: str = ""  # for dropped items: core, recommended or optional (how renderers group)
    needed_by: tuple[str, ...] = ()  # planned items that build on it (the plan assumes it)


@dataclass(frozen=True, kw_only=True)
class Plan:
    name: str
    goal: str
    goal_title: str
    hours_per_week: float
    start_date: date
    weeks: tuple[Week, ...]
    deadline: int | None = None  # the learner's deadline in weeks, if any
    dropped: tuple[Omitted, ...] = ()
    skipped: tuple[Omitted, ...] = ()
    notes: tuple[Note, ...] = ()
    extra_notes: tuple[str, ...] = ()  # words a front end adds (a re-plan's progress), said first
    fired: tuple[RuleFiring, ...] = ()
    full_weeks: int = 0  # weeks the full plan would need (== len(weeks) when nothing dropped)
    lower_bound_weeks: int = 0
    profile: dict[str, Any] = field(default_factory=dict)  # the validated profile, as YAML data
    alternatives: tuple[Alternative, ...] = ()  # for a plan longer than a year
    built_on: date | None = None  # the "today" it was planned on (pipeline.make_plan sets it)
    # the study days of the plan a re-plan replaces, from the re-plan's start on (the re-plan
    # step sets them): a calendar cancels those this plan has no session on
    previous_sessions: tuple[date, ...] = ()
    # the titles of the items and interests the facts name by id
    titles: dict[str, str] = field(default_factory=dict)
    interest_titles: dict[str, str] = field(default_factory=dict)

    @property
    def total_hours(self) -> float:
        return round(sum(w.hours for w in self.weeks), 2)

    @property
    def profile_text(self) -> str:
        """The profile as YAML: what a written plan embeds, so a ticked copy can re-plan."""
        return profile_yaml(self.profile)

    @property
    def learner(self) -> str:
        """The learner's key (see learner_key): calendars use it for event UIDs."""
        return learner_key(self.profile)

    @property
    def study_days(self) -> tuple[str, ...]:
        """The weekdays the learner studies (WEEKDAYS names, in week order)."""
        days = self.profile.get("study_days") or DEFAULT_STUDY_DAYS
        return tuple(d for d in WEEKDAYS if d in days) or DEFAULT_STUDY_DAYS

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
