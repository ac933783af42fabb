"""Build the plan for a profile YAML file and write it as PDF (and Markdown, iCalendar, JSON).

Re-running replaces the earlier output for the same profile, except a PDF or Markdown file
with ticked boxes: that one is kept as <name>-ticked-<date>.pdf (or .md) and the command says
so. A file with several profiles (a YAML stream) gives one set of files per profile.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from planner.cli.common import add_output, add_paper, add_today, refuse_plan_file, today_of

if TYPE_CHECKING:
    from planner.pipeline import Written


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "profile",
        type=Path,
        metavar="PROFILE",
        help="profile YAML file (`studyplan init` writes one)",
    )
    add_output(parser)
    add_paper(parser)
    add_today(parser)


def run(args: argparse.Namespace) -> int:
    from planner.catalog.load import load_catalog
    from planner.cli.drawing import pages_progress
    from planner.pipeline import make_plan, parse_formats, write_plan
    from planner.profile.load import load_file, only_profile
    from planner.slug import slugify, unique

    refuse_plan_file(args.profile)
    formats = parse_formats(args.format)
    catalog = load_catalog()
    profiles = list(only_profile(load_file(args.profile, catalog)))
    taken: set[str] = set()
    for profile in profiles:
        plan = make_plan(profile, today_of(args), catalog)
        with pages_progress():
            written = write_plan(
                plan, args.output, formats, unique(slugify(plan.name), taken), args.paper
            )
        say_written(written, args.profile)
    return 0


def say_written(written: Written, profile_path: Path) -> None:
    """The paths on stdout; warnings, kept files and what to know about the plan on stderr."""
    from planner.render.plan_length import length_lines

    plan = written.plan
    for warning in written.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for kept in written.kept:
        print(f"note: {kept.message()}", file=sys.stderr)
    for note in plan.notes if plan.dropped else ():
        print(f"note: {note}", file=sys.stderr)
    for path in written.paths:
        print(path, flush=True)  # the paths first, then how long the plan is
    for line in length_lines(plan):
        print(f"note: {line}", file=sys.stderr)
    if plan.alternatives:
        print(
            f"note: set hours_per_week, goal or weeks in {profile_path} to take one of them.",
            file=sys.stderr,
        )
