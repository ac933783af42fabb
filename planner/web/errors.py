"""Error responses: JSON under /api/, a friendly page elsewhere; a failing request never
takes the server down."""

from __future__ import annotations

from flask import Flask, Response, current_app, jsonify, request
from werkzeug.exceptions import HTTPException

from planner.errors import Problem
from planner.web.context import MAX_BODY, page

MESSAGES = {
    400: "the request could not be read",
    404: "there is nothing at this address",
    405: "this address does not take that method",
    413: f"the request body is larger than {MAX_BODY // 1024} KB; a profile is far smaller",
    415: "send the profile as application/json, application/yaml or form fields "
    "(application/x-www-form-urlencoded)",
    431: "the request's headers are too large",
    501: "the request uses a transfer encoding this server does not read",
    500: "something went wrong on our side; the error is logged, please report it",
}


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _internal_error)


def problems_response(problems: list[Problem], status: int) -> Response:
    """{"errors": [{"field", "line", "message"}]}: the CLI's messages, as JSON."""
    response = jsonify(errors=[p.as_json() for p in problems])
    response.status_code = status
    return response


def _http_error(exc: HTTPException) -> Response | HTTPException:
    if exc.code is None:
        return exc
    message = MESSAGES.get(exc.code, exc.description or exc.name)
    if request.path.startswith("/api/"):
        response = problems_response([Problem(message)], exc.code)
    else:
        response = page("error", exc.code, code=exc.code, title=exc.name, message=message)
    for name, value in exc.get_headers():
        if name.lower() != "content-type":  # keeps Allow on 405
            response.headers[name] = value
    return response


def _internal_error(exc: Exception) -> Response:
    current_app.logger.exception("request %s %s failed", request.method, request.path)
    if request.path.startswith("/api/"):
        return problems_response([Problem(MESSAGES[500])], 500)
    return page("error", 500, code=500, title="Internal error", message=MESSAGES[500])
