"""User-facing errors: problems a person can act on, kept apart from internal bugs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where, which field, what, and what is allowed."""

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        prefix = f"{self.field}: " if self.field else ""
        return f"{where}: {prefix}{self.message}"

    def as_json(self) -> dict[str, object]:
        return {"field": self.field, "line": self.line, "message": self.message}


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
        lines += [str(p) if p.file else p.message if not p.field else f"{p.field}: {p.message}"
                  for p in self.problems]
        return "\n".join(lines)


class ContentError(Exception):
    """The catalog or rules in content/ are broken: a bug in shipped data."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
