"""Where the package's data lives, and reading a user's input file with clear errors."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from planner.errors import UserError


def shipped_dir(name: str) -> Path:
    """content/ or templates/: inside the installed package, else beside it in a checkout."""
    inside = Path(str(resources.files("planner"))) / name
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parent.parent / name


def read_input(path: Path, max_bytes: int, expected: str) -> bytes:
    """The bytes of an input file, or a UserError that says why it cannot be read.

    expected names what the file should be ("a profile file (.yaml)"), for the messages.
    """
    try:
        if path.stat().st_size > max_bytes:
            raise UserError(f"{path}: larger than {max_bytes // 1_000_000} MB; "
                            f"is it really {expected}?")
        return path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder; give {expected}") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read: {exc.strerror}") from None
