"""The weekly part page by page, on A4 and US Letter: every page names its week, headings keep
with their first task, no near-empty or notes-only pages, nothing outside the margins."""

from __future__ import annotations

from datetime import date

import pypdfium2 as pdfium
import pytest

from planner.catalog.model import Catalog
from planner.engine.build import build_plan
from planner.plan import Plan
from planner.profile.validate import validate
from planner.render.pdf.render import render_pdf
from planner.render.pdf.styles import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, page_of
from planner.render.pdf.weekflow import MIN_TAIL
from tests.pdf_reading import WEEK_TOP, Pdf, text_lines
from tests.sample_plans import long_plan

TODAY = date(2026, 11, 25)
PAPERS = ("a4", "letter")


def engine_plan(catalog: Catalog, **fields: object) -> Plan:
    data = {
        "name": "Ada Lovelace",
        "goal": "llm-engineer",
        "hours_per_week": 12,
        "start_date": "2027-01-04",
        "background": {"math": 2, "python": 3, "ml": 1},
        "interests": ["chatbots", "question-answering"],
        **fields,
    }
    profile, problems = validate(data, catalog)
    assert profile is not None, problems
    return build_plan(profile, catalog, TODAY)


@pytest.fixture(scope="module", params=PAPERS)
def paper(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def plans(catalog: Catalog) -> dict[str, Plan]:
    return {
        "engine": engine_plan(catalog, hours_per_week=20),
        "sample": long_plan(),
        "short": engine_plan(catalog, goal="llm-applications", weeks=4, hours_per_week=10),
    }


@pytest.fixture(scope="module")
def pdfs(plans: dict[str, Plan], paper: str) -> dict[str, Pdf]:
    return {key: Pdf.of(render_pdf(plan, paper=paper).data) for key, plan in plans.items()}


def week_of_page(pdf: Pdf) -> list[tuple[int, int, bool]]:
    """(page index, week number, continued) for every page of the weekly part."""
    found = []
    for index in pdf.weekly_pages():
        match = WEEK_TOP.match(pdf.texts[index])
        assert match, f"page {index + 1} does not start with its week: {pdf.texts[index][:60]!r}"
        found.append((index, int(match.group(1)), bool(match.group(2))))
    return found


def test_the_page_size_is_the_paper_chosen(pdfs: dict[str, Pdf], paper: str) -> None:
    page = page_of(paper)
    for pdf in pdfs.values():
        for sheet in pdf.reader.pages:
            box = sheet.mediabox
            assert (float(box.width), float(box.height)) == pytest.approx(page.size)


def test_every_weekly_page_starts_with_its_week(
    pdfs: dict[str, Pdf], plans: dict[str, Plan]
) -> None:
    for key, pdf in pdfs.items():
        pages = week_of_page(pdf)
        numbers = [number for _, number, _ in pages]
        assert sorted(set(numbers)) == [w.number for w in plans[key].weeks]
        assert numbers == sorted(numbers)
        for (_, number, continued), previous in zip(pages, [None, *pages[:-1]], strict=True):
            # "(continued)" exactly on the pages after a week's first
            assert continued == (previous is not None and previous[1] == number)


def test_week_bookmarks_open_the_weeks_first_page(pdfs: dict[str, Pdf]) -> None:
    for pdf in pdfs.values():
        marks = pdf.bookmarks()
        for index, number, continued in week_of_page(pdf):
            if not continued:
                title = next(t for t in marks if t.startswith(f"Week {number} · "))
                assert marks[title] == index


def test_headings_keep_with_their_first_task_and_no_task_is_left_alone(
    pdfs: dict[str, Pdf], plans: dict[str, Plan]
) -> None:
    for key, pdf in pdfs.items():
        boxes = pdf.checkbox_pages()
        for week in plans[key].weeks:
            for item in week.items:
                ids = item.task_ids(week.number)
                if not ids:
                    continue
                first = " ".join(pdf.texts[boxes[ids[0]]].split())
                assert " ".join(item.title.split())[:30] in first, (week.number, item.id)
                if len(ids) >= 3:
                    assert boxes[ids[-1]] == boxes[ids[-2]], (week.number, item.id)


def test_no_near_empty_page_and_notes_only_where_a_week_ends(
    pdfs: dict[str, Pdf], paper: str
) -> None:
    page = page_of(paper)
    frame_top = page.height - MARGIN_TOP
    for pdf in pdfs.values():
        pages = week_of_page(pdf)
        for (index, number, continued), following in zip(pages, [*pages[1:], None], strict=True):
            week_goes_on = following is not None and following[1] == number
            assert ("NOTES" in pdf.texts[index]) <= (not week_goes_on), index
            if not continued:
                continue
            content = [y for y, t in text_lines(pdf, index) if y > MARGIN_BOTTOM and t != "NOTES"]
            reach = frame_top - min(content)  # how far down the page the week's text goes
            assert reach >= MIN_TAIL * page.frame_height * 0.75, (index, number)


def test_hours_are_printed_to_the_half_hour(pdfs: dict[str, Pdf]) -> None:
    import re

    for pdf in pdfs.values():
        text = " ".join(pdf.texts)
        assert not re.search(r"\d\.(?!5 h)\d+ h\b", text), re.findall(r"\S+\.\d+ h\b", text)


def test_a_later_part_says_where_it_continues_from_and_skips_summary_and_links(
    pdfs: dict[str, Pdf],
) -> None:
    pdf = pdfs["sample"]
    text = " ".join(pdf.texts[i] for i in pdf.weekly_pages())
    assert text.count("What Build a RAG chatbot covers") == 1  # part 1 only
    assert "continued from week 2" in text and "continued from week 3" in text
    assert text.count("Build a RAG chatbot — official docs") == 1


def test_nothing_is_drawn_in_the_margins(pdfs: dict[str, Pdf], paper: str) -> None:
    """Looked at as images: beyond the cover band, the margins stay white on every page."""
    page = page_of(paper)
    scale = 40 / 72
    for pdf in pdfs.values():
        document = pdfium.PdfDocument(pdf.data)
        for index in range(1, len(document)):
            image = document[index].render(scale=scale).to_pil().convert("L")
            width, height = image.size
            side = int((MARGIN_X - 4) * scale)
            top = int((MARGIN_TOP - 4) * scale)
            strips = [(0, 0, side, height), (width - side, 0, width, height), (0, 0, width, top)]
            for box in strips:
                assert image.crop(box).getextrema()[0] >= 250, (paper, index + 1, box)
        assert page.width == pytest.approx(document[0].get_size()[0])


def test_annotations_stay_inside_the_frame(pdfs: dict[str, Pdf], paper: str) -> None:
    page = page_of(paper)
    for pdf in pdfs.values():
        for index, sheet in enumerate(pdf.reader.pages):
            for annot in sheet.get("/Annots", []):
                x1, y1, x2, y2 = (float(v) for v in annot.get_object()["/Rect"])
                assert MARGIN_X - 1 <= x1 <= x2 <= page.width - MARGIN_X + 1, (index, x1, x2)
                assert 0 <= y1 <= y2 <= page.height - MARGIN_TOP + 14, (index, y1, y2)
