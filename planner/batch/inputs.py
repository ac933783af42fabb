"""Batch inputs: expand paths into profile documents, name each one, slice out a shard."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.errors import Problem, UserError
from planner.profile.load import read_text
from planner.slug import slugify, unique
from planner.yamlsource import load_documents

PROFILE_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Shard:
    """The I-th (1-based) of N slices: documents whose position modulo N is I-1."""

    index: int = 1
    count: int = 1

    def holds(self, position: int) -> bool:
        return position % self.count == self.index - 1

    @property
    def suffix(self) -> str:
        return "" if self.count == 1 else f"-{self.index}-of-{self.count}"


def parse_shard(text: str) -> Shard:
    """'2/3' -> Shard(2, 3); anything else (0/3, 4/3, x) is a UserError."""
    index, slash, count = text.partition("/")
    try:
        shard = Shard(int(index), int(count))
    except ValueError:
        shard = None
    if not slash or shard is None or not 1 <= shard.index <= shard.count:
        raise UserError(f"--shard: expected I/N with 1 <= I <= N, such as 1/4 (got {text!r})")
    return shard


@dataclass(frozen=True)
class Job:
    """One profile document to build; small, so the pool can carry thousands of them."""

    position: int  # place in the full expanded input list, the same in every shard
    source: str
    index: int  # 0-based document index within its file (the YAML stream)
    line: int
    stem: str | None  # unique file name stem; None when the document has no usable name
    data: Any = None  # the loaded YAML (a LineMap), filled in just before building
    problems: tuple[Problem, ...] = ()


def check_paths(paths: Iterable[Path]) -> list[Path]:
    """The paths, or a UserError naming every one that does not exist (before any work)."""
    paths = list(paths)
    missing = [Problem("no such file or folder", str(p)) for p in paths if not p.exists()]
    if missing:
        raise UserError(missing, header="batch: some paths do not exist; nothing was built:")
    return paths


def profile_files(
    paths: Iterable[Path], suffixes: tuple[str, ...] = PROFILE_SUFFIXES
) -> Iterator[Path]:
    """Files in argument order; a folder gives its *.yaml/*.yml files (or other suffixes),
    recursively, sorted.

    Hidden entries (a leading dot) and symlinked folders are not entered, a symlinked file
    is read only when it points inside the folder (a folder handed in may link to any file
    of the machine); a file named twice is built once.
    """
    seen: set[Path] = set()
    for path in paths:
        for file in _walk(path, suffixes) if path.is_dir() else iter([path]):
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield file


def _walk(folder: Path, suffixes: tuple[str, ...], root: Path | None = None) -> Iterator[Path]:
    root = root or folder.resolve()
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda e: e.name)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path), suffixes, root)
        elif entry.name.lower().endswith(suffixes) and entry.is_file():
            path = Path(entry.path)
            if not entry.is_symlink() or path.resolve().is_relative_to(root):
                yield path


def documents(file: Path) -> Iterator[Job]:
    """Each profile document of a file as a Job (position and stem not assigned yet)."""
    source = str(file)
    try:
        docs = load_documents(read_text(file), source)
    except UserError as exc:  # unreadable: its messages start with the path already
        yield Job(
            -1,
            source,
            0,
            1,
            None,
            problems=tuple(
                p if p.file else Problem(p.message.removeprefix(f"{source}: "), source)
                for p in exc.problems
            ),
        )
        return
    found = False
    for doc in docs:
        if doc.data is None and not doc.problems:
            continue  # an empty document between separators
        found = True
        yield Job(-1, source, doc.index, doc.line, None, doc.data, doc.problems)
    if not found:
        yield Job(
            -1,
            source,
            0,
            1,
            None,
            problems=(
                Problem(
                    "no profile in this file; `studyplan init` writes a starter profile", source, 1
                ),
            ),
        )


def raw_name(data: Any) -> str | None:
    name = data.get("name") if isinstance(data, dict) else None
    return name.strip() or None if isinstance(name, str) else None


@dataclass(frozen=True)
class BatchInputs:
    """The shard's jobs (without their data) and how many documents the whole input has."""

    jobs: tuple[Job, ...]
    total: int


def plan_inputs(paths: list[Path], shard: Shard | None = None) -> BatchInputs:
    """Name every document of the full input, keep the shard's jobs (parse only, no planning).

    Stems come from the position in the full list, so shards never pick the same name, and
    from the raw `name` field, so fixing a broken profile never renames the others.
    """
    shard = shard or Shard()
    taken: set[str] = set()
    jobs: list[Job] = []
    position = 0
    for file in profile_files(paths):
        for job in documents(file):
            name = raw_name(job.data)
            stem = unique(slugify(name), taken) if name else None
            if shard.holds(position):
                jobs.append(
                    Job(position, job.source, job.index, job.line, stem, problems=job.problems)
                )
            position += 1
    return BatchInputs(tuple(jobs), position)


def with_data(jobs: Iterable[Job]) -> Iterator[Job]:
    """The jobs again with their YAML data, reading each file once, lazily (flat memory)."""
    current: str | None = None
    loaded: dict[int, Job] = {}
    for job in jobs:
        if job.source != current:
            current = job.source
            loaded = {j.index: j for j in documents(Path(job.source))}
        fresh = loaded.pop(job.index, None)
        if fresh is None:  # the file changed since it was named
            yield Job(
                job.position,
                job.source,
                job.index,
                job.line,
                job.stem,
                problems=(
                    Problem("the file changed while the batch ran; run it again", job.source),
                ),
            )
            continue
        yield Job(
            job.position, job.source, job.index, job.line, job.stem, fresh.data, fresh.problems
        )
