"""Font coverage and fallback (planner.render.pdf.fonts) and user-text markup (markup.py)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from reportlab.platypus import Paragraph

from planner.render.pdf.fallbacks import CJK, KNOWN_CJK_FONTS, KNOWN_SYMBOL_FONTS, cid_font_for
from planner.render.pdf.fontfiles import NOTO
from planner.render.pdf.fonts import BODY, default_fonts, is_invisible, load_fonts, source_sans_dir
from planner.render.pdf.markup import (
    describe_chars,
    para_text,
    plain_text,
    scan_text,
    using_fonts,
    wrapped_text,
)
from planner.render.pdf.render import render_pdf
from planner.render.pdf.rtl import NO_BREAK_SPACE, has_rtl, visual_order
from planner.render.pdf.styles import styles
from tests.pdf_reading import Pdf, descriptor, used_fonts
from tests.sample_plans import unicode_plan

NO_CJK = ((Path("no/such/font.ttc"), 0),)
NO_FONT = "\U0001fae0"  # 🫠 (Unicode 14): newer than every monochrome emoji font


def test_source_sans_pro_ships_static_ttfs_with_the_pip_package():
    names = {p.name for p in source_sans_dir().iterdir()}
    assert {"SourceSansPro-Regular.ttf", "SourceSansPro-Bold.ttf", "SourceSansPro-It.ttf"} <= names


def test_body_font_covers_latin_greek_and_cyrillic():
    fonts = default_fonts()
    assert {fonts.font_for(c) for c in "Ada Łukasiewicz Ωμέγα Жанна é–’"} == {BODY}
    assert fonts.font_for(NO_FONT) is None


def test_default_fonts_are_loaded_once():
    assert default_fonts() is default_fonts()


def test_installed_cjk_truetype_font_is_found_and_covers_han():
    fonts = default_fonts()
    if fonts.cjk_path is None:  # nothing installed: CJK must fall back to viewer CID fonts
        assert fonts.font_for("李") == "STSong-Light"
    else:
        assert fonts.font_for("李") == CJK and fonts.font_for(NO_FONT) is None


def test_without_a_cjk_truetype_font_scripts_map_to_cid_fonts():
    fonts = load_fonts(NO_CJK, ask_fontconfig=False)
    assert fonts.cjk_path is None
    assert [fonts.font_for(c) for c in "李ひ김"] == [
        "STSong-Light",
        "HeiseiMin-W3",
        "HYSMyeongJo-Medium",
    ]
    assert fonts.font_for(NO_FONT) is None
    assert cid_font_for(ord("A")) is None


def test_escaping_prints_markup_literally():
    assert para_text("<b>R&D</b>") == "&lt;b&gt;R&amp;D&lt;/b&gt;"
    assert para_text('<a href="javascript:x">') == '&lt;a href="javascript:x"&gt;'
    assert para_text('it\'s "so"') == 'it\'s "so"'  # quotes are text: no entities, one run


def test_every_hostile_string_builds_a_paragraph_with_its_literal_text():
    for text in ("<b>", "<img src=/etc/passwd>", "<font name=x>", "R&D", "../", "</para>", "&#0;"):
        paragraph = Paragraph(para_text(text), styles().body)
        assert "".join(f.text for f in paragraph.frags) == text


def test_fallback_runs_are_wrapped_in_font_tags_and_missing_chars_replaced():
    fonts = default_fonts()
    markup = para_text(f"Ли 李小龍 {NO_FONT}!", fonts)
    cjk = fonts.font_for("李")
    assert f'<font name="{cjk}">李小龍</font>' in markup
    assert markup.startswith("Ли ") and markup.endswith(" ?!")


def test_invisible_joiners_and_variation_selectors_are_dropped_not_replaced():
    assert is_invisible("\u200d") and is_invisible("\ufe0f") and not is_invisible("a")
    assert plain_text("ok\ufe0f", load_fonts(NO_CJK, ask_fontconfig=False)) == "ok"
    assert para_text("a\tb\nc") == "a b c"


def test_scan_reports_missing_characters_and_viewer_fonts():
    fonts = load_fonts(NO_CJK, ask_fontconfig=False, symbol_candidates=())
    scan = scan_text("李 😀 ☃ 😀", fonts)
    assert scan.missing == ("😀", "☃")
    assert scan.viewer_fonts == ("STSong-Light",)
    assert describe_chars(scan.missing) == "😀 (U+1F600), ☃ (U+2603)"


def test_using_fonts_sets_the_default_for_a_block():
    fonts = load_fonts(NO_CJK, ask_fontconfig=False)
    with using_fonts(fonts):
        assert para_text("李") == '<font name="STSong-Light">李</font>'
    assert para_text("李", fonts) == '<font name="STSong-Light">李</font>'


# --- Right-to-left names and system fonts ---------------------------------------------

ARABIC_FILE = NOTO / "NotoSansArabic-Regular.ttf"
HEBREW_FILE = NOTO / "NotoSansHebrew-Regular.ttf"
CJK_FILE = KNOWN_CJK_FONTS[0][0]


def require_font(path: Path, package: str) -> None:
    """Skip with a reason when a system font is missing; CI installs it, so there it fails."""
    if path.is_file():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{path} is missing: .ci/run installs Debian's {package}")
    pytest.skip(f"{path} is not installed (Debian: apt-get install {package})")


def test_visual_order_shapes_arabic_and_reverses_right_to_left_runs():
    assert visual_order("Ada") == "Ada" and not has_rtl("Жанна 李")
    shown = visual_order("محمد")
    assert [hex(ord(c)) for c in shown] == ["0xfee3", "0xfea4", "0xfee4", "0xfeaa"][::-1]
    assert visual_order("דוד כהן").replace(NO_BREAK_SPACE, " ") == "ןהכ דוד"
    assert visual_order("Ada דוד").replace(NO_BREAK_SPACE, " ") == "Ada דוד"[:4] + "דוד"[::-1]
    long = "דוד " * 10
    assert " " in visual_order(long)  # long texts may wrap; short ones (names) keep together


def cover_of(name: str, fonts=None) -> tuple[str, dict, tuple[str, ...]]:
    rendered = render_pdf(unicode_plan(name), fonts=fonts)
    pdf = Pdf.of(rendered.data)
    return pdf.texts[0], used_fonts(pdf, 0), rendered.warnings


@pytest.mark.parametrize(
    ("name", "file", "font"),
    [
        ("محمد عبد الله", ARABIC_FILE, "NotoSansArabic"),
        ("דוד כהן", HEBREW_FILE, "NotoSansHebrew"),
    ],
)
def test_right_to_left_names_are_shaped_ordered_and_embedded(name, file, font):
    require_font(file, "fonts-noto-core")
    text, fonts, warnings = cover_of(name)
    # pypdf reverses each right-to-left run it extracts: undo that to get the drawn order
    drawn = " ".join(word[::-1] for word in text.splitlines()[2].split())
    assert drawn == visual_order(name).replace(NO_BREAK_SPACE, " ")
    assert drawn != name  # shaped (Arabic) or reversed (Hebrew): not the logical string
    embedded = [f for n, f in fonts.items() if font in n]
    assert embedded and all("/FontFile2" in descriptor(f) for f in embedded)
    assert not any("name" in w.lower() for w in warnings)


def test_cjk_names_embed_the_installed_truetype_font():
    require_font(CJK_FILE, "fonts-wqy-microhei")
    text, fonts, warnings = cover_of("李小龍")
    assert "李小龍" in text
    cjk = [f for n, f in fonts.items() if "SourceSans" not in n]
    assert cjk and all("/FontFile2" in descriptor(f) for f in cjk)
    assert not any("not embedded" in w for w in warnings)


def test_without_a_right_to_left_font_the_name_prints_as_question_marks_and_warns():
    fonts = load_fonts(NO_CJK, ask_fontconfig=False, rtl_fonts=())
    text, _, warnings = cover_of("محمد", fonts)
    assert "????" in text
    assert any(
        w.startswith("The name contains characters no available font has")
        and "they print as ?" in w
        for w in warnings
    )


def test_right_to_left_text_is_broken_into_lines_in_reading_order_before_reordering():
    require_font(HEBREW_FILE, "fonts-noto-core")
    words = ["אחד", "שניים", "שלושה", "ארבעה", "חמישה", "שישה", "שבעה", "שמונה"]
    text = " ".join(words * 3)
    lines = wrapped_text(text, BODY, 24, 200).split("<br/>")
    assert len(lines) > 2
    logical = [re.sub(r"<[^>]+>", "", line).replace(NO_BREAK_SPACE, " ") for line in lines]
    # each line is its own words reversed; read in order, the lines give the text back
    assert " ".join(" ".join(w[::-1] for w in line.split()[::-1]) for line in logical) == text
    assert wrapped_text("Ada <b>", BODY, 24, 10) == para_text("Ada <b>")


SYMBOLA = KNOWN_SYMBOL_FONTS[0][0]


def test_emoji_print_in_an_embedded_symbol_font_not_as_question_marks():
    require_font(SYMBOLA, "fonts-symbola")
    rendered = render_pdf(unicode_plan("Zoë 🚀 Ñúñez 👍🏽"))
    pdf = Pdf.of(rendered.data)
    assert not [w for w in rendered.warnings if w.startswith("The name")]
    for index, text in enumerate(pdf.texts):
        assert "?" not in text.replace("example.org/a?b", ""), index
    symbols = [f for n, f in used_fonts(pdf, 0).items() if "Symbola" in n]
    assert symbols and all("/FontFile2" in descriptor(f) for f in symbols)
    assert "Zoë 🚀 Ñúñez 👍" in pdf.texts[0].replace(NO_BREAK_SPACE, " ")  # the tone dropped


def test_a_name_mixing_directions_keeps_its_typed_order():
    name = "محمد 🚀 Zoë Ñúñez"
    shown = visual_order(name).replace(NO_BREAK_SPACE, " ")
    assert shown.endswith(" 🚀 Zoë Ñúñez")  # the Arabic word first, as typed
    assert shown[:4] == visual_order("محمد")  # shaped, right to left within the word
    assert visual_order("Zoë Ñúñez محمد").startswith("Zoë")
