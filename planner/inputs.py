"""Reading a user's input file, with an error that says why it cannot be read."""

from __future__ import annotations

from pathlib import Path

from planner.errors import UserError


def read_input(path: Path, max_bytes: int, expected: str) -> bytes:
    """The bytes of an input file, or a UserError that says why it cannot be read.

    expected names what the file should be ("a profile file (.yaml)"), for the messages.
    """
    try:
        if path.stat().st_size > max_bytes:
            raise UserError(
                f"{path}: larger than {max_bytes // 1_000_000} MB; is it really {expected}?"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder; give {expected}") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read: {exc.strerror}") from None
