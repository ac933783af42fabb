"""Reasons a learner reads: made from where each choice came from, the item's own "why it
matters" line, and the weeks of the plan as built (what it is needed for, and when)."""

from __future__ import annotations

from planner.catalog.model import Catalog, Item
from planner.engine.selection import Chosen
from planner.plan import Why

# the order a reason is told in: what this learner did or chose first, the track last
FIRST = {"started": 0, "interest": 1, "rule": 2, "track": 3, "needed-by": 4}


def item_reasons(chosen: dict[str, Chosen], first: dict[str, int],
                 catalog: Catalog) -> dict[str, tuple[Why, ...]]:
    """Every planned item's reasons, most personal first, each sentence said once."""
    users = _users(chosen, first)
    return {item_id: _reasons(c, users.get(item_id, []), first, catalog)
            for item_id, c in chosen.items() if item_id in first}


def why_line(item: Item) -> str:
    """The item's "why it matters" sentence, or its summary's first sentence."""
    if item.why:
        return item.why
    head = item.summary.split(". ")[0].rstrip(".")
    return f"{head}."


def _users(chosen: dict[str, Chosen], first: dict[str, int]) -> dict[str, list[str]]:
    """Per item, the planned items that build on it, earliest first."""
    out: dict[str, list[str]] = {}
    for item_id, c in chosen.items():
        if item_id not in first:
            continue
        for pre in c.item.prerequisites:
            if pre in chosen and pre in first:
                out.setdefault(pre, []).append(item_id)
    return {k: sorted(v, key=lambda i: (first[i], i)) for k, v in out.items()}


def _reasons(c: Chosen, users: list[str], first: dict[str, int],
             catalog: Catalog) -> tuple[Why, ...]:
    sources = sorted(c.why, key=lambda w: FIRST.get(w.kind, 5))
    lead = sources[0]
    line = why_line(c.item)
    out: list[Why] = []
    if lead.kind == "interest":
        title = catalog.interests[lead.interest].title if lead.interest in catalog.interests \
            else lead.interest
        out.append(Why("interest", f"You chose {title}: {line}", rule=lead.rule,
                       interest=lead.interest))
    elif lead.kind == "needed-by" and lead.item in first:
        user = catalog.items[lead.item].title
        out.append(Why("needed-by", f"Needed before {user} (week {first[lead.item]}): {line}",
                       item=lead.item))
    elif lead.kind == "track":
        out.append(Why("track", line, track=lead.track))
    else:
        out.append(lead)
        if lead.kind in ("started", "rule"):
            out.append(Why("item", line))
    if users and lead.kind != "needed-by":
        names = _titles([catalog.items[u].title + f" (week {first[u]})" for u in users[:2]])
        out.append(Why("needed-by", f"{names} build{'s' * (len(users) == 1)} on it.",
                       item=users[0]))
    for why in sources[1:]:  # emphasis, hour changes and other rules that touched it
        if why.kind == "rule" and all(why.text != w.text for w in out):
            out.append(why)
    return tuple(out)


def _titles(titles: list[str]) -> str:
    return titles[0] if len(titles) == 1 else f"{titles[0]} and {titles[1]}"
