"""Cohort progress throughput: 1,000 ticked PDFs read back with -j 1 and -j 2.

    python benchmarks/bench_cohort_progress.py [N] [--repeat R]

A PDF is drawn once per distinct plan (a few varied 12-16-week profiles) and ticked with
pypdf at a few levels, saved as incremental updates as a viewer saves them; each learner's
file is such a copy with its own name in the embedded profile (one more incremental update),
so every file is a different learner. Prints files per second (whole command: start-up,
reading, the three reports), the CPU per file, and the peak RSS of the command and of a
worker for a fifth of the files and for all of them (flat: the same).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from benchmarks.measure import run_studyplan

TODAY = date(2027, 3, 1)
START = date(2027, 1, 4)
GOALS = ("llm-engineer", "llm-applications", "llm-research")
TEMPLATES = 9  # distinct plans
LEVELS = 6  # tick states per plan: none, then the first 1, 2, ... weeks ticked
GOAL_FILES_PER_SECOND = 50.0


def template_profiles() -> list[dict[str, object]]:
    return [
        {
            "name": "Template",
            "goal": GOALS[n % 3],
            "hours_per_week": 6 + n % 4 * 2,
            "start_date": START.isoformat(),
            "weeks": 12 + n % 5,
            "background": {"math": n % 5, "python": (n + 2) % 5, "ml": (n + 1) % 4},
        }
        for n in range(TEMPLATES)
    ]


def ticked_templates() -> list[tuple[bytes, int, str]]:
    """(PDF bytes, embedded file's object number, profile text) per template and level."""
    from planner.catalog.load import load_catalog
    from planner.pipeline import make_plan
    from planner.plan import profile_yaml
    from planner.profile.validate import validate
    from planner.progress.planned import tasks_by_id
    from planner.render.pdf.render import render_pdf

    catalog = load_catalog()
    out = []
    for data in template_profiles():
        profile, problems = validate(data, catalog)
        assert profile and not problems, problems
        plan = make_plan(profile, TODAY, catalog)
        pdf = render_pdf(plan).data
        weeks = {tid: week for tid, (week, _, _) in tasks_by_id(plan).items()}
        writer = PdfWriter(io.BytesIO(pdf), incremental=True)
        for level in range(LEVELS):
            for ref in writer.root_object["/AcroForm"]["/Fields"]:
                field = ref.get_object()
                state = NameObject("/Yes" if weeks[str(field["/T"])] <= level else "/Off")
                field[NameObject("/V")] = field[NameObject("/AS")] = state
            buffer = io.BytesIO()
            writer.write(buffer)
            out.append(
                (buffer.getvalue(), _embedded_file(buffer.getvalue()), profile_yaml(plan.profile))
            )
    return out


def _embedded_file(pdf: bytes) -> int:
    names = PdfReader(io.BytesIO(pdf)).root_object["/Names"]["/EmbeddedFiles"]["/Names"]
    return int(names[1].get_object()["/EF"].raw_get("/F").idnum)


def with_profile(pdf: bytes, number: int, profile: str) -> bytes:
    """pdf with its embedded profile replaced, as an incremental update (object number)."""
    tail = pdf[-200:]
    previous = int(re.findall(rb"startxref\s+(\d+)", tail)[-1])
    size = int(re.findall(rb"/Size (\d+)", pdf[previous:])[0])
    root = re.findall(rb"/Root (\d+ \d+ R)", pdf[previous:])[0]
    data = profile.encode("utf-8")
    offset = len(pdf) + 1
    update = (
        b"\n%d 0 obj\n<< /Type /EmbeddedFile /Length %d >>\nstream\n%s\nendstream\nendobj\n"
        % (number, len(data), data)
    )
    xref = len(pdf) + len(update)
    # the table starts with the free head entry, as viewers write their incremental saves
    update += (
        b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \ntrailer\n"
        b"<< /Size %d /Root %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
        % (number, offset, size, root, previous, xref)
    )
    return pdf + update


def write_cohort(folder: Path, count: int, templates: list[tuple[bytes, int, str]]) -> None:
    for n in range(count):
        pdf, number, profile = templates[(n * 7) % len(templates)]
        text = profile.replace("name: Template", f"name: Learner {n:05d}", 1)
        path = folder / f"group-{n // 100:02d}" / f"learner-{n:05d}.pdf"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(with_profile(pdf, number, text))


def run_progress(inputs: Path, out: Path, jobs: int) -> tuple[float, float, float, float]:
    """Wall seconds, CPU seconds of all processes, peak RSS (MB) of the command and of a
    worker, for `studyplan progress inputs -j jobs`."""
    m = run_studyplan(
        ["progress", str(inputs), "-o", str(out), "-j", str(jobs), "--today", TODAY.isoformat()],
        jobs,
    )
    return m.seconds, m.cpu, m.command_mb, m.worker_mb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per -j (median)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-cohort-") as tmp:
        started = time.perf_counter()
        templates = ticked_templates()
        small, whole = Path(tmp) / "fifth", Path(tmp) / "all"
        write_cohort(small, args.count // 5, templates)
        write_cohort(whole, args.count, templates)
        print(
            f"cohort progress: {args.count} ticked PDFs of {TEMPLATES} plans made in "
            f"{time.perf_counter() - started:.0f} s; {os.cpu_count()} CPUs, load average "
            f"{os.getloadavg()[0]:.1f}"
        )
        fifth = run_progress(small, Path(tmp) / "out-fifth", 2)
        for jobs in (1, 2):
            runs = [
                run_progress(whole, Path(tmp) / f"out-{jobs}-{r}", jobs) for r in range(args.repeat)
            ]
            seconds = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs) / args.count
            goal = f" (goal >= {GOAL_FILES_PER_SECOND:g})" if jobs == 2 else ""
            print(
                f"progress -j {jobs}: {seconds:.1f} s, {args.count / seconds:.1f} files/s"
                f"{goal}, {cpu * 1000:.0f} ms CPU/file, peak RSS: command "
                f"{max(r[2] for r in runs):.0f} MB, worker {max(r[3] for r in runs):.0f} MB"
            )
        print(
            f"memory with -j 2 for {args.count // 5} files: command {fifth[2]:.0f} MB, "
            f"worker {fifth[3]:.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
