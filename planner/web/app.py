"""The Flask app factory: routes, security headers, body limits, error pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from flask import Flask, Response, abort, request

from planner.catalog.load import load_catalog
from planner.catalog.model import Catalog
from planner.render import available_formats
from planner.templating import templates_dir
from planner.web.api import api
from planner.web.context import MAX_BODY, SERVER_ERROR, WebState
from planner.web.errors import register_error_handlers
from planner.web.origin import serve_only_itself
from planner.web.pages import pages

# No script runs on the page at all; styles come from our own stylesheet only.
CSP = (
    "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    # same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on the
    # page's own POSTs, and the origin check (web/origin.py) needs the real one
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def create_app(catalog: Catalog | None = None, clock: Callable[[], date] = date.today) -> Flask:
    """The web app over catalog (default: the shipped one); clock gives "today"."""
    app = Flask(
        __name__, static_folder=str(templates_dir() / "web" / "static"), static_url_path="/static"
    )
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY
    app.config["MAX_FORM_MEMORY_SIZE"] = MAX_BODY
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # names in any script
    app.extensions["studyplan"] = WebState(catalog or load_catalog(), clock, available_formats())
    app.register_blueprint(pages)
    app.register_blueprint(api)
    register_error_handlers(app)
    app.before_request(_server_error)
    serve_only_itself(app)
    app.after_request(_security_headers)
    return app


def _server_error() -> None:
    """A request waitress refused (body too large, unreadable) gets the app's own answer."""
    code = request.environ.get(SERVER_ERROR)
    if code:
        abort(int(code))


def _security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response
