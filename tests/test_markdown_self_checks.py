"""Self-check questions in the Markdown export: a collapsed list per item, answers collapsed
again, as a CommonMark renderer shows them; ticks still read back, no question a task."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings
from markdown_it import MarkdownIt

from planner.plan import Plan
from planner.progress.from_markdown import read_markdown
from planner.render.markdown import render_markdown
from tests.conftest import examples
from tests.sample_plans import long_plan, with_self_checks
from tests.test_catalog_plans import CATALOG, SETTINGS, plan_for, profiles

COMMONMARK = MarkdownIt("commonmark")  # raw HTML passes through, as GitHub's does
TASK_LINE = re.compile(r"^- \[ \] .* \[\]\(#w\d+-[a-z0-9-]+-t\d+\)$")
SUMMARY = "Self-check questions"


class Collapsed(HTMLParser):
    """What a reader of the rendered page finds in each collapsed block: the questions (the
    list items of a block summarised SUMMARY) and each one's answer (inside a second
    collapsed block, summarised "Answer")."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open <details> elements
        self.opened: list[bool] = []  # each <details>: has an `open` attribute
        self.summaries: list[str] = []
        self.pairs: list[tuple[str, str]] = []
        self.in_summary = False
        self.question: list[str] = []
        self.answer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "details":
            self.depth += 1
            self.opened.append(any(name == "open" for name, _ in attrs))
        elif tag == "summary":
            self.in_summary = True
            self.summaries.append("")
        elif tag == "li" and self.depth == 1:
            self.question, self.answer = [], []

    def handle_endtag(self, tag: str) -> None:
        if tag == "details":
            self.depth -= 1
        elif tag == "summary":
            self.in_summary = False
        elif tag == "li" and self.depth == 1:
            self.pairs.append(
                (" ".join("".join(self.question).split()), " ".join("".join(self.answer).split()))
            )

    def handle_data(self, data: str) -> None:
        if self.in_summary:
            self.summaries[-1] += data
        elif self.depth == 1:
            self.question.append(data)
        elif self.depth == 2:
            self.answer.append(data)


def collapsed(markdown: str) -> Collapsed:
    parser = Collapsed()
    parser.feed(COMMONMARK.render(markdown))
    return parser


def seen(text: str) -> str:
    """Text as a page shows it: runs of white space as one space."""
    return " ".join(text.split())


def assert_questions_collapsed_and_ticks_intact(plan: Plan, tmp_path: Path) -> None:
    text = render_markdown(plan).decode("utf-8")
    page = collapsed(text)
    assert sorted(page.pairs) == sorted(
        (seen(c.question), seen(c.answer)) for c in plan.self_checks
    )
    items = {c.item for c in plan.self_checks}
    assert page.summaries.count(SUMMARY) == len(items)  # one collapsed list per item
    assert page.summaries.count("Answer") == len(plan.self_checks)
    assert not any(page.opened)  # nothing is shown open
    # every box is a task of the plan, with its id; ticked, each reads back as done
    ids = [tid for w in plan.weeks for i in w.items for tid in i.task_ids(w.number)]
    boxes = [line for line in text.splitlines() if line.lstrip().startswith(("- [", "* [", "+ ["))]
    assert len(boxes) == len(ids) and all(TASK_LINE.match(line) for line in boxes)
    ticked = text.replace("- [ ] ", "- [x] ")
    progress = read_markdown(ticked.encode("utf-8"), tmp_path / "plan.md")
    assert sorted(t.id for t in progress.tasks) == sorted(ids)
    assert all(t.done for t in progress.tasks)


def test_golden(golden) -> None:  # type: ignore[no-untyped-def]
    golden("markdown/self-checks.md", render_markdown(with_self_checks(long_plan(3))).decode())


def test_each_question_once_collapsed_with_its_answer(tmp_path: Path) -> None:
    plan = with_self_checks(long_plan(6))
    assert_questions_collapsed_and_ticks_intact(plan, tmp_path)


def test_questions_stand_at_the_first_part_of_their_item() -> None:
    plan = with_self_checks(long_plan(4))  # the RAG project runs in weeks 2-4
    text = render_markdown(plan).decode("utf-8")
    week_2, later = text.split("## Week 3 ")
    week_2 = week_2.split("## Week 2 ")[1]
    assert "1. Why does attention scale by the square root of d? (rag-project)" in week_2
    assert "(rag-project)" not in later


def test_question_markup_is_text() -> None:
    html = COMMONMARK.render(render_markdown(with_self_checks(long_plan(1))).decode("utf-8"))
    assert (
        "<b>" not in html
        and "<i>" not in html
        and "evil.example" not in re.findall(r'href="([^"]*)"', html)
    )
    assert "&lt;b&gt;R&amp;D&lt;/b&gt;" in html and "*it*" in html and "`a question`" in html
    assert "- [ ] Is this a task?" in html  # shown as typed, inside the numbered list


@settings(SETTINGS, max_examples=examples(15))
@given(profiles())
def test_real_plans_questions_collapsed_and_ticks_intact(tmp_path_factory, data) -> None:  # type: ignore[no-untyped-def]
    _, plan = plan_for(data)
    # the plan holds every question of every planned item once, with the week it starts
    starts: dict[str, int] = {}
    for week in plan.weeks:
        for item in week.items:
            starts.setdefault(item.id, week.number)
    expected = [
        (i, starts[i], q.question, q.answer)
        for i in starts
        if i in CATALOG.items
        for q in CATALOG.items[i].questions
    ]
    assert [(c.item, c.week, c.question, c.answer) for c in plan.self_checks] == expected
    assert_questions_collapsed_and_ticks_intact(plan, tmp_path_factory.mktemp("md"))
