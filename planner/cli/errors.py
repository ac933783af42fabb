"""Turning exceptions into one clear message and an exit code; never a traceback for users."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable

from planner.cli.exitcodes import ExitCode
from planner.errors import ContentError, UserError

REPORT = "This is a bug in studyplan; please report it with the lines above."


def run_guarded(run: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return int(run(args))
    except UserError as exc:
        print(f"error: {exc.render()}", file=sys.stderr)
        return ExitCode.USAGE
    except KeyboardInterrupt:
        print("\nCancelled, nothing written.", file=sys.stderr)
        return ExitCode.CANCELLED
    except BrokenPipeError:
        sys.stderr.close()  # output piped into `head`: not an error
        return ExitCode.OK
    except ContentError as exc:
        print(f"internal error: the shipped catalog is broken:\n{exc}\n{REPORT}", file=sys.stderr)
        return ExitCode.INTERNAL
    except Exception:
        traceback.print_exc()
        print(f"internal error: {REPORT}", file=sys.stderr)
        return ExitCode.INTERNAL
