"""Saving what the interview produced: the profile YAML and the plan, never over a file."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from planner.output import ensure_dir, write_atomic
from planner.pipeline import write_plan
from planner.plan import Plan, profile_yaml
from planner.profile.model import Profile
from planner.render import RENDERERS
from planner.slug import slugify


@dataclass(frozen=True)
class Saved:
    profile_path: Path
    paths: tuple[Path, ...]  # the profile first, then the plan's files
    warnings: tuple[str, ...]


def free_stem(folder: Path, slug: str, extensions: tuple[str, ...]) -> str:
    """slug, or slug-2, slug-3 ...: the first stem with no file of any of these extensions."""
    stem, n = slug, 1
    while any((folder / f"{stem}.{ext}").exists() for ext in extensions):
        n += 1
        stem = f"{slug}-{n}"
    return stem


def save_interview(profile: Profile, plan: Plan, folder: Path, formats: tuple[str, ...]) -> Saved:
    """Write <stem>.yaml and the plan's files; on any failure (or Ctrl-C) none of them stays."""
    ensure_dir(folder)
    extensions = ("yaml", *(RENDERERS[f][2] for f in formats))
    stem = free_stem(folder, slugify(profile.name), extensions)
    planned = [folder / f"{stem}.{ext}" for ext in extensions]
    try:
        written = write_plan(plan, folder, formats, stem)
        profile_path = write_atomic(planned[0], profile_yaml(profile.to_data()).encode("utf-8"))
    except BaseException:
        # the stem was free, so every planned path that exists now is ours to take back
        for path in planned:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return Saved(profile_path, (profile_path, *written.paths), written.warnings)
