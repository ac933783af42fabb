"""The page form's wire format: form fields -> profile data, and a profile -> hidden fields.

Values stay strings unless they read cleanly as the question's type, so a bad value
reaches the shared validators unchanged and gets the same message as in a YAML file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from planner.profile.questions import ASKED

LIST_KINDS = ("multi", "days")


class FormLike(Protocol):
    """What Werkzeug's MultiDict offers: every value given for a name, in order."""

    def getlist(self, key: str) -> list[str]: ...

    def __contains__(self, key: object) -> bool: ...


def profile_data(form: FormLike, whole_form: bool = False) -> dict[str, Any]:
    """Profile data (as a YAML file would hold it) from form fields.

    whole_form: the page's own form, where an unticked checkbox group means an empty list;
    elsewhere (the API) a missing field means the profile leaves it out.
    """
    data: dict[str, Any] = {}
    background: dict[str, Any] = {}
    for question in ASKED:
        key = question.key
        if question.kind in LIST_KINDS:
            values = [v.strip() for v in form.getlist(key) if v.strip()]
            if values or whole_form:
                data[key] = values
            continue
        raw = (form.getlist(key) or [""])[0].strip()
        if key not in form or (not raw and not question.required):
            continue
        value = _typed(raw, question.kind)
        if key.startswith("background."):
            background[key.split(".", 1)[1]] = value
        else:
            data[key] = value
    if background:
        data["background"] = background
    return data


def _typed(raw: str, kind: str) -> Any:
    """The value as its question's type when it reads cleanly, else the text unchanged."""
    if kind in ("level", "integer", "number"):
        try:
            number = float(raw)
        except ValueError:
            return raw
        return int(number) if number.is_integer() else number
    return raw


def hidden_fields(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(name, value) pairs that profile_data() reads back into the same profile data."""
    pairs: list[tuple[str, str]] = []
    for question in ASKED:
        key = question.key
        if key.startswith("background."):
            value = data.get("background", {}).get(key.split(".", 1)[1])
        else:
            value = data.get(key)
        if value is None:
            continue
        values: Iterable[Any] = value if question.kind in LIST_KINDS else [value]
        pairs += [(key, str(v)) for v in values]
    return pairs
