"""Exit codes, as DESIGN.md fixes them."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    PARTIAL = 1  # some of a batch failed
    USAGE = 2  # bad input or usage
    INTERNAL = 3  # a bug of ours
    CANCELLED = 130  # Ctrl-C
