"""Route tests for the web page and POST /api/plan, through Flask's test client."""

from __future__ import annotations

import json
import re
import threading
import urllib.request
from datetime import date

import pytest
import yaml
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape
from werkzeug.datastructures import MultiDict

from planner.catalog.model import Catalog
from planner.profile.load import load_text
from planner.profile.questions import ASKED, LEVELS, check_hours
from planner.profile.validate import validate
from planner.web import create_app
from planner.web.downloads import content_disposition
from planner.web.formdata import hidden_fields, profile_data

TODAY = date(2026, 11, 25)  # a Wednesday: plans start Monday 2026-11-30
PROFILE = {"name": "Ada Lovelace", "goal": "llm-engineer", "hours_per_week": 8,
           "background": {"math": 2, "python": 2, "ml": 1}}
FORM = {"name": "Ada Lovelace", "goal": "llm-engineer", "background.math": "2",
        "background.python": "2", "background.ml": "1", "hours_per_week": "8",
        "study_days": ["mon", "wed", "sat"], "formats": ["pdf", "json"]}
HOSTILE = "<script>alert(1)</script> & Ω 李"
PLAN_KEYS = {"name", "goal", "hours_per_week", "start_date", "total_hours", "dropped",
             "skipped", "notes", "weeks"}


@pytest.fixture
def app(small_catalog: Catalog) -> Flask:
    return create_app(small_catalog, clock=lambda: TODAY)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def form(**changes: object) -> dict[str, object]:
    return {**FORM, **changes}


def error_of(html: str, field_id: str) -> str:
    match = re.search(rf'<p class="error" id="{field_id}-error">(.*?)</p>', html, re.S)
    assert match, f"no error shown next to {field_id}"
    return match.group(1)


# --- the page -------------------------------------------------------------------------

def test_get_renders_every_question_from_the_definitions(client: FlaskClient,
                                                         small_catalog: Catalog) -> None:
    html = client.get("/").get_data(as_text=True)
    for q in ASKED:
        assert f'name="{q.key}"' in html, q.key
        assert escape(q.prompt) in html and escape(q.help) in html, q.key
        for choice in q.choices(small_catalog) if q.choices else ():
            assert escape(choice.title) in html, choice.title
    for descriptions in LEVELS.values():
        assert all(escape(d) in html for d in descriptions)
    assert 'type="date"' in html and 'name="formats"' in html


def test_every_control_has_a_label_and_groups_have_legends(client: FlaskClient) -> None:
    html = client.get("/").get_data(as_text=True)
    ids = re.findall(r'<input id="([^"]+)"', html)
    assert len(ids) > 20
    for control in ids:
        assert f'<label for="{control}">' in html, control
    assert html.count("<fieldset") == html.count("<legend>")
    assert "<legend>Your math background</legend>" in html


def test_defaults_are_preselected(client: FlaskClient) -> None:
    html = client.get("/").get_data(as_text=True)
    assert re.search(r'name="goal" type="radio" value="llm-engineer" checked', html)
    assert re.search(r'name="background.math" type="radio" value="2" checked', html)
    assert 'name="hours_per_week" type="number" value="8"' in html


def test_good_form_shows_summary_with_reasons_and_downloads(client: FlaskClient) -> None:
    response = client.post("/", data=form(completed=["python-basics"]))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Your plan, Ada Lovelace" in html
    assert "30 Nov 2026" in html  # the coming Monday after the clock's today
    assert "Spaced review keeps what you learn." in html  # a fired rule's why
    assert "Skipped: Python basics." in html  # completed -> skipped, with its reason
    assert 'formaction="/api/plan?format=pdf"' in html and "Download PDF" in html
    assert "Download JSON" in html and "Download Markdown" not in html  # not ticked
    assert '<input type="hidden" name="start_date" value="2026-11-30">' in html


def test_bad_form_shows_the_error_next_to_the_field_and_keeps_answers(
        client: FlaskClient, small_catalog: Catalog) -> None:
    response = client.post("/", data=form(hours_per_week="lots", interests=["rag"]))
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    with pytest.raises(ValueError) as expected:
        check_hours("lots", small_catalog)
    assert error_of(html, "f-hours-per-week").endswith(escape(str(expected.value)))
    assert re.search(r'id="f-hours-per-week" name="hours_per_week" type="number" value="lots"'
                     r'[^>]*aria-describedby="f-hours-per-week-help f-hours-per-week-error"'
                     r' aria-invalid="true"', html)
    assert 'value="Ada Lovelace"' in html
    assert re.search(r'name="interests" type="checkbox" value="rag" checked', html)
    assert '<a href="#f-hours-per-week">' in html  # the summary links to the field


def test_every_problem_is_shown_at_once(client: FlaskClient) -> None:
    html = client.post("/", data=form(name=" ", weeks="2.5", study_days=[], formats=[])
                       ).get_data(as_text=True)
    assert "must not be blank" in error_of(html, "f-name")
    assert "whole number of weeks" in error_of(html, "f-weeks")
    assert "at least one weekday" in error_of(html, "f-study-days")
    assert "at least one format" in error_of(html, "f-formats")


