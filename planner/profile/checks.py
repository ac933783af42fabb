"""The kinds of check a profile question makes, each saying in plain words what is wrong.

A message may hold {written}: the value as the person wrote it, filled in by whoever knows
(the YAML source text, else how the value reads). An Invalid may carry a replacement for the
value (or for one entry of a list), from which a fixed line is made.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from difflib import get_close_matches
from typing import Any

from planner.errors import excerpt, visible

WRITTEN = "{written}"
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
SURROGATE = re.compile("[\ud800-\udfff]")  # half of a character: JSON's or YAML's "\ud800"
DATE_PARTS = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)$")
SEPARATORS = re.compile(r"[\s_\-]+")


class Invalid(ValueError):
    """A value a question does not accept; the message says what is wrong and what is allowed."""

    def __init__(
        self,
        message: str,
        value: Any = None,
        replacement: str | None = None,
        index: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.value = value
        self.replacement = replacement  # the corrected value's text; may hold {written}
        self.index = index  # which entry of a list is wrong

    def render(self, written: str | None = None) -> str:
        """The message with the value as written (or, unknown, as it reads)."""
        return self.message.replace(
            WRITTEN, excerpt(written) if written is not None else show(self.value)
        )

    def fixed(self, written: str) -> str | None:
        """The corrected text for a value written as written, when there is one."""
        return None if self.replacement is None else self.replacement.replace(WRITTEN, written)

    def __str__(self) -> str:
        return self.render()


def show(value: Any) -> str:
    """How a value reads to a person: text in quotes, yes/no as true/false, 8.0 as 8."""
    if isinstance(value, str):
        text = f'"{visible(value)}"'
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif value is None:
        text = "nothing"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, Mapping):
        text = "a mapping"
    elif isinstance(value, list | tuple):
        text = "[" + ", ".join(show(v).strip('"') for v in value) + "]"
    else:
        text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _normal(text: str) -> str:
    return SEPARATORS.sub("-", text.strip().lower())


def nearest(
    value: Any,
    options: Sequence[str],
    titles: Mapping[str, str] | None = None,
) -> str | None:
    """The option value most likely means: the same ignoring case, spaces, _ and -, or the
    option whose title it is, or the closest spelling."""
    if not isinstance(value, str) or not value.strip():
        return None
    wanted = _normal(value)
    normal = {_normal(o): o for o in options}
    if wanted in normal:
        return normal[wanted]
    for option, title in (titles or {}).items():
        if _normal(title) == wanted:
            return option
    match = get_close_matches(wanted, list(normal), n=1, cutoff=0.6)
    return normal[match[0]] if match else None


def did_you_mean(match: str | None) -> str:
    return f" — did you mean {match}?" if match else ""


def reads_as(value: Any) -> str | None:
    """What YAML made of an unquoted value that was meant as text, or None for text."""
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, date):
        return "a date"
    return None


Check = Callable[[Any, Any], Any]  # (value, catalog) -> the clean value, or Invalid


def text_check(what: str, limits: tuple[int, int]) -> Check:
    """Any text (NFC, stripped) of limits characters, without control characters."""

    def check(value: Any, _catalog: Any) -> str:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise Invalid(f"the {what} is empty; write it in any language")
        if reads_as(value):
            raise Invalid(
                f"{WRITTEN} is read as {reads_as(value)}, not as text; put the {what} in quotes",
                value,
                f'"{WRITTEN}"',
            )
        if not isinstance(value, str):
            raise Invalid(f"the {what} must be text, not {show(value)}", value)
        if SURROGATE.search(value):
            raise Invalid(
                f"the {what} holds half of a character (an escape such as \\ud800 without "
                "its pair); write the character itself",
                value,
            )
        text = unicodedata.normalize("NFC", value).strip()
        if CONTROL.search(text):
            raise Invalid(
                f"the {what} must not hold control characters such as tabs or line breaks", value
            )
        if len(text) > limits[1]:
            raise Invalid(
                f"the {what} is {len(text)} characters long; at most {limits[1]} fit", value
            )
        return text

    return check


def _quoted_number(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and NUMBER.match(value.strip()) else None


def number_check(
    bounds: tuple[int, int], unit: str = "", whole: bool = False, names: str = ""
) -> Check:
    """A number (a whole one when whole) from bounds[0] to bounds[1]; names lists what each
    value means, for levels."""
    kind = "whole number" if whole else "number"
    allowed = (
        f"write a {kind}{f' of {unit}' if unit else ''} from {bounds[0]} to {bounds[1]}"
        f"{f' ({names})' if names else ''}"
    )

    def check(value: Any, _catalog: Any) -> float | int:
        if _quoted_number(value) is not None:
            raise Invalid(
                f"{WRITTEN} is text because of the quotes; write the number without them",
                value,
                _quoted_number(value),
            )
        if isinstance(value, bool):
            raise Invalid(f"{WRITTEN} is read as a yes/no value, not a number; {allowed}", value)
        if not isinstance(value, int | float) or math.isnan(value):
            raise Invalid(f"{WRITTEN} is not a number; {allowed}", value)
        if whole and not float(value).is_integer():
            raise Invalid(f"{WRITTEN} is not a whole number; {allowed}", value)
        if not bounds[0] <= value <= bounds[1]:
            side = "small" if value < bounds[0] else "large"
            raise Invalid(f"{WRITTEN} is too {side}; {allowed}", value)
        return int(value) if whole else float(value)

    return check


def date_check(value: Any, _catalog: Any = None) -> date:
    """A real date, written YYYY-MM-DD."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = value.strip() if isinstance(value, str) else None
    parts = DATE_PARTS.match(text) if text else None
    if text and parts:
        year, month, day = (int(p) for p in parts.groups())
        if not 1 <= month <= 12:
            raise Invalid(f"{WRITTEN} is not a date: there is no month {month}", value)
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            raise Invalid(
                f"{WRITTEN} is not a date: {calendar.month_name[month]} {year} has {days} days",
                value,
            )
        real = date(year, month, day)
        if text != real.isoformat():
            raise Invalid(
                f"write the date as YYYY-MM-DD, with two digits for the month and "
                f"the day: {real.isoformat()}",
                value,
                real.isoformat(),
            )
        return real
    raise Invalid(f"{WRITTEN} is not a date; write it as YYYY-MM-DD, e.g. 2027-01-04", value)


