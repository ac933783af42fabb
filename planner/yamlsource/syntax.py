"""YAML syntax errors in plain words: where, what went wrong, and the line corrected.

PyYAML (and libyaml, whose wording differs) report where parsing stopped, which is often a
line after the mistake and always in parser terms. Each diagnosis here looks at the source
text around that place, recognises one mistake beginners make, and says it in their terms,
with a fix that keeps their own text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import yaml

from planner.errors import TAB_MARK, Problem, excerpt
from planner.yamlsource.bounded import LIMITS, too_deep
from planner.yamlsource.lines import (
    indent,
    is_content,
    key_of,
    opens_block,
    previous_content,
    quote_scan,
    quote_value,
    reindented,
    value_start,
    without_comment,
)

TOO_DEEP = too_deep(LIMITS.depth)  # libyaml stops at 1,000 levels, the composer at the limit
RESERVED = {
    "@": "YAML reserves @",
    "`": "YAML reserves `",
    "%": "% starts a YAML directive",
    "*": "* refers to a YAML anchor",
    "&": "& names a YAML anchor",
    "|": "| starts a block of text",
    ">": "> starts a block of text",
    "!": "! starts a YAML tag",
}


@dataclass(frozen=True)
class Failure:
    """What the parser reported: its wording and its marks (0-based), and the source."""

    problem: str
    context: str
    line: int
    column: int
    context_line: int | None
    context_column: int | None
    lines: tuple[str, ...]

    def text(self, index: int) -> str:
        return self.lines[index] if 0 <= index < len(self.lines) else ""


Diagnosis = tuple[str, int, int, str | None]  # message, 0-based line and column, fixed line


def explain(exc: yaml.MarkedYAMLError, lines: tuple[str, ...], filename: str) -> Problem:
    """The parser's error as a Problem in plain words, with the line quoted and a fix."""
    mark, context = exc.problem_mark or exc.context_mark, exc.context_mark
    failure = Failure(
        excerpt(exc.problem or ""),  # may name an anchor or a tag of any length
        excerpt(exc.context or ""),
        mark.line if mark else 0,
        mark.column if mark else 0,
        context.line if context else None,
        context.column if context else None,
        lines,
    )
    for diagnose in DIAGNOSES:
        found = diagnose(failure)
        if found is not None:
            break
    else:
        found = _unexplained(failure)
    message, line, column, fix = found
    quoted = lines[line] if line < len(lines) else None
    return Problem(message, filename, line + 1, None, column + 1, quoted, fix)


def _tab(f: Failure) -> Diagnosis | None:
    """A tab in the indentation (libyaml and PyYAML both stop at it)."""
    for index in (f.line, f.context_line):
        if index is None:
            continue
        line = f.text(index)
        lead = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in lead:
            return (
                f"line {index + 1} is indented with a tab ({TAB_MARK} marks it); "
                "YAML indents with spaces only, so replace the tab with spaces",
                index,
                lead.index("\t"),
                reindented(line, _wanted_indent(f.lines, index)),
            )
    return None


def _wanted_indent(lines: tuple[str, ...], index: int) -> int:
    """The indentation a line most likely means: one step in after `key:`, else as above."""
    above = previous_content(lines, index)
    if above is None:
        return 0
    line = lines[above].expandtabs(2)
    return indent(line) + 2 if opens_block(line) else indent(line)


def _unclosed_quote(f: Failure) -> Diagnosis | None:
    """A quote opened and not closed on its line: the text runs on to the end of the file."""
    last = f.line if "quoted scalar" not in f.context else f.context_line or f.line
    for index in range(min(last, len(f.lines) - 1) + 1):
        line = f.text(index)
        opened, _ = quote_scan(line)
        if opened is not None:
            quote = line[opened]
            return (
                f"the quote {quote} opened here is never closed; end the text with "
                f"{quote} on the same line",
                index,
                opened,
                line.rstrip() + quote,
            )
    return None


