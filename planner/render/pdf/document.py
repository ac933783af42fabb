"""The document base every PDF is built on: paper, frame, footer with "Page N of M",
an optional cover page, metadata, bookmarks and attachments."""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from planner.render.pages_drawn import page_drawn
from planner.render.pdf.canvas import PAGE_COUNT, Attachment, DocumentCanvas, LaterText
from planner.render.pdf.flowables import OutlineEntry
from planner.render.pdf.fonts import BODY, FontSet
from planner.render.pdf.markup import para_text
from planner.render.pdf.paragraphs import para
from planner.render.pdf.styles import (
    ACCENT,
    DEFAULT_PAPER,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    RULE,
    Page,
    page_of,
)

COVER_BAND = 330.0
FOOTER_SIZE = 8
FOOTER_CHARS = 60  # half the footer's width: a longer text would wrap into the page
FOOTER_DROP = 30  # the footer's baseline, below the frame


@dataclass(frozen=True, kw_only=True)
class DocumentInfo:
    """What a PDF says about itself, and how its pages look."""

    title: str
    author: str
    subject: str = ""
    footer: str = ""  # user text printed right of "Page N of M" (a name, "Cohort summary")
    paper: str = DEFAULT_PAPER
    built_on: date | None = None  # the CreationDate when SOURCE_DATE_EPOCH is not set
    cover: bool = False  # the first page is a cover: an accent band, no footer
    attachments: tuple[Attachment, ...] = ()


def footer_text(text: str, fonts: FontSet | None = None) -> Paragraph:
    """The footer's right-hand text, in any script, cut to half the footer's width."""
    style = ParagraphStyle(
        "footer",
        fontName=BODY,
        fontSize=FOOTER_SIZE,
        leading=FOOTER_SIZE * 1.3,
        textColor=MUTED,
        alignment=TA_RIGHT,
    )
    short = text if len(text) <= FOOTER_CHARS else text[: FOOTER_CHARS - 1] + "…"
    return para(para_text(short, fonts), style)


class DocTemplate(BaseDocTemplate):
    """Pages of the chosen paper: an optional cover with an accent band, then body pages."""

    def __init__(self, buffer: io.BytesIO, page: Page, info: DocumentInfo, footer: Paragraph):
        super().__init__(
            buffer,
            pagesize=page.size,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            invariant=1,
            # the text state starts in the body font: no page names an unembedded Helvetica
            initialFontName=BODY,
            creator="studyplan",
            title=info.title,
            author=info.author,
            subject=info.subject,
            lang="en",
        )
        self.sheet = page  # not "page": the template counts pages in that name
        self.footer = footer
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        # the footer is drawn when a page ends, after its text: text extraction then reads a
        # page top down, so a week page's text starts with its week
        body = PageTemplate("body", [frame], onPageEnd=self._draw_footer)
        cover = PageTemplate("cover", [frame], onPage=self._draw_cover)
        self.addPageTemplates([cover, body] if info.cover else [body])

    def _draw_cover(self, canv: Canvas, _doc: BaseDocTemplate) -> None:
        canv.saveState()
        canv.setFillColor(ACCENT)
        canv.rect(0, self.sheet.height - COVER_BAND, self.sheet.width, COVER_BAND, stroke=0, fill=1)
        canv.restoreState()

    def _draw_footer(self, canv: DocumentCanvas, _doc: BaseDocTemplate) -> None:
        y = MARGIN_BOTTOM - FOOTER_DROP
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, y + 13, self.sheet.width - MARGIN_X, y + 13)
        canv.setFont(BODY, FOOTER_SIZE)
        canv.setFillColor(MUTED)
        label = f"Page {canv.getPageNumber()} of "
        canv.drawString(MARGIN_X, y, label)
        width = canv.stringWidth(label, BODY, FOOTER_SIZE)
        canv.draw_later(PAGE_COUNT, MARGIN_X + width, y, LaterText(BODY, FOOTER_SIZE, MUTED))
        canv.restoreState()
        self.footer.wrap(self.width / 2, 20)
        self.footer.drawOn(canv, MARGIN_X + self.width / 2, y - 3)

    def afterPage(self) -> None:  # noqa: N802 (ReportLab's name)
        page_drawn(self.page)  # a front end may show progress on a long plan

    def afterFlowable(self, flowable: Flowable) -> None:
        entries: tuple[OutlineEntry, ...] = getattr(flowable, "outline", ())
        if not entries:
            return
        top = self.frame._y + flowable.height + 12  # the heading's top, with a little air
        for entry in entries:
            self.canv.bookmarkHorizontalAbsolute(entry.key, top)
            self.canv.addOutlineEntry(entry.title, entry.key, entry.level, closed=False)


def build_pdf(story: Sequence[Flowable], info: DocumentInfo, fonts: FontSet | None = None) -> bytes:
    """The story laid out on the document base; the same story and info give the same bytes."""
    buffer = io.BytesIO()
    document = DocTemplate(buffer, page_of(info.paper), info, footer_text(info.footer, fonts))
    maker = functools.partial(DocumentCanvas, attachments=info.attachments, built_on=info.built_on)
    document.build(list(story), canvasmaker=maker)
    return buffer.getvalue()
