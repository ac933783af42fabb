"""Self-check questions: content/questions/<items file>.yaml maps each item id of that items
file to a list of `{question, answer}`, asked again in spaced review."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.catalog.model import SelfCheck
from planner.errors import Problem

QUESTIONS_DIR = "questions"
FORMAT = "item id -> a list of {question: ..., answer: ...}"

Documents = Callable[[str, str], list[Any]]  # (text, file name) -> yamlsource Documents


def load_questions(
    root: Path,
    files: dict[str, str],
    aliases: dict[str, str],
    read: Documents,
    problems: list[Problem],
) -> dict[str, tuple[SelfCheck, ...]]:
    """Item id -> its questions, from every file in root/questions.

    files: item id -> the name of its items file (without .yaml); a key must be an item of
    the items file its questions file is named after.
    """
    folder = root / QUESTIONS_DIR
    out: dict[str, tuple[SelfCheck, ...]] = {}
    if not folder.is_dir():
        return out
    stems = set(files.values())
    for path in sorted(folder.glob("*.yaml")):
        if path.stem not in stems:
            problems.append(
                Problem(f"no items file items/{path.name} for these questions", str(path))
            )
            continue
        for doc in read(path.read_text(encoding="utf-8"), str(path)):
            problems.extend(doc.problems)
            if doc.data is None:
                continue
            if not isinstance(doc.data, dict):
                problems.append(Problem(f"expected {FORMAT}", str(path), doc.line))
                continue
            for key, entries in doc.data.items():
                line = getattr(doc.data, "key_lines", {}).get(key)
                wrong = _misplaced(str(key), path.stem, files, aliases)
                if wrong:
                    problems.append(Problem(wrong, str(path), line))
                    continue
                try:
                    out[str(key)] = tuple(_question(e) for e in _listed(entries))
                except ValueError as exc:
                    problems.append(Problem(f"{key}: {exc}; expected {FORMAT}", str(path), line))
    return out


def _misplaced(key: str, stem: str, files: dict[str, str], aliases: dict[str, str]) -> str:
    """Why key cannot hold questions in questions/<stem>.yaml, or ''."""
    if files.get(key) == stem:
        return ""
    if key in aliases:
        return f"{key} was renamed {aliases[key]}: use the current id"
    if key in files:
        return f"{key} is an item of items/{files[key]}.yaml: its questions go there"
    return f"{key} is not an item of items/{stem}.yaml"


def _listed(entries: Any) -> list[Any]:
    if not isinstance(entries, (list, type(None))):
        raise ValueError(f"expected a list of questions; got {entries!r}")
    return entries or []


def _question(entry: Any) -> SelfCheck:
    if not isinstance(entry, dict) or set(entry) != {"question", "answer"}:
        raise ValueError(f"a question is {{question: ..., answer: ...}}; got {entry!r}")
    question, answer = (entry[k] for k in ("question", "answer"))
    if not isinstance(question, str) or not isinstance(answer, (str, int, float)):
        raise ValueError(f"question and answer are text; got {entry!r}")
    return SelfCheck(question.strip(), str(answer).strip())