def _bracket(f: Failure) -> Diagnosis | None:
    """A [ or { left open, or closed with the wrong bracket."""
    if "flow" not in f.context or f.context_line is None or f.context_column is None:
        return None
    index, column = f.context_line, f.context_column
    line = f.text(index)
    opening = line[column : column + 1]
    closing = {"[": "]", "{": "}"}.get(opening)
    if closing is None:
        return None
    what = "list" if opening == "[" else "mapping"
    found = f.text(f.line)[f.column : f.column + 1]
    if f.line == index and found in "]}" and found:
        fixed = line[: f.column] + closing + line[f.column + 1 :]
        return (
            f"this {what} opened with {opening} must end with {closing}, not {found}",
            f.line,
            f.column,
            fixed,
        )
    body = without_comment(line)
    fixed = body.rstrip(", ") + closing + line[len(body) :]
    return (
        f"the {opening} opened here is never closed; end the {what} with {closing} on "
        "the same line",
        index,
        column,
        fixed,
    )


def _open_bracket(f: Failure) -> Diagnosis | None:
    """A line above the failure that opens more [ or { than it closes."""
    if "flow" not in f.context:
        return None
    for index in range(min(f.line, len(f.lines) - 1), -1, -1):
        line = f.text(index)
        body = line[: quote_scan(line)[1]]
        for opening, closing in (("[", "]"), ("{", "}")):
            if body.count(opening) > body.count(closing):
                what = "list" if opening == "[" else "mapping"
                fixed = body.rstrip().rstrip(",") + closing + line[len(body) :]
                return (
                    f"the {opening} opened here is never closed; end the {what} with "
                    f"{closing} on the same line",
                    index,
                    body.rindex(opening),
                    fixed,
                )
    return None


def _colon_in_value(f: Failure) -> Diagnosis | None:
    """`name: Ada: Lovelace` - a second `: ` inside a value reads as a new key."""
    if "mapping values are not allowed" not in f.problem:
        return None
    line = f.text(f.line)
    key = key_of(line)
    start = value_start(line)
    if key is None or start is None or f.column <= key[2] - 1:
        return None
    return (
        "this value holds a colon followed by a space, which YAML reads as the start of "
        "another field; put the whole value in quotes",
        f.line,
        f.column,
        quote_value(line, start),
    )


def _indented_more(f: Failure) -> Diagnosis | None:
    """A `key:` line indented under a key that already has its value on its own line."""
    if "mapping values are not allowed" not in f.problem:
        return None
    line = f.text(f.line)
    above = previous_content(f.lines, f.line)
    if above is None or indent(line) <= indent(f.lines[above]):
        return None
    key = key_of(f.lines[above])
    name = f" ({key[0]}:)" if key else ""
    return (
        f"this line is indented more than the key above it{name} on line {above + 1}, so "
        "YAML reads it as part of that value; line it up with the key above",
        f.line,
        indent(line),
        reindented(line, indent(f.lines[above])),
    )


def _no_space_after_colon(f: Failure) -> Diagnosis | None:
    """`hours_per_week:8` or `goal llm-engineer`: a line that is not `key: value`."""
    if "expected ':'" not in f.problem or f.context_line is None:
        return None
    index = f.context_line
    line = f.text(index)
    body = without_comment(line)
    stripped = body.lstrip(" -")
    start = len(body) - len(stripped)
    colon = stripped.find(":")
    if colon > 0 and colon + 1 < len(stripped) and stripped[colon + 1] not in " \t":
        at = start + colon + 1
        return (
            "put a space after the colon: YAML reads `key:value` as one piece of text",
            index,
            at,
            line[:at] + " " + line[at:],
        )
    word, _, rest = stripped.partition(" ")
    fixed = line[:start] + word + ":" + (" " + rest.lstrip() if rest.strip() else "")
    return (
        "this line has no colon after its field name; a field is written `name: value`",
        index,
        start + len(word),
        fixed + line[len(body) :],
    )


def _reserved_start(f: Failure) -> Diagnosis | None:
    """A value starting with a character YAML reserves (@, `, %, *, &, |, >, !)."""
    line = f.text(f.line)
    for column in (f.column, f.context_column if f.context_line == f.line else None):
        if column is None or column >= len(line) or line[column] not in RESERVED:
            continue
        char = line[column]
        start = value_start(line)
        if start is None or start != column:
            continue
        if char == "!" and "constructor" not in f.problem:
            continue
        return (
            f"a value cannot start with {char} ({RESERVED[char]}); put the value in quotes",
            f.line,
            column,
            quote_value(line, start),
        )
    return None


