"""Read the boxes ticked in a plan back, show progress per week; --replan plans what is left.

FILE is one of:
  a PDF from `studyplan build`, ticked in a PDF viewer (saved with its form fields);
  a Markdown export (`--format md`) with tasks ticked as `- [x]`;
  a YAML progress file:
      profile: ada.yaml          # the profile file (relative to this file), or its fields inline
      done: [w1-python-basics-t0, w1-python-basics-t1]   # ticked tasks: w<week>-<item>-t<n>
      completed: [python-basics] # optional: whole items you finished

--replan writes <name>-replan.yaml (the profile with `completed` grown and `start_date` moved)
and the new plan beside it; it never overwrites FILE. An item counts as completed when every
one of its tasks in the plan is ticked (all parts, if it was split over weeks); an item with
some tasks ticked stays in the new plan whole, and review weeks are planned afresh. An item
with no tasks can only be marked done through `completed:` in a YAML progress file. A deadline
(`weeks`) keeps its end date: the new plan gets the weeks that are left of it.
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from planner.cli.common import add_output, add_today, parse_date, today_of

if TYPE_CHECKING:
    from planner.progress import Progress

BAR = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE",
                        help="the filled-in PDF, a ticked Markdown export, or a progress YAML")
    parser.add_argument("--replan", action="store_true",
                        help="write the updated profile and a new plan for what is left")
    parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD", type=parse_date,
                        help="start of the new plan (default: the Monday after today)")
    add_output(parser, formats=False)
    parser.add_argument("--format", metavar="LIST", default=None,
                        help="formats of the new plan (default: pdf, or md for a Markdown FILE)")
    add_today(parser)


def run(args: argparse.Namespace) -> int:
    from planner.progress import read_progress

    today = today_of(args)
    progress = read_progress(args.file, today)
    _print_progress(progress)
    if args.replan:
        _replan(args, progress, today)
    return 0


def _print_progress(progress: Progress) -> None:
    from planner.render.markdown import date_range

    name = progress.profile.get("name", "?")
    print(f"Progress of {name}'s plan ({Path(progress.source).name}):")
    for week in progress.weeks():
        end = week.start + timedelta(days=6) if week.start else None
        dates = f" · {date_range(week.start, end)}" if week.start and end else ""
        print(f"  Week {week.number:>2}{dates:<22} {week.done:>3}/{week.total:<3} tasks "
              f"{week.percent:>3}%  {_bar(week.done, week.total)}")
    print(f"Overall: {progress.done}/{len(progress.tasks)} tasks ({progress.percent}%)")
    finished = progress.finished_items()
    if finished:
        print(f"Items with every task ticked: {', '.join(finished)}")


def _bar(done: int, total: int) -> str:
    filled = round(BAR * done / total) if total else 0
    return "#" * filled + "." * (BAR - filled)


def _replan(args: argparse.Namespace, progress: Progress, today: date) -> None:
    from planner.pipeline import parse_formats
    from planner.progress import detect_kind
    from planner.progress_replan import next_monday_after, replan

    kind = detect_kind(args.file.read_bytes())
    formats = parse_formats(args.format or ("md" if kind == "md" else "pdf"))
    start = args.start or next_monday_after(today)
    result = replan(progress, args.output, formats, start, today, keep=args.file)
    plan = result.written.plan
    done = ", ".join(result.newly_completed) or "none"
    print(f"\nRe-planned from {start}: marked completed now: {done}")
    if result.deadline_note:
        print(f"note: {result.deadline_note}")
    was = f"was {result.old_end}, now " if result.old_end else ""
    print(f"End date: {was}{plan.end_date} ({len(plan.weeks)} weeks left)")
    print(result.profile_path)
    for path in result.written.paths:
        print(path)
