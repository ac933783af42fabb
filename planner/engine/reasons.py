"""Each planned item's reasons as facts: the lead (most personal first, with the week of the
item that needs it), what builds on it and when, then the other rules that touched it."""

from __future__ import annotations

from dataclasses import replace

from planner.catalog.graph import Graph
from planner.catalog.model import Catalog
from planner.engine.chosen import Chosen
from planner.facts import BuildsOn, ByRule, FirstTasks, NeededBy, Why

# the order a reason is told in: what this learner did or chose first, the track last
FIRST = {"started": 0, "interest": 1, "rule": 2, "track": 3, "needed-by": 4}
SHOWN_USERS = 2  # the planned items named as building on an item


def item_reasons(
    chosen: dict[str, Chosen], first: dict[str, int], catalog: Catalog
) -> dict[str, tuple[Why, ...]]:
    """Every planned item's reasons (first: the week each planned item starts in)."""
    planned = catalog.graph.within(i for i in chosen if i in first)
    return {
        item_id: _reasons(c, _users(planned, item_id, first), first)
        for item_id, c in chosen.items()
        if item_id in first
    }


def _users(planned: Graph, item_id: str, first: dict[str, int]) -> list[str]:
    """The planned items that build on item_id, earliest first."""
    return sorted(planned.users[item_id], key=lambda i: (first[i], i))


def _reasons(c: Chosen, users: list[str], first: dict[str, int]) -> tuple[Why, ...]:
    """The lead reason (said with the item's own line, so no two items share it), what builds
    on the item, then the other rules and the deadline that touched it (their words join the
    lead's; a rule the lead already says is not repeated)."""
    sources = sorted(c.why, key=lambda w: FIRST.get(w.kind, len(FIRST)))
    lead, rest = sources[0], sources[1:]
    if isinstance(lead, NeededBy):  # the week it is needed by; 0 when that item is not planned
        lead = replace(lead, week=first.get(lead.item, 0))
    marks = [
        w
        for w in rest
        if isinstance(w, FirstTasks)
        or (isinstance(w, ByRule) and not (isinstance(lead, ByRule) and lead.rule == w.rule))
    ]
    out: list[Why] = [lead]
    if users and not isinstance(lead, NeededBy):
        shown = users[:SHOWN_USERS]
        out.append(BuildsOn(items=tuple(shown), weeks=tuple(first[u] for u in shown)))
    return (*out, *marks)
