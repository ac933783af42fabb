"""Lint the catalog itself (items, ids, prerequisite cycles, links, guide coverage, encoding)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from planner.catalog.concepts import lint_concepts
from planner.catalog.costs import lint_costs
from planner.catalog.hour_floors import lint_hours
from planner.catalog.load import content_dir, load_catalog
from planner.catalog.model import KINDS, LEVELS, RESOURCE_KINDS, Catalog, Item
from planner.catalog.self_checks import lint_questions
from planner.catalog.teaching import lint_teaching
from planner.catalog.wording import lint_words
from planner.errors import ContentError

# UTF-8 read as cp1252 or Latin-1 ("othersâ€™", "cafÃ©", "Â "), or a replacement character
MOJIBAKE = re.compile("â€|Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]|\ufffd")
MAX_TASK_HOURS = 3.0  # a task is one or two sittings; longer work is split into tasks
MAX_WHY_CHARS = 300  # the why is one sentence

Report = Callable[[str], None]


def lint_catalog(root: Path | None = None) -> tuple[Catalog | None, list[str]]:
    """The catalog at root (default: the shipped one) and every problem in it, as text lines.

    The catalog is None when it cannot even load.
    """
    root = root or content_dir()
    files = _mojibake_in_files(root) + lint_words(root)
    try:
        catalog = load_catalog(root, strict=True)
    except ContentError as exc:
        return None, [str(p) for p in exc.problems] + files
    problems = [
        *_items(catalog),
        *_whys(catalog),
        *_cycles(catalog),
        *_coverage(catalog),
        *_urls(catalog),
        *_interests(catalog),
        *lint_hours(catalog),
        *lint_costs(catalog),
        *lint_questions(catalog),
        *lint_teaching(catalog),
    ]
    if not _cycles(catalog):  # an idea's order is only defined once prerequisites are
        problems += lint_concepts(catalog, root)
    return catalog, problems + files


def plannable(catalog: Catalog) -> bool:
    """Whether plans can be built from it (no cycles, task hours that add up), so that the
    checks that build plans are worth running beside problems like a missing why line."""

    def adds_up(item: Item) -> bool:
        return (
            bool(item.tasks)
            and abs(sum(t.hours for t in item.tasks) - item.hours) < 1e-6
            and all(t.hours > 0 for t in item.tasks)
        )

    return not _cycles(catalog) and all(adds_up(i) for i in catalog.items.values())


def _items(catalog: Catalog) -> list[str]:
    out: list[str] = []
    for item in catalog.items.values():

        def bad(what: str, item_id: str = item.id) -> None:
            out.append(f"item {item_id}: {what}")

        _fields(item, bad)
        _tasks(item, bad)
        if not 2 <= len(item.resources) <= 4:
            bad(f"{len(item.resources)} resources; 2 to 4 wanted")
        for r in item.resources:
            if r.kind not in RESOURCE_KINDS:
                bad(f"resource kind {r.kind!r} not one of {', '.join(RESOURCE_KINDS)}")
    return out


def _fields(item: Item, bad: Report) -> None:
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
    if not item.summary or not item.tags:
        bad("needs a summary and tags")
    if not item.why:
        bad("needs a why line: one sentence on what this item is for on the way to the goal")
    elif len(item.why) > MAX_WHY_CHARS or "\n" in item.why:
        bad(f"why line longer than one sentence ({len(item.why)} characters)")


def _tasks(item: Item, bad: Report) -> None:
    task_hours = sum(task.hours for task in item.tasks)
    if abs(task_hours - item.hours) > 1e-6:
        bad(f"task hours sum to {task_hours:g}, not the item's {item.hours:g} hours")
    if any(task.hours <= 0 for task in item.tasks):
        bad("every task needs hours above 0")
    long = [f"{t.hours:g} h" for t in item.tasks if t.hours > MAX_TASK_HOURS]
    if long:
        bad(
            f"task over {MAX_TASK_HOURS:g} h ({', '.join(long)}): split it into tasks with "
            "a result each"
        )
    if not 3 <= len(item.checklist) <= 6:
        bad(f"{len(item.checklist)} checklist tasks; 3 to 6 wanted")
    elif not item.checklist[-1].lower().startswith("self-check"):
        bad("the last task must be a self-check ('Self-check: ...')")


def _whys(catalog: Catalog) -> list[str]:
    """Each why says what its own item is for; a why shared by two items says nothing."""
    seen: dict[str, str] = {}
    out = []
    for item in catalog.items.values():
        if item.why and item.why in seen:
            out.append(f"item {item.id}: same why line as {seen[item.why]}")
        seen.setdefault(item.why, item.id)
    return out


def _mojibake_in_files(root: Path) -> list[str]:
    """Every content file, not only item text: rules, tracks, quiz, sections, interests too."""
    out = []
    for path in sorted(root.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            found = MOJIBAKE.search(line)
            if found:
                out.append(
                    f"{path}:{number}: text has mojibake (broken encoding) "
                    f"{found.group()!r}: retype the character"
                )
    return out


def _cycles(catalog: Catalog) -> list[str]:
    return ["prerequisite cycle: " + " -> ".join(path) for path in catalog.graph.cycles()]


def _coverage(catalog: Catalog) -> list[str]:
    used = {i.section for i in catalog.items.values()}
    out = [
        f"section {s.id} ({s.part} / {s.title}) has no items"
        for s in catalog.sections.values()
        if s.id not in used
    ]
    return out + [
        f"section {s.id} ({s.part} / {s.title}) lists no guide topics: name what "
        "the guide recommends under this heading and the items that teach it"
        for s in catalog.sections.values()
        if s.guide and not s.topics
    ]


def _urls(catalog: Catalog) -> list[str]:
    out: list[str] = []
    seen: dict[str, str] = {}
    for item in catalog.items.values():
        mine: set[str] = set()
        for r in item.resources:
            parts = urlsplit(r.url)
            if parts.scheme != "https" or not parts.netloc or " " in r.url:
                out.append(f"item {item.id}: URL must be well-formed https: {r.url}")
            if r.url in mine:
                out.append(f"item {item.id}: URL listed twice: {r.url}")
            elif r.url in seen and seen[r.url] != item.id:
                out.append(f"item {item.id}: URL also used by {seen[r.url]}: {r.url}")
            mine.add(r.url)
            seen.setdefault(r.url, item.id)
    return out


def _interests(catalog: Catalog) -> list[str]:
    tags = catalog.tags()
    return [f"interest {i}: no item carries this tag" for i in catalog.interests if i not in tags]
