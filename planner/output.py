"""Writing output files: atomically (temporary file, then rename), the files of one plan all
or none, inside the output folder; a full disk or a folder we may not write is a UserError."""

from __future__ import annotations

import contextlib
import errno
import math
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from planner.errors import UserError

NO_SPACE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}  # EFBIG: over the file size limit
DENIED = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "read-only file system",
}
Staged = list[tuple[Path, Path]]  # (temporary file, the file it becomes)
_pending: set[Path] = set()  # temporary files of this process not yet renamed or removed


class NoSpace(UserError):
    """The disk of the output folder is full: a batch stops at the first one."""


def write_error(exc: OSError, folder: Path, needed: int = 0) -> UserError:
    """An OSError met while writing into folder, as the message a person can act on."""
    if exc.errno in NO_SPACE:
        about = f" (needed about {math.ceil(needed / 100_000) / 10:g} MB)" if needed else ""
        return NoSpace(f"not enough space in {folder}{about}")
    reason = DENIED.get(exc.errno or 0) or exc.strerror or str(exc)
    return UserError(f"cannot write {folder}: {reason}")


def ensure_dir(folder: Path) -> Path:
    """Create the output folder if needed; a clear UserError when that is impossible."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UserError(f"{folder}: exists and is not a folder; choose another -o") from None
    except OSError as exc:
        raise write_error(exc, folder) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        read_only = os.statvfs(folder).f_flag & os.ST_RDONLY
        reason = DENIED[errno.EROFS if read_only else errno.EACCES]
        raise UserError(f"cannot write {folder}: {reason}; choose another -o")
    return folder


def write_atomic(path: Path, data: bytes) -> Path:
    """Write data to path so a reader never sees a partial file, even after a kill."""
    commit(stage({path: data}))
    return path


def stage(files: Mapping[Path, bytes]) -> Staged:
    """Every file's bytes in a temporary file beside it: all of them, or none and a
    UserError (the disk is full, the folder is not ours to write)."""
    staged: Staged = []
    try:
        for path, data in files.items():
            staged.append((_temporary(path, data), path))
    except OSError as exc:
        discard(staged)
        folder = next(iter(files)).parent
        raise write_error(exc, folder, sum(len(d) for d in files.values())) from None
    except BaseException:  # a kill (SIGTERM unwinds) leaves no temporary file behind
        discard(staged)
        raise
    return staged


def commit(staged: Staged, claim: bool = False) -> None:
    """Rename the staged files to their names. claim: the first must not exist yet (it is
    linked, not renamed, so two writers never take one name); FileExistsError if it does."""
    try:
        for number, (temporary, path) in enumerate(staged):
            if claim and number == 0:
                _claim(temporary, path)
            else:
                temporary.replace(path)
            _pending.discard(temporary)
    except OSError as exc:
        discard(staged)
        if isinstance(exc, FileExistsError):
            raise
        raise write_error(exc, staged[0][1].parent) from None
    except BaseException:
        discard(staged)
        raise


def discard(staged: Staged) -> None:
    """Remove the temporary files still there."""
    for temporary, _ in staged:
        _remove(temporary)


def remove_temporaries() -> None:
    """Remove every temporary file this process is writing: what a worker told to stop does
    before it exits at once (an exception raised to unwind could be caught on the way)."""
    for temporary in list(_pending):
        _remove(temporary)


def _remove(temporary: Path) -> None:
    _pending.discard(temporary)
    with contextlib.suppress(OSError):
        temporary.unlink()


def _temporary(path: Path, data: bytes) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    temporary = Path(name)
    _pending.add(temporary)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        temporary.chmod(0o644)
    except BaseException:
        _remove(temporary)
        raise
    return temporary


def _claim(temporary: Path, path: Path) -> None:
    try:
        os.link(temporary, path)  # fails when path exists: the name is someone else's
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if path.exists():
            raise FileExistsError(errno.EEXIST, "exists", str(path)) from None
        temporary.replace(path)
        return
    temporary.unlink()
