"""Jinja2 environments over templates/: strict everywhere, autoescaped for HTML."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from planner.shipped import shipped_dir


def templates_dir() -> Path:
    return shipped_dir("templates")


@cache
def environment(html: bool = False) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html", "html.j2"]) if html else False,
        keep_trailing_newline=True,
        trim_blocks=False,
        lstrip_blocks=False,
    )
