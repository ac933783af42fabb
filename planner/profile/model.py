"""The Profile model: a learner's validated answers, and how it is saved as YAML."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from planner.plan import DEFAULT_STUDY_DAYS
from planner.profile.questions import QUESTIONS


def coming_monday(today: date) -> date:
    """The coming Monday: today when today is a Monday (the default start of a plan)."""
    return today + timedelta(days=(7 - today.weekday()) % 7)


def monday_after(today: date) -> date:
    """The Monday after today: a week later when today is a Monday."""
    return today + timedelta(days=7 - today.weekday())


@dataclass(frozen=True)
class Background:
    math: int
    python: int
    ml: int


@dataclass(frozen=True)
class Profile:
    """The fields of profile.questions.QUESTIONS, validated (a test keeps the two in step)."""

    name: str
    goal: str
    hours_per_week: float
    background: Background
    start_date: date | None = None
    weeks: int | None = None
    interests: tuple[str, ...] = ()
    completed: tuple[str, ...] = ()
    study_days: tuple[str, ...] = DEFAULT_STUDY_DAYS
    tasks_done: tuple[tuple[str, tuple[int, ...]], ...] = ()  # started items' tasks done
    study_time: str = "18:00"  # when calendar sessions start, HH:MM
    time_zone: str | None = None  # an IANA name; None: floating time
    replans: int = 0  # re-plans so far: a re-plan's calendar is a newer revision

    def start(self, today: date) -> date:
        """The start date, or the coming Monday (today when today is a Monday)."""
        return self.start_date or coming_monday(today)

    def to_data(self) -> dict[str, Any]:
        """Plain YAML/JSON-ready data in the questions' order, as each question saves it."""
        data: dict[str, Any] = {}
        for question in QUESTIONS:
            value = question.value_of(self)
            if not question.is_saved(value):
                continue
            *parents, leaf = question.path
            place = data
            for parent in parents:
                place = place.setdefault(parent, {})
            place[leaf] = question.data_of(value)
        return data