def test_edit_refills_the_form_from_the_carried_answers(client: FlaskClient) -> None:
    carried = hidden_fields(dict(PROFILE, interests=["rag"], start_date="2027-01-04"))
    html = client.post("/edit", data=MultiDict(carried)).get_data(as_text=True)
    assert 'value="Ada Lovelace"' in html and 'value="2027-01-04"' in html
    assert re.search(r'name="interests" type="checkbox" value="rag" checked', html)


def test_hidden_fields_read_back_as_the_same_profile(small_catalog: Catalog) -> None:
    data = dict(PROFILE, name=HOSTILE, hours_per_week=7.5, weeks=12, start_date="2027-01-04",
                interests=["rag", "chatbots"], completed=["python-basics"],
                study_days=["tue", "sun"])
    back = profile_data(MultiDict(hidden_fields(data)))
    assert validate(back, small_catalog) == validate(data, small_catalog)
    assert validate(back, small_catalog)[0] is not None


# --- the API ---------------------------------------------------------------------------

def assert_pdf_download(response, stem: str = "ada-lovelace") -> None:
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.data.startswith(b"%PDF")
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{stem}.pdf"'


def test_api_takes_json(client: FlaskClient) -> None:
    assert_pdf_download(client.post("/api/plan", json=PROFILE))


@pytest.mark.parametrize("content_type", ["application/yaml", "text/yaml",
                                          "application/x-yaml; charset=utf-8"])
def test_api_takes_yaml(client: FlaskClient, content_type: str) -> None:
    body = yaml.safe_dump(PROFILE, allow_unicode=True)
    assert_pdf_download(client.post("/api/plan", data=body, content_type=content_type))


def test_api_takes_the_pages_form_fields(client: FlaskClient) -> None:
    assert_pdf_download(client.post("/api/plan?format=pdf", data=form()))


def test_api_json_format_matches_the_plan_contract(client: FlaskClient) -> None:
    response = client.post("/api/plan?format=json", json=PROFILE)
    plan = response.get_json()
    assert response.headers["Content-Type"].startswith("application/json")
    assert set(plan) == PLAN_KEYS
    assert plan["start_date"] == "2026-11-30"  # "today" came from the app's clock
    assert plan["weeks"][0]["items"][0]["reasons"]


def test_api_bad_profile_gets_422_with_the_clis_messages(client: FlaskClient,
                                                         small_catalog: Catalog) -> None:
    body = "name: Ada\ngoal: llm-enginer\nhours_per_week: lots\nbackground: {math: 2}\n"
    response = client.post("/api/plan", data=body, content_type="application/yaml")
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    expected = [p.as_json() for p in load_text(body, small_catalog, "x")[0].problems]
    assert errors == expected
    assert {"field": "hours_per_week", "line": 3,
            "message": 'must be a number from 1 to 60; got "lots"'} in errors
    assert any('did you mean "llm-engineer"' in e["message"] for e in errors)


def test_api_bad_json_and_bad_form_get_422(client: FlaskClient) -> None:
    bad = client.post("/api/plan", data='{"name": "Ada",\n "goal": }',
                      content_type="application/json")
    assert bad.status_code == 422 and bad.get_json()["errors"][0]["line"] == 2
    dup = client.post("/api/plan", data='{"name": "A", "name": "B"}',
                      content_type="application/json")
    assert dup.get_json()["errors"][0]["field"] == "name"
    missing = client.post("/api/plan", data={"name": "Ada"})
    fields = {e["field"] for e in missing.get_json()["errors"]}
    assert missing.status_code == 422 and {"goal", "hours_per_week", "background"} <= fields
    stream = client.post("/api/plan", data="name: a\n---\nname: b\n",
                         content_type="application/yaml")
    assert "one profile per request" in stream.get_json()["errors"][0]["message"]


@pytest.mark.parametrize("body, content_type", [("[" * 30_000, "application/yaml"),
                                                 ("[" * 30_000, "application/json")])
def test_api_deeply_nested_body_gets_422_not_500(client: FlaskClient, body: str,
                                                 content_type: str) -> None:
    response = client.post("/api/plan", data=body, content_type=content_type)
    assert response.status_code == 422
    assert "nested too deeply" in response.get_json()["errors"][0]["message"]


def test_api_body_over_64_kb_gets_413(client: FlaskClient) -> None:
    big = json.dumps(dict(PROFILE, name="x" * 70_000))
    response = client.post("/api/plan", data=big, content_type="application/json")
    assert response.status_code == 413
    assert "64 KB" in response.get_json()["errors"][0]["message"]
    page = client.post("/", data=form(name="x" * 70_000))
    assert page.status_code == 413 and "text/html" in page.headers["Content-Type"]


def test_api_unknown_content_type_gets_415(client: FlaskClient) -> None:
    response = client.post("/api/plan", data="name: Ada", content_type="text/plain")
    assert response.status_code == 415
    assert "application/json" in response.get_json()["errors"][0]["message"]


