"""Readable in print: contrast, URL breaks, a cover that tells the truth, labels explained,
bookmarks open, an overview that scales from 4 to 150+ weeks, fonts embedded on every page."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib.colors import Color

from planner.plan import Plan, Week
from planner.render.pdf.fonts import BODY, default_fonts
from planner.render.pdf.items import KEY_EXPLAINED, KEY_LABEL
from planner.render.pdf.render import render_pdf
from planner.render.pdf.styles import (
    ACCENT,
    ACCENT_TINT,
    ON_ACCENT,
    TEXT_COLORS,
    WHITE,
    Page,
    page_of,
    styles,
)
from planner.render.pdf.timeline import timeline
from planner.render.pdf.timespan import MIN_WEEK_CELL, columns
from planner.render.pdf.urlbreak import BREAK_BEFORE, url_lines
from planner.render.words import Words
from tests.pdf_reading import Pdf, contrast, descriptor, text_colours, used_fonts
from tests.sample_plans import LONG_URL, SECTIONS, item, linked_plan, long_plan

AA = 4.5  # WCAG 2 AA for small text


def rgb(color: Color) -> tuple[float, float, float]:
    return (color.red, color.green, color.blue)


@pytest.fixture(scope="module")
def long_pdf() -> Pdf:
    return Pdf.of(render_pdf(long_plan()).data)


def test_every_text_style_reads_at_4_5_to_1_on_white_and_on_the_tint() -> None:
    look = styles()
    on_band = {"kicker", "cover_title"}
    for name, style in vars(look).items():
        background = ACCENT if name in on_band else WHITE
        assert contrast(rgb(style.textColor), rgb(background)) >= AA, name
        if name not in on_band:
            assert contrast(rgb(style.textColor), rgb(ACCENT_TINT)) >= AA, name
    for name, color in TEXT_COLORS.items():
        assert contrast(rgb(color), rgb(ACCENT_TINT)) >= AA, name
    assert contrast(rgb(ON_ACCENT), rgb(ACCENT)) >= AA


def test_text_drawn_on_body_pages_uses_only_readable_colours(long_pdf: Pdf) -> None:
    seen = set()
    for index in range(1, len(long_pdf.texts)):
        seen |= text_colours(long_pdf, index)
    assert seen, "no text colour found"
    for colour in seen:
        assert contrast(colour, rgb(ACCENT_TINT)) >= AA, colour


def test_the_pdf_opens_with_its_bookmarks(long_pdf: Pdf) -> None:
    assert long_pdf.reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_fonts_that_draw_text_are_embedded_on_every_page(long_pdf: Pdf) -> None:
    for index in range(len(long_pdf.texts)):
        fonts = used_fonts(long_pdf, index)
        assert fonts, index
        assert all("/FontFile2" in descriptor(f) for f in fonts.values()), (index, list(fonts))


def test_the_cover_names_the_track_and_promises_no_page_count(long_pdf: Pdf) -> None:
    cover = long_pdf.texts[0]
    assert cover.startswith("YOUR STUDY PLAN\nLLM engineer\n")
    assert "on the LLM engineer track" in cover
    assert "one page a week" not in cover.lower()
    research = replace(long_plan(2), goal="llm-research", goal_title="LLM researcher")
    assert "\nLLM researcher\n" in Pdf.of(render_pdf(research).data).texts[0]


def test_the_key_item_label_is_explained_where_it_first_appears() -> None:
    plan = long_plan(3)
    weeks = list(plan.weeks)
    weeks[1] = replace(
        weeks[1], items=(replace(weeks[1].items[0], emphasised=True), *weeks[1].items[1:])
    )
    weeks[2] = replace(
        weeks[2], items=(replace(weeks[2].items[0], emphasised=True), *weeks[2].items[1:])
    )
    pdf = Pdf.of(render_pdf(replace(plan, weeks=tuple(weeks))).data)
    pages = [i for i, text in enumerate(pdf.texts) if KEY_LABEL in text]
    first = " ".join(pdf.texts[pages[0]].split())
    assert KEY_EXPLAINED[:40] in first
    assert sum(KEY_EXPLAINED[:40] in " ".join(t.split()) for t in pdf.texts) == 1
    assert "Focus" not in " ".join(pdf.texts)


@pytest.mark.parametrize(
    "url",
    [
        LONG_URL,
        "https://example.org/shared?x=1&y=2&zeta=alpha-beta.gamma",
        "https://a.very-long-host-name.example.com/path/to/some/resource.html?query=value&more=1",
    ],
)
@pytest.mark.parametrize("width", [60.0, 90.0, 130.0])
def test_urls_break_only_after_a_slash_or_before_dot_dash_query_amp_equals(
    url: str, width: float
) -> None:
    default_fonts()
    lines = url_lines(url, BODY, 7, width)
    assert "".join(lines) == url
    for line, following in zip(lines, lines[1:], strict=False):
        assert line.endswith("/") or following[0] in BREAK_BEFORE, (line, following)
        assert not line.endswith("//")


@given(st.lists(st.sampled_from(["ab", "c", "/", ".", "-", "?", "&", "=", "x1"]), max_size=30))
def test_any_url_survives_breaking_whole(parts: list[str]) -> None:
    default_fonts()
    url = "https://" + "".join(parts)
    assert "".join(url_lines(url, BODY, 7, 40.0)) == url


def test_appendix_prints_long_urls_on_lines_that_end_at_a_break() -> None:
    pdf = Pdf.of(render_pdf(linked_plan()).data)
    start = pdf.bookmarks()["Resources (QR codes)"]
    text = "\n".join(pdf.texts[start:])
    assert "https://ico.org.uk/for\n-organisations/" in text


def week(number: int, start: date, hours: float = 1.5) -> Week:
    return Week(
        number=number,
        start=start,
        end=start + timedelta(days=6),
        items=(item(f"topic-{number}", f"Topic {number}", hours, section=number % 5),),
    )


def beginner_plan(weeks: int) -> Plan:
    """A 1.5 h a week plan of `weeks` one-item weeks."""
    start = date(2027, 1, 4)
    return replace(
        long_plan(2),
        hours_per_week=1.5,
        weeks=tuple(week(n, start + timedelta(weeks=n - 1)) for n in range(1, weeks + 1)),
    )


@pytest.mark.parametrize("weeks", [4, 16, 50, 150])
def test_the_timeline_fits_weeks_or_months(weeks: int) -> None:
    plan = beginner_plan(weeks)
    page: Page = page_of("a4")
    cols, by_month = columns(plan, page.frame_width - 150)
    assert by_month == (weeks * MIN_WEEK_CELL > page.frame_width - 150)
    assert sum(len(c.weeks) for c in cols) == weeks
    assert all(len({(w.start.year, w.start.month) for w in c.weeks}) == 1 for c in cols)
    assert timeline(plan, page.frame_width).width == pytest.approx(page.frame_width)


def test_a_150_week_overview_cuts_long_section_names_in_the_chart_and_stays_short() -> None:
    long_title = "Prompting and Retrieval-Augmented Generation with Evaluation"
    plan = beginner_plan(150)
    plan = replace(
        plan,
        weeks=tuple(
            replace(
                w,
                items=tuple(
                    replace(i, section_title=long_title) if i.section == SECTIONS[3][0] else i
                    for i in w.items
                ),
            )
            for w in plan.weeks
        ),
    )
    pdf = Pdf.of(render_pdf(plan).data)
    marks = pdf.bookmarks()
    overview = " ".join(
        " ".join(pdf.texts[i].split())
        for i in range(marks["Your plan at a glance"], marks["Why this plan"])
    )
    assert marks["Why this plan"] - marks["Your plan at a glance"] <= 2
    assert "Prompting and Retrieval-Augmented…" in overview  # one row's height
    assert long_title in overview  # the table by quarter names it in full
    assert "One column per month" in overview and "QUARTER" in overview
    assert "225 h" in overview  # 150 weeks of 1.5 h, to the half hour


def test_review_is_one_light_row_not_a_section(long_pdf: Pdf) -> None:
    overview = " ".join(long_pdf.texts[long_pdf.bookmarks()["Your plan at a glance"]].split())
    assert overview.count("Spaced review") == 1
    assert "spaced review" in overview  # its swatch in the legend


def test_hours_never_print_with_quarters(long_pdf: Pdf) -> None:
    plan = long_plan()
    weeks = tuple(
        replace(w, items=(*w.items, replace(w.items[0], id="quarter", hours=0.75)))
        for w in plan.weeks
    )
    pdf = Pdf.of(render_pdf(replace(plan, weeks=weeks)).data)
    text = " ".join(pdf.texts)
    assert not re.search(r"\d\.\d*[27]5? h\b", text)
    assert "45 min" in text


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_same_plan_same_bytes_on_either_paper(paper: str) -> None:
    assert render_pdf(long_plan(3), paper=paper).data == render_pdf(long_plan(3), paper=paper).data


def test_week_table_is_monthly_for_long_plans() -> None:
    pdf = Pdf.of(render_pdf(beginner_plan(30)).data)
    overview = pdf.texts[pdf.bookmarks()["Your plan at a glance"]]
    assert "MONTH BY MONTH" in overview and "Jan 2027" in overview
    assert "WEEK BY WEEK" in Pdf.of(render_pdf(beginner_plan(8)).data).texts[1]


def _optional_skips(plan: Plan, count: int) -> Plan:
    """plan with `count` items skipped by one rule, item n taking n hours."""
    from planner.facts import ByRule, RuleFiring
    from planner.plan import Omitted

    rule = RuleFiring(rule_id="optional", why=OPTIONAL_RULE)
    skipped = tuple(
        Omitted(id=f"x{n}", title=f"Extra {n}", why=ByRule(rule="optional"), hours=n)
        for n in range(1, count + 1)
    )
    return replace(plan, skipped=skipped, fired=(*plan.fired, rule))


OPTIONAL_RULE = "Optional items come in only when they match an interest."


def test_left_out_says_each_reason_once_with_its_items() -> None:
    pdf = Pdf.of(render_pdf(_optional_skips(long_plan(3), 4)).data)
    text = " ".join(" ".join(t.split()) for t in pdf.texts)
    left_out = text[text.index("Left out") :]  # "Why this plan" above names every rule once
    assert left_out.count(OPTIONAL_RULE) == 1
    assert "4 items, 10 h: Extra 1 (1 h), Extra 2 (2 h), Extra 3 (3 h), Extra 4 (4 h)" in text


@pytest.mark.parametrize("rules", range(0, 40, 3))
def test_the_left_out_heading_never_ends_a_page_alone(rules: int) -> None:
    from planner.facts import RuleFiring

    fired = tuple(
        RuleFiring(rule_id=f"r{n}", why=f"Rule {n} says why the plan holds what it holds.")
        for n in range(rules)
    )
    plan = _optional_skips(replace(long_plan(3), fired=fired, dropped=()), 4)
    pdf = Pdf.of(render_pdf(plan).data)
    page = " ".join(pdf.texts[pdf.bookmarks()["Left out"]].split())
    assert "Left out" in page and OPTIONAL_RULE in page[page.index("Left out") :]


def test_a_deadline_plan_lists_its_cuts_in_one_place() -> None:
    pdf = Pdf.of(render_pdf(long_plan()).data)
    text = " ".join(" ".join(t.split()) for t in pdf.texts)
    assert text.count("RLHF in depth") == 1
    left_out = pdf.bookmarks()["Left out"]
    assert "RLHF in depth" in " ".join(pdf.texts[left_out].split())


def test_a_plan_past_a_year_says_its_length_and_options_on_the_cover() -> None:
    from planner.facts import Alternative, LongPlan

    options = (
        Alternative(weeks=50, hours_per_week=13, goal="llm-engineer", goal_title="LLM engineer"),
        Alternative(
            weeks=52,
            hours_per_week=8,
            goal="llm-engineer",
            goal_title="LLM engineer",
            deadline=52,
            left_out=47,
            left_out_hours=298.5,
        ),
    )
    plan = replace(
        beginner_plan(60),
        notes=(LongPlan(weeks=60, hours_per_week=1.5),),
        alternatives=options,
    )
    cover = " ".join(Pdf.of(render_pdf(plan).data).texts[0].split())
    lines = Words(plan).length()  # the words build, interview and web page use
    assert lines
    for line in lines:
        assert " ".join(line.split()) in cover
    assert "13 hours a week takes 50 weeks" in cover and "leaves out 47 items" in cover
    short = " ".join(Pdf.of(render_pdf(beginner_plan(40)).data).texts[0].split())
    assert "This plan is long" not in short
