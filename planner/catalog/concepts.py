"""Concepts in order: content/concepts.yaml names the item that teaches each idea and the words
that show an item uses it; an item whose summary or tasks use an idea must have its teacher
among its prerequisites (directly or through them), so no plan uses an idea before teaching it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from planner.catalog.model import Catalog, Item

CONCEPTS_FILE = "concepts.yaml"
SHAPE = "{id, taught_by: an item id (or a list), words: [regular expressions]}"


@dataclass(frozen=True)
class Concept:
    id: str
    taught_by: tuple[str, ...]  # the items that teach it (a tour may teach it too)
    words: re.Pattern[str]  # any of the words: the idea is used


def load_concepts(root: Path) -> tuple[list[Concept], list[str]]:
    """The concepts of root/concepts.yaml (none without the file) and the problems in it."""
    path = root / CONCEPTS_FILE
    if not path.is_file():
        return [], []
    concepts: list[Concept] = []
    problems: list[str] = []
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(entries, list):
        return [], [f"{path}: expected a list of {SHAPE}"]
    for entry in entries:
        try:
            concepts.append(_concept(entry))
        except (KeyError, ValueError, re.error) as exc:
            problems.append(f"{path}: bad concept {entry!r}: {exc}; expected {SHAPE}")
    return concepts, problems


def _concept(entry: Any) -> Concept:
    if not isinstance(entry, dict) or not isinstance(entry.get("words"), list):
        raise ValueError("not a concept")
    teachers = entry["taught_by"]
    words = "|".join(f"(?:{w})" for w in entry["words"])
    return Concept(
        id=str(entry["id"]),
        taught_by=tuple(map(str, teachers)) if isinstance(teachers, list) else (str(teachers),),
        words=re.compile(rf"\b(?:{words})\b", re.I),
    )


def lint_concepts(catalog: Catalog, root: Path) -> list[str]:
    """Items that use an idea taught outside their prerequisites, and broken concepts."""
    concepts, out = load_concepts(root)
    for concept in concepts:
        out += _teachers_problems(concept, catalog)
    for item in catalog.items.values():
        text = _used_text(item)
        before = catalog.graph.bundle(item.id)
        for concept in concepts:
            found = concept.words.search(text)
            if found and not before.intersection(concept.taught_by):
                out.append(
                    f"item {item.id} uses {concept.id} ({found.group()!r}) but "
                    f"{' or '.join(concept.taught_by)}, which teaches it, is not among its "
                    "prerequisites"
                )
    return out


def _teachers_problems(concept: Concept, catalog: Catalog) -> list[str]:
    """A teacher must exist and use the concept's words itself (else the words are wrong)."""
    out = []
    for teacher_id in concept.taught_by:
        teacher = catalog.items.get(teacher_id)
        if teacher is None:
            out.append(f"concept {concept.id}: taught by unknown item {teacher_id!r}")
        elif not concept.words.search(_used_text(teacher)):
            out.append(
                f"concept {concept.id}: none of its words appear in {teacher_id}, which teaches it"
            )
    return out


def _used_text(item: Item) -> str:
    """The words that say what an item does: its summary and its tasks."""
    return " ".join([item.summary, *(t.text for t in item.tasks)])
