"""Route tests for the web page and POST /api/plan, through Flask's test client."""

from __future__ import annotations

import http.client
import json
import re
import select
import socket
import threading
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date

import pytest
import yaml
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape
from werkzeug.datastructures import MultiDict

from planner.catalog.model import Catalog
from planner.errors import sentence
from planner.profile.load import load_text
from planner.profile.questions import ASKED, LEVELS, check_hours
from planner.profile.validate import validate
from planner.web import create_app
from planner.web.downloads import content_disposition
from planner.web.fields import PAGE_HELP
from planner.web.formdata import hidden_fields, profile_data
from planner.web.placement import shipped
from planner.web.server import SERVER_BODY_LIMIT, create_server

TODAY = date(2026, 11, 25)  # a Wednesday: plans start Monday 2026-11-30
PROFILE = {
    "name": "Ada Lovelace",
    "goal": "llm-engineer",
    "hours_per_week": 8,
    "background": {"math": 2, "python": 2, "ml": 1},
}
FORM = {
    "name": "Ada Lovelace",
    "goal": "llm-engineer",
    "background.math": "2",
    "background.python": "2",
    "background.ml": "1",
    "hours_per_week": "8",
    "study_days": ["mon", "wed", "sat"],
    "formats": ["pdf", "json"],
}
HOSTILE = "<script>alert(1)</script> & Ω 李"
PLAN_KEYS = {
    "name",
    "goal",
    "hours_per_week",
    "start_date",
    "total_hours",
    "dropped",
    "skipped",
    "notes",
    "weeks",
}


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


def test_get_renders_every_question_from_the_definitions(
    client: FlaskClient, small_catalog: Catalog
) -> None:
    html = client.get("/").get_data(as_text=True)
    for q in ASKED:
        assert f'name="{q.key}"' in html, q.key
        assert escape(q.prompt) in html and escape(PAGE_HELP.get(q.key, q.help)) in html, q.key
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
    assert "<strong>Skipped</strong> (1 item): " in html  # completed -> skipped, with its reason
    assert "<li>Python basics</li>" in html
    assert 'formaction="/api/plan?format=pdf"' in html and "Download PDF" in html
    assert "Download JSON" in html and "Download Markdown" not in html  # not ticked
    assert '<input type="hidden" name="start_date" value="2026-11-30">' in html


def test_bad_form_shows_the_error_next_to_the_field_and_keeps_answers(
    client: FlaskClient, small_catalog: Catalog
) -> None:
    response = client.post("/", data=form(hours_per_week="lots", interests=["rag"]))
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    with pytest.raises(ValueError) as expected:
        check_hours("lots", small_catalog)
    assert error_of(html, "f-hours-per-week").endswith(escape(sentence(str(expected.value))))
    assert error_of(html, "f-hours-per-week").endswith(
        "&#34;lots&#34; is not a number; write a number of hours from 1 to 60."
    )
    assert re.search(
        r'id="f-hours-per-week" name="hours_per_week" type="number" value="lots"'
        r'[^>]*aria-describedby="f-hours-per-week-help f-hours-per-week-error"'
        r' aria-invalid="true"',
        html,
    )
    assert 'value="Ada Lovelace"' in html
    assert re.search(r'name="interests" type="checkbox" value="rag" checked', html)
    assert '<a href="#f-hours-per-week">' in html  # the summary links to the field


def test_every_problem_is_shown_at_once_in_sentences(client: FlaskClient) -> None:
    html = client.post("/", data=form(name=" ", weeks="2.5", hours_per_week="true")).get_data(
        as_text=True
    )
    assert error_of(html, "f-name").endswith("The name is empty; write it in any language.")
    assert error_of(html, "f-weeks").endswith(
        "2.5 is not a whole number; write a whole number of weeks from 1 to 520."
    )
    assert error_of(html, "f-hours-per-week").endswith(
        "&#34;true&#34; is not a number; write a number of hours from 1 to 60."
    )
    summary = re.search(r'<section class="error-summary".*?</section>', html, re.S).group(0)
    items = re.findall(r"</a>: (.*?)</li>", summary)
    assert len(items) == 3 and all(not i[0].islower() and i.endswith(".") for i in items), items
    assert "got " not in html and "True" not in html and "missing;" not in html


