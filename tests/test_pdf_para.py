"""Shared paragraph parsing and line breaks never change what a PDF says."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from planner.render.pdf.render import render_pdf
from tests.sample_plans import item, long_plan, unicode_plan, weeks_from

ROOT = Path(__file__).parent.parent


def page_breaking_plan():
    """One lesson whose 70 long tasks and very long summary run over several pages."""
    tasks = tuple(f"Task {n}: " + "write, measure and explain the result " * 6 for n in range(70))
    big = dataclasses.replace(
        item("big", "A very long lesson", 20, kind="lesson", checklist=tasks),
        summary="Long. " * 3000,
    )
    plan = long_plan(2)
    return dataclasses.replace(plan, weeks=weeks_from(date(2027, 1, 4), [(big,)]))


def fresh_process_bytes(builder: str) -> bytes:
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r});"
        "from planner.render.pdf.render import render_pdf;"
        f"from tests.test_pdf_para import *; from tests.sample_plans import *;"
        f"sys.stdout.buffer.write(render_pdf({builder}).data)"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, check=True).stdout


def test_warm_caches_give_the_same_bytes_as_a_fresh_process():
    for builder in ("long_plan(16)", "page_breaking_plan()", "unicode_plan()"):
        for plan in (long_plan(16), page_breaking_plan(), unicode_plan()):
            render_pdf(plan)  # warm every cache with all plans first
        warm = render_pdf(eval(builder)).data  # noqa: S307 (a fixed test expression)
        assert warm == fresh_process_bytes(builder), builder


def test_split_paragraphs_keep_every_task():
    data = render_pdf(page_breaking_plan()).data
    import io

    reader = PdfReader(io.BytesIO(data))
    fields = reader.get_fields() or {}
    assert len([f for f in fields if f.startswith("w1-big-t")]) == 70
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Task 69:" in text and len(reader.pages) > 3


@given(st.text(alphabet=st.characters(blacklist_characters="<&", codec="utf-8"), max_size=80))
def test_plain_text_makes_the_run_the_markup_parser_would(text: str) -> None:
    from planner.render.pdf.paragraphs import _markup, _parsed
    from planner.render.pdf.styles import styles

    for style in (styles().task, styles().h3, styles().why):
        fast, parsed = _parsed(text, style), _markup(text, style)
        assert [vars(f) for f in fast] == [vars(f) for f in parsed], text
