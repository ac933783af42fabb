"""Check profile YAML files and print every problem in each; exit 2 when any is bad."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "profiles",
        nargs="+",
        type=Path,
        metavar="PROFILE",
        help="profile YAML files (each may hold several profiles)",
    )


def run(args: argparse.Namespace) -> int:
    from planner.catalog.load import load_catalog
    from planner.errors import UserError, listed
    from planner.profile.load import load_file

    catalog = load_catalog()
    bad = 0
    for path in args.profiles:
        try:
            loaded = load_file(path, catalog)
        except UserError as exc:
            print(f"error: {exc.render()}", file=sys.stderr)
            bad += 1
            continue
        problems = [p for lp in loaded for p in lp.problems]
        if problems:
            bad += 1
            print(f"{path}: {len(problems)} problem{'s' * (len(problems) > 1)}:", file=sys.stderr)
            for line in listed([p.explained() for p in problems]):
                print(line, file=sys.stderr)
        else:
            print(f"{path}: OK ({len(loaded)} profile{'s' * (len(loaded) > 1)})")
    return 2 if bad else 0
