"""POST /api/plan: a profile as JSON, YAML or form fields in; the plan's PDF (or another
format, ?format=json|md|ics) out; every answer JSON but the plan itself."""

from __future__ import annotations

from flask import Blueprint, Response, request

from planner.errors import Problem
from planner.pipeline import make_plan
from planner.profile.load import load_text
from planner.profile.model import Profile
from planner.profile.validate import validate
from planner.render import DEFAULT_PAPER, PAPERS
from planner.web.body import SOURCE, body_kind, body_text, json_data
from planner.web.context import state
from planner.web.downloads import plan_download
from planner.web.errors import problems_response
from planner.web.formdata import profile_data

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
    kind = body_kind()  # reads (and keeps) the body first: the paper may be a form field
    paper = _paper(kind)
    if paper not in PAPERS:
        return problems_response(
            [Problem(f"unknown paper {paper!r}; allowed: {', '.join(PAPERS)}", field="paper")], 400
        )
    profile, problems = profile_from_request(kind)
    if profile is None:
        return problems_response(problems, 422)
    return plan_download(make_plan(profile, today, state().catalog), fmt, paper)


def _paper(kind: str) -> str:
    """?paper=a4|letter, or the form's paper field (the summary page's downloads send it)."""
    form = request.form.get("paper") if kind == "form" else None
    return (request.args.get("paper") or form or DEFAULT_PAPER).strip().lower()


def profile_from_request(kind: str) -> tuple[Profile | None, list[Problem]]:
    """The request body (json, yaml or form) as a validated Profile, or every problem in it."""
    if kind == "form":
        return validate(profile_data(request.form), state().catalog, SOURCE)
    text, problems = body_text()
    if problems:
        return None, problems
    if kind == "json":
        data, problems = json_data(text)
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
