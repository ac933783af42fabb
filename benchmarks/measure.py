"""One `studyplan` command run as its own process, measured: wall and CPU seconds, peak memory."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from dataclasses import dataclass

# the command reports its own peak and its workers' (children's) peak RSS on its last line
_REPORTING = (
    "import resource, sys; from planner.cli import main; code = main(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
    "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(code)"
)


@dataclass(frozen=True)
class Measured:
    seconds: float  # wall
    cpu: float  # user + system of the command and all its workers
    command_mb: float  # peak RSS of the command's own process
    worker_mb: float  # peak RSS of one worker (the command itself when it ran alone)


def run_studyplan(args: list[str], jobs: int) -> Measured:
    """Run `studyplan ARGS` in a fresh interpreter; stop the benchmark when it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _REPORTING, *args], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"studyplan {args[0]} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    own_kb, child_kb = map(int, done.stderr.strip().splitlines()[-1].split())
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return Measured(seconds, cpu, own_kb / 1024, (child_kb if jobs > 1 else own_kb) / 1024)
