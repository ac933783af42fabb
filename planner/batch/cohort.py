"""The cohort's numbers: learners per track, plan lengths, weekly hours, the learners, and
study groups (learners who study the same item in the same calendar week)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from planner.batch.worker import Outcome

TOP_ITEMS = 3  # study groups listed per calendar week
NAMES_SHOWN = 8  # names listed per study group; the rest are counted
MIN_GROUP = 2  # a study group has at least two learners
NICE_STEPS = (1, 2, 2.5, 5)  # bin widths are one of these times a power of ten


@dataclass(frozen=True, kw_only=True)
class Learner:
    """One learner's row in the cohort summary."""

    name: str
    track: str
    weeks: int
    start: date | None
    end: date | None
    hours: float | None  # a week
    file: str


@dataclass
class Group:
    """Learners studying one item in one calendar week: how many, and the first few names."""

    count: int = 0
    names: list[str] = field(default_factory=list)

    def add(self, name: str) -> None:
        self.count += 1
        if len(self.names) < NAMES_SHOWN:
            self.names.append(name)


@dataclass
class CohortStats:
    """Counts over the built plans, one row per learner, and study groups by calendar week."""

    learners: int = 0
    failed: int = 0
    tracks: Counter[str] = field(default_factory=Counter)
    weeks: Counter[int] = field(default_factory=Counter)
    hours: Counter[float] = field(default_factory=Counter)
    people: list[tuple[int, Learner]] = field(default_factory=list)  # (input position, row)
    by_date: dict[date, dict[str, Group]] = field(default_factory=dict)  # Monday -> item id
    titles: dict[str, str] = field(default_factory=dict)

    def add(self, outcome: Outcome) -> None:
        if outcome.status == "failed" or outcome.weeks is None:
            self.failed += outcome.status == "failed"
            return
        self.learners += 1
        track = outcome.goal_title or outcome.goal
        self.tracks[track] += 1
        self.weeks[outcome.weeks] += 1
        self.hours[outcome.hours_per_week or 0.0] += 1
        pdf = next((o for o in outcome.outputs if o.endswith(".pdf")), "")
        self.people.append(
            (
                outcome.position,
                Learner(
                    name=outcome.name,
                    track=track,
                    weeks=outcome.weeks,
                    start=outcome.start_date,
                    end=outcome.end_date,
                    hours=outcome.hours_per_week,
                    file=pdf or (outcome.outputs[0] if outcome.outputs else ""),
                ),
            )
        )
        if outcome.start_date is not None:
            for number, items in enumerate(outcome.week_items):
                monday = outcome.start_date + timedelta(weeks=number)
                week = self.by_date.setdefault(monday, {})
                for item in items:
                    week.setdefault(item, Group()).add(outcome.name)
        self.titles.update(outcome.titles)

    def roster(self) -> list[Learner]:
        """Every learner with a plan, in input order (whatever order the workers finished)."""
        return [learner for _, learner in sorted(self.people, key=lambda p: p[0])]

    def groups(self) -> list[tuple[date, list[tuple[str, Group]]]]:
        """Per calendar week (its Monday), the items at least MIN_GROUP learners study then."""
        out = []
        for monday in sorted(self.by_date):
            shared = [(item, g) for item, g in self.by_date[monday].items() if g.count >= MIN_GROUP]
            # ties broken by id so the page is the same whatever order the workers finished in
            shared.sort(key=lambda ig: (-ig[1].count, ig[0]))
            if shared:
                out.append((monday, [(self.titles.get(i, i), g) for i, g in shared[:TOP_ITEMS]]))
        return out

    def summary(self) -> dict[str, Any]:
        return {
            "learners": self.learners,
            "failed": self.failed,
            "tracks": dict(sorted(self.tracks.items(), key=lambda kv: (-kv[1], kv[0]))),
            "weeks": {str(k): v for k, v in sorted(self.weeks.items())},
            "hours_per_week": {f"{k:g}": v for k, v in sorted(self.hours.items())},
        }


def nice_width(span: float, bins: int) -> float:
    """The smallest of 1, 2, 2.5, 5 times a power of ten that covers span in `bins` bins."""
    raw = max(span / bins, 1e-9)
    power = 10.0 ** math.floor(math.log10(raw))
    return next(s * power for s in (*NICE_STEPS, 10) if s * power >= raw - 1e-9)


def histogram(
    counts: Counter[Any], bins: int = 8, unit: str = "", whole: bool = False
) -> list[tuple[str, int]]:
    """(label, learners) bars: one per value when few, else ranges of a round width.

    whole: the values are whole numbers (weeks), so a range reads '9–12'; otherwise a range
    holds its lower bound but not its upper ('5 to under 10 h').
    """
    if not counts:
        return []
    values = sorted(counts)
    suffix = f" {unit}" if unit else ""
    if len(values) <= bins:
        return [(f"{v:g}{suffix}", counts[v]) for v in values]
    width = nice_width(values[-1] - values[0] + (1 if whole else 0), bins)
    if whole:
        width = max(1.0, math.ceil(width))
    low = math.floor(values[0] / width) * width
    bars: dict[float, int] = {}
    for value, n in counts.items():
        start = low + math.floor((value - low) / width) * width
        bars[start] = bars.get(start, 0) + n
    last = max(bars)
    labels = []
    start = low
    while start <= last:
        if whole:
            last_value = start + width - 1
            label = f"{start:g}{suffix}" if width == 1 else f"{start:g}–{last_value:g}{suffix}"
        else:
            label = f"{start:g} to under {start + width:g}{suffix}"
        labels.append((label, bars.get(start, 0)))
        start += width
    return labels
