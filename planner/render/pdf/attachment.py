"""Attach a file to a ReportLab canvas's PDF: an /EmbeddedFiles name tree in the catalog."""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFString,
    PDFZCompress,
)
from reportlab.pdfgen.canvas import Canvas


def _mime_name(mime: str) -> str:
    """A MIME type as a PDF name: '/application#2Fyaml' (PDFName leaves the slash bare)."""
    return "/" + "#2F".join(PDFName(part)[1:] for part in mime.split("/"))


def _embedded_file(data: bytes, mime: str) -> PDFStream:
    stream = PDFStream(
        PDFDictionary(
            {
                "Type": PDFName("EmbeddedFile"),
                "Subtype": _mime_name(mime),
                "Params": PDFDictionary({"Size": len(data)}),
            }
        ),
        data,
        filters=[PDFZCompress],
    )
    stream.__RefOnly__ = 1
    return stream


def attach_file(canvas: Canvas, name: str, data: bytes, mime: str, description: str) -> None:
    """Add name as a document-level attachment (what PDF viewers list under attachments).

    Call once per document, before save(): it sets the catalog's /Names dictionary, which
    ReportLab leaves empty (it keeps named destinations in /Dests).
    """
    doc = canvas._doc
    file_ref = doc.Reference(_embedded_file(data, mime))
    spec = PDFDictionary(
        {
            "Type": PDFName("Filespec"),
            "F": PDFString(name),
            "UF": PDFString(name),
            "EF": PDFDictionary({"F": file_ref, "UF": file_ref}),
            "AFRelationship": PDFName("Source"),
            "Desc": PDFString(description),
        }
    )
    spec_ref = doc.Reference(spec)
    tree = PDFDictionary({"Names": PDFArray([PDFString(name), spec_ref])})
    doc.Catalog.Names = PDFDictionary({"EmbeddedFiles": tree})
