"""Show the plan in the terminal: every week, every item, and the reason for each."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli.common import add_today, today_of


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("profile", type=Path, metavar="PROFILE", help="profile YAML file")
    add_today(parser)


def run(args: argparse.Namespace) -> int:
    from planner.catalog.load import load_catalog
    from planner.pipeline import make_plan
    from planner.profile.load import load_file, only_profile
    from planner.render.text import explain_text

    catalog = load_catalog()
    for profile in only_profile(load_file(args.profile, catalog)):
        print(explain_text(make_plan(profile, today_of(args), catalog)))
    return 0
