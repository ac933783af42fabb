"""The profile's JSON Schema, generated from the question definitions and the catalog."""

from __future__ import annotations

from typing import Any

from planner.catalog.model import Catalog
from planner.profile.model import AREAS, TOP_KEYS
from planner.profile.questions import BY_KEY, WEEKDAYS


def profile_schema(catalog: Catalog) -> dict[str, Any]:
    level = {"type": "integer", "minimum": 0, "maximum": 4}
    props: dict[str, Any] = {
        "name": {"type": "string", "minLength": 1, "maxLength": 120},
        "goal": {"enum": sorted(catalog.tracks)},
        "hours_per_week": {"type": "number", "minimum": 1, "maximum": 60},
        "start_date": {"type": "string", "format": "date"},
        "weeks": {"type": "integer", "minimum": 1, "maximum": 104},
        "background": {
            "type": "object", "additionalProperties": False, "required": list(AREAS),
            "properties": {a: {**level, "description": _levels(a)} for a in AREAS}},
        "interests": {"type": "array", "uniqueItems": True,
                      "items": {"enum": sorted(catalog.interests)}},
        "completed": {"type": "array", "uniqueItems": True,
                      "items": {"enum": sorted([*catalog.items, *catalog.aliases])}},
        "study_days": {"type": "array", "uniqueItems": True, "minItems": 1,
                       "items": {"enum": list(WEEKDAYS)}},
    }
    for key in TOP_KEYS:
        if key != "background":
            props[key]["description"] = f"{BY_KEY[key].prompt}. {BY_KEY[key].help}"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "studyplan profile",
        "type": "object",
        "additionalProperties": False,
        "required": [q for q in TOP_KEYS if q == "background" or BY_KEY[q].required],
        "properties": props,
    }


def _levels(area: str) -> str:
    from planner.profile.questions import LEVELS
    return "; ".join(f"{i}: {text}" for i, text in enumerate(LEVELS[area]))
