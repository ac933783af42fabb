"""Drawing speed beside a plain ReportLab plan drawn in the same run (benchmarks/plain_plan.py).

    python benchmarks/bench_pdf.py [N]

Figures are CPU seconds of whole processes, so other load on the machine blurs them less,
and every one is divided by the plain plan's, so the machine's speed cancels out:
- cold build: `studyplan build` of the bench's 16-week plan / the plain plan of the same
  16 weeks, each a fresh process (goal <= 1.0x);
- batch: what `studyplan batch -j 2` draws per CPU second (pages, checkboxes, characters of
  text, links, over N varied plans) / what the plain plan draws per CPU second (goal >= 5x
  per page, checkbox and character, >= 2.5x per link).
Python files are compiled first, as an install does.
"""

from __future__ import annotations

import compileall
import io
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from benchmarks.bench_batch import TODAY, write_profiles
from benchmarks.measure import run_studyplan

ROOT = Path(__file__).resolve().parent.parent
PLAIN = Path(__file__).with_name("plain_plan.py")
SINGULAR = {"pages": "page", "checkboxes": "checkbox", "characters": "character", "links": "link"}


@dataclass(frozen=True, kw_only=True)
class Content:
    """What a set of PDFs holds."""

    pages: int
    checkboxes: int
    characters: int
    links: int

    def __add__(self, other: Content) -> Content:
        return Content(
            pages=self.pages + other.pages,
            checkboxes=self.checkboxes + other.checkboxes,
            characters=self.characters + other.characters,
            links=self.links + other.links,
        )


def content_of(data: bytes) -> Content:
    reader = PdfReader(io.BytesIO(data))
    boxes = links = characters = 0
    for page in reader.pages:
        characters += len("".join(page.extract_text().split()))
        for annot in page.get("/Annots", []):
            kind = annot.get_object().get("/Subtype")
            boxes += kind == "/Widget"
            links += kind == "/Link"
    return Content(pages=len(reader.pages), checkboxes=boxes, characters=characters, links=links)


def cpu_of(command: list[str]) -> float:
    """CPU seconds (user + system) of a command run as a fresh process."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def median_cpu(command: list[str], runs: int = 5) -> float:
    return statistics.median(cpu_of(command) for _ in range(runs))


def page_fill(data: bytes, paper: str = "a4") -> tuple[int, list[float]]:
    """The page count and, for each week page, how far down its frame the text reaches."""
    from planner.render.pdf.styles import MARGIN_BOTTOM, MARGIN_TOP, page_of
    from tests.pdf_reading import Pdf, text_lines

    pdf, page = Pdf.of(data), page_of(paper)
    fills = []
    for index in pdf.weekly_pages():
        lows = [y for y, t in text_lines(pdf, index) if y > MARGIN_BOTTOM and t != "NOTES"]
        if lows:
            fills.append((page.height - MARGIN_TOP - min(lows)) / page.frame_height)
    return len(pdf.texts), fills


def density() -> str:
    """Median week-page fill at 1.5, 6 and 20 h a week, and the pages of a 1.5 h year."""
    from datetime import date

    from planner.catalog.load import load_catalog
    from planner.engine.build import build_plan
    from planner.profile.validate import validate
    from planner.render.pdf.render import render_pdf

    catalog = load_catalog()

    def pages(hours: float, weeks: int | None) -> tuple[int, list[float]]:
        data = {
            "name": "Ada Lovelace",
            "goal": "llm-engineer",
            "hours_per_week": hours,
            "start_date": "2027-01-04",
            "background": {"math": 2, "python": 2, "ml": 1},
        }
        if weeks:
            data["weeks"] = weeks
        profile, _ = validate(data, catalog)
        assert profile
        return page_fill(render_pdf(build_plan(profile, catalog, date(2027, 1, 1))).data)

    fills = [f for hours in (1.5, 6, 20) for f in pages(hours, 30 if hours < 6 else 16)[1]]
    year, _ = pages(1.5, 52)
    return (
        f"PDF pages: median week-page fill {statistics.median(fills):.0%} at 1.5, 6 and 20 h "
        f"(goal >= 60%); a 1.5 h plan of a year: {year} pages (goal about 40)"
    )


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    count = int(args[0]) if args else 60
    compileall.compile_dir(ROOT / "planner", quiet=1)
    from benchmarks.run import STUDYPLAN, sixteen_week_profile

    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        folder = Path(tmp)
        profile = sixteen_week_profile(folder)
        build = [STUDYPLAN, "build", str(profile), "-o", str(folder / "plan")]
        subprocess.run([*build, "--format", "json,pdf"], check=True, capture_output=True)
        json_file, ours = folder / "plan" / "bench-mark.json", folder / "plan" / "bench-mark.pdf"
        plain_pdf = folder / "plain.pdf"
        plain_cpu = median_cpu([sys.executable, str(PLAIN), str(json_file), str(plain_pdf)])
        cold = median_cpu(build)
        plain = content_of(plain_pdf.read_bytes())
        mine = content_of(ours.read_bytes())
        print(
            f"PDF: the 16-week plan: {mine.pages} pages, {mine.checkboxes} boxes, "
            f"{mine.links} links; the plain plan: {plain.pages} pages; cold build "
            f"{cold:.2f} s CPU / plain {plain_cpu:.2f} s = {cold / plain_cpu:.2f}x (goal <= 1.0x)"
        )
        write_profiles(folder / "in", count)
        out = folder / "out"
        batch = run_studyplan(
            ["batch", str(folder / "in"), "-o", str(out), "-j", "2", "--today", TODAY.isoformat()],
            2,
        )
        drawn = Content(pages=0, checkboxes=0, characters=0, links=0)
        for pdf in sorted(out.glob("*.pdf")):
            if pdf.name != "cohort.pdf":
                drawn = drawn + content_of(pdf.read_bytes())
        ratios = {
            unit: (getattr(drawn, unit) / batch.cpu) / (getattr(plain, unit) / plain_cpu)
            for unit in ("pages", "checkboxes", "characters", "links")
        }
        print(density())
        print(
            f"PDF: batch -j 2 of {count} plans ({drawn.pages} pages) in {batch.cpu:.1f} s CPU, "
            "beside the plain plan: "
            + ", ".join(f"{r:.1f}x per {SINGULAR[unit]}" for unit, r in ratios.items())
            + " (goals >= 5x, >= 2.5x per link)"
        )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
