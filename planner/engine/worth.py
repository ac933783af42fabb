"""What an item is worth to this learner when a deadline makes the plan choose."""

from __future__ import annotations

from planner.engine.chosen import Chosen
from planner.engine.order import is_woven

SHOWCASE_KINDS = ("project", "milestone")  # what ends in something to show

# core 10, recommended 5, optional 2: a core item beats two recommended ones of its size
PRIORITY_WORTH = {1: 10.0, 2: 5.0, 3: 2.0}
# habits (soft skills, ethics) count a quarter: a deadline is spent on the technical goal,
# and the habits come back in the full plan
HABIT_WORTH = 0.25
# a topic the learner chose is worth twice one they did not: the plan is theirs
INTEREST_WORTH = 2.0
# the goal's key items and the milestones are what the track is for: three times as much
KEY_WORTH = 3.0
# what a rule, an interest or work already started brought in is personal, but less than key
CHOSEN_WORTH = 1.5
# a project or milestone adds something to show on top of what it teaches, whatever its hours
SHOWCASE_BONUS = 5.0


def worth(items: tuple[Chosen, ...], interests: set[str]) -> dict[str, float]:
    """Each item's value: its priority, the learner's choices, something to show.

    An item the rules shrink to a review of what the learner knows is worth as much less as
    its hours: fewer hours must not look denser.
    """
    out = {}
    for c in items:
        value = PRIORITY_WORTH.get(c.item.priority, PRIORITY_WORTH[3]) * min(1.0, c.scale)
        if is_woven(c):
            value *= HABIT_WORTH
        if interests & set(c.item.tags):
            value *= INTEREST_WORTH
        if c.emphasised:  # the goal's key items and the milestones
            value *= KEY_WORTH
        elif any(w.kind in ("rule", "interest", "started") for w in c.why):
            value *= CHOSEN_WORTH
        if c.item.kind in SHOWCASE_KINDS:
            value += SHOWCASE_BONUS
        out[c.item.id] = value
    return out
