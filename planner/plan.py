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

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # date.weekday() order
DEFAULT_STUDY_DAYS = ("mon", "wed", "sat")
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


@dataclass(frozen=True)
class Resource:
    title: str
    url: str
    kind: str = "docs"  # course | docs | book | paper | video | tool
    free: bool = True


@dataclass(frozen=True)
class Why:
    """Where a decision came from, as data; `text` is what a reader is shown.

    kind: track (the goal's track lists it), rule (a rule of content/rules.yaml), needed-by
    (a chosen item builds on it), interest (one of the learner's interests), completed (the
    learner marked it done), deadline (left out to fit the deadline), plan (review and
    catch-up slots the plan adds).
    """

    kind: str
    text: str
    rule: str = ""  # rule id, for kind rule (and interest, when a rule matched it)
    item: str = ""  # for needed-by: the chosen item that needs this one
    interest: str = ""  # for interest: the interest tag
    track: str = ""  # for track: the track id


@dataclass(frozen=True)
class PlannedTask:
    """One checklist task (or one session of a task longer than a week) in one week."""

    text: str
    hours: float
    index: int  # the task's position in the whole item: the t-number of its id
    session: tuple[int, int] = (1, 1)  # (k, n): session k of n of a long task

    @property
    def label(self) -> str:
        """The text a checkbox shows: the task, and which session of it this is."""
        k, n = self.session
        return f"{self.text} (session {k} of {n})" if n > 1 else self.text


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
    why: tuple[Why, ...]
    resources: tuple[Resource, ...]
    tasks: tuple[PlannedTask, ...]  # this part's share of the item's tasks, in order
    emphasised: bool = False
    continued_from: int = 0  # the week of this item's previous part; 0 for a first part

    @property
    def reasons(self) -> tuple[str, ...]:
        """What a reader is told; provenance without words (a rule's mark) is not repeated."""
        return tuple(w.text for w in self.why if w.text)

    @property
    def checklist(self) -> tuple[str, ...]:
        """The text of each task's checkbox, in order."""
        return tuple(t.label for t in self.tasks)

    def task_ids(self, week: int) -> tuple[str, ...]:
        """The id of each of this part's tasks (checkbox names, Markdown task ids)."""
        return tuple(task_id(week, self.id, t.index) for t in self.tasks)


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
    why: Why
    hours: float = 0.0
    group: str = ""  # for dropped items: core, recommended or optional (how renderers group)

    @property
    def reason(self) -> str:
        return self.why.text


@dataclass(frozen=True)
class RuleFiring:
    """A rule that fired for this profile: the plan-level "why"."""

    rule_id: str
    why: str
    matched: tuple[str, ...] = ()  # the profile facts that made it fire: "background.math = 1"


@dataclass(frozen=True)
class Alternative:
    """Another way to plan the same learner, planned for real: a plan past a year offers some."""

    label: str  # "10 hours a week", "the narrower LLM application developer track", ...
    weeks: int
    hours_per_week: float
    goal: str
    deadline: int | None
    left_out: int  # items a deadline leaves out
    left_out_hours: float


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
    alternatives: tuple[Alternative, ...] = ()  # for a plan longer than a year
    built_on: date | None = None  # the "today" it was planned on (pipeline.make_plan sets it)
    # the study days of the plan a re-plan replaces, from the re-plan's start on (the re-plan
    # step sets them): a calendar cancels those this plan has no session on
    previous_sessions: tuple[date, ...] = ()

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
