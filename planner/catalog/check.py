"""Lint the catalog itself (items, ids, prerequisite cycles, links, guide coverage)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from planner.catalog.load import load_catalog
from planner.catalog.model import KINDS, LEVELS, RESOURCE_KINDS, Catalog
from planner.errors import ContentError

MOJIBAKE = re.compile("â€|Ã[\u0080-\u00bf]|\ufffd")


def lint_catalog(root: Path | None = None) -> tuple[Catalog | None, list[str]]:
    """The catalog at root (default: the shipped one) and every problem in it, as text lines.

    The catalog is None when it cannot even load.
    """
    try:
        catalog = load_catalog(root, strict=True)
    except ContentError as exc:
        return None, [str(p) for p in exc.problems]
    problems = [*_items(catalog), *_cycles(catalog), *_coverage(catalog), *_urls(catalog)]
    return catalog, problems + _interests(catalog)


def _items(catalog: Catalog) -> list[str]:
    out = []
    for item in catalog.items.values():
        def bad(what: str, item_id: str = item.id) -> None:
            out.append(f"item {item_id}: {what}")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item.id):
            bad("id must be kebab-case")
        if not 1 <= item.hours <= 60:
            bad(f"hours {item.hours:g} outside 1..60")
        if item.level not in LEVELS:
            bad(f"level {item.level!r} not one of {', '.join(LEVELS)}")
        if item.kind not in KINDS:
            bad(f"kind {item.kind!r} not one of {', '.join(KINDS)}")
        if item.priority not in (1, 2, 3):
            bad("priority must be 1, 2 or 3")
        task_hours = sum(task.hours for task in item.tasks)
        if abs(task_hours - item.hours) > 1e-6:
            bad(f"task hours sum to {task_hours:g}, not the item's {item.hours:g} hours")
        if any(task.hours <= 0 for task in item.tasks):
            bad("every task needs hours above 0")
        if not 3 <= len(item.checklist) <= 6:
            bad(f"{len(item.checklist)} checklist tasks; 3 to 6 wanted")
        if not 2 <= len(item.resources) <= 4:
            bad(f"{len(item.resources)} resources; 2 to 4 wanted")
        if not item.summary or not item.tags:
            bad("needs a summary and tags")
        texts = [item.title, item.summary, *item.checklist, *item.outcomes,
                 *(r.title for r in item.resources)]
        if any(MOJIBAKE.search(t) for t in texts):
            bad("text has mojibake (broken encoding, like 'â€™')")
        for r in item.resources:
            if r.kind not in RESOURCE_KINDS:
                bad(f"resource kind {r.kind!r} not one of {', '.join(RESOURCE_KINDS)}")
    return out


def _cycles(catalog: Catalog) -> list[str]:
    state: dict[str, int] = {}  # 1 visiting, 2 done
    out: list[str] = []

    def visit(item_id: str, path: list[str]) -> None:
        if state.get(item_id) == 2:
            return
        if state.get(item_id) == 1:
            out.append("prerequisite cycle: " + " -> ".join([*path, item_id]))
            return
        state[item_id] = 1
        for pre in catalog.items[item_id].prerequisites:
            visit(pre, [*path, item_id])
        state[item_id] = 2

    for item_id in catalog.items:
        visit(item_id, [])
    return out


def _coverage(catalog: Catalog) -> list[str]:
    used = {i.section for i in catalog.items.values()}
    return [f"section {s.id} ({s.part} / {s.title}) has no items"
            for s in catalog.sections.values() if s.id not in used]


def _urls(catalog: Catalog) -> list[str]:
    out: list[str] = []
    seen: dict[str, str] = {}
    for item in catalog.items.values():
        for r in item.resources:
            parts = urlsplit(r.url)
            if parts.scheme != "https" or not parts.netloc or " " in r.url:
                out.append(f"item {item.id}: URL must be well-formed https: {r.url}")
            if r.url in seen and seen[r.url] != item.id:
                out.append(f"item {item.id}: URL also used by {seen[r.url]}: {r.url}")
            seen.setdefault(r.url, item.id)
    return out


def _interests(catalog: Catalog) -> list[str]:
    tags = catalog.tags()
    return [f"interest {i}: no item carries this tag" for i in catalog.interests if i not in tags]
