"""Font coverage and fallback (planner.render.pdf.fonts) and user-text markup (markup.py)."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Paragraph

from planner.render.pdf.fonts import (
    BODY,
    CJK,
    cid_font_for,
    default_fonts,
    is_invisible,
    load_fonts,
    source_sans_dir,
)
from planner.render.pdf.markup import describe_chars, para_text, plain_text, scan_text, using_fonts
from planner.render.pdf.styles import styles

NO_CJK = ((Path("no/such/font.ttc"), 0),)


def test_source_sans_pro_ships_static_ttfs_with_the_pip_package():
    names = {p.name for p in source_sans_dir().iterdir()}
    assert {"SourceSansPro-Regular.ttf", "SourceSansPro-Bold.ttf", "SourceSansPro-It.ttf"} <= names


def test_body_font_covers_latin_greek_and_cyrillic():
    fonts = default_fonts()
    assert {fonts.font_for(c) for c in "Ada Łukasiewicz Ωμέγα Жанна é–’"} == {BODY}
    assert fonts.font_for("😀") is None


def test_default_fonts_are_loaded_once():
    assert default_fonts() is default_fonts()


def test_installed_cjk_truetype_font_is_found_and_covers_han():
    fonts = default_fonts()
    if fonts.cjk_path is None:  # nothing installed: CJK must fall back to viewer CID fonts
        assert fonts.font_for("李") == "STSong-Light"
    else:
        assert fonts.font_for("李") == CJK and fonts.font_for("😀") is None


def test_without_a_cjk_truetype_font_scripts_map_to_cid_fonts():
    fonts = load_fonts(NO_CJK, ask_fontconfig=False)
    assert fonts.cjk_path is None
    assert [fonts.font_for(c) for c in "李ひ김"] == [
        "STSong-Light",
        "HeiseiMin-W3",
        "HYSMyeongJo-Medium",
    ]
    assert fonts.font_for("😀") is None
    assert cid_font_for(ord("A")) is None


def test_escaping_prints_markup_literally():
    assert para_text("<b>R&D</b>") == "&lt;b&gt;R&amp;D&lt;/b&gt;"
    assert para_text('<a href="javascript:x">') == "&lt;a href=&quot;javascript:x&quot;&gt;"
    assert para_text("it's") == "it&#x27;s"


def test_every_hostile_string_builds_a_paragraph_with_its_literal_text():
    for text in ("<b>", "<img src=/etc/passwd>", "<font name=x>", "R&D", "../", "</para>", "&#0;"):
        paragraph = Paragraph(para_text(text), styles().body)
        assert "".join(f.text for f in paragraph.frags) == text


def test_fallback_runs_are_wrapped_in_font_tags_and_missing_chars_replaced():
    fonts = default_fonts()
    markup = para_text("Ли 李小龍 😀!", fonts)
    cjk = fonts.font_for("李")
    assert f'<font name="{cjk}">李小龍</font>' in markup
    assert markup.startswith("Ли ") and markup.endswith(" ?!")


def test_invisible_joiners_and_variation_selectors_are_dropped_not_replaced():
    assert is_invisible("\u200d") and is_invisible("\ufe0f") and not is_invisible("a")
    assert plain_text("ok\ufe0f", load_fonts(NO_CJK, ask_fontconfig=False)) == "ok"
    assert para_text("a\tb\nc") == "a b c"


def test_scan_reports_missing_characters_and_viewer_fonts():
    fonts = load_fonts(NO_CJK, ask_fontconfig=False)
    scan = scan_text("李 😀 ☃ 😀", fonts)
    assert scan.missing == ("😀", "☃")
    assert scan.viewer_fonts == ("STSong-Light",)
    assert describe_chars(scan.missing) == "😀 (U+1F600), ☃ (U+2603)"


def test_using_fonts_sets_the_default_for_a_block():
    fonts = load_fonts(NO_CJK, ask_fontconfig=False)
    with using_fonts(fonts):
        assert para_text("李") == '<font name="STSong-Light">李</font>'
    assert para_text("李", fonts) == '<font name="STSong-Light">李</font>'
