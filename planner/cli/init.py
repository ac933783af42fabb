"""Write a commented starter profile to edit (never overwrites an existing file)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        default=Path("profile.yaml"),
        metavar="FILE",
        help="where to write it (default: profile.yaml)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def run(args: argparse.Namespace) -> int:
    from datetime import date

    from planner.catalog.load import load_catalog
    from planner.errors import UserError
    from planner.output import write_atomic
    from planner.profile.starter import starter_profile

    if args.file.exists() and not args.force:
        raise UserError(f"{args.file}: already exists; choose another name or add --force")
    text = starter_profile(load_catalog(), args.file.name, date.today())
    if args.file.parent != Path():
        args.file.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(args.file, text.encode("utf-8"))
    print(f"Wrote {args.file}. Edit it, then run: studyplan build {args.file}")
    print("For completed: items, `studyplan items WORD` lists the item ids (e.g. items python).")
    return 0
