"""Batch throughput: N varied profiles with -j 1 and -j 2, against rendering alone in-process.

    python benchmarks/bench_batch.py [N] [--full] [--repeat R]

Prints plans per second, the per-plan batch cost (CPU time of all its processes, including
start-up) over the cost of planning and rendering the same profiles in-process (goal: within
1.5x), and the peak RSS of a worker process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.measure import run_studyplan

TODAY = date(2026, 11, 25)
GOALS = ("llm-engineer", "llm-applications", "llm-research")
PROFILE = """\
name: Learner {n:05d}
goal: {goal}
hours_per_week: {hours}
weeks: {weeks}
background: {{math: {math}, python: {python}, ml: {ml}}}
"""


def write_profiles(folder: Path, count: int) -> None:
    """Varied 12-16-week profiles, several to a file (YAML streams) in nested folders."""
    for start in range(0, count, 10):
        docs = [
            PROFILE.format(
                n=n,
                goal=GOALS[n % 3],
                hours=6 + n % 9,
                weeks=12 + n % 5,
                math=n % 5,
                python=(n // 5) % 5,
                ml=(n // 25) % 5,
            )
            for n in range(start, min(start + 10, count))
        ]
        path = folder / f"group-{start // 100:03d}" / f"cohort-{start:05d}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n".join(docs), encoding="utf-8")


def run_batch(inputs: Path, out: Path, jobs: int) -> tuple[float, float, float]:
    """Wall seconds and CPU seconds (all processes) of `studyplan batch -j jobs`, and the
    peak RSS (MB) of a worker."""
    m = run_studyplan(
        ["batch", str(inputs), "-o", str(out), "-j", str(jobs), "--today", TODAY.isoformat()], jobs
    )
    return m.seconds, m.cpu, m.worker_mb


def render_alone(inputs: Path, sample: int) -> float:
    """CPU seconds per plan to plan and render the PDF in this process (fonts already warm);
    CPU time, not wall time, so other load on the machine does not blur the comparison."""
    from planner.catalog.load import load_catalog
    from planner.pipeline import make_plan
    from planner.profile.load import load_file
    from planner.render import render

    catalog = load_catalog()
    profiles = [
        lp.profile
        for f in sorted(inputs.rglob("*.yaml"))
        for lp in load_file(f, catalog)
        if lp.profile
    ][:sample]
    render(make_plan(profiles[0], TODAY, catalog), "pdf")  # warm up: imports, fonts
    started = time.process_time()
    for profile in profiles:
        render(make_plan(profile, TODAY, catalog), "pdf")
    return (time.process_time() - started) / len(profiles)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=200)
    parser.add_argument("--full", action="store_true", help="1,000 profiles")
    parser.add_argument("--repeat", type=int, default=1, help="runs per -j (median)")
    args = parser.parse_args(argv)
    count = 1000 if args.full else args.count
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        inputs = Path(tmp) / "in"
        write_profiles(inputs, count)
        alone = render_alone(inputs, min(count, 40))
        print(
            f"batch: {count} profiles; plan + PDF alone in-process {alone * 1000:.0f} ms "
            f"CPU/plan; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
        )
        for jobs in (1, 2):
            runs = [
                run_batch(inputs, Path(tmp) / f"out-{jobs}-{r}", jobs) for r in range(args.repeat)
            ]
            seconds = statistics.median(s for s, _, _ in runs)
            per_plan = statistics.median(c for _, c, _ in runs) / count  # CPU, all processes
            print(
                f"batch -j {jobs}: {seconds:.1f} s, {count / seconds:.1f} plans/s, "
                f"{per_plan * 1000:.0f} ms CPU/plan = {per_plan / alone:.2f}x in-process, "
                f"peak RSS per worker {max(m for _, _, m in runs):.0f} MB"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
