"""Running the real command line on hostile input, inside kernel-enforced bounds.

The child gets at most CPU_SECONDS of CPU (RLIMIT_CPU: past it the kernel kills it) and
MEMORY_BYTES of address space (RLIMIT_AS: past it allocation fails), so a hang or a blow-up
fails the test by its exit status; the subprocess timeout is only a guard for a child that
blocks without using CPU.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import studyplan_command

CPU_SECONDS = 10
MEMORY_BYTES = 300 * 2**20
HANG_GUARD = 120  # seconds of wall time: a safety net, never the assertion
STDERR_BYTES = 6000  # a clean error is a few lines; a quoted bomb or 20,000 problems is not


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


def _bounded(file_bytes: int | None) -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    if file_bytes is not None:  # a disk that fills up: writes past this fail with EFBIG
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_bytes, file_bytes))
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_bounded(*args: str, cwd: Path, home: Path, file_bytes: int | None = None) -> Run:
    """studyplan args in cwd, bounded in CPU and memory (and file size, when given)."""
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "HOME": str(home), "PYTHONHASHSEED": "0", "NO_COLOR": "1"}
    done = subprocess.run(
        [*studyplan_command(), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=HANG_GUARD,
        preexec_fn=lambda: _bounded(file_bytes),
    )
    decode = lambda data: data.decode("utf-8", "backslashreplace")  # noqa: E731
    return Run(done.returncode, decode(done.stdout), decode(done.stderr))


def tree(folder: Path) -> set[str]:
    """Every path under folder (links not followed), relative: what a run may not change."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def assert_clean_refusal(run: Run, code: int = 2) -> None:
    """The exit status asked for, one short message, no traceback."""
    assert run.code == code, f"exit {run.code}:\n{run.stderr[-3000:]}"
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr
    assert len(run.stderr.encode()) < STDERR_BYTES, run.stderr[:2000]
