"""POST /api/plan: a profile as JSON, YAML or form fields in; the plan's PDF (or another
format, ?format=json|md|ics) out; every answer JSON but the plan itself."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, abort, request

from planner.errors import Problem
from planner.pipeline import make_plan
from planner.profile.load import load_text
from planner.profile.model import Profile
from planner.profile.validate import validate
from planner.render import DEFAULT_PAPER, PAPERS
from planner.web.context import MAX_BODY, state
from planner.web.downloads import plan_download
from planner.web.errors import problems_response
from planner.web.formdata import profile_data
from planner.yamlsource import bounded_int

SOURCE = "<request>"
JSON_TYPES = ("application/json",)
YAML_TYPES = ("application/yaml", "text/yaml", "application/x-yaml")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

api = Blueprint("api", __name__, url_prefix="/api")


@api.post("/plan")
def plan() -> Response:
    today = state().clock()
    fmt = request.args.get("format", "pdf").strip().lower()
    if fmt not in state().formats:
        return problems_response(
            [
                Problem(
                    f"unknown format {fmt!r}; allowed: {', '.join(state().formats)}", field="format"
                )
            ],
            400,
        )
    paper = _paper()
    if paper not in PAPERS:
        return problems_response(
            [Problem(f"unknown paper {paper!r}; allowed: {', '.join(PAPERS)}", field="paper")], 400
        )
    profile, problems = profile_from_request()
    if profile is None:
        return problems_response(problems, 422)
    return plan_download(make_plan(profile, today, state().catalog), fmt, paper)


def _paper() -> str:
    """?paper=a4|letter, or the form's paper field (the summary page's downloads send it)."""
    form = request.form.get("paper") if request.mimetype in FORM_TYPES else None
    return (request.args.get("paper") or form or DEFAULT_PAPER).strip().lower()


def profile_from_request() -> tuple[Profile | None, list[Problem]]:
    """The request body as a validated Profile, or every problem found in it."""
    mimetype = request.mimetype
    if mimetype not in JSON_TYPES + YAML_TYPES + FORM_TYPES:
        abort(415)
    if request.content_length is not None and request.content_length > MAX_BODY:
        abort(413)
    if mimetype in FORM_TYPES:
        return validate(profile_data(request.form), state().catalog, SOURCE)
    text, problems = _body_text()
    if problems:
        return None, problems
    if mimetype in JSON_TYPES:
        data, problems = _json(text)
        return validate(data, state().catalog, SOURCE) if not problems else (None, problems)
    loaded = load_text(text, state().catalog, SOURCE)  # deep nesting is a Problem there
    if len(loaded) > 1:
        return None, [
            Problem(
                f"one profile per request; this body holds {len(loaded)} "
                "(`studyplan batch` builds many)",
                line=loaded[1].line,
            )
        ]
    return loaded[0].profile, list(loaded[0].problems)


def _body_text() -> tuple[str, list[Problem]]:
    # read at most one byte past the limit: a body without Content-Length is bounded too
    body = request.stream.read(MAX_BODY + 1)
    if len(body) > MAX_BODY:
        abort(413)
    try:
        return body.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        return "", [Problem(f"the body is not UTF-8 text (byte {exc.start})", SOURCE)]


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _DuplicateKey(key)
        data[key] = value
    return data


def _json(text: str) -> tuple[Any, list[Problem]]:
    try:
        # a number of thousands of digits is "too large" for its field, not a crash
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_int=bounded_int), []
    except json.JSONDecodeError as exc:
        return None, [
            Problem(f"not valid JSON: {exc.msg} (column {exc.colno})", SOURCE, exc.lineno)
        ]
    except _DuplicateKey as exc:
        return None, [Problem("duplicate key; each field may appear once", SOURCE, field=str(exc))]
    except RecursionError:
        return None, [Problem("not a profile: nested too deeply", SOURCE)]
