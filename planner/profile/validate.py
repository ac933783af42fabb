"""Validating profile data: every problem found, each with its file, line, column and field,
the line quoted and, where there is one, the line corrected in the person's own words."""

from __future__ import annotations

from typing import Any

from planner.catalog.model import Catalog
from planner.errors import Problem, excerpt
from planner.profile.checks import Invalid, did_you_mean, nearest
from planner.profile.model import Background, Profile
from planner.profile.questions import AREAS, BY_KEY, TOP_KEYS, Question
from planner.yamlsource import LineList, LineMap, Spot
from planner.yamlsource.lines import replace_at

EXAMPLES = {"name": "Ada Lovelace"}  # for a missing field without a default


def validate(
    data: Any, catalog: Catalog, source: str = "<input>", line: int = 1
) -> tuple[Profile | None, list[Problem]]:
    """A Profile from loaded data, or every problem found in it."""
    if not isinstance(data, dict):
        return None, [
            Problem("a profile must be a mapping of fields (name: ..., goal: ...)", source, line)
        ]
    problems: list[Problem] = []
    clean: dict[str, Any] = {}
    meant = _check_keys(data, TOP_KEYS, "", source, problems)
    for key in TOP_KEYS:
        if key == "background":
            clean[key] = _background(data, catalog, source, problems, meant)
        else:
            _field(data, key, BY_KEY[key], catalog, source, problems, clean, meant)
    if problems:  # in the order a person reads the file
        return None, sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
    return Profile(**{k: v for k, v in clean.items() if v is not None}), []


def _field(
    data: dict[str, Any],
    key: str,
    question: Question,
    catalog: Catalog,
    source: str,
    problems: list[Problem],
    clean: dict[str, Any],
    meant: set[str],
) -> None:
    if key not in data:
        if question.required and key not in meant:  # a misspelt key is one problem, not two
            problems.append(_missing(data, key, question, source))
        return
    try:
        clean[key] = question.validate(data[key], catalog)
    except Invalid as exc:
        problems.append(_invalid(data, key, question.key, exc, source))


def _missing(data: dict[str, Any], key: str, question: Question, source: str) -> Problem:
    example = EXAMPLES.get(key, question.default)
    return Problem(
        f"this field is missing; add a line such as {key}: {example}",
        source,
        getattr(data, "line", None),
        question.key,
        getattr(data, "column", None) if isinstance(data, LineMap) else None,
    )


def _invalid(data: dict[str, Any], key: str, field: str, exc: Invalid, source: str) -> Problem:
    """The validator's message at the value (or the list entry) it is about, with a fix."""
    spot = data.value_spots.get(key) if isinstance(data, LineMap) else None
    value = data[key]
    if exc.index is not None and isinstance(value, LineList) and exc.index < len(value.spots):
        spot = value.spots[exc.index]
    if spot is None:
        return Problem(exc.render(), source, _line(data, key), field)
    return _at(spot, data, exc.render(spot.written), exc.fixed(spot.written or ""), source, field)


def _at(
    spot: Spot,
    data: dict[str, Any],
    message: str,
    replacement: str | None,
    source: str,
    field: str | None,
) -> Problem:
    """A Problem pointing at spot, the line quoted, fixed by replacing what is written there."""
    lines = data.lines if isinstance(data, LineMap) else ()
    excerpt = lines[spot.line - 1] if 0 < spot.line <= len(lines) else None
    fix = None
    if excerpt is not None and replacement is not None and spot.written:
        fix = replace_at(excerpt, spot.column - 1, spot.written, replacement)
        fix = None if fix == excerpt else fix
    return Problem(message, source, spot.line, field, spot.column, excerpt, fix)


def _background(
    data: dict[str, Any], catalog: Catalog, source: str, problems: list[Problem], meant: set[str]
) -> Background | None:
    value = data.get("background")
    if "background" not in data:
        if "background" not in meant:
            problems.append(
                Problem(
                    "this field is missing; add a mapping such as background: {math: 2, python: 2, "
                    "ml: 1}",
                    source,
                    getattr(data, "line", None),
                    "background",
                )
            )
        return None
    if not isinstance(value, dict):
        spot = data.value_spots.get("background") if isinstance(data, LineMap) else None
        message = (
            "must be a mapping with math, python and ml, each 0-4, e.g. "
            "background: {math: 2, python: 2, ml: 1}"
        )
        if spot is None:
            problems.append(Problem(message, source, _line(data, "background"), "background"))
        else:
            problems.append(_at(spot, data, message, None, source, "background"))
        return None
    inner = _check_keys(value, AREAS, "background.", source, problems)
    levels: dict[str, Any] = {}
    for area in AREAS:
        _field(value, area, BY_KEY[f"background.{area}"], catalog, source, problems, levels, inner)
    return Background(**levels) if len(levels) == len(AREAS) else None


def _check_keys(
    data: dict[str, Any],
    allowed: tuple[str, ...],
    prefix: str,
    source: str,
    problems: list[Problem],
) -> set[str]:
    """A problem for each unknown key; returns the allowed keys the unknown ones stand for."""
    meant: set[str] = set()
    for key in data:
        if key in allowed:
            continue
        match = nearest(str(key), allowed)
        if match in data:
            match = None  # the right key is there too: this one is extra, not a misspelling
        if match:
            meant.add(match)
            message = f"unknown field{did_you_mean(match)}"
        else:
            message = f"unknown field; the fields here are {', '.join(allowed)}"
        field = f"{prefix}{excerpt(str(key), 40)}"
        spot = data.key_spots.get(str(key)) if isinstance(data, LineMap) else None
        if spot is None:
            problems.append(Problem(message, source, _line(data, key), field))
        else:
            problems.append(
                _at(
                    Spot(spot.line, spot.column, spot.written or str(key)),
                    data,
                    message,
                    match,
                    source,
                    field,
                )
            )
    return meant


def _line(data: dict[str, Any], key: str) -> int | None:
    if isinstance(data, LineMap):
        return data.key_lines.get(str(key), data.line)
    return None
