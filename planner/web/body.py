"""A request's body for POST /api/plan: bounded, decoded, and what it holds (JSON, YAML or
form fields), sniffed from the text when the client did not say: `curl --data-binary
@me.yaml` sends YAML as form fields, a client without a Content-Type sends nothing."""

from __future__ import annotations

import json
from typing import Any

from flask import abort, request

from planner.errors import Problem
from planner.profile.questions import TOP_KEYS
from planner.web.context import MAX_BODY
from planner.yamlsource import bounded_int, load_documents

SOURCE = "<request>"
JSON_TYPES = ("application/json",)
YAML_TYPES = ("application/yaml", "text/yaml", "application/x-yaml")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# a client that did not say, or said what curl says by default: the text decides
SNIFFED = ("", "application/x-www-form-urlencoded")


def body_kind() -> str:
    """json, yaml or form: the Content-Type's word, or, where it says nothing sure, a body
    that reads as a YAML mapping with profile fields is YAML (JSON is YAML too)."""
    mimetype = request.mimetype
    if mimetype not in (*JSON_TYPES, *YAML_TYPES, *FORM_TYPES, *SNIFFED):
        abort(415)
    if request.content_length is not None and request.content_length > MAX_BODY:
        abort(413)
    if mimetype in JSON_TYPES:
        return "json"
    if mimetype in YAML_TYPES:
        return "yaml"
    if mimetype in SNIFFED:
        text, problems = body_text()  # kept: form fields are then read from the same bytes
        if not problems and _reads_as_a_profile(text):
            return "yaml"
    if mimetype in FORM_TYPES:
        return "form"
    abort(415)


def _reads_as_a_profile(text: str) -> bool:
    documents = load_documents(text, SOURCE)  # bounded: the profile files' own limits
    first = documents[0] if documents else None
    return bool(
        first is not None
        and not first.problems
        and isinstance(first.data, dict)
        and set(map(str, first.data)) & set(TOP_KEYS)
    )


def body_text() -> tuple[str, list[Problem]]:
    """The body as text; kept, so form fields can still be read from it."""
    # Flask stops a body past MAX_CONTENT_LENGTH (the same bound) with a 413, one without
    # a Content-Length too
    body = request.get_data(cache=True)
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


def json_data(text: str) -> tuple[Any, list[Problem]]:
    """The JSON body's data, or why it cannot be read; strings must be real text."""
    try:
        # a number of thousands of digits is "too large" for its field, not a crash
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_int=bounded_int)
    except json.JSONDecodeError as exc:
        return None, [
            Problem(f"not valid JSON: {exc.msg} (column {exc.colno})", SOURCE, exc.lineno)
        ]
    except _DuplicateKey as exc:
        return None, [Problem("duplicate key; each field may appear once", SOURCE, field=str(exc))]
    except RecursionError:
        return None, [Problem("not a profile: nested too deeply", SOURCE)]
    return data, _lone_surrogates(data)


def _lone_surrogates(data: Any) -> list[Problem]:
    """JSON's \\ud800 escapes make strings no UTF-8 can carry: named as a problem here, before
    they reach a validator or a renderer that would fail on them."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        field, value = stack.pop()
        if isinstance(value, dict):
            stack += [(f"{field}.{k}" if field else str(k), v) for k, v in value.items()]
            stack += [(field, k) for k in value]
        elif isinstance(value, list):
            stack += [(field, v) for v in value]
        elif isinstance(value, str) and (lone := [c for c in value if "\ud800" <= c <= "\udfff"]):
            return [
                Problem(
                    f"holds a lone surrogate (\\u{ord(lone[0]):04x}), half of a character that "
                    "cannot stand alone; send the text as UTF-8",
                    SOURCE,
                    field=field or None,
                )
            ]
    return []
