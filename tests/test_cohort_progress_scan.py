"""The fast form reader: the same ticks as pypdf's page walk, on real plans and odd syntax."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, IndirectObject, NameObject

from planner.catalog.model import Catalog
from planner.plan import Plan
from planner.progress import from_pdf
from planner.progress.form_scan import KEPT, form_fields
from planner.render.pdf.render import render_pdf
from tests.test_progress import rename_on_state, small_plan, task_ids, tick_pdf

PROFILE = b"name: Tiny\ngoal: llm-engineer\nhours_per_week: 5\nstart_date: 2027-01-04\n"


def tiny_pdf(fields: list[bytes], extra: dict[int, bytes] | None = None) -> bytes:
    """A one-page PDF with a form of the given field dictionaries (objects 10, 11, ...)."""
    refs = " ".join(f"{10 + n} 0 R" for n in range(len(fields)))
    objects = {
        1: f"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [ {refs} ] >> "
        "/Names << /EmbeddedFiles << /Names [ (profile.yaml) 5 0 R ] >> >> >>".encode(),
        2: b"<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>",
        3: f"<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 200 200 ] /Annots [ {refs} ] >>".encode(),
        5: b"<< /Type /Filespec /F (profile.yaml) /EF << /F 6 0 R >> >>",
        6: b"<< /Type /EmbeddedFile /Length %d >>\nstream\n%s\nendstream" % (len(PROFILE), PROFILE),
        8: b"<< /Length 0 >>\nstream\n\nendstream",
        **{10 + n: field for n, field in enumerate(fields)},
        **(extra or {}),
    }
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += (
            b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
        )
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def checkbox(name: bytes, value: bytes = b"/Yes", rest: bytes = b"") -> bytes:
    return (
        b"<< /Type /Annot /Subtype /Widget /FT /Btn /T "
        + name
        + b" /V "
        + value
        + b" /AS "
        + value
        + b" /Rect [ 0 0 10 10 ] /P 3 0 R"
        + b" /AP << /N << /Yes 8 0 R /Off 8 0 R >> /D << /Yes 8 0 R >> >>"
        + rest
        + b" >>"
    )


def ticks(pdf: bytes, fast: bool, monkeypatch: pytest.MonkeyPatch) -> dict[str, bool]:
    """Every task's tick as read_pdf reads it, with or without the fast form reader."""
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(from_pdf, "form_fields", lambda reader: None)
        progress = from_pdf.read_pdf(pdf, Path("t.pdf"))
    return {t.id: t.done for t in progress.tasks}


ODD_FIELDS = {
    "plain": checkbox(b"(w1-a-t0)"),
    "octal escapes and a line continuation": checkbox(b"(\\1671\\055a\\\n\\055t1)"),
    "hex string name": checkbox(b"<77312d612d7432>"),
    "unticked": checkbox(b"(w1-a-t3)", b"/Off"),
    "a name with # escape": checkbox(b"(w1-a-t4)", b"/Y#65s"),
    "a comment": checkbox(b"(w1-a-t5)", b"/Yes % ticked\n"),
    "two equal keys": checkbox(b"(w1-a-t6)", b"/Off", b" /V /Yes"),
    "value by reference": checkbox(b"(w1-a-t7)", b"30 0 R"),
    "nested parentheses and >> in strings": checkbox(
        b"(w1-a-t8)", rest=b" /TU (a (b) c) /MK << /CA (>>) /BC [ 0 0 1 ] >>"
    ),
    "appearance by reference": checkbox(b"(w1-a-t9)").replace(
        b"/AP << /N << /Yes 8 0 R /Off 8 0 R >> /D << /Yes 8 0 R >> >>", b"/AP 31 0 R"
    ),
    "ticked only in its appearance state": checkbox(b"(w1-a-t10)").replace(b"/V /Yes ", b""),
    "an unknown escape": checkbox(b"(w1-a-t11\\q)"),
    "odd hex digits": checkbox(b"<77312d612d74313>"),
    "a number with two dots": checkbox(b"(w1-a-t13)", rest=b" /F 1.2.3"),
}
EXTRA = {30: b"/Yes", 31: b"<< /N << /Yes 8 0 R /Off 8 0 R >> >>"}
# what the scan reads itself; the other cases are handed to pypdf
SCANNED = {
    "plain",
    "octal escapes and a line continuation",
    "hex string name",
    "unticked",
    "value by reference",
    "nested parentheses and >> in strings",
    "appearance by reference",
    "ticked only in its appearance state",
}