def test_optional_fields_left_empty_take_their_defaults(client: FlaskClient) -> None:
    html = client.post(
        "/", data=form(study_days=[], formats=[], weeks="", start_date="", interests=[])
    ).get_data(as_text=True)
    assert "Your plan, Ada Lovelace" in html and "Download PDF" in html
    assert '<input type="hidden" name="study_days"' not in html  # the default days
    page = client.get("/").get_data(as_text=True)
    assert "none means Monday, Wednesday and Saturday." in page
    assert "none ticked means the PDF." in page


def test_edit_refills_the_form_from_the_carried_answers(client: FlaskClient) -> None:
    carried = hidden_fields(dict(PROFILE, interests=["rag"], start_date="2027-01-04"))
    html = client.post("/edit", data=MultiDict(carried)).get_data(as_text=True)
    assert 'value="Ada Lovelace"' in html and 'value="2027-01-04"' in html
    assert re.search(r'name="interests" type="checkbox" value="rag" checked', html)


def test_hidden_fields_read_back_as_the_same_profile(small_catalog: Catalog) -> None:
    data = dict(
        PROFILE,
        name=HOSTILE,
        hours_per_week=7.5,
        weeks=12,
        start_date="2027-01-04",
        interests=["rag", "chatbots"],
        completed=["python-basics"],
        study_days=["tue", "sun"],
    )
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


@pytest.mark.parametrize(
    "content_type", ["application/yaml", "text/yaml", "application/x-yaml; charset=utf-8"]
)
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


def test_api_bad_profile_gets_422_with_the_clis_messages(
    client: FlaskClient, small_catalog: Catalog
) -> None:
    body = "name: Ada\ngoal: llm-enginer\nhours_per_week: lots\nbackground: {math: 2}\n"
    response = client.post("/api/plan", data=body, content_type="application/yaml")
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    expected = [p.as_json() for p in load_text(body, small_catalog, "x")[0].problems]
    assert errors == expected
    assert {
        "field": "hours_per_week",
        "line": 3,
        "column": 17,
        "fix": None,
        "message": "lots is not a number; write a number of hours from 1 to 60",
    } in errors
    assert {
        "field": "goal",
        "line": 2,
        "column": 7,
        "fix": "goal: llm-engineer",
        "message": "llm-enginer is not one of the goals (llm-applications, llm-engineer, "
        "llm-research) — did you mean llm-engineer?",
    } in errors


def test_api_bad_json_and_bad_form_get_422(client: FlaskClient) -> None:
    bad = client.post(
        "/api/plan", data='{"name": "Ada",\n "goal": }', content_type="application/json"
    )
    assert bad.status_code == 422 and bad.get_json()["errors"][0]["line"] == 2
    dup = client.post(
        "/api/plan", data='{"name": "A", "name": "B"}', content_type="application/json"
    )
    assert dup.get_json()["errors"][0]["field"] == "name"
    missing = client.post("/api/plan", data={"name": "Ada"})
    fields = {e["field"] for e in missing.get_json()["errors"]}
    assert missing.status_code == 422 and {"goal", "hours_per_week", "background"} <= fields
    stream = client.post(
        "/api/plan", data="name: a\n---\nname: b\n", content_type="application/yaml"
    )
    assert "one profile per request" in stream.get_json()["errors"][0]["message"]


@pytest.mark.parametrize(
    "body, content_type", [("[" * 30_000, "application/yaml"), ("[" * 30_000, "application/json")]
)
def test_api_deeply_nested_body_gets_422_not_500(
    client: FlaskClient, body: str, content_type: str
) -> None:
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


