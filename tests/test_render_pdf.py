"""The PDF read back with pypdf: text, links, checkboxes, outline, fonts, metadata, attachment."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
import yaml
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from planner.plan import profile_yaml
from planner.render.formatting import date_range, rounded_hours
from planner.render.pdf.fonts import default_fonts, load_fonts
from planner.render.pdf.render import render_pdf
from tests.pdf_reading import Pdf, descriptor
from tests.pdf_reading import used_fonts as fonts_of_page
from tests.sample_plans import HOSTILE, long_plan, minimal_plan, unicode_plan

FIELD_NAME = re.compile(r"^w(\d+)-([a-z0-9-]+)-t(\d+)$")


@pytest.fixture(scope="module")
def long_pdf() -> tuple[bytes, PdfReader]:
    data = render_pdf(long_plan()).data
    return data, PdfReader(io.BytesIO(data))


@pytest.fixture(scope="module")
def unicode_pdf() -> tuple[list[str], PdfReader]:
    rendered = render_pdf(unicode_plan())
    return list(rendered.warnings), PdfReader(io.BytesIO(rendered.data))


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def link_uris(reader: PdfReader) -> list[str]:
    uris = []
    for page in reader.pages:
        for annot in page.get("/Annots", []):
            action = annot.get_object().get("/A")
            if action is not None and action.get("/S") == "/URI":
                uris.append(str(action["/URI"]))
    return uris


def checkboxes(reader: PdfReader) -> dict[str, DictionaryObject]:
    fields = reader.get_fields() or {}
    return {name: field for name, field in fields.items() if field.get("/FT") == "/Btn"}


def outline_titles(reader: PdfReader) -> list[str]:
    def walk(entries: list) -> list[str]:
        titles = []
        for entry in entries:
            titles += walk(entry) if isinstance(entry, list) else [entry.title]
        return titles

    return walk(reader.outline)


def rail(week, weeks: int) -> str:
    """What a week's rail reads: number, dates, hours, "week N of M"."""
    dates, hours = date_range(week.start, week.end), rounded_hours(week.hours)
    return f"Week {week.number}\n{dates}\n{hours}\nweek {week.number} of {weeks}"


def test_long_plan_has_cover_overview_and_every_week_in_the_grid(long_pdf):
    _, reader = long_pdf
    plan = long_plan()
    text = text_of(reader)
    assert text.startswith("YOUR STUDY PLAN\nLLM engineer\nGrace Hopper\n")
    for week in plan.weeks:
        assert rail(week, len(plan.weeks)) in text
        for item in week.items:
            assert item.title in text
    assert "Build a RAG chatbot · part 2 of 3" in text
    assert re.search(rf"Page 2 of\s+{len(reader.pages)}\b", text)


def test_deadline_box_names_the_full_length_and_every_dropped_item(long_pdf):
    text = text_of(long_pdf[1])
    assert "Your deadline of 16 weeks does not fit everything" in text
    assert "the full plan needs 18 weeks" in text
    assert "Optional (1 item, 6 h): RLHF in depth (6 h)" in text
    assert "You rated math 1/4: linear algebra comes first." in text
    # the skip's reason said once, then what it left out with its hours
    assert "You marked it as completed. 1 item, 5 h: Python basics (5 h)" in text


def test_links_are_the_resources_urls_and_one_per_appendix_code(long_pdf):
    plan = long_plan()
    # a later part of a split item links nothing: its links are on the first part
    on_week_pages = [
        r.url for w in plan.weeks for i in w.items for r in i.resources if i.part[0] == 1
    ]
    in_appendix = set(on_week_pages)  # every sample URL is http(s)
    assert sorted(link_uris(long_pdf[1])) == sorted([*on_week_pages, *in_appendix])


def test_week_list_links_jump_to_each_weeks_page(long_pdf):
    _, reader = long_pdf
    targets = [
        reader.get_page_number(annot.get_object()["/Dest"][0].get_object())
        for page in reader.pages[1:3]
        for annot in page.get("/Annots", [])
        if "/Dest" in annot.get_object()
    ]
    milestones, table = targets[:3], targets[3:]  # the list under the timeline, the table
    assert len(table) == 16
    for number, target in enumerate(table, start=1):
        assert f"Week {number}\n" in reader.pages[target].extract_text()
    for number, target in zip((8, 12, 16), milestones, strict=True):
        assert f"Week {number}\n" in reader.pages[target].extract_text()


def test_one_unticked_checkbox_per_task_named_by_the_scheme(long_pdf):
    plan = long_plan()
    boxes = checkboxes(long_pdf[1])
    expected = {
        f"w{week.number}-{item.id}-t{task.index}"
        for week in plan.weeks
        for item in week.items
        for task in item.tasks
    }
    assert len(boxes) == sum(len(i.tasks) for w in plan.weeks for i in w.items)
    assert set(boxes) == expected
    assert all(FIELD_NAME.match(name) for name in boxes)
    assert {f"w{n}-rag-project-t{t}" for n, t in ((2, 0), (3, 2), (4, 5))} <= set(boxes)
    assert {field.get("/V") for field in boxes.values()} == {"/Off"}


def test_checkbox_on_state_comes_from_its_appearance_states(long_pdf):
    _, reader = long_pdf
    for annot in reader.pages[4]["/Annots"]:
        widget = annot.get_object()
        if widget.get("/FT") == "/Btn":
            states = set(widget["/AP"]["/N"].keys())
            assert states - {"/Off"} == {"/Yes"}
            assert widget["/Ff"] == 0  # not "required": an unticked box is a valid answer
            return
    pytest.fail("no checkbox on the first week's page")


