"""Validating profile data: every problem found, each with its file, line and field."""

from __future__ import annotations

from typing import Any

from planner.catalog.model import Catalog
from planner.errors import Problem
from planner.profile.model import Background, Profile
from planner.profile.questions import AREAS, BY_KEY, TOP_KEYS, Invalid, suggest
from planner.yamlsource import LineMap


def validate(data: Any, catalog: Catalog, source: str = "<input>",
             line: int = 1) -> tuple[Profile | None, list[Problem]]:
    """A Profile from loaded data, or every problem found in it."""
    if not isinstance(data, dict):
        return None, [Problem("a profile must be a mapping of fields (name: ..., goal: ...)",
                              source, line)]
    problems: list[Problem] = []
    clean: dict[str, Any] = {}
    _check_keys(data, TOP_KEYS, "", source, problems)
    for key in TOP_KEYS:
        if key == "background":
            clean[key] = _background(data, catalog, source, problems)
        else:
            _field(data, key, key, catalog, source, problems, clean)
    if problems:
        return None, problems
    return Profile(**{k: v for k, v in clean.items() if v is not None}), []


def _field(data: dict[str, Any], key: str, qkey: str, catalog: Catalog, source: str,
           problems: list[Problem], clean: dict[str, Any]) -> None:
    question = BY_KEY[qkey]
    if key not in data:
        if question.required:
            problems.append(Problem(f"missing; {question.help}", source,
                                    getattr(data, "line", None), qkey))
        return
    try:
        clean[key] = question.validate(data[key], catalog)
    except Invalid as exc:
        problems.append(Problem(str(exc), source, _line(data, key), qkey))


def _background(data: dict[str, Any], catalog: Catalog, source: str,
                problems: list[Problem]) -> Background | None:
    value = data.get("background")
    if "background" not in data:
        problems.append(Problem("missing; a mapping with math, python and ml, each 0-4",
                                source, getattr(data, "line", None), "background"))
        return None
    if not isinstance(value, dict):
        problems.append(Problem("must be a mapping with math, python and ml, each 0-4",
                                source, _line(data, "background"), "background"))
        return None
    _check_keys(value, AREAS, "background.", source, problems)
    levels: dict[str, Any] = {}
    for area in AREAS:
        _field(value, area, f"background.{area}", catalog, source, problems, levels)
    return Background(**levels) if len(levels) == len(AREAS) else None


def _check_keys(data: dict[str, Any], allowed: tuple[str, ...], prefix: str, source: str,
                problems: list[Problem]) -> None:
    for key in data:
        if key not in allowed:
            problems.append(Problem(
                f"unknown field{suggest(str(key), allowed)}; allowed: {', '.join(allowed)}",
                source, _line(data, key), f"{prefix}{key}"))


def _line(data: dict[str, Any], key: str) -> int | None:
    if isinstance(data, LineMap):
        return data.key_lines.get(str(key), data.line)
    return None
