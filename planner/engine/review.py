"""Spaced review: a short recall slot for what was finished one and three weeks before."""

from __future__ import annotations

from dataclasses import dataclass

from planner.engine.hours import quarter

REVIEW_SHARE = 0.05  # of an item's hours, at each of the two reviews (one and three weeks on)
REVIEW_LAGS = (1, 3)
REVIEW_CAP_SHARE = 0.15  # review takes at most this share of a week ...
REVIEW_CAP_MIN = 0.5  # ... or half an hour, whichever is more
REVIEW_FROM_HOURS = 3  # below this many hours a week, every hour goes to new work


@dataclass(frozen=True)
class ReviewPolicy:
    """Spaced review: about 5% of an item's hours one week and three weeks after it ends."""

    hours: dict[str, float]  # item id -> its planned hours; empty = no review slots
    cap: float = 0.0  # at most this much review a week

    @classmethod
    def for_plan(
        cls, hours: dict[str, float], hours_per_week: float, enabled: bool
    ) -> ReviewPolicy:
        if not enabled or hours_per_week < REVIEW_FROM_HOURS:
            return cls({})
        return cls(hours, max(REVIEW_CAP_MIN, quarter(hours_per_week * REVIEW_CAP_SHARE)))

    def __call__(self, finished: list[list[str]]) -> float:
        """Review hours for the week after `finished` (items finished per week so far)."""
        if not self.hours:
            return 0.0
        items = due(len(finished) + 1, finished)
        if not items:
            return 0.0
        return min(self.cap, quarter(sum(self.hours[i] for i in items) * REVIEW_SHARE))


def due(week: int, finished: list[list[str]]) -> list[str]:
    """The items to recall in week (1-based): those finished one and three weeks before."""
    return [i for lag in REVIEW_LAGS if week - lag >= 1 for i in finished[week - lag - 1]]
