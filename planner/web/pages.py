"""The page: GET / shows the questionnaire, POST / shows the plan's summary or the errors."""

from __future__ import annotations

from collections import defaultdict

from flask import Blueprint, Response, current_app, request

from planner.errors import Problem, sentence
from planner.pipeline import make_plan
from planner.plan import Plan
from planner.profile.questions import ASKED
from planner.profile.validate import validate
from planner.render import PAPERS, print_warnings
from planner.render.plan_length import length_lines
from planner.render.text import by_reason
from planner.web.context import page, state
from planner.web.fields import FORMAT_TITLES, answers_from_defaults, build_fields, in_parts
from planner.web.formdata import hidden_fields, profile_data
from planner.web.placement import SCORED, areas, offers, shipped

pages = Blueprint("pages", __name__)
FIELD_KEYS = {q.key for q in ASKED} | {"formats", "paper"}


@pages.get("/")
def questionnaire() -> Response:
    return _form_page(answers_from_defaults(state().formats), [])


@pages.post("/edit")
def edit() -> Response:
    """The form again, filled with the answers the summary page carried."""
    return _form_page(_answers(), [])


@pages.get("/favicon.ico")
def favicon() -> Response:
    """Browsers ask for /favicon.ico whatever the page links to: the icon, not a 404."""
    return current_app.send_static_file("favicon.svg")


@pages.post("/")
def summary() -> Response:
    today = state().clock()
    catalog = state().catalog
    suggested = [] if SCORED in request.form else offers(catalog, request.form)
    if suggested:  # back once to the form, the quiz's levels chosen, to keep or change
        answers = _answers() | {
            f"background.{s.area}": [str(s.level)] for s in suggested if s.level is not None
        }
        notices = {
            f"background.{s.area}": s.message
            if s.level is None
            else (f"{s.message} The quiz's level is chosen now; choose another if you prefer.")
            for s in suggested
        }
        return _form_page(answers, [], notices=notices, scored=True)
    profile, problems = validate(profile_data(request.form, whole_form=True), catalog, "form")
    formats = [f for f in request.form.getlist("formats") if f in state().formats]
    formats = formats or list(state().formats[:1])  # none ticked: the PDF
    paper = request.form.get("paper", "a4")
    if paper not in PAPERS:
        problems.append(
            Problem(f"Choose one of the paper sizes: {' or '.join(PAPERS)}.", field="paper")
        )
    if profile is None or problems:
        return _form_page(_answers(), problems, status=422, scored=SCORED in request.form)
    plan = make_plan(profile, today, catalog)
    carried = dict(profile.to_data(), start_date=plan.start_date.isoformat())
    return page(
        "summary",
        plan=plan,
        end_date=plan.end_date,
        formats=formats,
        hidden=[*hidden_fields(carried), ("paper", paper)],
        omitted=_omitted(plan),
        length=length_lines(plan),
        warnings=print_warnings(plan) if "pdf" in formats else (),
        titles={f: FORMAT_TITLES.get(f, (f.upper(),))[0] for f in formats},
    )


def _answers() -> dict[str, list[str]]:
    return {key: request.form.getlist(key) for key in FIELD_KEYS}


def _form_page(
    answers: dict[str, list[str]],
    problems: list[Problem],
    status: int = 200,
    notices: dict[str, str] | None = None,
    scored: bool = False,
) -> Response:
    by_field: dict[str, list[str]] = defaultdict(list)
    general: list[str] = []
    for problem in problems:
        if problem.field in FIELD_KEYS:
            by_field[problem.field].append(sentence(problem.message))
        else:
            general.append(
                sentence(
                    f"{problem.field}: {problem.message}" if problem.field else problem.message
                )
            )
    errors = {key: " ".join(messages) for key, messages in by_field.items()}
    catalog = state().catalog
    fields = build_fields(
        catalog, answers, errors, state().formats, notices, quiz=shipped(catalog) is not None
    )
    form = request.form if request.method == "POST" else None
    return page(
        "form",
        status,
        parts=in_parts(fields),
        general_errors=general,
        error_count=len(problems),
        notices=list((notices or {}).values()),
        quiz=areas(catalog, form, scored),
        scored=scored,
    )


def _omitted(plan: Plan) -> list[tuple[str, str, list[str]]]:
    """(what, reason, titles) for the items left out, dropped for the deadline or skipped:
    each reason once, with every item it covers (one rule often skips many)."""
    return [("Dropped", reason, titles) for reason, titles in by_reason(plan.dropped)] + [
        ("Skipped", reason, titles) for reason, titles in by_reason(plan.skipped)
    ]
