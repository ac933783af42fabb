"""What the placement quiz tells a learner about their self-rating, in words."""

from __future__ import annotations

from planner.catalog.quiz import AREA_TITLES
from planner.profile.questions import level_text


def offer_text(area: str, level: int, rating: int) -> str:
    """The sentence that offers the quiz's level instead of the self-rating."""
    return (
        f"The quiz suggests {AREA_TITLES[area]} level {level_text(area, level)}; you rated "
        f"yourself {level_text(area, rating)}."
    )