def test_outline_has_the_parts_and_every_week(long_pdf):
    titles = outline_titles(long_pdf[1])
    assert titles[:4] == ["Cover", "Your plan at a glance", "Why this plan", "Left out"]
    assert titles[4] == "Week by week"
    for number in range(1, 17):
        assert any(title.startswith(f"Week {number} · ") for title in titles)
    assert isinstance(long_pdf[1].outline[-2], list)  # weeks nest under "Week by week"
    assert titles[-1] == "Resources (QR codes)"


def used_fonts(reader: PdfReader) -> dict[str, DictionaryObject]:
    """Fonts some page draws text with (each page selects an unused Helvetica in an empty BT)."""
    pdf = Pdf(b"", reader, [])
    return {
        name: font
        for index in range(len(reader.pages))
        for name, font in fonts_of_page(pdf, index).items()
    }


def test_every_font_that_draws_text_is_embedded(long_pdf):
    used = used_fonts(long_pdf[1])
    assert any("SourceSansPro-Regular" in name for name in used)
    assert any("SourceSansPro-Bold" in name for name in used)
    assert all("/FontFile2" in descriptor(font) for font in used.values()), sorted(used)


def test_metadata_names_the_person_and_goal(long_pdf):
    _, reader = long_pdf
    assert reader.metadata.title == "Study plan for Grace Hopper"
    assert reader.metadata.author == "Grace Hopper"
    assert reader.metadata.subject == "LLM engineer"
    assert reader.metadata.creator == "studyplan"
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_same_plan_gives_the_same_bytes(long_pdf):
    assert render_pdf(long_plan()).data == long_pdf[0]


def test_profile_yaml_is_attached_and_round_trips(long_pdf):
    attachments = long_pdf[1].attachments
    assert list(attachments) == ["profile.yaml"]
    expected = yaml.safe_load(profile_yaml(long_plan().profile))
    assert yaml.safe_load(attachments["profile.yaml"][0]) == expected
    assert isinstance(expected["start_date"], date)  # a plain YAML date, not a quoted string


def test_minimal_plan_renders_with_two_checkboxes():
    reader = PdfReader(io.BytesIO(render_pdf(minimal_plan()).data))
    assert set(checkboxes(reader)) == {"w1-python-basics-t0", "w1-python-basics-t1"}
    assert "Week 1\n4–10 Jan 2027\n6 h\nweek 1 of 1" in text_of(reader)
    assert "Your deadline" not in text_of(reader)


def test_markup_in_user_text_prints_literally(unicode_pdf):
    _, reader = unicode_pdf
    text = text_of(reader)
    for hostile in HOSTILE:
        assert hostile in text
    assert "<b>R&D</b> guide" in text and "Because <i>R&D</i> matters" in text
    assert "javascript:alert(1)" in text  # printed, not linked
    assert link_uris(reader) == ["https://example.org/a?b=1&c=2"] * 2  # week page, QR code
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject", {}).values()
        assert all(x.get_object()["/Subtype"] == "/Form" for x in xobjects), "an image was embedded"


def test_cyrillic_greek_print_and_what_no_font_has_is_replaced_with_a_warning():
    rendered = render_pdf(unicode_plan("Жанна Ωμέγα \U0001fae0"))
    text = text_of(PdfReader(io.BytesIO(rendered.data)))
    assert "Жанна Ωμέγα ?" in text and "\U0001fae0" not in text
    warning = "The name contains characters no available font has: \U0001fae0 (U+1FAE0); "
    assert warning + "they print as ?" in rendered.warnings


def test_cjk_is_embedded_when_a_truetype_cjk_font_is_installed(unicode_pdf):
    warnings, reader = unicode_pdf
    if default_fonts().cjk_path is None:
        # No CJK TrueType font here: the CID fallback must say the viewer supplies the font.
        assert any("STSong-Light" in w and "not embedded" in w for w in warnings)
        return
    assert "李小龍" in text_of(reader)
    cjk = [font for name, font in used_fonts(reader).items() if "SourceSans" not in name]
    assert cjk and all("/FontFile2" in descriptor(font) for font in cjk)
    assert not any("not embedded" in w for w in warnings)


def test_without_a_cjk_truetype_font_cid_fonts_are_used_and_reported():
    fonts = load_fonts((), ask_fontconfig=False)
    rendered = render_pdf(unicode_plan("李小龍"), fonts=fonts)
    reader = PdfReader(io.BytesIO(rendered.data))
    used = {str(name).lstrip("/").split("+")[-1] for name in used_fonts(reader)} - {"Symbola"}
    assert used == {
        "STSong-Light",
        "SourceSansPro-Regular",
        "SourceSansPro-Semibold",
        "SourceSansPro-Bold",
    }
    assert any("STSong-Light" in w and "not embedded" in w for w in rendered.warnings)


def test_deadline_box_groups_dropped_items_by_importance(catalog):
    from planner.engine.build import build_plan
    from planner.profile.validate import validate

    data = {
        "name": "D",
        "goal": "llm-engineer",
        "hours_per_week": 8,
        "weeks": 13,
        "background": {"math": 1, "python": 1, "ml": 0},
    }
    profile, _ = validate(data, catalog)
    plan = build_plan(profile, catalog, date(2026, 11, 25))
    text = " ".join(text_of(PdfReader(io.BytesIO(render_pdf(plan).data))).split())
    groups = {o.group for o in plan.dropped}
    assert groups <= {"core", "recommended", "optional"} and "core" in groups
    core = [o for o in plan.dropped if o.group == "core"]
    assert f"Core ({len(core)} items, {sum(o.hours for o in core):g} h):" in text
    assert all(o.title.split()[0] in text for o in plan.dropped)
