"""The ReportLab patches behave as ReportLab's own code does, apply only to tested versions,
and the version pin in pyproject names exactly those versions."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib.rl_accel import _c_funcs, _py_funcs
from reportlab.platypus.paraparser import ParaFrag

from planner.render.pdf import reportlab_patches
from planner.render.pdf.reportlab_patches import TESTED, same_style, utf16_entries

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_SAME_FRAG = _c_funcs.get("sameFrag") or _py_funcs["sameFrag"]


def test_cmap_entries_past_the_bmp_become_utf16_pairs_and_others_stay() -> None:
    cmap = "1 begincodespacerange\n<00> <03>\n4 beginbfchar\n<00> <0041>\n<01> <1F680>\n"
    cmap += "<02> <10FFFF>\n<03> <FFFD>\nendbfchar"
    fixed = utf16_entries(cmap)
    assert "<01> <D83DDE80>" in fixed and "<02> <DBFFDFFF>" in fixed
    assert "<00> <0041>" in fixed and "<03> <FFFD>" in fixed and "<00> <03>" in fixed


frag_values = {
    "fontName": st.sampled_from(["SourceSans", "SourceSans-Bold"]),
    "fontSize": st.sampled_from([9, 10, 10.0]),
    "textColor": st.sampled_from([None, "red"]),
    "rise": st.sampled_from([0, 2]),
    "link": st.sampled_from([None, [], ["x"]]),
    "nobr": st.booleans(),
    "lineBreak": st.just(True),
    "cbDefn": st.just(object()),
}


@st.composite
def frags(draw: st.DrawFn) -> ParaFrag:
    frag = ParaFrag()
    for key, values in frag_values.items():
        rare = key in ("lineBreak", "cbDefn")  # either makes a fragment unlike any other
        if draw(st.booleans()) and (not rare or draw(st.integers(0, 3)) == 0):
            setattr(frag, key, draw(values))
    return frag


@given(frags(), frags())
def test_same_style_answers_as_reportlab_does(f: ParaFrag, g: ParaFrag) -> None:
    assert same_style(f, g) == REFERENCE_SAME_FRAG(f, g)
    assert same_style(f, f) == REFERENCE_SAME_FRAG(f, f)


def test_a_fresh_import_leaves_the_uri_pattern_for_first_use_and_it_matches_the_same() -> None:
    code = (
        "import planner.render.pdf, re; import reportlab.platypus.paragraph as p;"
        "print(type(p.uri_pat).__name__);"
        "real = re.compile(p.uri_pat.pattern, p.uri_pat.flags);"
        "urls = ['https://example.org/a', 'ftp://x.y', 'not a url', 'http://127.0.0.1:80/x'];"
        "print(all(bool(p.uri_pat.match(u)) == bool(real.match(u)) for u in urls))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    assert out == ["LazyPattern", "True"]


def test_no_patch_on_an_untested_version(monkeypatch) -> None:
    monkeypatch.setattr(reportlab_patches, "version", lambda: (9, 9))
    monkeypatch.delattr(reportlab_patches.install, "done", raising=False)
    from reportlab.platypus import paragraph

    before = paragraph.sameFrag
    monkeypatch.setattr(paragraph, "sameFrag", REFERENCE_SAME_FRAG)
    reportlab_patches.install()
    assert paragraph.sameFrag is REFERENCE_SAME_FRAG
    monkeypatch.setattr(paragraph, "sameFrag", before)


def test_the_pin_in_pyproject_is_the_tested_versions() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pin = next(d for d in project["project"]["dependencies"] if d.startswith("reportlab"))
    bounds = re.fullmatch(r"reportlab>=(\d+)\.(\d+),<(\d+)\.(\d+)", pin)
    assert bounds, pin
    low_major, low_minor, high_major, high_minor = map(int, bounds.groups())
    assert (low_major, low_minor) == TESTED[0]
    assert (high_major, high_minor) == (TESTED[-1][0], TESTED[-1][1] + 1)
    assert reportlab_patches.version() in TESTED


def test_the_one_step_split_writes_the_bytes_reportlabs_split_would(monkeypatch) -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    from planner.render.pdf.render import render_pdf
    from tests.sample_plans import linked_plan, long_plan, unicode_plan

    plans = (long_plan(), linked_plan(), unicode_plan("Zoë\u00a0Ñúñez Жанна 李小龍"))
    fast = [render_pdf(plan).data for plan in plans]
    monkeypatch.setattr(TTFont, "splitString", TTFont.splitString.original)
    assert [render_pdf(plan).data for plan in plans] == fast


def test_remembered_widths_are_reportlabs_and_forgotten_when_a_font_is_registered() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import paragraph

    from planner.render.pdf.fonts import default_fonts

    default_fonts()
    for word in ("Width", "of", "words", "Жанна", "x" * 40):
        for font, size in (("SourceSans", 10), ("SourceSans-Bold", 12.5)):
            assert paragraph.stringWidth(word, font, size) == pdfmetrics.stringWidth(
                word, font, size
            )
    assert paragraph.stringWidth.cache_info().currsize > 0
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))  # replaces a font of that name
    assert paragraph.stringWidth.cache_info().currsize == 0
