"""A cohort's progress: one learner per person (their newest file) and where people are stuck.

Files are matched by the profile they embed, not by their names: a renamed copy still counts
once. Of two files of one learner the newer counts: the one with the later plan start (a
re-plan), then the one with more tasks ticked, then the one modified last.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from planner.catalog.model import Catalog
from planner.progress.cohort_learner import Learner
from planner.progress.cohort_worker import Unread

STATUSES = ("behind", "on track", "ahead", "finished", "not started")


@dataclass(frozen=True)
class ItemRow:
    """One item over the cohort: how many have it, started it, finished it, are overdue."""

    id: str
    title: str
    section: str  # the section's title
    in_plan: int
    started: int  # at least one task ticked (finished ones included)
    finished: int
    overdue: int  # its week has passed and not all its tasks are ticked

    @property
    def in_progress(self) -> int:
        return self.started - self.finished


@dataclass(frozen=True)
class FileRow:
    """What became of one file: counted, duplicate (an older copy), failed or skipped."""

    source: str
    status: str
    learner: str = ""
    reason: str = ""


class Cohort:
    """Learners as files arrive, in any order: the result depends only on the set of files."""

    def __init__(self) -> None:
        self.newest: dict[str, Learner] = {}
        self.older: dict[str, list[tuple[str, str]]] = {}  # key -> (source, name) of copies
        self.unread: list[Unread] = []

    def add(self, outcome: Learner | Unread) -> None:
        if isinstance(outcome, Unread):
            self.unread.append(outcome)
            return
        current = self.newest.get(outcome.key)
        if current is None or outcome.rank > current.rank:
            self.newest[outcome.key] = outcome
            if current is not None:
                self.older.setdefault(outcome.key, []).append((current.source, current.name))
        else:
            self.older.setdefault(outcome.key, []).append((outcome.source, outcome.name))

    def extend(self, outcomes: Iterable[Learner | Unread]) -> Cohort:
        for outcome in outcomes:
            self.add(outcome)
        return self

    def learners(self) -> list[Learner]:
        """One per person, by name (then file)."""
        return sorted(self.newest.values(), key=lambda x: (x.name.casefold(), x.source))

    def copies(self, learner: Learner) -> list[str]:
        """The older files of this learner, which were not counted."""
        return sorted(source for source, _ in self.older.get(learner.key, ()))

    def files(self) -> list[FileRow]:
        rows = [FileRow(x.source, "counted", x.name) for x in self.newest.values()]
        rows += [
            FileRow(
                source,
                "duplicate",
                name,
                f"an older copy of {name}'s plan; counted: {self.newest[key].source}",
            )
            for key, copies in self.older.items()
            for source, name in copies
        ]
        rows += [FileRow(u.source, u.status, reason=u.reason) for u in self.unread]
        return sorted(rows, key=lambda r: r.source)

    def items(self, catalog: Catalog) -> list[ItemRow]:
        """Every item in someone's plan, those most learners are overdue on first."""
        counts: dict[str, Counter[str]] = {}
        for learner in self.newest.values():
            for item in learner.items:
                count = counts.setdefault(item.id, Counter())
                count["in_plan"] += 1
                count["started"] += item.done > 0
                count["finished"] += item.finished
                count["overdue"] += item.overdue(learner.days)
        rows = [
            ItemRow(
                item,
                *_titles(item, catalog),
                c["in_plan"],
                c["started"],
                c["finished"],
                c["overdue"],
            )
            for item, c in counts.items()
        ]
        return sorted(rows, key=lambda r: (-r.overdue, -r.in_progress, -r.in_plan, r.id))

    def summary(self) -> dict[str, Any]:
        statuses = Counter(x.status for x in self.newest.values())
        unread = Counter(u.status for u in self.unread)
        return {
            "files": len(self.newest) + sum(map(len, self.older.values())) + len(self.unread),
            "learners": len(self.newest),
            "duplicates": sum(map(len, self.older.values())),
            "failed": unread["failed"],
            "skipped": unread["skipped"],
            "status": {s: statuses[s] for s in STATUSES},
        }


def _titles(item_id: str, catalog: Catalog) -> tuple[str, str]:
    """(item title, section title); an item the catalog no longer has keeps its id."""
    item = catalog.items.get(item_id)
    if item is None:
        return item_id, ""
    section = catalog.sections.get(item.section)
    return item.title, section.title if section else item.section


def files_line(summary: dict[str, Any]) -> str:
    """'13 files (1 older copy, 4 failed, 1 skipped)': what became of the files read."""
    counts = [
        (summary["duplicates"], "older copy", "older copies"),
        (summary["failed"], "failed", "failed"),
        (summary["skipped"], "skipped", "skipped"),
    ]
    other = [f"{n} {one if n == 1 else many}" for n, one, many in counts if n]
    files = f"{summary['files']} file{'s' * (summary['files'] != 1)}"
    return files + (f" ({', '.join(other)})" if other else "")