def _tag(f: Failure) -> Diagnosis | None:
    """`!!python/object...`: YAML tags build program objects; a profile holds plain values."""
    if "constructor" not in f.problem:
        return None
    line = f.text(f.line)
    tag = line[f.column :].split()[0] if line[f.column :].strip() else "!"
    fixed = line[: f.column] + line[f.column + len(tag) :].lstrip()
    return (
        f"the YAML tag {tag} is not allowed in a profile (it could not determine a "
        "constructor for it, and a profile holds only text, numbers, lists and mappings); "
        "remove it",
        f.line,
        f.column,
        fixed,
    )


def _escape(f: Failure) -> Diagnosis | None:
    """`"C:\\path"`: inside double quotes a backslash starts an escape."""
    if "escape" not in f.problem or f.context_line is None or f.context_column is None:
        return None
    line = f.text(f.context_line)
    start = f.context_column
    end = line.find('"', start + 1)
    while end > 0 and line[end - 1] == "\\":
        end = line.find('"', end + 1)
    if end < 0 or "'" in line[start + 1 : end]:
        return None
    fixed = line[:start] + "'" + line[start + 1 : end] + "'" + line[end + 1 :]
    column = line.rfind("\\", start, f.column + 1)  # the backslash, wherever the parser stopped
    return (
        "inside double quotes a backslash starts an escape such as \\n; use single quotes "
        "to keep every backslash as written",
        f.context_line,
        max(column, start),
        fixed,
    )


def _text_after_quote(f: Failure) -> Diagnosis | None:
    """`name: "Ada" Lovelace`: text after the closing quote."""
    line = f.text(f.line)
    before = line[: f.column].rstrip()
    if not before or before[-1] not in "\"'" or f.column >= len(without_comment(line)):
        return None
    close = len(before) - 1
    body = without_comment(line)
    fixed = line[:close] + line[close + 1 : len(body)] + line[close] + line[len(body) :]
    return (
        "there is text after the closing quote; put the whole value inside the quotes",
        f.line,
        f.column,
        fixed,
    )


def _extra_closing(f: Failure) -> Diagnosis | None:
    """`interests: [rag]]`: a bracket that closes nothing."""
    line = f.text(f.line)
    char = line[f.column : f.column + 1]
    if char not in ("]", "}") or not char:
        return None
    return (
        f"this {char} closes nothing (the list or mapping has ended already); remove it",
        f.line,
        f.column,
        line[: f.column] + line[f.column + 1 :],
    )


def _indentation(f: Failure) -> Diagnosis | None:
    """A line whose indentation matches no level above it."""
    line = f.text(f.line)
    above = previous_content(f.lines, f.line)
    if above is None or not is_content(line) or f.column > indent(line):
        return None
    here, there = indent(line), indent(f.lines[above])
    if here == there:
        return None
    what = "list entry" if line.lstrip().startswith("-") else "line"
    if here > there:
        how = f"indented more than the line above it (line {above + 1})"
    else:
        how = (
            f"indented less than the line above it (line {above + 1}) but not as far out "
            "as any key above"
        )
    return (
        f"this {what} is {how}; entries of one mapping or list start in the same column, "
        "so line it up with the line above",
        f.line,
        here,
        reindented(line, _wanted_indent(f.lines, f.line)),
    )


def _too_deep(f: Failure) -> Diagnosis | None:
    if "depth" not in f.problem and "nesting" not in f.problem:
        return None
    return TOO_DEEP, f.line, f.column, None


def _unexplained(f: Failure) -> Diagnosis:
    """What the parser said, when no diagnosis recognises the mistake."""
    what = f.problem or "this is not valid YAML"
    return (
        f"YAML cannot read this line ({what}); check the quotes, colons and indentation",
        f.line,
        f.column,
        None,
    )


DIAGNOSES: tuple[Callable[[Failure], Diagnosis | None], ...] = (
    _too_deep,
    _tab,
    _unclosed_quote,
    _escape,
    _bracket,
    _open_bracket,
    _tag,
    _reserved_start,
    _colon_in_value,
    _indented_more,
    _no_space_after_colon,
    _text_after_quote,
    _extra_closing,
    _indentation,
)
