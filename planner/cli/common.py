"""Arguments and steps shared by several verbs: output folder, formats, today, profiles."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from shlex import quote

from planner.errors import UserError

# what a plan file looks like where a profile belongs (`build plan.pdf`): said by its name
# alone, so nothing is read from it
PLAN_SUFFIXES = {".pdf": "a plan (PDF)", ".md": "a plan (Markdown)"}


def add_output(parser: argparse.ArgumentParser, formats: bool = True) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        type=Path,
        default=Path("output"),
        help="folder for the files (default: ./output; created if missing)",
    )
    if formats:
        parser.add_argument(
            "--format",
            default="pdf",
            metavar="LIST",
            help="comma-separated: pdf, md, ics, json (default: pdf)",
        )


def add_paper(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--paper",
        choices=("a4", "letter"),
        default="a4",
        type=str.lower,
        help="page size of the plan PDF: a4 (default) or letter (US Letter)",
    )


TODAY_HELP = (
    "the date to plan from (default: the real today); the plan starts on start_date, or "
    "the Monday on or after this date"
)


def add_today(parser: argparse.ArgumentParser, help: str = TODAY_HELP) -> None:
    parser.add_argument("--today", metavar="YYYY-MM-DD", type=parse_date, default=None, help=help)


def parse_date(text: str) -> date:
    """A date argument within the dates plans are made from (profile.questions.PLAN_DATES)."""
    from planner.profile.questions import PLAN_DATES

    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None
    if not PLAN_DATES[0] <= value <= PLAN_DATES[1]:
        raise argparse.ArgumentTypeError(
            f"{text} is outside the dates plans are made for: from {PLAN_DATES[0]} "
            f"to {PLAN_DATES[1]}"
        )
    return value


def today_of(args: argparse.Namespace) -> date:
    return args.today or date.today()


def refuse_plan_file(path: Path) -> None:
    """A plan given where a profile belongs: point to the command that reads plans."""
    kind = PLAN_SUFFIXES.get(path.suffix.lower())
    if kind:
        raise UserError(
            f"{path}: this is {kind}, not a profile. To read its ticked boxes and plan what "
            f"is left, run: studyplan progress {quote(str(path))} --replan "
            "(to build it again, give the profile .yaml it was built from)"
        )
