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
from planner.plan import Plan, profile_yaml
from planner.profile.model import Profile
from planner.profile.validate import validate
from planner.progress.model import Progress
from planner.render import RENDERERS
from planner.render.formatting import day
from planner.render.ics import session_days
from planner.slug import slugify


@dataclass(frozen=True)
class Replanned:
    profile_path: Path
    written: Written
    newly_completed: tuple[str, ...]  # items this progress finished, in plan order
    old_end: date | None  # the end of the plan the progress was ticked in
    deadline_note: str | None = None
    tasks_done: dict[str, list[int]] | None = None  # started items: the numbers of tasks done


def replan(
    progress: Progress,
    folder: Path,
    formats: tuple[str, ...],
    start: date,
    today: date,
    catalog: Catalog | None = None,
    paper: str = "a4",
) -> Replanned:
    """Write <slug>-replan-<start>.yaml and the new plan's files; never over an existing file."""
    catalog = catalog or load_catalog()
    old = _validated(progress.profile, catalog, progress.source, "embedded profile")
    newly = tuple(
        i for i in progress.finished_items() if i in catalog.items and i not in old.completed
    )
    completed = [*old.completed, *newly]
    started = started_tasks(old, progress, completed, catalog)
    data = old.to_data() | {
        "start_date": start.isoformat(),
        "completed": completed,
        "replans": old.replans + 1,  # the new calendar is a newer revision, also the same day
    }
    data.pop("tasks_done", None)
    if started:
        data["tasks_done"] = started
    note = _carry_deadline(data, old, start)
    profile = _validated(data, catalog, progress.source, "re-planned profile")
    old_plan = _rebuilt(old, today, catalog)
    old_end = progress.end_date or (old_plan.end_date if old_plan else None)
    plan = make_plan(profile, today, catalog)
    # the new plan says what was done and how the end moved; the core plans, this annotates
    notes = (
        _progress_note(progress, newly, started, catalog, old_end, plan.end_date, today),
        *plan.notes,
    )
    previous = tuple(d for d in session_days(old_plan) if d >= start) if old_plan else ()
    plan = replace(plan, notes=notes, previous_sessions=previous)
    ensure_dir(folder)
    extensions = ("yaml", *(RENDERERS[f][2] for f in formats))
    stem = free_stem(folder, f"{slugify(profile.name)}-replan-{start.isoformat()}", extensions)
    text = (
        f"# Re-planned by `studyplan progress --replan` from {Path(progress.source).name}\n"
        + profile_yaml(profile.to_data())
    )
    profile_path = write_atomic(folder / f"{stem}.yaml", text.encode("utf-8"))
    written = write_plan(plan, folder, formats, stem, paper=paper)
    return Replanned(profile_path, written, newly, old_end, note, started)


def started_tasks(
    old: Profile, progress: Progress, completed: list[str], catalog: Catalog
) -> dict[str, list[int]]:
    """tasks_done for the new profile: the old one's and the ticked tasks of unfinished items.

    Only catalog items count (review slots are planned afresh), and only numbers the catalog
    item has (a file ticked against an older catalog may name more tasks).
    """
    merged: dict[str, set[int]] = {item: set(numbers) for item, numbers in old.tasks_done}
    for item, numbers in progress.tasks_done().items():
        merged.setdefault(item, set()).update(numbers)
    return {
        item: sorted(n for n in merged[item] if n < len(catalog.items[item].tasks))
        for item in catalog.items  # catalog order, as the validator keeps it
        if item in merged and item not in completed and merged[item]
    }


def _progress_note(
    progress: Progress,
    newly: tuple[str, ...],
    started: dict[str, list[int]],
    catalog: Catalog,
    old_end: date | None,
    new_end: date,
    today: date,
) -> str:
    done = ", ".join(catalog.items[i].title for i in newly[:6])
    more = f" and {len(newly) - 6} more" if len(newly) > 6 else ""
    finished = (
        f"you finished {len(newly)} item{'s' * (len(newly) != 1)} ({done}{more}), now "
        "listed as completed"
        if newly
        else "no item was finished completely yet"
    )
    tasks = sum(len(n) for n in started.values())
    begun = (
        f"; {tasks} task{'s' * (tasks != 1)} of {len(started)} started "
        f"item{'s' * (len(started) != 1)} are kept as done"
        if started
        else ""
    )
    moved = (
        f" The previous plan ended on {day(old_end)}; this one ends on {day(new_end)}."
        if old_end
        else ""
    )
    return (
        f"Re-planned on {day(today)} from the boxes ticked in "
        f"{Path(progress.source).name}: {finished}{begun}.{moved}"
    )


def _validated(data: dict[str, Any], catalog: Catalog, source: str, what: str) -> Profile:
    profile, problems = validate(data, catalog, f"{source} ({what})")
    if problems or profile is None:
        raise UserError(
            problems, header=f"{source}: the {what} does not fit this version of studyplan:"
        )
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
    return (
        f"the deadline of {old.weeks} weeks from {old.start_date} has passed; "
        "the new plan has no deadline"
    )


def _rebuilt(old: Profile, today: date, catalog: Catalog) -> Plan | None:
    """The old plan rebuilt from its profile: its end, when the file does not tell, and its
    calendar's sessions, which the new calendar cancels where it has none."""
    try:
        return make_plan(old, today, catalog)
    except (UserError, ValueError, KeyError):
        return None


def free_stem(folder: Path, stem: str, extensions: tuple[str, ...]) -> str:
    """stem, stem-2, ... : the first with no file of any of these extensions in folder.

    A re-plan never writes over a file: not the plan it came from, not an earlier re-plan.
    """
    candidate, n = stem, 1
    while any((folder / f"{candidate}.{ext}").exists() for ext in extensions):
        n += 1
        candidate = f"{stem}-{n}"
    return candidate
