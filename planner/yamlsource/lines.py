"""Reading and mending single lines of YAML source: indentation, keys, values, quotes."""

from __future__ import annotations

import re

LINE_BREAK = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")  # YAML's line breaks, no others
KEY = re.compile(
    r"^(?P<lead>[ \t]*(?:-[ \t]+)*)"  # indentation, list dashes
    r"(?P<key>[^\s:#'\"\[\]{},][^:#]*?)[ \t]*:(?=[ \t]|$)"
)
FLOW_START = "[{,"  # a quote right after one of these opens a quoted value
BLOCK_START = ":-"  # ... and after one of these and a space


def split_lines(text: str) -> tuple[str, ...]:
    """The lines of a YAML text, split where YAML breaks lines."""
    return tuple(LINE_BREAK.split(text))


def indent(line: str) -> int:
    """How many spaces start the line."""
    return len(line) - len(line.lstrip(" "))


def is_content(line: str) -> bool:
    """Not blank and not only a comment."""
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def previous_content(lines: tuple[str, ...], index: int) -> int | None:
    """The 0-based index of the nearest line above index that holds something."""
    return next((i for i in range(index - 1, -1, -1) if is_content(lines[i])), None)


def key_of(line: str) -> tuple[str, int, int] | None:
    """(key, its 0-based column, the 0-based column just past its colon) for `key: ...`."""
    match = KEY.match(line)
    if match is None:
        return None
    return match.group("key"), match.start("key"), match.end()


def value_start(line: str) -> int | None:
    """The 0-based column where the value of `key: value` (or `- value`) begins."""
    found = key_of(line)
    if found is not None:
        after = found[2]
    elif line.lstrip(" ").startswith("- "):
        after = indent(line) + 2
    else:
        return None
    start = after + len(line[after:]) - len(line[after:].lstrip(" \t"))
    return start if start < len(without_comment(line)) else None


def quote_scan(line: str) -> tuple[int | None, int]:
    """(column of a quote opened and never closed on the line, or None; where a comment
    starts, or the line's length), reading quotes the way YAML does."""
    opened: int | None = None
    quote = ""
    i = 0
    while i < len(line):
        char = line[i]
        if quote == '"' and char == "\\":
            i += 2
            continue
        if quote and char == quote:
            if quote == "'" and line[i + 1 : i + 2] == "'":
                i += 2
                continue
            quote, opened = "", None
        elif not quote and char in "\"'" and _starts_value(line, i):
            quote, opened = char, i
        elif not quote and char == "#" and (i == 0 or line[i - 1] in " \t"):
            return None, i
        i += 1
    return opened, len(line)


def _starts_value(line: str, at: int) -> bool:
    """True when a value starts at column at (a quote there opens a quoted value)."""
    before = line[:at].rstrip(" \t")
    if not before or before[-1] in FLOW_START:
        return True
    return (
        before[-1] in BLOCK_START
        and len(before) < at
        and (before[-1] == ":" or before.lstrip(" \t-") == "")
    )


def without_comment(line: str) -> str:
    """The line without a trailing comment, and without trailing spaces."""
    return line[: quote_scan(line)[1]].rstrip()


def opens_block(line: str) -> bool:
    """True for `key:` with nothing after it: the lines below, indented, hold its value."""
    return without_comment(line).endswith(":")


def quoted(text: str) -> str:
    """text as a quoted YAML value that reads back as exactly text."""
    if '"' in text or "\\" in text:
        return "'" + text.replace("'", "''") + "'"
    return f'"{text}"'


def quote_value(line: str, start: int) -> str:
    """The line with its value, from column start to any comment, put in quotes."""
    end = quote_scan(line)[1]
    value = line[start:end].rstrip()
    return line[:start] + quoted(value) + line[start + len(value) :]


def replace_at(line: str, start: int, old: str, new: str) -> str:
    """The line with old, found at column start, replaced by new."""
    if line[start : start + len(old)] != old:
        return line
    return line[:start] + new + line[start + len(old) :]


def reindented(line: str, spaces: int) -> str:
    """The line's text with exactly this many spaces (and no tabs) before it."""
    return " " * spaces + line.lstrip(" \t")