def date_range_check(bounds: tuple[date, date]) -> Check:
    """A real date (as date_check) from bounds[0] to bounds[1]."""

    def check(value: Any, _catalog: Any = None) -> date:
        real = date_check(value)
        if not bounds[0] <= real <= bounds[1]:
            side = "early" if real < bounds[0] else "late"
            raise Invalid(
                f"{WRITTEN} is too {side}; write a date from {bounds[0]} to {bounds[1]}", value
            )
        return real

    return check


def choice_check(
    what: str,
    options: Callable[[Any], Sequence[str]],
    titles: Callable[[Any], Mapping[str, str]] = lambda _c: {},
) -> Check:
    """One of options(catalog), matched exactly."""

    def check(value: Any, catalog: Any) -> str:
        allowed = list(options(catalog))
        if isinstance(value, str) and value in allowed:
            return value
        match = nearest(value, allowed, titles(catalog))
        raise Invalid(
            f"{WRITTEN} is not one of the {what}s ({', '.join(allowed)}){did_you_mean(match)}",
            value,
            match,
        )

    return check


def id_list_check(
    what: str,
    options: Callable[[Any], Sequence[str]],
    resolve: Callable[[Any, str], str | None] | None = None,
    titles: Callable[[Any], Mapping[str, str]] = lambda _c: {},
) -> Check:
    """A list of ids of options(catalog) (resolve maps old ids to current ones), each once."""

    def check(value: Any, catalog: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        allowed = list(options(catalog))
        if isinstance(value, str):
            raise Invalid(
                f"{WRITTEN} is one value, not a list; write the list in brackets",
                value,
                f"[{WRITTEN}]",
            )
        if not isinstance(value, list | tuple):
            raise Invalid(
                f"{WRITTEN} is not a list of {what}s; write them in brackets, e.g. "
                f"[{', '.join(allowed[:2])}]",
                value,
            )
        out: list[str] = []
        for index, entry in enumerate(value):
            current = (
                resolve(catalog, entry)
                if resolve and isinstance(entry, str)
                else (entry if entry in allowed else None)
            )
            if current is None:
                match = nearest(entry, allowed, titles(catalog))
                hint = did_you_mean(match) or f"; `studyplan schema` lists the {what}s"
                raise Invalid(f"{WRITTEN} is not a known {what}{hint}", entry, match, index)
            if current not in out:
                out.append(current)
        return tuple(out)

    return check
