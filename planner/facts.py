"""What a plan states, as data: each fact a kind and its parameters (ids, weeks, hours,
counts), never words. The engine makes them; planner/render/words/ alone says them, so every
sentence a learner reads can be checked against the plan it speaks of."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

Value = str | int | float | bool | tuple[str, ...] | None  # a profile answer, as rules test it
YEAR_WEEKS = 52  # a plan longer than this runs past a year: it says so, with alternatives


# --- Why an item is in the plan, or left out --------------------------------------------
# `kind` is what the JSON export calls it; the words depend on the class.


@dataclass(frozen=True, kw_only=True)
class Why:
    """Where a decision about an item came from."""

    kind: ClassVar[str] = ""
    rule: str = ""  # the rule behind it, when a rule is


@dataclass(frozen=True, kw_only=True)
class OnTrack(Why):
    """The goal's track lists the item: its own "why it matters" line says the rest."""

    kind = "track"
    track: str


@dataclass(frozen=True, kw_only=True)
class ByRule(Why):
    """A rule of content/rules.yaml took, skipped, emphasised or resized the item."""

    kind = "rule"
    rule: str


@dataclass(frozen=True, kw_only=True)
class ByInterest(Why):
    """The item is on one of the learner's interests (rule: the rule that matched it)."""

    kind = "interest"
    interest: str


@dataclass(frozen=True, kw_only=True)
class NeededBy(Why):
    """`item` builds on this one and starts in `week` (0: it is not in the plan)."""

    kind = "needed-by"
    item: str
    week: int = 0


@dataclass(frozen=True, kw_only=True)
class BuildsOn(Why):
    """Planned items build on this one: `items` (at most two) start in `weeks`."""

    kind = "needed-by"
    items: tuple[str, ...]
    weeks: tuple[int, ...]

    @property
    def item(self) -> str:
        return self.items[0]


@dataclass(frozen=True, kw_only=True)
class Started(Why):
    """The learner has done `done` of the item's `of` tasks: it continues first."""

    kind = "started"
    done: int
    of: int


@dataclass(frozen=True, kw_only=True)
class Completed(Why):
    """The learner marked the item as completed."""

    kind = "completed"


@dataclass(frozen=True, kw_only=True)
class FirstTasks(Why):
    """Only the first `planned` of the item's `of` tasks fit the deadline; `after` hours of
    it come after."""

    kind = "deadline"
    planned: int
    of: int
    after: float


@dataclass(frozen=True, kw_only=True)
class LeftOut(Why):
    """Left out to fit the deadline (the Omitted record holds its hours and importance)."""

    kind = "deadline"


@dataclass(frozen=True, kw_only=True)
class Continued(Why):
    """A later part of a split item: its previous part is in `week`."""

    kind = "continued"
    item: str
    week: int


@dataclass(frozen=True, kw_only=True)
class ReviewDue(Why):
    """A spaced-review slot: `items` ended `ago` weeks before (each lag that holds one)."""

    kind = "plan"
    items: tuple[str, ...]
    ago: tuple[int, ...]


@dataclass(frozen=True, kw_only=True)
class CatchUpAfter(Why):
    """A light catch-up week after week `week`."""

    kind = "plan"
    week: int


WHYS: tuple[type[Why], ...] = (
    OnTrack,
    ByRule,
    ByInterest,
    NeededBy,
    BuildsOn,
    Started,
    Completed,
    FirstTasks,
    LeftOut,
    Continued,
    ReviewDue,
    CatchUpAfter,
)


# --- What a task the plan adds asks -----------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class TaskFact:
    """A task the plan makes (review, catch-up), where catalog tasks have their own text."""


@dataclass(frozen=True, kw_only=True)
class RecallTask(TaskFact):
    """Recall `item` without notes, then check."""

    item: str


@dataclass(frozen=True, kw_only=True)
class FinishOpen(TaskFact):
    """Finish any task still open from weeks `first` to `last`."""

    first: int
    last: int


@dataclass(frozen=True, kw_only=True)
class RedoHardest(TaskFact):
    """Redo the self-check found hardest so far."""


TASKS: tuple[type[TaskFact], ...] = (RecallTask, FinishOpen, RedoHardest)


# --- What the plan as a whole says ------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Note:
    """Something the plan says of itself."""


@dataclass(frozen=True, kw_only=True)
class DeadlineCut(Note):
    """The full plan needs `full_weeks`; `left_out` items were left out to fit `deadline`."""

    full_weeks: int
    deadline: int
    left_out: int


@dataclass(frozen=True, kw_only=True)
class NotWhole(Note):
    """Only the first `planned` tasks of `item` fit the deadline; `after` hours come after."""

    item: str
    planned: int
    after: float


@dataclass(frozen=True, kw_only=True)
class TooLong(Note):
    """Even the most valuable item needs `weeks`, more than the `deadline`."""

    weeks: int
    deadline: int


@dataclass(frozen=True, kw_only=True)
class PartFull(Note):
    """The plan takes `weeks` where `lower_bound` would hold its hours."""

    weeks: int
    lower_bound: int


@dataclass(frozen=True, kw_only=True)
class LongPlan(Note):
    """The plan runs `weeks` at `hours_per_week`, past a year (the plan's alternatives say
    what else is possible)."""

    weeks: int
    hours_per_week: float


@dataclass(frozen=True, kw_only=True)
class CatchUpWeeks(Note):
    """The plan holds `count` light catch-up weeks."""

    count: int


NOTES: tuple[type[Note], ...] = (DeadlineCut, NotWhole, TooLong, PartFull, LongPlan, CatchUpWeeks)


@dataclass(frozen=True, kw_only=True)
class RuleFiring:
    """A rule that fired for this profile: the plan-level "why", said by filling `why`."""

    rule_id: str
    why: str  # the rule's sentence, with {field} placeholders
    values: tuple[tuple[str, Value], ...] = ()  # each placeholder's field and its answer
    matched: tuple[tuple[str, Value], ...] = ()  # the answers that made it fire


@dataclass(frozen=True, kw_only=True)
class Alternative:
    """Another way to plan the same learner, planned for real: a plan past a year offers
    more hours a week, the narrower track, or a deadline (whichever field differs)."""

    weeks: int
    hours_per_week: float
    goal: str
    goal_title: str
    deadline: int | None = None
    left_out: int = 0  # items a deadline leaves out
    left_out_hours: float = 0.0
