"""Hostile bodies for POST /api/plan: the same limits as profile files, answered 422 in JSON
(the real app, through Flask's test client)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from flask.testing import FlaskClient

from planner.web import create_app
from tests.hostile.make_corpus import PROFILE_CASES

PROFILE: dict[str, Any] = {
    "name": "Ada",
    "goal": "llm-engineer",
    "hours_per_week": 8,
    "background": {"math": 1, "python": 1, "ml": 1},
}
DIGITS = "9" * 5000


@pytest.fixture(scope="module")
def client() -> FlaskClient:
    return create_app(clock=lambda: date(2027, 1, 4)).test_client()


def post_json(client: FlaskClient, body: str) -> tuple[int, list[dict[str, Any]]]:
    response = client.post("/api/plan?format=json", data=body, content_type="application/json")
    return response.status_code, response.get_json().get("errors", [])


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("hours_per_week", DIGITS, "a number of 5,000 digits is too large"),
        ("weeks", "-" + DIGITS, "-a number of 5,000 digits is too small"),
        ("start_date", '"9999-12-27"', "is too late; write a date from 2000-01-01 to 2099-12-31"),
        ("start_date", '"0001-01-01"', "is too early; write a date from 2000-01-01"),
        ("name", '"Ada \\ud800"', "holds a lone surrogate (\\ud800)"),
        ("completed", '["\\udc00"]', "holds a lone surrogate (\\udc00)"),
    ],
)
def test_a_json_body_out_of_range_is_422_with_the_allowed_range(
    client: FlaskClient, field: str, value: str, said: str
) -> None:
    others = {k: v for k, v in PROFILE.items() if k != field}
    body = json.dumps(others)[:-1] + f', "{field}": {value}}}'
    status, errors = post_json(client, body)
    assert status == 422 and errors[0]["field"] == field
    assert said in errors[0]["message"]
    assert len(errors[0]["message"]) < 200


def test_a_key_with_half_a_character_is_a_422(client: FlaskClient) -> None:
    status, errors = post_json(client, json.dumps(PROFILE)[:-1] + ', "\\udc00x": 1}')
    assert status == 422 and "lone surrogate (\\udc00)" in errors[0]["message"]


@pytest.mark.parametrize(
    "case",
    ["alias-bomb.yaml", "int-hours.yaml", "year-9999.yaml", "deep-flow.yaml", "alias-loop.yaml"],
)
def test_a_hostile_yaml_body_gets_the_file_message(
    client: FlaskClient, case: str, tmp_path: Any
) -> None:
    PROFILE_CASES[case](tmp_path / case)
    body = (tmp_path / case).read_bytes()
    response = client.post("/api/plan", data=body, content_type="application/yaml")
    assert response.status_code == 422
    message = response.get_json()["errors"][0]["message"]
    assert "Traceback" not in message and len(message) < 200


def test_a_yaml_body_of_many_keys_gets_the_key_limit(client: FlaskClient) -> None:
    body = "".join(f"k{n}: 1\n" for n in range(2000))
    response = client.post("/api/plan", data=body, content_type="application/yaml")
    assert response.status_code == 422
    assert "more than 1,000 keys" in response.get_json()["errors"][0]["message"]
