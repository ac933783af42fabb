"""Read progress back from a Markdown export: ticked task lists and the embedded profile."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from planner.errors import UserError
from planner.plan import OLD_PROFILE_MARKER, PROFILE_MARKER
from planner.progress.model import Progress, Task

# `- [x] task text [](#w3-linear-algebra-t2)`, or `<!-- w3-linear-algebra-t2 -->` as files
# written before carry it; editors may write `*` or `+` bullets
_BOX = re.compile(r"^\s*(?:>\s*)*[-*+]\s+\[(?P<mark>[ xX])\]\s")
_TASK_ID = re.compile(r"(?:\[\]\(#(?P<link>[^)\s]+)\)|<!--\s*(?P<comment>\S+)\s*-->)\s*$")
_WEEK_HEADING = re.compile(r"^## Week (\d+) ·", re.MULTILINE)
_FENCE = re.compile(r"^(?P<fence>`{3,})\s*ya?ml\s*$")
MARKERS = (PROFILE_MARKER, OLD_PROFILE_MARKER)


def read_markdown(data: bytes, path: Path) -> Progress:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    lines = text.splitlines()
    tasks = _tasks(lines)
    if not tasks:
        raise UserError(f"{path}: {_why_no_tasks(lines)}")
    weeks = max((int(n) for n in _WEEK_HEADING.findall(text)), default=0)
    return Progress(str(path), _profile(lines, path), tuple(tasks), week_count=weeks)


def ticked_lines(data: bytes) -> int:
    """How many task-list boxes of a Markdown file are ticked, with a task id or without."""
    text = data.decode("utf-8", "replace")
    return sum(
        1 for line in text.splitlines() if (match := _BOX.match(line)) and match["mark"] != " "
    )


def _tasks(lines: list[str]) -> list[Task]:
    done: dict[str, bool] = {}
    for line in lines:
        box, found = _BOX.match(line), _TASK_ID.search(line)
        if not (box and found):
            continue
        tid = found["link"] or found["comment"]
        if Task.parse(tid, False):
            # a task copied to two places counts as done when either copy is ticked
            done[tid] = done.get(tid, False) or box["mark"] != " "
    return [task for tid, ticked in done.items() if (task := Task.parse(tid, ticked))]


def _why_no_tasks(lines: list[str]) -> str:
    """One line: what the file holds instead of tasks with ids, and what to give instead."""
    boxes = sum(1 for line in lines if _BOX.match(line))
    if boxes:
        return (
            f"{boxes} task box{'es' * (boxes != 1)} but none carries its task id "
            "(the `[](#w1-…-t0)` at the end of each task line), so they cannot be matched "
            "to the plan; the ids were probably lost in a copy or a conversion: tick the "
            "Markdown file `studyplan build --format md` wrote"
        )
    return (
        "no task list in this Markdown file (no `- [ ]` lines with task ids); tick the "
        "Markdown file `studyplan build --format md` wrote"
    )


def _profile(lines: list[str], path: Path) -> dict[str, Any]:
    """The YAML block that follows the profile marker."""
    try:
        start = next(n for n, line in enumerate(lines) if line.strip() in MARKERS)
        opening = next(m for line in lines[start + 1 : start + 3] if (m := _FENCE.match(line)))
    except StopIteration:
        raise UserError(
            f"{path}: no embedded profile (the ```yaml block under "
            f'"## Profile" that `studyplan build --format md` writes)'
        ) from None
    first = lines.index(opening.string, start + 1) + 1
    body: list[str] = []
    for line in lines[first:]:
        if line.strip() == opening["fence"]:
            break
        body.append(line)
    try:
        profile = yaml.safe_load("\n".join(body))
    except yaml.YAMLError as exc:
        raise UserError(
            f"{path}: the embedded profile is not valid YAML: {getattr(exc, 'problem', exc)}"
        ) from None
    if not isinstance(profile, dict):
        raise UserError(f"{path}: the embedded profile is not a mapping of fields")
    return profile
