"""The canvas every PDF is drawn on: numbers known only at the end, attachments, dates, fonts."""

from __future__ import annotations

import calendar
import os
import time
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas

from planner.render.pdf.annotations import uri_link
from planner.render.pdf.attachment import attach_file

PAGE_COUNT = "pageCount"  # the form "Page N of M" shows M with


@dataclass(frozen=True, kw_only=True)
class Attachment:
    """A file carried inside the PDF (a plan carries the profile it was built from)."""

    name: str
    data: bytes
    mime: str
    description: str


@dataclass(frozen=True)
class LaterText:
    """How a number drawn before it is known looks: font, size and colour."""

    font: str
    size: float
    color: Color


def time_stamp(built_on: date | None) -> TimeStamp:
    """CreationDate: SOURCE_DATE_EPOCH when set, else the build date at 00:00 UTC.

    ReportLab's invariant mode would print 2000-01-01; the build date keeps the file
    reproducible (it is the `--today` of the build) and true.
    """
    stamp = TimeStamp(invariant=1)  # reads SOURCE_DATE_EPOCH itself
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        return stamp
    when = built_on or date.today()
    stamp.t = calendar.timegm(when.timetuple())
    stamp.lt = time.gmtime(stamp.t)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    return stamp


class DocumentCanvas(Canvas):
    """A canvas that fills in numbers at the end (page count, page references), attaches
    files, dates the document and opens it on its bookmarks.

    A number such as "QR p. 97" is drawn as a form XObject that is only defined when the
    document is saved, once the page it names has been laid out: one pass, no re-build.
    """

    def __init__(
        self,
        *args: Any,
        attachments: tuple[Attachment, ...] = (),
        built_on: date | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.attachments = attachments
        self._doc._timeStamp = time_stamp(built_on)
        self._later: dict[str, LaterText] = {}
        self._settled: dict[str, str] = {}

    def draw_later(self, key: str, x: float, y: float, look: LaterText) -> None:
        """Draw at (x, y) the text that settle(key, ...) gives, by the time the file is saved."""
        self._later.setdefault(key, look)
        self.saveState()
        self.translate(x, y)
        self.doForm(key)
        self.restoreState()

    def settle(self, key: str, text: str) -> None:
        """The text of a number drawn with draw_later (the first settlement counts)."""
        self._settled.setdefault(key, text)

    def linkURL(self, url: str, rect: Any, relative: int = 0, **options: Any) -> None:  # noqa: N802
        """ReportLab's linkURL, with the parts every link shares formatted once."""
        plain = options.get("kind", "URI") == "URI" and not options.get("thickness")
        extra = set(options) - {"kind", "thickness"}
        if not plain or extra:
            super().linkURL(url, rect, relative, **options)
            return
        self._addAnnotation(uri_link(self._absRect(rect, relative), url))

    def save(self) -> None:
        self.settle(PAGE_COUNT, str(self.getPageNumber() - 1))
        for key, look in self._later.items():
            self.beginForm(key)
            self.setFont(look.font, look.size)
            self.setFillColor(look.color)
            self.drawString(0, 0, self._settled.get(key, "?"))
            self.endForm()
        for attachment in self.attachments:
            attach_file(
                self, attachment.name, attachment.data, attachment.mime, attachment.description
            )
        self.showOutline()  # /PageMode /UseOutlines: the viewer opens with the bookmarks pane
        super().save()
