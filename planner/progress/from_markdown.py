"""Read progress back from a Markdown export: ticked task lists and the embedded profile."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from planner.errors import UserError
from planner.plan import PROFILE_MARKER
from planner.progress.model import Progress, Task

# `- [x] task text <!-- w3-linear-algebra-t2 -->`; editors may write `*` or `+` bullets
_TASK_LINE = re.compile(r"^\s*(?:>\s*)*[-*+]\s+\[(?P<mark>[ xX])\]\s.*?"
                        r"<!--\s*(?P<id>\S+)\s*-->\s*$")
_WEEK_HEADING = re.compile(r"^## Week (\d+) ·", re.MULTILINE)
_FENCE = re.compile(r"^(?P<fence>`{3,})\s*ya?ml\s*$")


def read_markdown(data: bytes, path: Path) -> Progress:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    lines = text.splitlines()
    weeks = max((int(n) for n in _WEEK_HEADING.findall(text)), default=0)
    return Progress(str(path), _profile(lines, path), tuple(_tasks(lines)), week_count=weeks)


def _tasks(lines: list[str]) -> list[Task]:
    done: dict[str, bool] = {}
    for line in lines:
        match = _TASK_LINE.match(line)
        if match and Task.parse(match["id"], False):
            # a task copied to two places counts as done when either copy is ticked
            done[match["id"]] = done.get(match["id"], False) or match["mark"] != " "
    return [task for tid, ticked in done.items() if (task := Task.parse(tid, ticked))]


def _profile(lines: list[str], path: Path) -> dict[str, Any]:
    """The YAML block that follows the profile marker."""
    try:
        start = next(n for n, line in enumerate(lines) if line.strip() == PROFILE_MARKER)
        opening = next(m for line in lines[start + 1:start + 3] if (m := _FENCE.match(line)))
    except StopIteration:
        raise UserError(f"{path}: no embedded profile (the ```yaml block under "
                        f"\"## Profile\" that `studyplan build --format md` writes)") from None
    body: list[str] = []
    for line in lines[start + 2:]:
        if line.strip() == opening["fence"]:
            break
        body.append(line)
    try:
        profile = yaml.safe_load("\n".join(body))
    except yaml.YAMLError as exc:
        raise UserError(f"{path}: the embedded profile is not valid YAML: "
                        f"{getattr(exc, 'problem', exc)}") from None
    if not isinstance(profile, dict):
        raise UserError(f"{path}: the embedded profile is not a mapping of fields")
    return profile
