"""Answer a few questions in the terminal; get your profile (YAML) and your plan (PDF).

Every question but your name has a default: press Enter to accept it. Nothing is written
until you confirm the summary, and no existing file is overwritten (you get name-2.yaml ...).
Ctrl-C cancels at any point.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.cli.common import add_output, add_today, refuse_plan_file, today_of
from planner.errors import UserError

NO_TERMINAL = (
    "`studyplan interview` asks its questions in a terminal, and stdin is not one.\n"
    "Without a terminal: `studyplan init profile.yaml` writes a starter profile to edit,\n"
    "then `studyplan build PROFILE.yaml` writes the plan."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_output(parser, formats=False)
    parser.add_argument(
        "--from",
        dest="base",
        type=Path,
        metavar="PROFILE",
        help="ask again, with this profile's answers as the defaults",
    )
    parser.add_argument(
        "--quiz",
        action="store_true",
        default=None,
        help="take the placement quiz (seven questions per area) without being asked",
    )
    add_today(parser)


def run(args: argparse.Namespace) -> int:
    if not sys.stdin.isatty():
        raise UserError(NO_TERMINAL)
    from planner.catalog.load import load_catalog
    from planner.cli.drawing import pages_progress
    from planner.interview.answers import defaults_from
    from planner.interview.flow import run_interview
    from planner.interview.prompts import Prompter
    from planner.profile.load import load_file, only_profile

    catalog = load_catalog()
    base = None
    if args.base is not None:
        refuse_plan_file(args.base)
        profiles = list(only_profile(load_file(args.base, catalog)))
        if len(profiles) != 1:
            raise UserError(f"{args.base}: holds {len(profiles)} profiles; --from takes one")
        base = profiles[0]
    today = today_of(args)
    try:
        run_interview(
            Prompter(catalog),
            defaults_from(base, today, args.output),
            today,
            args.quiz,
            drawing=pages_progress,
        )
    except EOFError:  # Ctrl-D in a prompt: the person left, the same as Ctrl-C
        raise KeyboardInterrupt from None
    return 0
