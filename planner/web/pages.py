"""The page: GET / shows the questionnaire, POST / shows the plan's summary or the errors."""

from __future__ import annotations

from collections import defaultdict

from flask import Blueprint, Response, request

from planner.errors import Problem
from planner.pipeline import make_plan
from planner.plan import Plan
from planner.profile.questions import ASKED
from planner.profile.validate import validate
from planner.render import PAPERS, print_warnings
from planner.web.context import page, state
from planner.web.fields import FORMAT_TITLES, answers_from_defaults, build_fields, in_parts
from planner.web.formdata import hidden_fields, profile_data

pages = Blueprint("pages", __name__)
FIELD_KEYS = {q.key for q in ASKED} | {"formats", "paper"}


@pages.get("/")
def questionnaire() -> Response:
    return _form_page(answers_from_defaults(state().formats), [])


@pages.post("/edit")
def edit() -> Response:
    """The form again, filled with the answers the summary page carried."""
    return _form_page(_answers(), [])


@pages.post("/")
def summary() -> Response:
    today = state().clock()
    catalog = state().catalog
    profile, problems = validate(profile_data(request.form, whole_form=True), catalog, "form")
    formats = [f for f in request.form.getlist("formats") if f in state().formats]
    if not formats:
        problems.append(Problem("tick at least one format", field="formats"))
    paper = request.form.get("paper", "a4")
    if paper not in PAPERS:
        problems.append(Problem(f"choose one of: {', '.join(PAPERS)}", field="paper"))
    if profile is None or problems:
        return _form_page(_answers(), problems, status=422)
    plan = make_plan(profile, today, catalog)
    carried = dict(profile.to_data(), start_date=plan.start_date.isoformat())
    return page("summary", plan=plan, end_date=plan.end_date, formats=formats,
                hidden=[*hidden_fields(carried), ("paper", paper)], omitted=_omitted(plan),
                warnings=print_warnings(plan) if "pdf" in formats else (),
                titles={f: FORMAT_TITLES.get(f, (f.upper(),))[0] for f in formats})


def _answers() -> dict[str, list[str]]:
    return {key: request.form.getlist(key) for key in FIELD_KEYS}


def _form_page(answers: dict[str, list[str]], problems: list[Problem],
               status: int = 200) -> Response:
    by_field: dict[str, list[str]] = defaultdict(list)
    general: list[str] = []
    for problem in problems:
        if problem.field in FIELD_KEYS:
            by_field[problem.field].append(problem.message)
        else:
            general.append(f"{problem.field}: {problem.message}" if problem.field
                           else problem.message)
    errors = {key: " ".join(messages) for key, messages in by_field.items()}
    fields = build_fields(state().catalog, answers, errors, state().formats)
    return page("form", status, parts=in_parts(fields), general_errors=general,
                error_count=len(problems))


def _omitted(plan: Plan) -> list[tuple[str, str, str]]:
    """(what, title, reason) for every item left out: dropped for the deadline, or skipped."""
    return ([("Dropped", o.title, o.reason) for o in plan.dropped]
            + [("Skipped", o.title, o.reason) for o in plan.skipped])
