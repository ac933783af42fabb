"""The weekly part page by page, on A4 and US Letter: every page names its weeks, pages are
filled, items keep their heading with their first task and their title when they go on,
every task shows its hours, nothing is drawn outside the margins."""

from __future__ import annotations

import re
from datetime import date

import pypdfium2 as pdfium
import pytest

from planner.catalog.model import Catalog
from planner.engine.build import build_plan
from planner.plan import Plan
from planner.profile.validate import validate
from planner.render.formatting import rounded_hours
from planner.render.pdf.render import render_pdf
from planner.render.pdf.styles import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, page_of
from tests.pdf_reading import Pdf, text_lines
from tests.sample_plans import long_plan

TODAY = date(2026, 11, 25)
PAPERS = ("a4", "letter")
MIN_FILL = 0.3


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
        "heavy": engine_plan(catalog, hours_per_week=20, weeks=8),
        "light": engine_plan(catalog, hours_per_week=1.5, weeks=30),
        "middle": engine_plan(catalog, hours_per_week=6, weeks=14),
        "sample": long_plan(),
        "short": engine_plan(catalog, goal="llm-applications", weeks=4, hours_per_week=10),
    }


@pytest.fixture(scope="module")
def pdfs(plans: dict[str, Plan], paper: str) -> dict[str, Pdf]:
    return {key: Pdf.of(render_pdf(plan, paper=paper).data) for key, plan in plans.items()}


def last_box_pages(pdf: Pdf, plan: Plan) -> set[int]:
    """The pages on which some week ends (its last box)."""
    boxes = pdf.checkbox_pages()
    return {boxes[week.items[-1].task_ids(week.number)[-1]] for week in plan.weeks if week.items}


def fill(pdf: Pdf, index: int, paper: str) -> float:
    """How far down the frame a page's text reaches (notes lines and footer not counted)."""
    page = page_of(paper)
    top = page.height - MARGIN_TOP
    lows = [y for y, t in text_lines(pdf, index) if y > MARGIN_BOTTOM and t != "NOTES"]
    return (top - min(lows)) / page.frame_height if lows else 0.0


def test_the_page_size_is_the_paper_chosen(pdfs: dict[str, Pdf], paper: str) -> None:
    page = page_of(paper)
    for pdf in pdfs.values():
        for sheet in pdf.reader.pages:
            box = sheet.mediabox
            assert (float(box.width), float(box.height)) == pytest.approx(page.size)


def test_every_weekly_page_names_its_weeks_in_order(
    pdfs: dict[str, Pdf], plans: dict[str, Plan]
) -> None:
    for key, pdf in pdfs.items():
        rails = [rail for index in pdf.weekly_pages() for rail in pdf.weeks_on(index)]
        assert [n for n, continued in rails if not continued] == [
            w.number for w in plans[key].weeks
        ]
        for index in pdf.weekly_pages():
            on_page = pdf.weeks_on(index)
            assert on_page, f"page {index + 1} names no week: {pdf.texts[index][:60]!r}"
            assert not any(continued for _, continued in on_page[1:]), index
            if index > pdf.weekly_pages()[0]:  # the first may open with the front matter's end
                assert pdf.texts[index].startswith(f"Week {on_page[0][0]}\n"), index


def test_a_week_that_goes_on_says_so_on_its_next_page(
    pdfs: dict[str, Pdf], plans: dict[str, Plan]
) -> None:
    for key, pdf in pdfs.items():
        boxes = pdf.checkbox_pages()
        for week in plans[key].weeks:
            pages = sorted({boxes[i] for item in week.items for i in item.task_ids(week.number)})
            for index in pages[1:]:
                assert pdf.weeks_on(index)[0] == (week.number, True), (key, week.number, index)


def test_week_bookmarks_open_the_page_where_the_week_starts(
    pdfs: dict[str, Pdf], plans: dict[str, Plan]
) -> None:
    for key, pdf in pdfs.items():
        marks = pdf.bookmarks()
        boxes = pdf.checkbox_pages()
        for week in plans[key].weeks:
            title = next(t for t in marks if t.startswith(f"Week {week.number} · "))
            first_box = boxes[week.items[0].task_ids(week.number)[0]]
            assert marks[title] == first_box, (key, week.number)


def test_headings_keep_with_their_first_task_and_a_continued_item_repeats_its_title(
    pdfs: dict[str, Pdf], plans: dict[str, Plan]
) -> None:
    for key, pdf in pdfs.items():
        boxes = pdf.checkbox_pages()
        for week in plans[key].weeks:
            for item in week.items:
                ids = item.task_ids(week.number)
                title = " ".join(item.title.split())[:30]
                assert title in " ".join(pdf.texts[boxes[ids[0]]].split()), (key, item.id)
                for before, after in zip(ids, ids[1:], strict=False):
                    if boxes[after] != boxes[before]:
                        text = " ".join(pdf.texts[boxes[after]].split())
                        assert f"{' '.join(item.title.split())} (continued)" in text, (
                            key,
                            week.number,
                            item.id,
                        )


def test_no_page_below_30_percent_but_the_last_of_a_week_or_of_the_document(
    pdfs: dict[str, Pdf], plans: dict[str, Plan], paper: str
) -> None:
    for key, pdf in pdfs.items():
        exempt = last_box_pages(pdf, plans[key]) | {len(pdf.texts) - 1, 0}
        for index in range(len(pdf.texts)):
            if index not in exempt:
                assert fill(pdf, index, paper) >= MIN_FILL, (key, index + 1)


def test_light_weeks_share_pages(pdfs: dict[str, Pdf], plans: dict[str, Plan]) -> None:
    pdf = pdfs["light"]
    shared = [len(pdf.weeks_on(index)) for index in pdf.weekly_pages()]
    assert len(shared) * 2 <= len(plans["light"].weeks), shared
    assert max(shared) >= 3, shared


def test_every_task_shows_its_hours_beside_its_box(
    pdfs: dict[str, Pdf], plans: dict[str, Plan]
) -> None:
    for key, pdf in pdfs.items():
        boxes = pdf.checkbox_rects()
        lines = {index: text_lines(pdf, index) for index in pdf.weekly_pages()}
        for week in plans[key].weeks:
            for item in week.items:
                for name, task in zip(item.task_ids(week.number), item.tasks, strict=True):
                    index, (_, low, _, high) = boxes[name]
                    beside = [t for y, t in lines[index] if low <= y <= high]
                    hours = rounded_hours(task.hours)
                    assert any(t == hours or t.endswith(f" {hours}") for t in beside), beside


def test_notes_only_where_a_week_ends(pdfs: dict[str, Pdf], plans: dict[str, Plan]) -> None:
    for key, pdf in pdfs.items():
        ends = last_box_pages(pdf, plans[key])
        for index in pdf.weekly_pages():
            assert ("NOTES" in pdf.texts[index].splitlines()) == (index in ends), (key, index)


def test_hours_are_printed_to_the_half_hour(pdfs: dict[str, Pdf]) -> None:
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


def test_a_plan_without_weeks_still_prints_its_front_pages() -> None:
    from dataclasses import replace

    pdf = Pdf.of(render_pdf(replace(long_plan(2), weeks=())).data)
    assert "Your plan at a glance" in pdf.texts[1] and "Week by week" not in pdf.bookmarks()
