"""What every request handler shares: the catalog, the clock and the page templates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import Response, current_app

from planner.catalog.model import Catalog
from planner.templating import environment

MAX_BODY = 64 * 1024  # a profile is a few hundred bytes; anything near this is not one
SERVER_ERROR = "studyplan.server_error"  # environ key: the HTTP error waitress found first


@dataclass(frozen=True)
class WebState:
    catalog: Catalog
    clock: Callable[[], date]  # read once per request, at the edge: the core takes "today"
    formats: tuple[str, ...]  # the download formats this build can render


def state() -> WebState:
    found: WebState = current_app.extensions["studyplan"]
    return found


def page(template: str, status: int = 200, **context: Any) -> Response:
    """An HTML page from templates/web/, autoescaped."""
    html = (
        environment(html=True)
        .get_template(f"web/{template}.html.j2")
        .render(static="/static", **context)
    )
    return Response(html, status=status, content_type="text/html; charset=utf-8")