@pytest.mark.parametrize("case", ODD_FIELDS)
def test_odd_syntax_reads_as_pypdf_reads_it(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = tiny_pdf([ODD_FIELDS["plain"], ODD_FIELDS[case]], EXTRA)
    slow = ticks(pdf, False, monkeypatch)
    assert ticks(pdf, True, monkeypatch) == slow
    assert slow["w1-a-t0"] is True
    fields = form_fields(PdfReader(io.BytesIO(pdf)))
    assert fields is not None
    # a scanned field has its KEPT keys only; one pypdf read has all (the /Rect, say)
    assert ("/Rect" not in fields[1]) == (case in SCANNED)


def test_every_field_is_read_and_kept_keys_match_pypdf() -> None:
    pdf = tiny_pdf(list(ODD_FIELDS.values()), EXTRA)
    fast = form_fields(PdfReader(io.BytesIO(pdf)))
    full = [
        ref.get_object()
        for ref in PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/AcroForm"]["/Fields"]
    ]
    assert fast is not None and len(fast) == len(full)
    for scanned, real in zip(fast, full, strict=True):
        assert _kept(scanned) == _kept(real)
        assert scanned.get("/T") == real.get("/T") and isinstance(real.get("/T"), str)


def _kept(field: DictionaryObject) -> dict[str, object]:
    """The KEPT keys, references as numbers, appearances as their /N state names."""
    out: dict[str, object] = {}
    for key in field:
        if key.encode() not in KEPT:
            continue
        value = field.raw_get(key)
        if isinstance(value, IndirectObject):
            value = ("ref", value.idnum, value.generation)
        elif key == "/AP":
            value = sorted(value.get_object()["/N"].get_object())
        out[key] = (type(value).__name__, value)
    return out


def test_fields_with_kids_leave_it_to_the_page_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    parent = b"<< /FT /Btn /T (w1-a-t0) /V /Yes /Kids [ 11 0 R ] >>"
    kid = (
        b"<< /Type /Annot /Subtype /Widget /Parent 10 0 R /AS /Yes /Rect [ 0 0 9 9 ] "
        b"/AP << /N << /Yes 8 0 R /Off 8 0 R >> >> >>"
    )
    pdf = tiny_pdf([parent, kid]).replace(b"/Fields [ 10 0 R 11 0 R ]", b"/Fields [ 10 0 R ]  ")
    assert form_fields(PdfReader(io.BytesIO(pdf))) is None
    assert ticks(pdf, True, monkeypatch) == ticks(pdf, False, monkeypatch) == {"w1-a-t0": True}


def test_a_malformed_string_does_not_make_matching_explode() -> None:
    """An unterminated string of many runs: linear matching gives up at once, pypdf reads."""
    field = checkbox(b"(w1-a-t0)", rest=b" /TU (" + b"a\\(b" * 20000)
    pdf = tiny_pdf([field])
    scanned = form_fields(PdfReader(io.BytesIO(pdf)))
    assert scanned is None or all(isinstance(f, DictionaryObject) for f in scanned)


# --- real plans --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plan_and_pdf(small_catalog: Catalog) -> tuple[Plan, bytes]:
    plan = small_plan(small_catalog)
    return plan, render_pdf(plan).data


def _filled_with_pypdf(pdf: bytes, name: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.update_page_form_field_values(None, {name: "/Yes"}, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _incremental(pdf: bytes, names: set[str]) -> bytes:
    """Ticks saved as an incremental update (as Acrobat saves): changed fields appended."""
    writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    for ref in writer.root_object["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if field["/T"] in names:
            field[NameObject("/V")] = field[NameObject("/AS")] = NameObject("/Yes")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_real_plans_read_the_same_both_ways(
    plan_and_pdf: tuple[Plan, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, pdf = plan_and_pdf
    ids = task_ids(plan)
    chosen = set(ids[::3])
    variants = {
        "as written": pdf,
        "ticked by a viewer": tick_pdf(pdf, chosen),
        "another writer's on-state": tick_pdf(rename_on_state(pdf, "/On"), chosen, "/On"),
        "filled by pypdf": _filled_with_pypdf(pdf, ids[1]),
        "incremental update": _incremental(pdf, chosen),
    }
    for name, data in variants.items():
        reader = PdfReader(io.BytesIO(data))
        assert form_fields(reader) is not None, name  # the fast path was taken
        fast = ticks(data, True, monkeypatch)
        assert fast == ticks(data, False, monkeypatch), name
        assert set(fast) == set(ids), name
    assert {
        t for t, done in ticks(variants["incremental update"], True, monkeypatch).items() if done
    } == chosen


def test_encrypted_pdf_is_left_to_pypdf(
    plan_and_pdf: tuple[Plan, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, pdf = plan_and_pdf
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(tick_pdf(pdf, {task_ids(plan)[0]}))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    reader = PdfReader(io.BytesIO(out.getvalue()))
    reader.decrypt("")
    assert form_fields(reader) is None
    assert [t for t, done in ticks(out.getvalue(), True, monkeypatch).items() if done] == [
        task_ids(plan)[0]
    ]
