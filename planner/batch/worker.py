"""Batch worker: build one profile document into files; never let one profile stop the rest."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import traceback
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from planner.batch.inputs import Job
from planner.catalog.load import load_catalog
from planner.catalog.model import Catalog
from planner.errors import UserError
from planner.output import NoSpace, remove_temporaries
from planner.plan import Plan, PlannedItem, Week
from planner.profile.model import Profile
from planner.profile.validate import validate

REPORT_BUG = "internal error (a bug in studyplan; please report it)"


@dataclass(frozen=True)
class Settings:
    """What every job of one batch shares; sent to each worker once."""

    output: Path
    formats: tuple[str, ...]
    today: date
    skip_existing: bool = False
    content: Path | None = None  # another catalog folder (tests); None: the shipped one
    paper: str = "a4"  # the PDFs' page size: a4 or letter


@dataclass(frozen=True, kw_only=True)
class Outcome:
    """A finished job, small enough to keep thousands: no Plan, only what reports need."""

    position: int
    source: str
    index: int
    line: int
    status: str  # ok | failed | skipped
    outputs: tuple[str, ...] = ()  # file names inside the output folder
    weeks: int | None = None
    total_hours: float | None = None
    error: str = ""
    goal: str = ""
    goal_title: str = ""
    hours_per_week: float | None = None
    week_items: tuple[tuple[str, ...], ...] = ()  # item ids studied in each week
    titles: dict[str, str] = field(default_factory=dict)  # item id -> title
    kept: tuple[str, ...] = ()  # ticked files kept aside before their names were reused
    warnings: tuple[str, ...] = ()  # what the PDF could not print as written
    name: str = ""
    start_date: date | None = None  # the Monday of week 1: weeks meet on calendar dates
    end_date: date | None = None
    no_space: bool = False  # the output folder's disk is full: the batch stops


_settings: Settings | None = None
_catalog: Catalog | None = None


def init_worker(settings: Settings, in_pool: bool = True) -> None:
    """Load the catalog and fonts once per process; in a pool, leave Ctrl-C to the parent."""
    global _settings, _catalog
    _settings = settings
    if in_pool:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        # SIGTERM (pool.terminate, or the parent dying): remove the temporary files, exit
        signal.signal(signal.SIGTERM, exit_on_term)
        die_with_parent()
    _catalog = load_catalog(settings.content) if settings.content else load_catalog()
    with contextlib.suppress(ImportError):  # warm up: fonts and ReportLab, once per process
        from planner.render.pdf import default_fonts

        default_fonts()


def exit_on_term(_signum: int, _frame: object) -> None:
    """Stop a worker at once, leaving only whole files. Not by raising SystemExit: a
    library's bare `except:` may catch it and go on (the worker then never ends) or re-raise
    it with a note (ReportLab's "handle_pageBegin args=()" line on stderr)."""
    remove_temporaries()
    os._exit(143)


def die_with_parent() -> None:
    """Ask Linux to send SIGTERM when the parent dies (a kill -9 must not leave orphans)."""
    parent = os.getppid()
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        sys.exit(143)


def output_names(stem: str, formats: tuple[str, ...]) -> tuple[str, ...]:
    from planner.render import RENDERERS

    return tuple(f"{stem}.{RENDERERS[fmt][2]}" for fmt in formats)


def run_job(job: Job) -> Outcome:
    """Build one job; any failure (bad profile, renderer bug) becomes a failed Outcome."""
    assert _settings is not None, "init_worker first"
    try:
        return _build(job, _settings)
    except NoSpace as exc:
        return replace(_failed(job, str(exc)), no_space=True)
    except UserError as exc:
        return _failed(job, "; ".join(str(p) for p in exc.problems))
    except Exception as exc:
        last = traceback.extract_tb(exc.__traceback__)[-1]
        where = f" at {Path(last.filename).name}:{last.lineno}"
        return _failed(
            job, f"{job.source}:{job.line}: {REPORT_BUG}: {type(exc).__name__}: {exc}{where}"
        )


def _failed(job: Job, error: str) -> Outcome:
    return Outcome(
        position=job.position,
        source=job.source,
        index=job.index,
        line=job.line,
        status="failed",
        error=error,
    )


def _build(job: Job, settings: Settings) -> Outcome:
    from planner.pipeline import make_plan

    if job.problems:
        return _failed(job, "; ".join(str(p) for p in job.problems))
    assert _catalog is not None
    profile, problems = validate(job.data, _catalog, job.source, job.line)
    if profile is None or job.stem is None:
        return _failed(job, "; ".join(str(p) for p in problems))
    plan = make_plan(profile, settings.today, _catalog)
    status, stem, kept, warnings = _write(plan, profile, job.stem, settings)
    return Outcome(
        position=job.position,
        source=job.source,
        index=job.index,
        line=job.line,
        status=status,
        outputs=output_names(stem, settings.formats),
        weeks=len(plan.weeks),
        total_hours=plan.total_hours,
        goal=plan.goal,
        goal_title=plan.goal_title,
        hours_per_week=plan.hours_per_week,
        warnings=warnings,
        name=plan.name,
        start_date=plan.start_date,
        end_date=plan.end_date,
        week_items=tuple(tuple(dict.fromkeys(i.id for i in _studied(w))) for w in plan.weeks),
        titles={i.id: i.title for w in plan.weeks for i in _studied(w)},
        kept=kept,
    )


def _write(
    plan: Plan, profile: Profile, stem: str, settings: Settings
) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    """Write the plan's files under stem; with --skip-existing, skip them when the files
    there are this profile's plan, else take the next free name (and say so)."""
    from planner.pipeline import write_plan

    if not settings.skip_existing:
        # write_plan keeps a ticked PDF or Markdown file aside before reusing its name
        written = write_plan(plan, settings.output, settings.formats, stem, settings.paper)
        return "ok", stem, tuple(k.message() for k in written.kept), written.warnings
    from planner.batch.existing import write_unless_same

    assert _catalog is not None
    return write_unless_same(
        plan,
        profile,
        stem,
        folder=settings.output,
        formats=settings.formats,
        paper=settings.paper,
        catalog=_catalog,
    )


def _studied(week: Week) -> list[PlannedItem]:
    """The week's subjects: reviews and catch-up slots are not what a study group meets on."""
    return [i for i in week.items if i.kind not in ("review", "catch-up")]
