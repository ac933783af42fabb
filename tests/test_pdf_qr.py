"""The Resources appendix read back: one scannable QR code per distinct web link, bookmarked."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image, ImageOps
from pypdf import PdfReader

from planner.render.pdf.appendix import OUTLINE_TITLE
from planner.render.pdf.qr import encoded_code, first_uses, is_web_url
from planner.render.pdf.render import render_pdf
from tests.pdf_reading import QR_REF, Pdf, text_lines
from tests.sample_plans import (
    LONG_URL,
    SHARED_URL,
    linked_plan,
    long_plan,
    minimal_plan,
    unicode_plan,
    unlinked_plan,
)

WEB_URLS = [LONG_URL, SHARED_URL, "http://example.com/page", "HTTPS://EXAMPLE.ORG/LOUD"]
NOT_WEB = ["javascript:alert(1)", "mailto:someone@example.org", "ftp://example.org/file.txt"]
SCAN_DPI = 200


@pytest.fixture(scope="module")
def linked_pdf() -> bytes:
    return render_pdf(linked_plan()).data


def appendix_start(reader: PdfReader) -> int:
    """The page the "Resources (QR codes)" bookmark jumps to."""
    for entry in reader.outline:
        if not isinstance(entry, list) and entry.title == OUTLINE_TITLE:
            return reader.get_destination_page_number(entry)
    pytest.fail(f"no {OUTLINE_TITLE!r} bookmark")


def code_links(reader: PdfReader) -> list[tuple[int, str, list[float]]]:
    """(page index, URI, rectangle) of each link in the appendix: each code links its URL."""
    links = []
    for index in range(appendix_start(reader), len(reader.pages)):
        for annot in reader.pages[index].get("/Annots", []):
            annot = annot.get_object()
            action = annot.get("/A")
            if action is not None and action.get("/S") == "/URI":
                links.append((index, str(action["/URI"]), [float(v) for v in annot["/Rect"]]))
    return links


def appendix_text(reader: PdfReader) -> str:
    pages = reader.pages[appendix_start(reader) :]
    return "\n".join(page.extract_text() for page in pages).replace("\n", "")


def test_one_code_per_distinct_web_url_in_order_of_first_use(linked_pdf):
    reader = PdfReader(io.BytesIO(linked_pdf))
    assert [uri for _, uri, _ in code_links(reader)] == WEB_URLS
    assert [(week.number, r.url) for week, r in first_uses(linked_plan())] == [
        (1, LONG_URL),
        (1, SHARED_URL),
        (1, "http://example.com/page"),
        (2, "HTTPS://EXAMPLE.ORG/LOUD"),
    ]


def test_appendix_prints_each_web_url_once_and_no_other_link(linked_pdf):
    text = appendix_text(PdfReader(io.BytesIO(linked_pdf)))
    assert "ResourcesScan a code" in text
    for url in WEB_URLS:
        assert text.count(url) == 1, url
    for url in [*NOT_WEB, "notes/readme.md"]:
        assert url not in text


def test_bookmark_is_last_and_opens_the_appendix():
    reader = PdfReader(io.BytesIO(render_pdf(long_plan()).data))
    assert reader.outline[-1].title == OUTLINE_TITLE
    start = appendix_start(reader)
    last_week = reader.outline[-2][-1]  # "Week 16 · ...", nested under "Week by week"
    assert start > reader.get_destination_page_number(last_week)
    assert reader.pages[start].extract_text().startswith("Resources\nScan a code")
    distinct = {r.url for w in long_plan().weeks for i in w.items for r in i.resources}
    assert sorted(uri for _, uri, _ in code_links(reader)) == sorted(distinct)


def test_codes_are_grouped_by_the_week_that_first_uses_them(linked_pdf):
    reader = PdfReader(io.BytesIO(linked_pdf))
    start = appendix_start(reader)
    text = reader.pages[start].extract_text()
    order = ["WEEK 1 · 4–10 Jan 2027", "A long guidance page", "Shared reference"]
    order += ["Plain http site", "WEEK 2 · 11–17 Jan 2027", "Upper-case scheme"]
    assert [text.index(line) for line in order] == sorted(text.index(line) for line in order)
    targets = [
        reader.get_page_number(annot.get_object()["/Dest"][0].get_object())
        for annot in reader.pages[start].get("/Annots", [])
        if "/Dest" in annot.get_object()
    ]
    assert len(targets) == 2  # a header per week, linked to the week's page
    for week, target in zip((1, 2), targets, strict=True):
        assert f"Week {week}\n" in reader.pages[target].extract_text()


def test_plan_without_web_links_has_no_appendix():
    reader = PdfReader(io.BytesIO(render_pdf(unlinked_plan()).data))
    assert OUTLINE_TITLE not in [getattr(e, "title", None) for e in reader.outline]
    assert "Scan a code" not in "".join(page.extract_text() for page in reader.pages)


def test_only_http_and_https_are_web_urls():
    assert is_web_url("https://a.org") and is_web_url("http://a.org") and is_web_url("HTTP://A")
    others = [*NOT_WEB, "notes/readme.md", "//a.org/x", "https:no-host", ""]
    assert not any(is_web_url(url) for url in others)
    urls = [r.url for _, r in first_uses(unicode_plan())]
    assert urls == ["https://example.org/a?b=1&c=2"]


def test_codes_are_encoded_once_per_url_and_hold_the_url():
    encoded_code.cache_clear()
    first = encoded_code(SHARED_URL)
    assert encoded_code(SHARED_URL) is first
    assert first.value == SHARED_URL
    assert encoded_code(LONG_URL).modules > first.modules >= 21  # longer data, larger code


def test_same_plan_same_bytes_whether_codes_are_cached_or_not(linked_pdf):
    encoded_code.cache_clear()
    assert render_pdf(linked_plan()).data == linked_pdf  # fresh codes
    assert render_pdf(linked_plan()).data == linked_pdf  # cached codes


def decode_each_code(pdf: bytes) -> list[tuple[str, str]]:
    """(linked URL, what the decoder reads) for each code, cropped alone from its page.

    Pages are drawn by pdfium and codes read by zxing-cpp, both from pip: no system tools.
    """
    reader = PdfReader(io.BytesIO(pdf))
    links = code_links(reader)
    document = pdfium.PdfDocument(pdf)
    scale = SCAN_DPI / 72
    images: dict[int, Image.Image] = {}
    results = []
    for page, url, (x1, y1, x2, y2) in links:
        if page not in images:
            images[page] = document[page].render(scale=scale).to_pil()
        height = float(reader.pages[page].mediabox.height)
        box = (x1 * scale, (height - y2) * scale, x2 * scale, (height - y1) * scale)
        crop = ImageOps.expand(images[page].crop(tuple(round(v) for v in box)), 40, "white")
        found = zxingcpp.read_barcodes(crop, formats=zxingcpp.BarcodeFormat.QRCode)
        results.append((url, found[0].text if len(found) == 1 else f"{len(found)} codes"))
    document.close()
    return results


def test_every_code_scans_back_to_its_url(linked_pdf):
    results = decode_each_code(linked_pdf)
    assert [url for url, _ in results] == WEB_URLS
    for url, read in results:
        assert read == url


def test_codes_of_a_full_appendix_page_scan():
    results = decode_each_code(render_pdf(long_plan()).data)
    assert len(results) == 30
    assert all(read == url for url, read in results), [r for r in results if r[0] != r[1]]


def many_links_plan(count: int, weeks: int = 1):
    """A plan of `weeks` weeks whose one item links `count` pages each week."""
    from dataclasses import replace

    from planner.plan import Resource
    from tests.sample_plans import weeks_from

    plan = minimal_plan()
    item = plan.weeks[0].items[0]
    items = [
        (
            replace(
                item,
                resources=tuple(
                    Resource(title=f"Reference {w}-{n}", url=f"https://example.org/r/{w}/{n}")
                    for n in range(count)
                ),
            ),
        )
        for w in range(weeks)
    ]
    return replace(plan, weeks=weeks_from(plan.start_date, items))


def qr_references(pdf: Pdf) -> list[tuple[int, str, int]]:
    """(week page, URL, the page its "QR p. N" names) for every resource line of the weeks."""
    found = []
    for index in pdf.weekly_pages():
        refs = [(y, int(m.group(1))) for y, t in text_lines(pdf, index) for m in QR_REF.finditer(t)]
        for annot in pdf.reader.pages[index].get("/Annots", []):
            action = annot.get_object().get("/A")
            if action is None or action.get("/S") != "/URI":
                continue
            _, low, _, high = (float(v) for v in annot.get_object()["/Rect"])
            named = [page for y, page in refs if low - 2 <= y <= high + 2]
            assert len(named) == 1, (index, str(action["/URI"]), refs)
            found.append((index, str(action["/URI"]), named[0]))
    return found


@pytest.mark.parametrize(("count", "weeks"), [(3, 1), (25, 2), (4, 30)])
def test_each_resource_line_names_the_page_that_holds_its_code(count, weeks):
    pdf = Pdf.of(render_pdf(many_links_plan(count, weeks)).data)
    refs = qr_references(pdf)
    assert len(refs) == count * weeks
    for _, url, page in refs:
        holds = [
            str(a.get_object()["/A"]["/URI"])
            for a in pdf.reader.pages[page - 1].get("/Annots", [])
            if "/A" in a.get_object()
        ]
        assert url in holds, (url, page)
        assert page - 1 >= appendix_start(pdf.reader)


def test_a_page_that_opens_inside_a_weeks_codes_names_the_week_again():
    pdf = Pdf.of(render_pdf(many_links_plan(40)).data)
    start = appendix_start(pdf.reader)
    assert len(pdf.texts) - start >= 2
    for index in range(start + 1, len(pdf.texts)):
        assert pdf.texts[index].startswith("WEEK 1 (continued) · 4–10 Jan 2027")


def test_a_codes_path_is_what_reportlabs_path_object_writes():
    from reportlab.pdfgen.pathobject import PDFPathObject

    for url in (*WEB_URLS, "https://example.org/" + "x" * 300):
        code = encoded_code(url)
        path = PDFPathObject()
        for rect in code.path.removeprefix("n ").split(" re"):
            if rect.strip():
                x, y, w, h = (int(v) for v in rect.split())
                path.rect(x, y, w, h)
        assert path.getCode() == code.path
