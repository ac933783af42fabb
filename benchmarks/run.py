"""`make bench`: speed of the whole command, of each step, and the scheduler's quality.

Figures are medians over repeated runs; goals are printed beside them.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.profiles import matrix_profiles, varied_profiles  # noqa: E402
from benchmarks.quality import plan_quality  # noqa: E402
from planner.catalog.load import load_catalog  # noqa: E402
from planner.engine.build import build_plan  # noqa: E402
from planner.profile.validate import validate  # noqa: E402

STUDYPLAN = str(Path(sys.executable).with_name("studyplan"))
# a typical 16-week plan: an application developer at a normal part-time pace
SIXTEEN_WEEKS = """\
name: Bench Mark
goal: llm-applications
hours_per_week: {hours}
start_date: 2027-01-04
background: {{math: 2, python: 3, ml: 2}}
"""


def median_seconds(command: list[str], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def sixteen_week_profile(folder: Path) -> Path:
    """A profile whose plan is at most 16 weeks: search the weekly hours that give it."""
    catalog = load_catalog()
    for hours in range(4, 61):
        text = SIXTEEN_WEEKS.format(hours=hours)
        profile, _ = validate(__import__("yaml").safe_load(text), catalog)
        assert profile
        if len(build_plan(profile, catalog, date(2027, 1, 1)).weeks) <= 16:
            break
    path = folder / "bench.yaml"
    path.write_text(text)
    return path


def in_process(profile_path: Path, runs: int = 15) -> tuple[float, float, int]:
    import yaml

    from planner.render.pdf.render import render_pdf

    catalog = load_catalog()
    profile, _ = validate(yaml.safe_load(profile_path.read_text()), catalog)
    assert profile
    plan_t, pdf_t = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        plan = build_plan(profile, catalog, date(2027, 1, 1))
        t1 = time.perf_counter()
        render_pdf(plan)
        pdf_t.append(time.perf_counter() - t1)
        plan_t.append(t1 - t0)
    return statistics.median(plan_t), statistics.median(pdf_t), len(plan.weeks)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        profile = sixteen_week_profile(folder)
        plan_s, pdf_s, weeks = in_process(profile)
        build_s = median_seconds([STUDYPLAN, "build", str(profile), "-o", str(folder / "out")])
        help_s = median_seconds([STUDYPLAN, "--help"])
    print(
        f"studyplan build, {weeks}-week plan, whole process: median {build_s:.3f} s (goal < 0.8 s)"
    )
    print(f"studyplan --help: median {help_s:.3f} s (goal < 0.3 s)")
    print(f"in process: plan median {plan_s * 1000:.1f} ms, PDF median {pdf_s * 1000:.1f} ms")
    catalog = load_catalog()
    print(plan_quality(catalog, varied_profiles(catalog, 300) + matrix_profiles(catalog)))
    try:
        from benchmarks.bench_batch import main as batch_main
    except ImportError:
        print("batch benchmark: not available in this build")
    else:
        batch_main(sys.argv[1:])
    from benchmarks.bench_cohort_progress import main as cohort_main

    cohort_main([])
    from benchmarks.bench_pdf import main as pdf_main

    pdf_main([])


if __name__ == "__main__":
    main()
