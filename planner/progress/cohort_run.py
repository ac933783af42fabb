"""Cohort progress: read many ticked plans in a process pool, write the reports atomically.

Under --shard I/N a run reads the files whose position (in the sorted list of the whole
input) modulo N is I-1, writes cohort-progress-I-of-N.json, and then rewrites the merged
cohort-progress.csv, .json and .pdf from every shard of N finished so far in that folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from planner.batch.inputs import Shard, profile_files
from planner.batch.progress_bar import Progress
from planner.batch.run import default_jobs
from planner.catalog.load import load_catalog
from planner.catalog.model import Catalog
from planner.errors import Problem, UserError
from planner.output import ensure_dir, write_atomic
from planner.progress.cohort import Cohort
from planner.progress.cohort_learner import Learner
from planner.progress.cohort_pdf import render_cohort_progress
from planner.progress.cohort_report import read_report, report_csv, report_json
from planner.progress.cohort_worker import Unread, init_worker, read_plan
from planner.render import DEFAULT_PAPER

PLAN_SUFFIXES = (".pdf", ".md", ".markdown", ".yaml", ".yml")
STEM = "cohort-progress"
CHUNK = 4  # files per round trip to a worker: a file takes ~20 ms, a round trip far less


@dataclass(frozen=True)
class CohortResult:
    cohort: Cohort  # the merged cohort when sharded
    failed: int  # files this run could not read
    written: tuple[Path, ...]


def plan_files(paths: list[Path]) -> list[tuple[Path, bool]]:
    """Every file, in a fixed order, and whether to read it: a file found in a folder is read
    when it could be a plan (.pdf, .md, .yaml), a file named is always read. A missing path,
    or nothing to read at all, is a UserError."""
    missing = [Problem("no such file or folder", str(p)) for p in paths if not p.exists()]
    if missing:
        raise UserError(missing, header="progress: some paths do not exist; nothing was read:")
    named = {p.resolve() for p in paths if not p.is_dir()}
    files = [
        (f, f.name.lower().endswith(PLAN_SUFFIXES) or f.resolve() in named)
        for f in profile_files(paths, ("",))
    ]  # every file: the others are listed
    if not any(read for _, read in files):
        raise UserError(
            f"progress: no ticked plans found in {', '.join(map(str, paths))} "
            "(folders are searched for .pdf, .md and .yaml files)"
        )
    return files


def run_cohort(
    paths: list[Path],
    output: Path,
    today: date,
    jobs: int = 0,
    shard: Shard | None = None,
    bar: Progress | None = None,
    paper: str = DEFAULT_PAPER,
) -> CohortResult:
    """Read the shard's files, write the reports; unreadable files are listed, never raised."""
    shard = shard or Shard()
    mine = [(f, read) for n, (f, read) in enumerate(plan_files(paths)) if shard.holds(n)]
    ensure_dir(output)
    catalog = load_catalog()
    cohort = Cohort().extend(
        Unread(str(f), "skipped", "not a plan (plans are .pdf, .md or .yaml files)")
        for f, read in mine
        if not read
    )
    files = [str(f) for f, read in mine if read]
    bar = bar or Progress(len(files), label="progress")
    for outcome in _outcomes(files, today, catalog, jobs or default_jobs()):
        cohort.add(outcome)
        if isinstance(outcome, Learner):
            bar.add("ok")
            continue
        bar.add(outcome.status)
        if outcome.status == "failed":
            bar.say(f"failed: {outcome.source}: {outcome.reason}")
    bar.close()
    failed = sum(u.status == "failed" for u in cohort.unread)
    if shard.count == 1:
        written = write_reports(output, cohort, catalog, today, paper=paper)
        return CohortResult(cohort, failed, written)
    own = output / f"{STEM}{shard.suffix}.json"
    extra = {"shard": f"{shard.index}/{shard.count}"}
    write_atomic(own, report_json(cohort, catalog, today, extra))
    merged, written = merge_shards(output, shard.count, catalog, paper)
    return CohortResult(merged, failed, (own, *written))


def write_reports(
    output: Path,
    cohort: Cohort,
    catalog: Catalog,
    today: date,
    extra: dict[str, Any] | None = None,
    paper: str = DEFAULT_PAPER,
) -> tuple[Path, ...]:
    return (
        write_atomic(output / f"{STEM}.csv", report_csv(cohort)),
        write_atomic(output / f"{STEM}.json", report_json(cohort, catalog, today, extra)),
        write_atomic(output / f"{STEM}.pdf", render_cohort_progress(cohort, catalog, today, paper)),
    )


def merge_shards(
    output: Path, count: int, catalog: Catalog, paper: str = DEFAULT_PAPER
) -> tuple[Cohort, tuple[Path, ...]]:
    """The merged reports of every shard of count finished in output (a lock keeps two
    shards that end together from each writing a merge without the other)."""
    with _locked(output / f".{STEM}-{count}.lock"):
        cohort, days, shards = Cohort(), set(), []
        for path in sorted(output.glob(f"{STEM}-*-of-{count}.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                days.add(read_report(data, cohort))
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise UserError(
                    f"{path}: not a shard report this version can merge "
                    f"({type(exc).__name__}: {exc}); run that shard again"
                ) from None
            shards.append(data["summary"].get("shard", path.stem))
        if len(days) > 1:
            raise UserError(
                f"{output}: the shards looked at different days "
                f"({', '.join(sorted(map(str, days)))}); give them all one --today"
            )
        extra = {"shards": sorted(shards, key=lambda s: int(s.split("/")[0]))}
        return cohort, write_reports(output, cohort, catalog, days.pop(), extra, paper)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _outcomes(
    files: list[str], today: date, catalog: Catalog, jobs: int
) -> Iterator[Learner | Unread]:
    if jobs <= 1 or len(files) <= 1:
        init_worker(today, catalog, in_pool=False)
        yield from map(read_plan, files)
        return
    # fork: the workers share the parent's imported modules and catalog
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    pool = context.Pool(min(jobs, len(files)), initializer=init_worker, initargs=(today, catalog))
    try:
        yield from pool.imap_unordered(read_plan, files, chunksize=CHUNK)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
