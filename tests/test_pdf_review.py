"""Review questions as tasks with their answers upside down at the foot of the page that
asks them; tasks that need a GPU or a paid API marked, and the cover's total of paid routes.

The plan's tasks gain these fields as the engine and catalog fill them in; a hand-made task
type carries them here (planner/render/pdf/taskfacts.py reads them)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner.plan import PlannedTask
from planner.render.pdf.render import render_pdf
from tests.pdf_reading import Pdf, text_lines
from tests.sample_plans import item, long_plan, weeks_from


@dataclass(frozen=True, kw_only=True)
class Task(PlannedTask):
    answer: str = ""
    needs: tuple[str, ...] = ()
    cost: float = 0.0


def review_plan(weeks: int = 3):
    plan = long_plan(2)
    questions = (
        Task(
            text="Why does attention scale with the square of the length?",
            hours=0.1,
            index=0,
            answer="Every token attends to every other: n times n scores.",
        ),
        Task(
            text="What does a KV cache store?",
            hours=0.1,
            index=1,
            answer="The keys and values of past tokens.",
        ),
    )
    costly = Task(
        text="Fine-tune a small model on a rented GPU", hours=2, index=0, needs=("gpu",), cost=12.5
    )
    out = []
    for n in range(1, weeks + 1):
        review = replace(item(f"review-w{n}", "Spaced review", 0.2, kind="review"), tasks=questions)
        lesson = replace(item(f"tune-{n}", f"Tuning {n}", 2), tasks=(replace(costly, index=0),))
        out.append((lesson, review))
    return replace(plan, weeks=weeks_from(plan.start_date, out))


def test_questions_are_boxes_and_their_answers_sit_upside_down_at_the_foot() -> None:
    data = render_pdf(review_plan()).data
    pdf = Pdf.of(data)
    boxes = pdf.checkbox_rects()
    for week in (1, 2, 3):
        page, (_, low, _, _) = boxes[f"w{week}-review-w{week}-t1"]
        text = " ".join(pdf.texts[page].split())
        assert "Q2. What does a KV cache store?" in text
        assert f"Week {week} Q2: The keys and values of past tokens." in text
        answer_ys = [y for y, t in text_lines(pdf, page) if f"Week {week} Q2:" in t]
        assert answer_ys and all(y < low for y in answer_ys)  # below the questions
        content = pdf.reader.pages[page].get_contents().get_data()
        assert b"-1 0 0 -1" in content or b"-1 .0 .0 -1" in content  # turned half a circle


def test_costly_tasks_are_marked_and_the_cover_totals_the_paid_routes() -> None:
    pdf = Pdf.of(render_pdf(review_plan()).data)
    weeks = " ".join(" ".join(t.split()) for t in pdf.texts[1:])
    assert weeks.count("[GPU] Fine-tune a small model on a rented GPU") == 3
    cover = " ".join(pdf.texts[0].split())
    assert "PAID ROUTES" in cover and "about $37.5" in cover  # 12.5 in each of three weeks
    plain = " ".join(Pdf.of(render_pdf(long_plan(2)).data).texts[0].split())
    assert "PAID ROUTES" not in plain
