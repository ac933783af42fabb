"""Checkboxes and links written fast: what is the same in every one (appearance streams,
flags, colours, border) is built and formatted once per document; only the page, the
rectangle, the name and the address change. The bytes are those ReportLab's own
AcroForm.checkbox and Canvas.linkURL write (tests/test_pdf_annotations.py compares them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib.colors import Color
from reportlab.pdfbase.acroform import (
    ZDSyms,
    annotationFlagValues,
    bsPDF,
    fieldFlagValues,
    makeFlags,
)
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString, format


class Shared:
    """Dictionary entries every annotation of one kind shares, formatted once per document."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values
        self._document: object = None
        self._formatted: dict[str, bytes] = {}

    def formatted(self, document: Any) -> dict[str, bytes]:
        if self._document is not document:
            self._document = document
            self._formatted = {
                key: format(PDFName(key), document) + b" " + format(value, document)
                for key, value in self.values.items()
            }
        return self._formatted


class SharedDictionary(PDFDictionary):
    """A PDFDictionary that reuses the shared entries' formatting (the same bytes out)."""

    def __init__(self, shared: Shared, own: dict[str, Any]) -> None:
        super().__init__({**shared.values, **own})
        self.shared = shared

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:  # noqa: N803 (ReportLab's)
        done = self.shared.formatted(document)
        entries = [
            done[key]
            if key in done
            else format(PDFName(key), document) + b" " + format(self.dict[key], document)
            for key in sorted(self.dict)
        ]
        if (self.multiline and rl_config.pdfMultiLine) or self.multiline == "forced":
            body = IND.join(entries)
        else:  # ReportLab breaks the line every six entries
            for index in reversed(range(6, len(entries), 6)):
                entries.insert(index, b"\n ")
            body = b" ".join(entries)
        return b"<<\n" + body + b"\n>>"


@dataclass(frozen=True, kw_only=True)
class BoxLook:
    """How every checkbox of a document looks."""

    size: float
    border: Color
    fill: Color
    tick: Color
    border_width: float


def _checkbox_shared(form: Any, look: BoxLook) -> Shared:
    """The entries of a checkbox that do not depend on where it is or what it is called."""
    text, border, fill, width = form.getDefaults(
        look.tick, look.border, look.fill, look.border_width
    )
    appearances = {}
    for key in "NDR":
        states = {}
        tick, edge, ground = form.varyColors(key, text, border, fill)
        for value in ("Yes", "Off"):
            stream = form.checkboxAP(
                key,
                value,
                buttonStyle="check",
                shape="square",
                fillColor=ground,
                borderColor=edge,
                textColor=tick,
                borderWidth=width,
                borderStyle="solid",
                size=look.size,
                dashLen=3,
            )
            if stream._af_refstr not in form._refMap:
                form._refMap[stream._af_refstr] = form.getRef(stream)
            states[value] = form._refMap[stream._af_refstr]
        appearances[key] = PDFDictionary(states)
    marks = {"CA": f"({ZDSyms['check']})", "BC": PDFArray(form.colorTuple(border))}
    marks["BG"] = PDFArray(form.colorTuple(fill))
    return Shared(
        {
            "FT": PDFName("Btn"),
            "V": PDFName("Off"),
            "AS": PDFName("Off"),
            "AP": PDFDictionary(appearances),
            "Subtype": PDFName("Widget"),
            "Type": PDFName("Annot"),
            "F": makeFlags("print", annotationFlagValues),
            "Ff": makeFlags("", fieldFlagValues),
            "H": PDFName("N"),
            "BS": bsPDF(width, "solid", 3),
            "MK": PDFDictionary(marks),
        }
    )


def add_checkbox(canv: Any, name: str, tooltip: str, x: float, y: float, look: BoxLook) -> None:
    """An unticked, optional form checkbox at (x, y) in the current coordinates, with its
    drawn border: what AcroForm.checkboxRelative(..., forceBorder=True) makes."""
    form = canv.acroForm
    shared = getattr(form, "_studyplan_box", None)
    if shared is None:
        shared = form._studyplan_box = _checkbox_shared(form, look)
    x, y = canv.absolutePosition(x, y)
    size = look.size
    own: dict[str, Any] = {
        "P": canv._doc.thisPageRef(),
        "Rect": PDFArray((x, y, x + size, y + size)),
        "T": PDFString(name),
    }
    if tooltip:
        own["TU"] = PDFString(tooltip)
    widget = SharedDictionary(shared, own)
    canv._addAnnotation(widget)
    form.fields.append(form.getRef(widget))
    form.checkForceBorder(
        x, y, size, size, True, "square", "solid", look.border_width, look.border, look.fill
    )


_LINK = Shared({"Type": PDFName("Annot"), "Subtype": PDFName("Link")})
_ACTION = Shared({"Type": PDFName("Action"), "S": PDFName("URI")})


def uri_link(rect: tuple[float, float, float, float], url: str) -> SharedDictionary:
    """A borderless link annotation to url: what Canvas.linkURL(url, rect) makes."""
    action = SharedDictionary(_ACTION, {"URI": PDFString(url)})
    return SharedDictionary(
        _LINK, {"Rect": PDFArray(rect), "A": action, "Border": PDFArray([0, 0, 0])}
    )
