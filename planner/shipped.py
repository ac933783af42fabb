"""Where the package's shipped data (content/, templates/) lives: installed or in a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def shipped_dir(name: str) -> Path:
    """content/ or templates/: inside the installed package, else beside it in a checkout."""
    inside = Path(str(resources.files("planner"))) / name
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parent.parent / name
