"""Reasons a learner reads: made from where each choice came from, the item's own "why it
matters" line, and the weeks of the plan as built (what it is needed for, and when)."""

from __future__ import annotations

from dataclasses import replace

from planner.catalog.graph import Graph
from planner.catalog.model import Catalog, Item
from planner.engine.chosen import Chosen
from planner.plan import Why

# the order a reason is told in: what this learner did or chose first, the track last
FIRST = {"started": 0, "interest": 1, "rule": 2, "track": 3, "needed-by": 4}


def item_reasons(
    chosen: dict[str, Chosen], first: dict[str, int], catalog: Catalog
) -> dict[str, tuple[Why, ...]]:
    """Every planned item's reasons, most personal first, each sentence said once."""
    planned = catalog.graph.within(i for i in chosen if i in first)
    return {
        item_id: _reasons(c, _users(planned, item_id, first), first, catalog)
        for item_id, c in chosen.items()
        if item_id in first
    }


def why_line(item: Item) -> str:
    """The item's "why it matters" sentence, or its summary's first sentence."""
    if item.why:
        return item.why
    head = item.summary.split(". ")[0].rstrip(".")
    return f"{head}."


def _users(planned: Graph, item_id: str, first: dict[str, int]) -> list[str]:
    """The planned items that build on item_id, earliest first."""
    return sorted(planned.users[item_id], key=lambda i: (first[i], i))


def _reasons(
    c: Chosen, users: list[str], first: dict[str, int], catalog: Catalog
) -> tuple[Why, ...]:
    """The lead reason (always with the item's own line, so no two items share it), what
    builds on the item, then the other rules that touched it: their words join the lead,
    their ids stay as provenance."""
    sources = sorted(c.why, key=lambda w: FIRST.get(w.kind, 5))
    lead, rest = sources[0], sources[1:]
    line = why_line(c.item)
    if lead.kind == "interest":
        title = (
            catalog.interests[lead.interest].title
            if lead.interest in catalog.interests
            else lead.interest
        )
        text = f"You chose {title}: {line}"
    elif lead.kind == "needed-by" and lead.item in first:
        text = f"Needed before {catalog.items[lead.item].title} (week {first[lead.item]}): {line}"
    elif lead.kind == "track":
        text = line
    else:  # started, or a rule of yours: what it says, then what the item is for
        text = f"{lead.text} {line}"
    marks = [w for w in rest if w.kind in ("rule", "deadline") and w.text not in text]
    text = " ".join([text, *dict.fromkeys(w.text for w in marks)])
    out = [replace(lead, text=text)]
    if users and lead.kind != "needed-by":
        names = _titles([catalog.items[u].title + f" (week {first[u]})" for u in users[:2]])
        out.append(
            Why("needed-by", f"{names} build{'s' * (len(users) == 1)} on it.", item=users[0])
        )
    out += [replace(w, text="") for w in marks]
    return tuple(out)


def _titles(titles: list[str]) -> str:
    return titles[0] if len(titles) == 1 else f"{titles[0]} and {titles[1]}"
