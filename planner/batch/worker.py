"""Batch worker: build one profile document into files; never let one profile stop the rest."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import traceback
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from planner.batch.inputs import Job
from planner.catalog.load import load_catalog
from planner.catalog.model import Catalog
from planner.errors import UserError
from planner.plan import PlannedItem, Week
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


@dataclass(frozen=True)
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


_settings: Settings | None = None
_catalog: Catalog | None = None


def init_worker(settings: Settings, in_pool: bool = True) -> None:
    """Load the catalog and fonts once per process; in a pool, leave Ctrl-C to the parent."""
    global _settings, _catalog
    _settings = settings
    if in_pool:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        # SIGTERM (pool.terminate, or the parent dying) unwinds the stack, so write_atomic
        # removes its temporary file: a stopped batch leaves only whole files.
        signal.signal(signal.SIGTERM, exit_on_term)
        die_with_parent()
    _catalog = load_catalog(settings.content) if settings.content else load_catalog()
    with contextlib.suppress(ImportError):  # warm up: fonts and ReportLab, once per process
        from planner.render.pdf import default_fonts

        default_fonts()


def exit_on_term(_signum: int, _frame: object) -> None:
    raise SystemExit(143)


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
    except UserError as exc:
        return _failed(job, "; ".join(str(p) for p in exc.problems))
    except Exception as exc:
        last = traceback.extract_tb(exc.__traceback__)[-1]
        where = f" at {Path(last.filename).name}:{last.lineno}"
        return _failed(
            job, f"{job.source}:{job.line}: {REPORT_BUG}: {type(exc).__name__}: {exc}{where}"
        )


def _failed(job: Job, error: str) -> Outcome:
    return Outcome(job.position, job.source, job.index, job.line, "failed", error=error)


def _build(job: Job, settings: Settings) -> Outcome:
    from planner.pipeline import make_plan, write_plan

    if job.problems:
        return _failed(job, "; ".join(str(p) for p in job.problems))
    assert _catalog is not None
    profile, problems = validate(job.data, _catalog, job.source, job.line)
    if profile is None or job.stem is None:
        return _failed(job, "; ".join(str(p) for p in problems))
    plan = make_plan(profile, settings.today, _catalog)
    names = output_names(job.stem, settings.formats)
    status = "ok"
    kept: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    if settings.skip_existing and all((settings.output / n).is_file() for n in names):
        status = "skipped"
    else:
        # write_plan keeps a ticked PDF or Markdown file aside before reusing its name
        written = write_plan(plan, settings.output, settings.formats, job.stem, settings.paper)
        kept = tuple(k.message() for k in written.kept)
        warnings = written.warnings
    return Outcome(
        job.position,
        job.source,
        job.index,
        job.line,
        status,
        names,
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


def _studied(week: Week) -> list[PlannedItem]:
    """The week's subjects: reviews and catch-up slots are not what a study group meets on."""
    return [i for i in week.items if i.kind not in ("review", "catch-up")]
