"""The document template: page frames, cover band, footer with "Page N of M", bookmarks."""

from __future__ import annotations

import io
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from planner.render.pages_drawn import page_drawn
from planner.render.pdf.attachment import attach_file
from planner.render.pdf.flowables import OutlineEntry
from planner.render.pdf.fonts import BODY
from planner.render.pdf.styles import (
    ACCENT,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    RULE,
    Page,
)

COVER_BAND = 330.0
Attachment = tuple[str, bytes, str, str]  # file name, data, MIME type, description
PAGE_COUNT_FORM = "pageCount"
FOOTER_SIZE = 8


class PlanCanvas(Canvas):
    """A canvas that fills in the total page count, attaches files, opens on its bookmarks."""

    def __init__(self, *args: Any, attachments: tuple[Attachment, ...] = (), **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.attachments = attachments

    def save(self) -> None:
        pages = self.getPageNumber() - 1
        self.beginForm(PAGE_COUNT_FORM)
        self.setFont(BODY, FOOTER_SIZE)
        self.setFillColor(MUTED)
        self.drawString(0, 0, str(pages))
        self.endForm()
        for name, data, mime, description in self.attachments:
            attach_file(self, name, data, mime, description)
        self.showOutline()  # /PageMode /UseOutlines: the viewer opens with the bookmarks pane
        super().save()


class PlanDocTemplate(BaseDocTemplate):
    """Pages of the chosen paper: a cover with an accent band, then body pages with a footer."""

    def __init__(self, buffer: io.BytesIO, page: Page, footer_name: Paragraph, **info: Any) -> None:
        super().__init__(
            buffer,
            pagesize=page.size,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            invariant=1,
            creator="studyplan",
            **info,
        )
        self.sheet = page  # not "page": the template counts pages in that name
        self.footer_name = footer_name
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
        self.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=self._draw_cover),
                PageTemplate("body", [frame], onPageEnd=self._draw_footer),
            ]
        )

    def _draw_cover(self, canv: Canvas, _doc: BaseDocTemplate) -> None:
        canv.saveState()
        canv.setFillColor(ACCENT)
        canv.rect(0, self.sheet.height - COVER_BAND, self.sheet.width, COVER_BAND, stroke=0, fill=1)
        canv.restoreState()

    def _draw_footer(self, canv: Canvas, _doc: BaseDocTemplate) -> None:
        y = MARGIN_BOTTOM - 30
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, y + 13, self.sheet.width - MARGIN_X, y + 13)
        canv.setFont(BODY, FOOTER_SIZE)
        canv.setFillColor(MUTED)
        label = f"Page {canv.getPageNumber()} of "
        canv.drawString(MARGIN_X, y, label)
        canv.translate(MARGIN_X + canv.stringWidth(label, BODY, FOOTER_SIZE), y)
        canv.doForm(PAGE_COUNT_FORM)
        canv.restoreState()
        self.footer_name.wrap(self.width / 2, 20)
        self.footer_name.drawOn(canv, MARGIN_X + self.width / 2, y - 3)

    def afterPage(self) -> None:
        page_drawn(self.page)

    def afterFlowable(self, flowable: Flowable) -> None:
        entries: tuple[OutlineEntry, ...] = getattr(flowable, "outline", ())
        if not entries:
            return
        top = self.frame._y + flowable.height + 12  # the heading's top, with a little air
        for entry in entries:
            self.canv.bookmarkHorizontalAbsolute(entry.key, top)
            self.canv.addOutlineEntry(entry.title, entry.key, entry.level, closed=False)
