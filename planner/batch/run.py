"""Many profiles at once: expand inputs, build in a process pool, report, summarise the cohort."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

from planner.batch.cohort import CohortStats
from planner.batch.inputs import BatchInputs, Job, Shard, check_paths, plan_inputs, with_data
from planner.batch.progress_bar import Progress
from planner.batch.report import write_reports
from planner.batch.worker import Outcome, Settings, init_worker, run_job
from planner.errors import LISTED
from planner.output import ensure_dir, write_atomic

WHOLE = Shard()  # no --shard: the whole input


@dataclass(frozen=True)
class BatchResult:
    ok: int
    failed: int
    skipped: int
    total: int  # documents in this shard
    cancelled: bool
    report: tuple[Path, ...]
    stopped: str = ""  # why the batch stopped early (the disk is full), or ""


def default_jobs() -> int:
    return (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    )


def run_batch(
    paths: list[Path],
    settings: Settings,
    jobs: int = 0,
    shard: Shard = WHOLE,
    progress: Progress | None = None,
) -> BatchResult:
    """Build every profile document of the shard; failures are reported, never raised.

    Ctrl-C stops the workers and still writes the report of what was done (cancelled=True);
    so does a full disk (stopped says so): every profile after it would fail the same way.
    """
    inputs = plan_inputs(check_paths(paths), shard)
    ensure_dir(settings.output)
    progress = progress or Progress(len(inputs.jobs))
    stats, outcomes, stopped, failures = CohortStats(), [], "", Counter[str]()
    try:
        with contextlib.closing(_outcomes(inputs, settings, jobs or default_jobs())) as results:
            for outcome in results:
                outcomes.append(_small(outcome))
                stats.add(outcome)
                progress.add(outcome.status)
                if outcome.status == "failed":
                    _say_failure(progress, outcome, failures)
                for kept in outcome.kept:
                    progress.say(f"note: {kept}")
                for warning in outcome.warnings:
                    progress.say(f"warning: {outcome.source}:{outcome.line}: {warning}")
                if outcome.no_space:
                    stopped = outcome.error
                    break
        cancelled = False
    except KeyboardInterrupt:
        cancelled = True
    progress.close()
    count = {s: sum(o.status == s for o in outcomes) for s in ("ok", "failed", "skipped")}
    summary = {
        **count,
        "total": len(inputs.jobs),
        "inputs": inputs.total,
        "shard": f"{shard.index}/{shard.count}",
        "cancelled": cancelled,
        **({"stopped": stopped} if stopped else {}),
        "cohort": stats.summary(),
    }
    report = write_reports(settings.output, outcomes, summary, shard.suffix)
    cohort = settings.output / f"cohort{shard.suffix}.pdf"
    from planner.batch.cohort_pdf import render_cohort_pdf  # ReportLab: imported when needed

    write_atomic(cohort, render_cohort_pdf(stats, settings.paper, settings.today))
    return BatchResult(
        count["ok"],
        count["failed"],
        count["skipped"],
        len(inputs.jobs),
        cancelled,
        (*report, cohort),
        stopped,
    )


def _say_failure(progress: Progress, outcome: Outcome, failures: Counter[str]) -> None:
    """The first LISTED failures of a file on stderr, then one line: the report has them all
    (a file of 5,000 broken documents must not print 5,000 lines)."""
    failures[outcome.source] += 1
    if failures[outcome.source] <= LISTED:
        progress.say(f"failed: {outcome.error}")
    elif failures[outcome.source] == LISTED + 1:
        progress.say(f"failed: {outcome.source}: more documents fail; the report lists them all")


def _small(outcome: Outcome) -> Outcome:
    """What the report keeps of an outcome: the per-week items went into the cohort stats."""
    return Outcome(
        position=outcome.position,
        source=outcome.source,
        index=outcome.index,
        line=outcome.line,
        status=outcome.status,
        outputs=outcome.outputs,
        weeks=outcome.weeks,
        total_hours=outcome.total_hours,
        error=outcome.error,
        warnings=outcome.warnings,
    )


def _outcomes(inputs: BatchInputs, settings: Settings, jobs: int) -> Generator[Outcome, None, None]:
    work = with_data(inputs.jobs)
    if jobs <= 1 or len(inputs.jobs) <= 1:
        init_worker(settings, in_pool=False)
        yield from map(run_job, work)
        return
    yield from _pooled(work, settings, min(jobs, len(inputs.jobs)))


def _pooled(work: Iterator[Job], settings: Settings, jobs: int) -> Iterator[Outcome]:
    # fork shares the imported modules; workers still load the catalog and fonts themselves
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    pool = context.Pool(jobs, initializer=init_worker, initargs=(settings,))
    try:
        # one job per task: a round trip costs far less than a PDF, and every finished plan
        # reaches the report at once (a chunk's results would wait for the whole chunk)
        yield from pool.imap_unordered(run_job, work)
        pool.close()
    except BaseException:
        pool.terminate()  # SIGTERM: each worker removes its half-written temporary file
        raise
    finally:
        pool.join()
