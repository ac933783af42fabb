"""Rules as typed data: a condition, one record per action, and a why with {field} slots."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from planner.catalog.conditions import Condition


@dataclass(frozen=True)
class Include:
    """Items the plan takes."""

    ids: tuple[str, ...]


@dataclass(frozen=True)
class IncludeTags:
    """Items carrying any of these tags."""

    tags: tuple[str, ...]


@dataclass(frozen=True)
class IncludeInterests:
    """Items carrying any of the learner's interests."""


@dataclass(frozen=True)
class Skip:
    """Items left out (a skip wins over an include)."""

    ids: tuple[str, ...]


@dataclass(frozen=True)
class SkipTags:
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Where:
    """Items in sections (at a level, when given), except those with except_tags."""

    sections: tuple[str, ...] = ()
    level: str | None = None
    except_tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SkipWhere:
    where: Where


@dataclass(frozen=True)
class KeepTags:
    """Items no other rule may skip: what the learner lacks."""

    tags: tuple[str, ...]


@dataclass(frozen=True)
class SkipOptional:
    """Items of this priority or lower that only the track asked for."""

    priority: int


@dataclass(frozen=True)
class Emphasise:
    """The goal's key items: they start early and a deadline keeps them."""

    ids: tuple[str, ...]


@dataclass(frozen=True)
class EmphasiseTags:
    tags: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class ScaleHours:
    """factor times the hours of the items named, tagged or where-matched."""

    factor: float
    ids: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    where: Where | None = None


@dataclass(frozen=True, kw_only=True)
class SetPlan:
    """How the plan runs: spaced review, and a light catch-up week after every N weeks."""

    review: bool | None = None  # None: this rule leaves it as it is
    catch_up_every: int | None = None


Action = (
    Include
    | IncludeTags
    | IncludeInterests
    | Skip
    | SkipTags
    | SkipWhere
    | KeepTags
    | SkipOptional
    | Emphasise
    | EmphasiseTags
    | ScaleHours
    | SetPlan
)
A = TypeVar("A")


@dataclass(frozen=True, kw_only=True)
class Rule:
    """One rule of content/rules.yaml: when its condition holds, its actions apply (in the
    order of rule_load.ACTIONS) and its why says so."""

    id: str
    when: Condition
    then: tuple[Action, ...]
    why: str  # a sentence with {field} placeholders, filled when the plan is rendered

    def actions(self, kind: type[A]) -> tuple[A, ...]:
        """This rule's actions of one kind."""
        return tuple(a for a in self.then if isinstance(a, kind))
