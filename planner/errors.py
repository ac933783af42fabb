"""User-facing errors: problems a person can act on, kept apart from internal bugs."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

TAB_MARK = "→"  # how a tab shows in a quoted line, so the caret can point at it
EXCERPT_CHARS = 100  # a quoted line longer than this shows only the part around the column
WRITTEN_CHARS = 80  # a value quoted inside a message: no more than this
LISTED = 20  # problems listed for one file; the rest are counted


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where, which field, what, and what is allowed.

    excerpt is the offending line as written, column (1-based) where in it the problem
    starts, and fix the same line corrected, keeping the person's own text.
    """

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None
    column: int | None = None
    excerpt: str | None = None
    fix: str | None = None

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        prefix = f"{self.field}: " if self.field else ""
        return f"{where}: {prefix}{self.message}"

    def explained(self) -> str:
        """The one-line problem, then the line quoted with a caret under the column, then
        the corrected line; just the one line when the source line is not known."""
        if self.excerpt is None or self.line is None:
            return str(self)
        gutter = len(str(self.line)) + 2
        excerpt, fix, column = self.excerpt, self.fix, self.column or 1
        if len(excerpt) > EXCERPT_CHARS:  # a long line: the part around the column
            start = max(0, column - 1 - EXCERPT_CHARS // 2)
            excerpt, fix = _cut(excerpt, start), None if fix is None else _cut(fix, start)
            column -= start - (1 if start else 0)
        lines = [str(self), f"{self.line:>{gutter}} | {shown(excerpt)}"]
        if self.column is not None:
            lines.append(f"{'':>{gutter}} | {' ' * width(excerpt[: column - 1])}^")
        if fix is not None:
            lines.append(f"{'fix':>{gutter}} | {shown(fix)}")
        return "\n".join(lines)

    def as_json(self) -> dict[str, object]:
        return {
            "field": self.field,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "fix": self.fix,
        }


def sentence(text: str) -> str:
    """text as a sentence: a capital first letter and a full stop (or ? or !) at the end."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".?!" else text + "."


def visible(text: str) -> str:
    """text as it can be printed and saved: half a character (a lone surrogate, which no
    encoder accepts) shown as its escape, \\ud800."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def excerpt(text: str, limit: int = WRITTEN_CHARS) -> str:
    """text, or its start and how long it is when longer than limit: what a message quotes
    of a value it did not write itself."""
    text = visible(text)
    if len(text) <= limit:
        return text
    return f"{text[: limit - 20]}… ({len(text):,} characters)"


def listed(lines: list[str], limit: int = LISTED) -> list[str]:
    """The first limit lines and a line counting the rest: one file's problems as printed."""
    if len(lines) <= limit:
        return lines
    more = len(lines) - limit
    return [*lines[:limit], f"… and {more:,} more problem{'s' * (more > 1)} in this file"]


def _cut(text: str, start: int) -> str:
    """EXCERPT_CHARS of text from start, with an ellipsis where text goes on."""
    part = text[start : start + EXCERPT_CHARS]
    return ("…" if start else "") + part + ("…" if start + EXCERPT_CHARS < len(text) else "")


def shown(text: str) -> str:
    """A source line as quoted under an error: tabs made visible."""
    return text.replace("\t", TAB_MARK)


def width(text: str) -> int:
    """Terminal columns text takes once shown: wide (CJK) characters take two."""
    return sum(
        2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
        for c in shown(text)
    )


class UserError(Exception):
    """Bad input or usage: reported as a message, exit code 2."""

    def __init__(self, problems: list[Problem] | str, header: str | None = None) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        self.problems = problems
        self.header = header
        super().__init__(self.render())

    def render(self) -> str:
        lines = [self.header] if self.header else []
        lines += listed(
            [
                p.explained() if p.file else p.message if not p.field else f"{p.field}: {p.message}"
                for p in self.problems
            ]
        )
        return "\n".join(lines)


class ContentError(Exception):
    """The catalog or rules in content/ are broken: a bug in shipped data."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
