"""Lint the data plans teach from: every item in a lane, hands-on LLM items in the LLM lane,
and, once items are marked hands-on, in every track a first contact with a model that needs
nothing before it and a project that can be shown early."""

from __future__ import annotations

from planner.catalog.model import LANES, Catalog

EARLY_PROJECT_HOURS = 40.0  # a project and all it needs, at catalog hours: shown by 80 h


def lint_teaching(catalog: Catalog) -> list[str]:
    """Problems of lanes, hands-on LLM items and each track's first contact and early project."""
    out = [
        f"section {s.id}: lane {s.lane!r} not one of {', '.join(LANES)}"
        for s in catalog.sections.values()
        if s.lane not in LANES
    ]
    for item in catalog.items.values():
        if item.lane not in LANES:
            out.append(f"item {item.id}: lane {item.lane!r} not one of {', '.join(LANES)}")
        elif item.hands_on_llm and item.lane != "llm":
            out.append(f"item {item.id}: hands-on LLM work belongs in the llm lane")
    if not any(item.hands_on_llm for item in catalog.items.values()):
        return out  # no teaching-order data yet: nothing to open a plan with
    for track in catalog.tracks.values():
        members = [catalog.items[i] for i in track.members(catalog)]
        if not any(i.hands_on_llm and not i.prerequisites for i in members):
            out.append(
                f"track {track.id}: no first contact (a hands-on LLM item without "
                "prerequisites) for its plans to open with"
            )
        if not any(
            i.kind in ("project", "milestone") and _with_needs(catalog, i.id) <= EARLY_PROJECT_HOURS
            for i in members
        ):
            out.append(
                f"track {track.id}: no project that, with what it needs, fits in "
                f"{EARLY_PROJECT_HOURS:g} h, so nothing is shown early"
            )
    return out


def _with_needs(catalog: Catalog, item_id: str) -> float:
    """The hours of an item and of every item it needs, directly or not."""
    return sum(catalog.items[i].hours for i in catalog.graph.bundle(item_id))
