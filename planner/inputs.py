"""Reading files that come from outside: regular files only, bounded in size, UTF-8 text."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from planner.errors import UserError

PROFILE_BYTES = 1_000_000  # a profile is a few hundred bytes; a stream of thousands fits
PROGRESS_BYTES = 50_000_000  # a ticked plan PDF of several years, with its fonts
CHUNK = 1 << 16
# open flags: never block on a pipe swapped in after the check, never adopt a terminal
OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
NOT_A_FILE = (  # what a path is instead of a regular file, by its mode
    (stat.S_ISFIFO, "is a pipe (FIFO), not a file"),
    (stat.S_ISCHR, "is a device, not a file"),
    (stat.S_ISBLK, "is a device, not a file"),
    (stat.S_ISSOCK, "is a socket, not a file"),
)


def size_text(count: int) -> str:
    """1_000_000 -> '1 MB', 65_536 -> '64 KB': a limit as people say it."""
    if count >= 1_000_000:
        return f"{count / 1_000_000:g} MB"
    return f"{count // 1024} KB" if count >= 1024 else f"{count} bytes"


def read_input(path: Path, max_bytes: int, expected: str) -> bytes:
    """The bytes of a regular file of at most max_bytes, or a UserError that says why not.

    expected names what the file should be ("a profile file (.yaml)"), for the messages.
    Folders, pipes, devices and sockets are refused by name before anything is read, and the
    size is counted while reading: a device or a /proc file says its size is 0.
    """
    try:
        _refuse_special(path.stat().st_mode, path, expected)
        fd = os.open(path, OPEN_FLAGS)
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except NotADirectoryError:
        raise UserError(f"{path}: no such file (a part of the path is a file)") from None
    except PermissionError:
        raise UserError(f"{path}: cannot read: permission denied") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        _refuse_special(os.fstat(fd).st_mode, path, expected)  # swapped since the check
        return _read_bounded(fd, max_bytes, path, expected)
    except OSError as exc:
        raise UserError(f"{path}: cannot read: {exc.strerror}") from None
    finally:
        os.close(fd)


def _refuse_special(mode: int, path: Path, expected: str) -> None:
    if stat.S_ISDIR(mode):
        raise UserError(f"{path}: is a folder; give {expected}")
    for test, what in NOT_A_FILE:
        if test(mode):
            raise UserError(f"{path}: {what}; give {expected}")


def _read_bounded(fd: int, max_bytes: int, path: Path, expected: str) -> bytes:
    chunks, size = [], 0
    while chunk := os.read(fd, min(CHUNK, max_bytes + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise UserError(f"{path}: larger than {size_text(max_bytes)}; is it really {expected}?")
    return b"".join(chunks)


def decode_text(data: bytes, source: str) -> str:
    """data as UTF-8 text (a byte-order mark dropped), or a UserError naming the first bad
    byte's offset."""
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:  # the offset in the file, mark included
        raise UserError(f"{source}: not UTF-8 text (byte {exc.start + skip})") from None


def read_text(path: Path, max_bytes: int, expected: str) -> str:
    """A regular file's UTF-8 text, bounded as read_input is."""
    return decode_text(read_input(path, max_bytes, expected), str(path))
