"""The steps every front end shares: profile -> Plan -> files in the output folder."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from planner.catalog.check import lint_catalog, plannable
from planner.catalog.load import load_catalog
from planner.catalog.model import Catalog
from planner.engine.build import build_plan
from planner.engine.coverage import check_reach
from planner.errors import UserError
from planner.output import ensure_dir, write_atomic
from planner.plan import Plan
from planner.profile.model import Profile
from planner.render import FORMATS, render
from planner.slug import slugify


@dataclass(frozen=True)
class Written:
    plan: Plan
    paths: tuple[Path, ...]
    warnings: tuple[str, ...]


def parse_formats(text: str) -> tuple[str, ...]:
    """'pdf,md' -> ('pdf', 'md'); unknown formats are a UserError naming the allowed ones."""
    wanted = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise UserError(f"--format: unknown format {', '.join(unknown) or '(none)'}; "
                        f"allowed: {', '.join(FORMATS)} (comma-separated)")
    return wanted


def check_content(root: Path | None = None) -> list[str]:
    """Every problem in the catalog at root (default: the shipped one) and its rules."""
    catalog, problems = lint_catalog(root)
    if catalog is None:
        return problems
    # plans are built (and checked) unless the catalog is too broken to plan from
    return problems + check_reach(catalog, plan=plannable(catalog))


def make_plan(profile: Profile, today: date, catalog: Catalog | None = None) -> Plan:
    return build_plan(profile, catalog or load_catalog(), today)


def write_plan(plan: Plan, folder: Path, formats: tuple[str, ...],
               stem: str | None = None) -> Written:
    """Render each format and write it atomically as folder/<stem>.<ext>."""
    ensure_dir(folder)
    stem = stem or slugify(plan.name)
    paths, warnings = [], []
    for fmt in formats:
        rendered = render(plan, fmt)
        paths.append(write_atomic(folder / f"{stem}.{rendered.extension}", rendered.data))
        warnings += [w for w in rendered.warnings if w not in warnings]
    return Written(plan, tuple(paths), tuple(warnings))
