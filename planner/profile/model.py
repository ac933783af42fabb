"""The Profile model: load profile YAML, validate it, report every problem with file:line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from planner.catalog.model import Catalog
from planner.errors import Problem, UserError
from planner.shipped import read_input
from planner.profile.questions import BY_KEY, DEFAULT_STUDY_DAYS, Invalid, suggest
from planner.yamlsource import LineMap, load_documents

TOP_KEYS = ("name", "goal", "hours_per_week", "start_date", "weeks", "background",
            "interests", "completed", "study_days")
AREAS = ("math", "python", "ml")
MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class Background:
    math: int
    python: int
    ml: int


@dataclass(frozen=True)
class Profile:
    name: str
    goal: str
    hours_per_week: float
    background: Background
    start_date: date | None = None
    weeks: int | None = None
    interests: tuple[str, ...] = ()
    completed: tuple[str, ...] = ()
    study_days: tuple[str, ...] = DEFAULT_STUDY_DAYS

    def start(self, today: date) -> date:
        """The start date, or the coming Monday (today when today is a Monday)."""
        return self.start_date or today + timedelta(days=(7 - today.weekday()) % 7)

    def to_data(self) -> dict[str, Any]:
        """Plain YAML/JSON-ready data in the profile contract's field order."""
        data: dict[str, Any] = {"name": self.name, "goal": self.goal,
                                "hours_per_week": _number(self.hours_per_week)}
        if self.start_date:
            data["start_date"] = self.start_date.isoformat()
        if self.weeks:
            data["weeks"] = self.weeks
        data["background"] = {a: getattr(self.background, a) for a in AREAS}
        data["interests"] = list(self.interests)
        data["completed"] = list(self.completed)
        if self.study_days != DEFAULT_STUDY_DAYS:
            data["study_days"] = list(self.study_days)
        return data


@dataclass(frozen=True)
class LoadedProfile:
    """One document of a profile file: the profile, or the problems that stopped it."""

    source: str
    index: int
    line: int
    profile: Profile | None
    problems: tuple[Problem, ...] = ()


def profile_yaml(data: dict[str, Any]) -> str:
    """Profile data as YAML in contract order, the start date as a plain YAML date."""
    if isinstance(data.get("start_date"), str):
        data = data | {"start_date": date.fromisoformat(data["start_date"])}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


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


def load_text(text: str, catalog: Catalog, source: str) -> list[LoadedProfile]:
    """Every profile in a YAML stream, each validated on its own."""
    out = []
    for doc in load_documents(text, source):
        if doc.data is None and not doc.problems:
            continue  # an empty document between separators
        profile, problems = (None, list(doc.problems)) if doc.problems else validate(
            doc.data, catalog, source, doc.line)
        out.append(LoadedProfile(source, doc.index, doc.line, profile, tuple(problems)))
    if not out:
        out.append(LoadedProfile(source, 0, 1, None, (Problem(
            "no profile in this file; `studyplan init` writes a starter profile", source, 1),)))
    return out


def read_text(path: Path) -> str:
    """A profile file's text, or a UserError that says why it cannot be read."""
    data = read_input(path, MAX_BYTES, "a profile file (.yaml)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 text (byte {exc.start})") from None


def load_file(path: Path, catalog: Catalog) -> list[LoadedProfile]:
    return load_text(read_text(path), catalog, str(path))


def only_profile(loaded: list[LoadedProfile]) -> Iterator[Profile]:
    """The valid profiles; raise one UserError listing every problem when any is bad."""
    problems = [p for lp in loaded for p in lp.problems]
    if problems:
        source = loaded[0].source
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        raise UserError(problems, header=f"{source}: {count} in this profile:")
    yield from (lp.profile for lp in loaded if lp.profile)
