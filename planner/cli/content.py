"""Check the catalog in content/: schema, ids, prerequisites, coverage, rules, links.

`studyplan content check` exits 0 when clean, 1 with the problems listed.
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["check"], help="what to do (check: lint it)")
    parser.add_argument(
        "--content",
        metavar="DIR",
        default=None,
        help="a content folder to check (default: the shipped catalog)",
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from planner.pipeline import check_content

    problems = check_content(Path(args.content) if args.content else None)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem{'s' * (len(problems) > 1)} in the catalog.")
        return 1
    print("The catalog is clean.")
    return 0
