"""Build plans for many profiles: files, folders (searched for *.yaml, *.yml) and YAML streams.

One set of files per profile document, names made unique across the whole input, a report
(batch-report.csv, batch-report.json) and a cohort summary (cohort.pdf) in the output folder.
A bad profile never stops the others: exit 1 when any failed. Run the I-th of N slices with
--shard I/N (documents whose position modulo N is I-1) to spread a cohort over many machines.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from types import FrameType

from planner.cli.common import add_output, add_paper, add_today, today_of
from planner.cli.exitcodes import ExitCode


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes, 1 or more: {text!r}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="profile files, folders of them, or YAML streams of profiles",
    )
    add_output(parser)
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="worker processes (default: the number of CPUs; 1: no pool)",
    )
    parser.add_argument(
        "--shard",
        metavar="I/N",
        default="1/1",
        help="build only the I-th of N disjoint slices (I counts from 1)",
    )
    parser.add_argument(
        "--skip-existing",
        action="store_true",
        help="skip a profile whose output files all exist and embed this profile (resume a "
        "batch); files of another profile send its plan to the next free name",
    )
    add_paper(parser)
    add_today(parser)


def _cancel_on_term(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # a scheduler's SIGTERM stops the batch like Ctrl-C: report first


def run(args: argparse.Namespace) -> int:
    from planner.batch.inputs import parse_shard
    from planner.batch.run import run_batch
    from planner.batch.worker import Settings
    from planner.pipeline import parse_formats

    shard = parse_shard(args.shard)
    settings = Settings(
        args.output,
        parse_formats(args.format),
        today_of(args),
        args.skip_existing,
        paper=args.paper,
    )
    previous = signal.signal(signal.SIGTERM, _cancel_on_term)
    try:
        result = run_batch(args.paths, settings, args.jobs, shard)
    finally:
        signal.signal(signal.SIGTERM, previous)
    for path in result.report:
        print(path)
    finished = result.ok + result.failed + result.skipped
    if result.stopped:
        print(
            f"Stopped: {result.stopped}; {finished} of {result.total} finished, the report "
            "lists them. Free some space and re-run with --skip-existing to continue.",
            file=sys.stderr,
        )
        return ExitCode.USAGE
    if result.cancelled:
        print(
            f"Cancelled: {finished} of {result.total} finished; the report lists them. "
            "Re-run with --skip-existing to continue.",
            file=sys.stderr,
        )
        return ExitCode.CANCELLED
    return ExitCode.PARTIAL if result.failed else ExitCode.OK
