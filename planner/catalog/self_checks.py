"""Lint the self-check questions: 3-6 per item, answers present, none asked twice in the
catalog, none answered by copying the item's title, and every item has them once any do."""

from __future__ import annotations

import re

from planner.catalog.model import Catalog, Item

QUESTIONS_PER_ITEM = (3, 6)


def lint_questions(catalog: Catalog) -> list[str]:
    """Problems of the items' questions, as text lines (none while no item has questions)."""
    if not any(item.questions for item in catalog.items.values()):
        return []
    out: list[str] = []
    seen: dict[str, str] = {}
    for item in catalog.items.values():
        out += _counted(item)
        for number, check in enumerate(item.questions, 1):
            where = f"item {item.id}: question {number}"
            if not check.answer:
                out.append(f"{where} has no answer: write a short model answer")
            if _copies_title(check.question, item.title) or _normal(check.answer) == _normal(
                item.title
            ):
                out.append(
                    f"{where} asks for the item's title ({check.question!r}): ask what the "
                    "learner can explain or do with it"
                )
            key = _normal(check.question)
            if key in seen:
                out.append(f"{where} is asked already by {seen[key]}: {check.question!r}")
            seen.setdefault(key, item.id)
    return out


def _counted(item: Item) -> list[str]:
    low, high = QUESTIONS_PER_ITEM
    if not item.questions:
        return [f"item {item.id}: no self-check questions (questions/<its items file>.yaml)"]
    if not low <= len(item.questions) <= high:
        return [f"item {item.id}: {len(item.questions)} questions; {low} to {high} wanted"]
    return []


def _normal(text: str) -> str:
    """Text compared as a reader would: case, spacing and punctuation ignored."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _copies_title(question: str, title: str) -> bool:
    """A question whose answer is the title: "What is <title>?", or one naming the whole
    title when the title is long enough to be the answer (more than two words)."""
    words = _normal(question).split()
    named = _normal(title)
    asked = " ".join(w for w in words if w not in {"what", "is", "are", "a", "an", "the"})
    if asked in (named, ""):
        return True
    return len(named.split()) > 2 and named in " ".join(words)
