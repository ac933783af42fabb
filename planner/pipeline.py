"""The steps every front end shares: profile -> Plan -> files in the output folder."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from planner.catalog.check import lint_catalog, plannable
from planner.catalog.load import load_catalog
from planner.catalog.model import Catalog
from planner.catalog.reach import CHECK_DAY, check_reach
from planner.engine.build import build_plan
from planner.errors import UserError
from planner.output import commit, discard, ensure_dir, stage
from planner.plan import Plan
from planner.profile.model import Profile
from planner.profile.validate import validate
from planner.progress.kept import Kept, keep_ticked
from planner.render import DEFAULT_PAPER, FORMATS, render
from planner.slug import slugify


@dataclass(frozen=True, kw_only=True)
class Written:
    plan: Plan
    paths: tuple[Path, ...]
    warnings: tuple[str, ...]
    kept: tuple[Kept, ...] = ()  # ticked files moved aside so the new plan could take the name


def parse_formats(text: str) -> tuple[str, ...]:
    """'pdf,md' -> ('pdf', 'md'); unknown formats are a UserError naming the allowed ones."""
    wanted = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise UserError(
            f"--format: unknown format {', '.join(unknown) or '(none)'}; "
            f"allowed: {', '.join(FORMATS)} (comma-separated)"
        )
    return wanted


def check_content(root: Path | None = None) -> list[str]:
    """Every problem in the catalog at root (default: the shipped one) and its rules."""
    catalog, problems = lint_catalog(root)
    if catalog is None:
        return problems
    # plans are built (and checked) unless the catalog is too broken to plan from
    plan_for = partial(_check_plan, catalog) if plannable(catalog) else None
    return problems + check_reach(catalog, plan_for)


def _check_plan(catalog: Catalog, data: dict[str, Any]) -> Plan:
    """The plan of profile data the content check makes up, from its fixed day."""
    profile, problems = validate(data, catalog)
    if profile is None:
        raise ValueError(f"the check's own profile is invalid: {problems}")
    return build_plan(profile, catalog, CHECK_DAY)


def make_plan(profile: Profile, today: date, catalog: Catalog | None = None) -> Plan:
    """The plan for profile as of today; the plan records today (calendars stamp it)."""
    return replace(build_plan(profile, catalog or load_catalog(), today), built_on=today)


def write_plan(
    plan: Plan,
    folder: Path,
    formats: tuple[str, ...],
    stem: str | None = None,
    paper: str = DEFAULT_PAPER,
    claim: bool = False,
) -> Written:
    """Render each format and write them as folder/<stem>.<ext> (PDF pages: paper): every
    file is rendered and staged before any is renamed into place, so a full disk leaves
    none of them, and the UserError says how much space was needed.

    A file there that holds ticked boxes is never written over: it is kept under another
    name first (progress.kept) and Written.kept says where. claim: the first file must not
    exist yet (FileExistsError when another writer took the name first).
    """
    ensure_dir(folder)
    stem = stem or slugify(plan.name)
    rendered = [render(plan, fmt, paper) for fmt in formats]
    files = {folder / f"{stem}.{r.extension}": r.data for r in rendered}
    staged = stage(files)
    try:
        moved = [keep_ticked(path, plan.built_on or date.today()) for path in files]
    except BaseException:
        discard(staged)
        raise
    commit(staged, claim)
    warnings = tuple(dict.fromkeys(w for r in rendered for w in r.warnings))
    kept = tuple(k for k in moved if k)
    return Written(plan=plan, paths=tuple(files), warnings=warnings, kept=kept)
