"""The profile's JSON Schema, generated from the question definitions and the catalog."""

from __future__ import annotations

from typing import Any

from planner.catalog.model import Catalog
from planner.profile.questions import QUESTIONS, TOP_KEYS


def profile_schema(catalog: Catalog) -> dict[str, Any]:
    """Each question's schema (its bounds, its allowed ids) at its place in the profile."""
    props: dict[str, Any] = {}
    for question in QUESTIONS:
        *parents, leaf = question.path
        place = props
        for parent in parents:
            group = place.setdefault(
                parent,
                {"type": "object", "additionalProperties": False, "required": [], "properties": {}},
            )
            if question.required:
                group["required"].append(leaf)
            place = group["properties"]
        place[leaf] = {
            "description": f"{question.prompt}. {question.help}",
            **question.schema(catalog),
        }
    required = [key for key in TOP_KEYS if any(q.required for q in QUESTIONS if q.path[0] == key)]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "studyplan profile",
        "type": "object",
        "additionalProperties": False,
        "required": required,
        "properties": props,
    }
