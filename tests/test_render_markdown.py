"""The Markdown export: layout, escaping of user text, task ids, embedded profile, golden files."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from planner.progress.from_markdown import read_markdown
from planner.render import render
from planner.render.markdown import date_range, md_text, md_url, render_markdown
from planner.render.words import Words
from tests.sample_plans import HOSTILE, long_plan, minimal_plan, unicode_plan

GFM = MarkdownIt("gfm-like")  # CommonMark + tables, strikethrough and bare-URL links
# GitHub autolinks only www. and scheme:// (and e-mail addresses), not bare "a.io": like it
GFM.linkify.set({"fuzzy_link": False})
TASK = re.compile(r"^- \[ \] (.*) \[\]\(#(w\d+-[a-z0-9-]+-t\d+)\)$", re.MULTILINE)


def markdown(plan) -> str:  # type: ignore[no-untyped-def]
    return render_markdown(plan).decode("utf-8")


def test_minimal_plan_matches_golden(golden) -> None:  # type: ignore[no-untyped-def]
    golden("markdown/minimal.md", markdown(minimal_plan()))


def test_long_plan_matches_golden(golden) -> None:  # type: ignore[no-untyped-def]
    golden("markdown/long.md", markdown(long_plan(6)))


def test_render_goes_through_the_format_registry() -> None:
    rendered = render(minimal_plan(), "md")
    assert rendered.extension == "md"
    assert rendered.data == render_markdown(minimal_plan())


def test_summary_why_left_out_notes_and_week_headings() -> None:
    text = markdown(long_plan(3))
    assert text.startswith("# Study plan for Grace Hopper\n")
    assert "**Dates:** 4–24 Jan 2027 (3 weeks)" in text
    assert "## Why this plan\n\n- You rated math 1/4: linear algebra comes first." in text
    assert (
        "- Optional items left out to fit your 3-week deadline (24 hours in all): the hours "
        "went to what is worth more for your goal. — **RLHF in depth** (6 h)"
    ) in text
    assert "- You marked it as completed. — **Python basics** (5 h)" in text
    assert "## Notes\n\n- The plan has 1 light catch-up week" in text
    assert "## Week 3 · 18–24 Jan 2027 · 7.5 h" in text
    assert "### Build a RAG chatbot · part 2 of 3" in text
    assert "[Build a RAG chatbot — official docs](https://example.org/rag-project)" in text


def test_every_task_once_with_the_pdf_field_name() -> None:
    plan = long_plan(8)
    ids = TASK.findall(markdown(plan))
    expected = [
        (Words(plan).checklist(i)[n], f"w{w.number}-{i.id}-t{task.index}")
        for w in plan.weeks
        for i in w.items
        for n, task in enumerate(i.tasks)
    ]
    assert [(md_text(t), tid) for t, tid in expected] == ids
    assert len({tid for _, tid in ids}) == len(ids)


@pytest.mark.parametrize(
    "renderer",
    [MarkdownIt("commonmark", {"html": False}), MarkdownIt("gfm-like", {"html": False}), GFM],
    ids=["commonmark-no-html", "gfm-like-no-html", "gfm-like"],
)
def test_task_ids_and_profile_marker_are_invisible(renderer: MarkdownIt) -> None:
    """Renderers that show raw HTML as text (an HTML comment too) still hide the ids."""
    plan = long_plan(3)
    html = renderer.render(markdown(plan))
    outside_code = re.sub(r"<pre>.*?</pre>", "", html, flags=re.DOTALL)
    shown = re.sub(r"<[^>]+>", "", outside_code)  # the text a reader sees
    ids = [tid for w in plan.weeks for i in w.items for tid in i.task_ids(w.number)]
    assert ids and not [tid for tid in ids if tid in shown]
    assert "studyplan:profile" not in shown and "&lt;!--" not in shown
    # each id is still in the page, as an empty link a reader cannot see
    assert all(f'<a href="#{tid}"></a>' in html for tid in ids)


def test_hostile_text_renders_literally_and_no_unsafe_link() -> None:
    html = GFM.render(markdown(unicode_plan()))
    for bad in ("<b>", "<img", "<font", "<i>"):
        assert bad not in html
    assert "&lt;img src=/etc/passwd&gt;" in html
    assert "R&amp;D" in html
    hrefs = [h for h in re.findall(r'href="([^"]*)"', html) if not h.startswith("#w")]
    assert hrefs == ["https://example.org/a?b=1&amp;c=2"]
    assert "Evil link" in html and "javascript" not in html


@pytest.mark.parametrize(
    "name",
    [
        "[x](https://evil.example)",
        "https://evil.example",
        "www.evil.example",
        "a@evil.example",
        "<script>x</script>",
        "# heading",
        "- list",
        "1. first",
        "*bold* _it_ `code`",
        "| a | b |",
        "~~gone~~",
        "$x^2$",
        "&amp; &#60;",
        "a\nb\n\n# c",
    ],
)
def test_names_cannot_inject_markup(name: str) -> None:
    html = GFM.render(f"- {md_text(name)}\n")
    assert "<a " not in html and "<script" not in html and "<h1" not in html
    assert "<em>" not in html and "<code>" not in html and "<s>" not in html
    assert html.count("<li>") == 1 and "<table" not in html


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_escaped_text_renders_as_itself(text: str) -> None:
    html = GFM.render(f"- {md_text(text)}\n")
    shown = re.sub(r"</?(ul|li)>|\n", "", html)
    expected = " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", text).split())
    expected = expected.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    expected = expected.replace('"', "&quot;").replace("\x00", "\ufffd")
    assert shown == expected


def test_urls_only_http_and_encoded() -> None:
    assert md_url("javascript:alert(1)") is None
    assert md_url("../../etc/passwd") is None
    assert md_url("file:///etc/passwd") is None
    assert md_url("https://x.org/a (b)") == "https://x.org/a%20%28b%29"
    assert md_url("http://x.org/?q=1&r=2#frag") == "http://x.org/?q=1&r=2#frag"


def test_date_ranges() -> None:
    assert date_range(date(2027, 1, 18), date(2027, 1, 24)) == "18–24 Jan 2027"
    assert date_range(date(2027, 1, 25), date(2027, 1, 31)) == "25–31 Jan 2027"
    assert date_range(date(2027, 1, 29), date(2027, 2, 4)) == "29 Jan – 4 Feb 2027"
    assert date_range(date(2026, 12, 28), date(2027, 1, 3)) == "28 Dec 2026 – 3 Jan 2027"


def test_profile_is_embedded_and_reads_back(tmp_path: Path) -> None:
    plan = unicode_plan()
    progress = read_markdown(render_markdown(plan), tmp_path / "plan.md")
    assert progress.profile == plan.profile


def test_backticks_in_the_name_cannot_close_the_profile_block(tmp_path: Path) -> None:
    name = "Ada ```` ``` `"
    plan = replace(minimal_plan(), name=name, profile={**minimal_plan().profile, "name": name})
    text = markdown(plan)
    assert "`````yaml\n" in text
    assert read_markdown(text.encode(), tmp_path / "p.md").profile["name"] == name


def test_same_plan_same_bytes() -> None:
    assert render_markdown(long_plan()) == render_markdown(long_plan())
    assert all(md_text(h) in markdown(unicode_plan()) for h in HOSTILE)
