"""The cohort summary page: learners per track, plan lengths, weekly hours, study groups."""

from __future__ import annotations

import html
import io
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.colors import HexColor

from planner.batch.worker import Outcome

INK = HexColor("#1f2933")
RULE = HexColor("#cbd2d9")
ACCENT = HexColor("#3e7cb1")
TOP_ITEMS = 3  # items listed per week in the study groups
MAX_GROUP_WEEKS = 52  # a cohort page, not a book: later weeks are summed up in one line


@dataclass
class CohortStats:
    """Counts over the built plans; its size depends on the catalog, not the cohort."""

    learners: int = 0
    failed: int = 0
    tracks: Counter[str] = field(default_factory=Counter)
    weeks: Counter[int] = field(default_factory=Counter)
    hours: Counter[float] = field(default_factory=Counter)
    by_week: dict[int, Counter[str]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)

    def add(self, outcome: Outcome) -> None:
        if outcome.status == "failed" or outcome.weeks is None:
            self.failed += outcome.status == "failed"
            return
        self.learners += 1
        self.tracks[outcome.goal_title or outcome.goal] += 1
        self.weeks[outcome.weeks] += 1
        self.hours[outcome.hours_per_week or 0.0] += 1
        for number, items in enumerate(outcome.week_items, start=1):
            self.by_week.setdefault(number, Counter()).update(items)
        self.titles.update(outcome.titles)

    def groups(self) -> list[tuple[int, list[tuple[str, int]]]]:
        """Per week number, the items most learners study that week (title, count)."""
        return [(number, [(self.titles.get(i, i), n) for i, n in _top(self.by_week[number])])
                for number in sorted(self.by_week)]

    def summary(self) -> dict[str, Any]:
        return {"learners": self.learners, "failed": self.failed,
                "tracks": dict(sorted(self.tracks.items(), key=lambda kv: (-kv[1], kv[0]))),
                "weeks": {str(k): v for k, v in sorted(self.weeks.items())},
                "hours_per_week": {f"{k:g}": v for k, v in sorted(self.hours.items())}}


def _top(counts: Counter[str]) -> list[tuple[str, int]]:
    # ties broken by id so the page is the same whatever order the workers finished in
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_ITEMS]


def histogram(counts: Counter[Any], bins: int = 8) -> list[tuple[str, int]]:
    """(label, learners) bars: one per value when few, else equal-width ranges."""
    if not counts:
        return []
    values = sorted(counts)
    if len(values) <= bins:
        return [(f"{v:g}", counts[v]) for v in values]
    low, high = values[0], values[-1]
    width = (high - low) / bins
    bars = [0] * bins
    for value, n in counts.items():
        bars[min(int((value - low) / width), bins - 1)] += n
    return [(f"{low + k * width:g}-{low + (k + 1) * width:g}", n) for k, n in enumerate(bars)]


def render_cohort_pdf(stats: CohortStats) -> bytes:
    """A clean summary page (more when there are many weeks); same stats -> same bytes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, invariant=1, title="Cohort summary",
                                 author="studyplan", leftMargin=18 * mm, rightMargin=18 * mm,
                                 topMargin=16 * mm, bottomMargin=16 * mm)
    document.build(_story(stats, document.width))
    return buffer.getvalue()


def _fonts() -> tuple[str, str]:
    """Source Sans from the plan renderer when it is there, else Helvetica (ASCII text)."""
    try:
        from planner.render.pdf.fonts import BODY, BOLD, default_fonts

        default_fonts()
        return BODY, BOLD
    except ImportError:
        return "Helvetica", "Helvetica-Bold"


def _text(text: str) -> str:
    try:
        from planner.render.pdf.markup import para_text
    except ImportError:
        return html.escape(text, quote=True)
    return para_text(text)


def _story(stats: CohortStats, width: float) -> list[Any]:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Spacer

    body, bold = _fonts()
    title = ParagraphStyle("title", fontName=bold, fontSize=20, leading=24, spaceAfter=4)
    heading = ParagraphStyle("heading", fontName=bold, fontSize=12.5, leading=16,
                             spaceBefore=12, spaceAfter=4, textColor=INK)
    text = ParagraphStyle("text", fontName=body, fontSize=9.5, leading=12.5, textColor=INK)
    failed = f"; {stats.failed} profile(s) failed, see batch-report.csv" if stats.failed else ""
    story: list[Any] = [
        Paragraph("Cohort summary", title),
        Paragraph(f"{stats.learners} learner(s) with a plan{failed}.", text),
        Paragraph("Learners per track", heading),
        _table([[_text(t), str(n)] for t, n in stats.summary()["tracks"].items()], text, width,
               ("Track", "Learners")),
        Paragraph("Plan length (weeks)", heading),
        _bars(histogram(stats.weeks), width, body),
        Paragraph("Weekly hours", heading),
        _bars(histogram(stats.hours), width, body),
        Paragraph("Study groups: who studies what in the same week", heading),
        Paragraph(f"The {TOP_ITEMS} items most learners study in each week of their plan, "
                  "with how many learners: people who could meet and learn together.", text),
        Spacer(1, 4),
    ]
    groups = stats.groups()
    rows = [[str(n), _text(", ".join(f"{t} ({c})" for t, c in items))]
            for n, items in groups[:MAX_GROUP_WEEKS]]
    if len(groups) > MAX_GROUP_WEEKS:
        rows.append([f"{MAX_GROUP_WEEKS + 1}+", f"{len(groups) - MAX_GROUP_WEEKS} more weeks"])
    story.append(_table(rows, text, width, ("Week", "Most studied (learners)"), first=0.1))
    return story


def _table(rows: list[list[str]], style: Any, width: float, header: tuple[str, str],
           first: float = 0.75) -> Any:
    from reportlab.platypus import Paragraph, Table, TableStyle

    cells = [[Paragraph(f"<b>{h}</b>", style) for h in header]]
    cells += [[Paragraph(c, style) for c in row] for row in rows] or [
        [Paragraph("(none)", style), Paragraph("", style)]]
    table = Table(cells, colWidths=[width * first, width * (1 - first)], repeatRows=1)
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _bars(bars: list[tuple[str, int]], width: float, font: str) -> Any:
    """A small horizontal histogram: label, bar, count."""
    from reportlab.graphics.shapes import Drawing, Rect, String

    row, label_width = 13, 60
    drawing = Drawing(width, row * max(len(bars), 1))
    most = max((n for _, n in bars), default=1)
    for k, (label, n) in enumerate(bars):
        y = (len(bars) - 1 - k) * row + 3
        length = (width - label_width - 40) * n / most
        drawing.add(String(label_width - 6, y, label, fontName=font, fontSize=8.5,
                           textAnchor="end", fillColor=INK))
        drawing.add(Rect(label_width, y - 1, length, row - 5, fillColor=ACCENT, strokeColor=None))
        drawing.add(String(label_width + length + 4, y, str(n), fontName=font, fontSize=8.5,
                           fillColor=INK))
    return drawing
