"""Writing output files: atomically (temporary file, then rename), inside the output folder."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from planner.errors import UserError


def ensure_dir(folder: Path) -> Path:
    """Create the output folder if needed; a clear UserError when that is impossible."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UserError(f"{folder}: exists and is not a folder; choose another -o") from None
    except OSError as exc:
        raise UserError(f"{folder}: cannot create the output folder: {exc.strerror}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(f"{folder}: the output folder is not writable; choose another -o")
    return folder


def write_atomic(path: Path, data: bytes) -> Path:
    """Write data to path so a reader never sees a partial file, even after a kill."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        tmp.chmod(0o644)
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return path
