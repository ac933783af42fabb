"""The replan step: ticked progress -> an updated profile and a new plan for what is left."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from planner.catalog.load import load_catalog
from planner.catalog.model import Catalog
from planner.errors import UserError
from planner.output import ensure_dir, write_atomic
from planner.pipeline import Written, make_plan, write_plan
from planner.plan import profile_yaml
from planner.profile.model import Profile
from planner.profile.validate import validate
from planner.progress.model import Progress
from planner.render.formatting import day
from planner.slug import slugify


@dataclass(frozen=True)
class Replanned:
    profile_path: Path
    written: Written
    newly_completed: tuple[str, ...]  # items this progress finished, in plan order
    old_end: date | None  # the end of the plan the progress was ticked in
    deadline_note: str | None = None


def replan(progress: Progress, folder: Path, formats: tuple[str, ...], start: date,
           today: date, catalog: Catalog | None = None,
           keep: Path | None = None) -> Replanned:
    """Write <slug>-replan.yaml and the new plan's files into folder; never overwrite keep."""
    catalog = catalog or load_catalog()
    old = _validated(progress.profile, catalog, progress.source, "embedded profile")
    newly = tuple(i for i in progress.finished_items()
                  if i in catalog.items and i not in old.completed)
    data = old.to_data() | {"start_date": start.isoformat(),
                            "completed": [*old.completed, *newly]}
    note = _carry_deadline(data, old, start)
    profile = _validated(data, catalog, progress.source, "re-planned profile")
    old_end = progress.end_date or _rebuilt_end(old, today, catalog)
    plan = make_plan(profile, today, catalog)
    # the new plan says what was done and how the end moved; the core plans, this annotates
    plan = replace(plan, notes=(_progress_note(progress, newly, catalog, old_end,
                                               plan.end_date, today), *plan.notes))
    stem = _free_stem(folder, f"{slugify(profile.name)}-replan", (".yaml", *formats), keep)
    ensure_dir(folder)
    text = (f"# Re-planned by `studyplan progress --replan` from {Path(progress.source).name}\n"
            + profile_yaml(profile.to_data()))
    profile_path = write_atomic(folder / f"{stem}.yaml", text.encode("utf-8"))
    written = write_plan(plan, folder, formats, stem)
    return Replanned(profile_path, written, newly, old_end, note)


def _progress_note(progress: Progress, newly: tuple[str, ...], catalog: Catalog,
                   old_end: date | None, new_end: date, today: date) -> str:
    done = ", ".join(catalog.items[i].title for i in newly[:6])
    more = f" and {len(newly) - 6} more" if len(newly) > 6 else ""
    finished = (f"you finished {len(newly)} item{'s' * (len(newly) != 1)} ({done}{more}), now "
                "listed as completed" if newly else "no item was finished completely yet")
    moved = (f" The previous plan ended on {day(old_end)}; this one ends on {day(new_end)}."
             if old_end else "")
    return (f"Re-planned on {day(today)} from the boxes ticked in "
            f"{Path(progress.source).name}: {finished}.{moved}")


def _validated(data: dict[str, Any], catalog: Catalog, source: str, what: str) -> Profile:
    profile, problems = validate(data, catalog, f"{source} ({what})")
    if problems or profile is None:
        raise UserError(problems, header=f"{source}: the {what} does not fit this version "
                                         "of studyplan:")
    return profile


def _carry_deadline(data: dict[str, Any], old: Profile, start: date) -> str | None:
    """Keep the same deadline: `weeks` counts from the old start, so subtract the weeks gone."""
    if not old.weeks or not old.start_date:
        return None
    gone = max(0, (start - old.start_date).days // 7)
    if old.weeks - gone >= 1:
        data["weeks"] = old.weeks - gone
        return None
    data.pop("weeks", None)
    return (f"the deadline of {old.weeks} weeks from {old.start_date} has passed; "
            "the new plan has no deadline")


def _rebuilt_end(old: Profile, today: date, catalog: Catalog) -> date | None:
    """The end of the old plan rebuilt from its profile, when the file does not tell."""
    try:
        return make_plan(old, today, catalog).end_date
    except (UserError, ValueError, KeyError):
        return None


def _free_stem(folder: Path, stem: str, extensions: tuple[str, ...], keep: Path | None) -> str:
    """stem, stem-2, ... : the first whose files would not overwrite the input file."""
    keep = keep.resolve() if keep else None
    candidate, n = stem, 1
    while keep and any((folder / f"{candidate}.{e.lstrip('.')}").resolve() == keep
                       for e in extensions):
        n += 1
        candidate = f"{stem}-{n}"
    return candidate