def test_api_unknown_format_and_routes_answer_json(client: FlaskClient) -> None:
    unknown = client.post("/api/plan?format=docx", json=PROFILE)
    assert unknown.status_code == 400 and unknown.get_json()["errors"][0]["field"] == "format"
    assert client.get("/api/nothing").get_json()["errors"][0]["message"]
    wrong = client.get("/api/plan")
    assert wrong.status_code == 405 and "POST" in wrong.headers["Allow"]
    assert wrong.get_json()["errors"]
    missing = client.get("/nothing")
    assert missing.status_code == 404 and "text/html" in missing.headers["Content-Type"]


def test_a_failing_request_gets_500_and_the_app_keeps_serving(small_catalog: Catalog) -> None:
    calls = []

    def clock() -> date:
        calls.append(1)
        if len(calls) <= 2:
            raise RuntimeError("boom")
        return TODAY

    client = create_app(small_catalog, clock=clock).test_client()
    api = client.post("/api/plan", json=PROFILE)
    assert api.status_code == 500 and "report" in api.get_json()["errors"][0]["message"]
    page = client.post("/", data=form())
    assert page.status_code == 500 and "boom" not in page.get_data(as_text=True)
    assert_pdf_download(client.post("/api/plan", json=PROFILE))


# --- escaping and headers ----------------------------------------------------------------

def test_user_text_is_escaped_in_the_summary_and_the_error_page(client: FlaskClient) -> None:
    for response in (client.post("/", data=form(name=HOSTILE)),
                     client.post("/", data=form(name=HOSTILE, hours_per_week="0"))):
        html = response.get_data(as_text=True)
        assert "<script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Ω 李" in html


def test_download_file_name_is_safe_for_any_name(client: FlaskClient) -> None:
    header = client.post("/api/plan", json=dict(PROFILE, name=HOSTILE)
                         ).headers["Content-Disposition"]
    assert header.startswith('attachment; filename="script-alert-1-script.pdf"; ')
    assert header.endswith("filename*=UTF-8''script-alert-1-script-%CF%89-%E6%9D%8E.pdf")
    for name in ("../../etc/passwd", '..\\x"; evil', "李小龍", "José"):
        header = client.post("/api/plan", json=dict(PROFILE, name=name)
                             ).headers["Content-Disposition"]
        assert "../" not in header and "\\" not in header and header.count('"') == 2, header
        assert re.fullmatch(r'attachment; filename="[a-z0-9-]+\.pdf"'
                            r"(; filename\*=UTF-8''[A-Za-z0-9%-]+\.pdf)?", header), header


def test_content_disposition_ascii_fallbacks() -> None:
    assert content_disposition("jose.pdf") == 'attachment; filename="jose.pdf"'
    assert content_disposition("josé.md").startswith('attachment; filename="jose.md"; ')
    assert content_disposition("李小龍.ics").startswith('attachment; filename="study-plan.ics"')


@pytest.mark.parametrize("method, path", [("get", "/"), ("post", "/api/plan"),
                                          ("get", "/static/style.css"), ("get", "/nope")])
def test_security_headers_on_every_response(client: FlaskClient, method: str,
                                            path: str) -> None:
    response = getattr(client, method)(path, json=PROFILE) if method == "post" else \
        client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_pages_have_no_inline_script_style_or_handlers(client: FlaskClient) -> None:
    for response in (client.get("/"), client.post("/", data=form()),
                     client.post("/", data=form(name=""))):
        html = response.get_data(as_text=True)
        assert "<script" not in html and "<style" not in html and " style=" not in html
        assert not re.search(r"\son[a-z]+=", html)
        assert "http://" not in html and "https://" not in html  # no external assets


def test_stylesheet_is_served_and_responsive(client: FlaskClient) -> None:
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["Content-Type"].startswith("text/css")
    text = css.get_data(as_text=True)
    assert "@media" in text and ":focus-visible" in text and "url(" not in text


def test_the_real_catalog_serves_the_page_and_a_plan(catalog: Catalog) -> None:
    client = create_app(catalog, clock=lambda: TODAY).test_client()
    html = client.get("/").get_data(as_text=True)
    for section in {catalog.sections[i.section].title for i in catalog.items.values()}:
        assert f"<legend>{escape(section)}</legend>" in html
    assert_pdf_download(client.post("/api/plan", json=PROFILE))


# --- the real server -----------------------------------------------------------------------

def test_waitress_serves_concurrent_requests(small_catalog: Catalog) -> None:
    import waitress

    server = waitress.create_server(create_app(small_catalog, clock=lambda: TODAY),
                                    host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.effective_port}/api/plan"
    results: list[bytes] = []

    def fetch(n: int) -> None:
        body = json.dumps(dict(PROFILE, name=f"Person {n}")).encode()
        request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            results.append(response.read())

    try:
        workers = [threading.Thread(target=fetch, args=(n,)) for n in range(6)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=90)
    finally:
        server.close()
    assert len(results) == 6 and all(r.startswith(b"%PDF") for r in results)