@pytest.mark.parametrize("content_type", [None, "application/x-www-form-urlencoded"])
def test_api_takes_yaml_without_its_content_type(
    client: FlaskClient, content_type: str | None
) -> None:
    """curl --data-binary @me.yaml (form fields by default), or no Content-Type at all."""
    body = yaml.safe_dump(PROFILE)
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post("/api/plan?format=json", data=body.encode(), headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["name"] == "Ada Lovelace"
    bad = client.post(
        "/api/plan",
        data=body.replace("goal: llm-engineer", "goal: engineer").encode(),
        headers=headers,
    )
    assert bad.status_code == 422 and bad.get_json()["errors"][0]["field"] == "goal"
    # form fields stay form fields, and a body that is neither is not guessed at
    fields = client.post(
        "/api/plan?format=json",
        data={k: str(v) for k, v in FORM.items() if k in ("name", "goal", "hours_per_week")}
        | {"background.math": "2", "background.python": "2", "background.ml": "1"},
    )
    assert fields.status_code == 200 and fields.get_json()["name"] == "Ada Lovelace"
    if content_type is None:
        assert client.post("/api/plan", data=b"just some text").status_code == 415


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
    for response in (
        client.post("/", data=form(name=HOSTILE)),
        client.post("/", data=form(name=HOSTILE, hours_per_week="0")),
    ):
        html = response.get_data(as_text=True)
        assert "<script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Ω 李" in html


def test_download_file_name_is_safe_for_any_name(client: FlaskClient) -> None:
    header = client.post("/api/plan", json=dict(PROFILE, name=HOSTILE)).headers[
        "Content-Disposition"
    ]
    assert header.startswith('attachment; filename="script-alert-1-script.pdf"; ')
    assert header.endswith("filename*=UTF-8''script-alert-1-script-%CF%89-%E6%9D%8E.pdf")
    for name in ("../../etc/passwd", '..\\x"; evil', "李小龍", "José"):
        header = client.post("/api/plan", json=dict(PROFILE, name=name)).headers[
            "Content-Disposition"
        ]
        assert "../" not in header and "\\" not in header and header.count('"') == 2, header
        assert re.fullmatch(
            r'attachment; filename="[a-z0-9-]+\.pdf"'
            r"(; filename\*=UTF-8''[A-Za-z0-9%-]+\.pdf)?",
            header,
        ), header


def test_content_disposition_ascii_fallbacks() -> None:
    assert content_disposition("jose.pdf") == 'attachment; filename="jose.pdf"'
    assert content_disposition("josé.md").startswith('attachment; filename="jose.md"; ')
    assert content_disposition("李小龍.ics").startswith('attachment; filename="study-plan.ics"')


@pytest.mark.parametrize(
    "method, path",
    [("get", "/"), ("post", "/api/plan"), ("get", "/static/style.css"), ("get", "/nope")],
)
def test_security_headers_on_every_response(client: FlaskClient, method: str, path: str) -> None:
    response = getattr(client, method)(path, json=PROFILE) if method == "post" else client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_pages_have_no_inline_script_style_or_handlers(client: FlaskClient) -> None:
    for response in (
        client.get("/"),
        client.post("/", data=form()),
        client.post("/", data=form(name="")),
    ):
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


@contextmanager
def serving(catalog: Catalog, threads: int) -> Iterator[int]:
    """The app on the real waitress server, as `studyplan serve` runs it; its port."""
    server = create_server(create_app(catalog, clock=lambda: TODAY), "127.0.0.1", 0, threads)
    closing = threading.Event()

    def run() -> None:
        try:
            server.run()
        except OSError:  # the loop finds its sockets closed under it: the end of a test
            if not closing.is_set():
                raise

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield int(server.effective_port)
    finally:
        closing.set()
        server.close()
        thread.join(timeout=30)


def test_waitress_serves_concurrent_requests(small_catalog: Catalog) -> None:
    with serving(small_catalog, 4) as port:
        results = fetch_in_parallel(f"http://127.0.0.1:{port}/api/plan")
    assert len(results) == 6 and all(r.startswith(b"%PDF") for r in results)


def fetch_in_parallel(url: str) -> list[bytes]:
    results: list[bytes] = []

    def fetch(n: int) -> None:
        body = json.dumps(dict(PROFILE, name=f"Person {n}")).encode()
        request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            results.append(response.read())

    workers = [threading.Thread(target=fetch, args=(n,)) for n in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=90)
    return results


@pytest.fixture(scope="module")
def live(small_catalog: Catalog) -> Iterator[int]:
    """One real server for the tests of this module that speak HTTP to it."""
    with serving(small_catalog, 2) as port:
        yield port


def raw_exchange(port: int, request: bytes, body_chunks: Iterable[bytes] = ()) -> bytes:
    """Send a request (and body chunks, until the server stops reading); the whole answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        for chunk in body_chunks:
            if select.select([sock], [], [], 0.05)[0]:
                break  # the server answered before reading it all: stop sending
            try:
                sock.sendall(chunk)
            except OSError:  # it closed meanwhile
                break
        answer = b""
        try:
            while data := sock.recv(65536):
                answer += data
        except ConnectionResetError:  # closed with our unread bytes: the answer came first
            pass
    return answer


@pytest.mark.parametrize("size", [70_000, SERVER_BODY_LIMIT + 1, 4 * SERVER_BODY_LIMIT])
def test_an_oversized_body_is_answered_by_the_app_as_json(live: int, size: int) -> None:
    """Below the server's limit the app refuses the body; above it waitress stops reading,
    and the app still writes the answer: the same JSON, with the app's headers."""
    head = (
        f"POST /api/plan HTTP/1.1\r\nHost: 127.0.0.1:{live}\r\nConnection: close\r\n"
        f"Content-Type: application/yaml\r\n"
        f"Content-Length: {size}\r\n\r\n"
    ).encode()
    chunks = (b"x" * 65536 for _ in range(size // 65536 + 1))
    answer = raw_exchange(live, head, chunks)
    header, _, body = answer.partition(b"\r\n\r\n")
    assert header.startswith(b"HTTP/1.1 413"), header
    assert b"Content-Type: application/json" in header
    assert b"Content-Security-Policy:" in header  # the app's headers: the app answered
    assert json.loads(body)["errors"][0]["message"].startswith("the request body is larger")


def test_a_12_mb_body_sent_whole_gets_the_413_not_a_reset(live: int) -> None:
    """A client that sends the whole body before it reads (as curl --data-binary does):
    the server reads and drops the rest, so the answer arrives instead of a reset."""
    size = 12 * 1024 * 1024
    head = (
        f"POST /api/plan HTTP/1.1\r\nHost: 127.0.0.1:{live}\r\n"
        f"Content-Type: application/yaml\r\nContent-Length: {size}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", live), timeout=60) as sock:
        sock.sendall(head + b"x" * size)  # raised ConnectionResetError before
        answer = b""
        while data := sock.recv(65536):
            answer += data
    header, _, body = answer.partition(b"\r\n\r\n")
    assert header.startswith(b"HTTP/1.1 413") and b"application/json" in header
    assert json.loads(body)["errors"][0]["message"].startswith("the request body is larger")


def test_a_chunked_body_over_the_limit_and_a_garbled_request_get_the_apps_answer(live: int) -> None:
    head = (
        b"POST /api/plan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    chunks = (
        b"%x\r\n" % 65536 + b"x" * 65536 + b"\r\n" for _ in range(SERVER_BODY_LIMIT // 65536 + 2)
    )
    header, _, body = raw_exchange(live, head, chunks).partition(b"\r\n\r\n")
    assert header.startswith(b"HTTP/1.1 413") and b"application/json" in header
    assert json.loads(body)["errors"]
    garbled = raw_exchange(live, b"GARBAGE\r\n\r\n")
    assert b" 400 " in garbled.split(b"\r\n")[0] and b"Content-Security-Policy:" in garbled


def test_the_favicon_is_served(client: FlaskClient) -> None:
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"
    assert icon.get_data().startswith(b"<svg")
    assert '<link rel="icon" href="/static/favicon.svg"' in client.get("/").get_data(as_text=True)


# --- the placement quiz ---------------------------------------------------------------------


def quiz_answers(catalog: Catalog, area: str, right: bool) -> dict[str, str]:
    quiz = shipped(catalog)
    assert quiz is not None
    return {f"quiz.{q.id}": str(q.answer if right else (q.answer + 1) % 4) for q in quiz[area]}


def test_the_quiz_on_the_page_offers_its_level_then_builds_the_plan(catalog: Catalog) -> None:
    client = create_app(catalog, clock=lambda: TODAY).test_client()
    page = client.get("/").get_data(as_text=True)
    quiz = shipped(catalog)
    assert quiz is not None
    for area in quiz.values():  # every question, every choice, "I don't know yet" last
        for q in area:
            assert escape(q.question.splitlines()[0]) in page
            assert all(escape(c) in page for c in q.choices)
    assert page.count("I don&#39;t know yet") == sum(map(len, quiz.values()))
    answers = form(**{"background.math": "0"}) | quiz_answers(catalog, "math", True)
    offered = client.post("/", data=answers)
    html = offered.get_data(as_text=True)
    assert offered.status_code == 200 and "The placement quiz" in html
    notice = (
        "The quiz suggests Math level 4 · graduate; you rated yourself 0 · none. "
        "The quiz&#39;s level is chosen now; choose another if you prefer."
    )
    assert f'<p class="notice" id="f-background-math-notice">{notice}</p>' in html
    assert re.search(r'name="background.math" type="radio" value="4" checked', html)
    assert html.count('<p class="feedback">Right. ') == len(quiz["math"])
    assert '<input type="hidden" name="quiz-scored" value="1">' in html
    # the person keeps the quiz's level: the next press makes the plan
    built = client.post("/", data=answers | {"background.math": "4", "quiz-scored": "1"})
    assert "Your plan, Ada Lovelace" in built.get_data(as_text=True)


def test_a_quiz_that_agrees_or_is_left_blank_goes_straight_to_the_plan(catalog: Catalog) -> None:
    client = create_app(catalog, clock=lambda: TODAY).test_client()
    wrong = form(**{"background.python": "0"}) | quiz_answers(catalog, "python", False)
    assert "Your plan," in client.post("/", data=wrong).get_data(as_text=True)
    assert "Your plan," in client.post("/", data=form()).get_data(as_text=True)


def test_a_half_answered_area_is_not_scored_and_says_so(catalog: Catalog) -> None:
    client = create_app(catalog, clock=lambda: TODAY).test_client()
    half = dict(list(quiz_answers(catalog, "ml", False).items())[:3])
    html = client.post("/", data=form() | half).get_data(as_text=True)
    assert (
        "Machine learning: 3 of 7 quiz questions answered, so the quiz did not score this area;"
    ) in html
    assert re.search(r'name="background.ml" type="radio" value="1" checked', html)  # kept
    again = client.post("/", data=form() | half | {"quiz-scored": "1"})
    assert "Your plan," in again.get_data(as_text=True)


@pytest.mark.parametrize("hours", ["1", "8"])
def test_reasons_show_titles_once_each_in_good_grammar(catalog: Catalog, hours: str) -> None:
    client = create_app(catalog, clock=lambda: TODAY).test_client()
    html = client.post(
        "/",
        data=form(hours_per_week=hours, interests=["chatbots", "rag"], completed=["python-basics"]),
    ).get_data(as_text=True)
    why = re.search(r'<h2 id="why">.*?</ul>', html, re.S).group(0)
    reasons = re.findall(r"<li>(.*?)</li>", why)
    assert len(reasons) == len(set(reasons)) > 3
    assert sum("spaced" in r.lower() for r in reasons) <= 1
    assert "chatbots, rag" not in why and "python-basics" not in why
    assert escape(catalog.interests["rag"].title) in why
    assert escape(catalog.items["python-basics"].title) in why
    assert "1 hours" not in html


def test_a_long_plan_says_so_at_the_top_and_left_out_reasons_come_once(catalog: Catalog) -> None:
    client = create_app(catalog, clock=lambda: TODAY).test_client()
    slow = form(hours_per_week="6", **{"background.math": "1"})
    html = client.post("/", data=slow).get_data(as_text=True)
    top = html.index('id="plan-length"')
    assert top < html.index('id="why"') and top < html.index("<dl")
    box = html[top : html.index("</section>", top)]
    assert "This plan is long: " in box and "Shorter: " in box and "hours a week takes" in box
    left = html[html.index('id="left-out"') :].split("</section>")[0]
    reasons = re.findall(
        r"<li><strong>(?:Dropped|Skipped)</strong> \((\d+) items?\): (.*?)\n", left
    )
    assert reasons and len({r for _n, r in reasons}) == len(reasons)  # each reason once
    assert sum(int(n) for n, _r in reasons) == left.count("<li>") - len(reasons)
    quick = client.post("/", data=form(hours_per_week="20")).get_data(as_text=True)
    assert 'id="plan-length"' not in quick  # a plan within a year says nothing of its length


# --- the page answers itself only (cross-site requests, DNS rebinding) ---------------------


def exchange(
    port: int, method: str, path: str, headers: dict[str, str], body: bytes = b""
) -> tuple[int, str, bytes]:
    """A real HTTP request with exactly these headers (Host included): status, type, body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.putheader("Content-Length", str(len(body)))
        connection.putheader("Connection", "close")  # the server closes too: a clean stop
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("127.0.0.1:{port}", 200),
        ("localhost:{port}", 200),
        ("[::1]:{port}", 200),
        ("LOCALHOST:{port}", 200),
        ("evil.example:{port}", 403),  # DNS rebinding: a name that points at 127.0.0.1
        ("evil.example", 403),
        ("127.0.0.1.evil.example:{port}", 403),
        ("127.0.0.1:{other}", 403),
        ("127.0.0.1:port", 403),
    ],
)
def test_the_page_answers_only_at_its_own_address(live: int, host: str, status: int) -> None:
    header = host.format(port=live, other=live + 1)
    got, kind, body = exchange(live, "GET", "/", {"Host": header})
    assert got == status
    if status == 403:
        assert kind.startswith("text/html")
        assert "only at its own address" in body.decode()
        got, kind, body = exchange(
            live,
            "POST",
            "/api/plan",
            {"Host": header, "Content-Type": "application/json"},
            json.dumps(PROFILE).encode(),
        )
        assert got == 403 and kind == "application/json"
        assert json.loads(body)["errors"][0]["message"].startswith("this page answers only")


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 200),  # curl, a script: no browser, no site behind it
        ({"Origin": "http://127.0.0.1:{port}"}, 200),
        ({"Origin": "http://localhost:{port}"}, 200),
        ({"Referer": "http://127.0.0.1:{port}/"}, 200),
        ({"Origin": "https://evil.example"}, 403),
        ({"Origin": "null"}, 403),  # a sandboxed frame or a file
        ({"Origin": "http://127.0.0.1:{other}"}, 403),  # another local service
        ({"Origin": "http://127.0.0.1"}, 403),  # port 80 is another origin
        ({"Referer": "https://evil.example/page"}, 403),
        ({"Origin": "https://evil.example", "Referer": "http://127.0.0.1:{port}/"}, 403),
    ],
)
def test_a_post_from_another_site_gets_403_in_json(
    live: int, headers: dict[str, str], status: int
) -> None:
    sent = {name: value.format(port=live, other=live + 1) for name, value in headers.items()}
    sent |= {"Host": f"127.0.0.1:{live}", "Content-Type": "application/json"}
    got, kind, body = exchange(live, "POST", "/api/plan", sent, json.dumps(PROFILE).encode())
    assert got == status, body[:300]
    if status == 200:
        assert body.startswith(b"%PDF")
    else:
        assert kind == "application/json"
        assert "another site may not send it a profile" in json.loads(body)["errors"][0]["message"]
        form_sent = sent | {"Content-Type": "application/x-www-form-urlencoded"}
        got, kind, body = exchange(live, "POST", "/", form_sent, b"name=Ada&goal=llm-engineer")
        assert got == 403 and kind == "application/json"  # the form page too


def test_a_refused_header_is_quoted_short(live: int) -> None:
    origin = "https://" + "a" * 5000 + ".example"
    got, _kind, body = exchange(
        live, "POST", "/api/plan", {"Host": f"127.0.0.1:{live}", "Origin": origin}
    )
    message = json.loads(body)["errors"][0]["message"]
    assert got == 403 and len(message) < 200


@pytest.mark.parametrize(
    "body", ['{"name": "\\ud800", "goal": "llm-engineer"}', '{"name": "Ada \\udfff x"}']
)
def test_a_lone_surrogate_in_a_json_name_is_a_clear_422(client: FlaskClient, body: str) -> None:
    full = json.loads(body) | {k: v for k, v in PROFILE.items() if k != "name"}
    text = json.dumps(full)  # keeps the \\udXXX escape: no real character can carry it
    assert "\\ud" in text
    response = client.post("/api/plan", data=text, content_type="application/json")
    assert response.status_code == 422
    [error] = response.get_json()["errors"]
    assert error["field"] == "name" and "surrogate" in error["message"]


def test_the_date_field_is_a_date_picker_and_its_hint_says_a_date(client: FlaskClient) -> None:
    html = client.get("/").get_data(as_text=True)
    field = re.search(r'<input id="f-start-date"[^>]*>', html)
    assert field and 'type="date"' in field.group(0)
    hint = re.search(r'<p class="help" id="f-start-date-help">(.*?)</p>', html, re.S)
    assert hint and hint.group(1).startswith("A date; empty means the coming Monday.")
    assert "YYYY-MM-DD" not in hint.group(1)  # the browser shows its own format
