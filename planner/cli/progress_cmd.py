"""Read the boxes ticked in a plan back, show progress per week; --replan plans what is left.

FILE is one of:
  a PDF from `studyplan build`, ticked in a PDF viewer (saved with its form fields);
  a Markdown export (`--format md`) with tasks ticked as `- [x]`;
  a YAML progress file:
      profile: ada.yaml          # the profile file (relative to this file), or its fields inline
      done: [w1-python-basics-t0, w1-python-basics-t1]   # ticked tasks: w<week>-<item>-t<n>
      completed: [python-basics] # optional: whole items you finished
    (the plan is rebuilt from the profile to count the tasks: keep its start_date in it)

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
    from planner.progress.model import Progress

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
    from planner.progress.read import read_progress

    today = today_of(args)
    progress = read_progress(args.file, today)
    _print_progress(progress, today)
    if args.replan:
        _replan(args, progress, today)
    return 0


def _print_progress(progress: Progress, today: date) -> None:
    """Every week up to the current one or the last with a tick; later weeks on one line."""
    name = progress.profile.get("name", "?")
    print(f"Progress of {name}'s plan ({Path(progress.source).name}):")
    weeks = progress.weeks()
    shown = [w for w in weeks if w.done or (w.start and w.start <= today)] or weeks[:1]
    last = shown[-1].number if shown else 0
    rows = [(f"Week {w.number}", _dates(w.start, w.start), w.done, w.total)
            for w in weeks if w.number <= last]
    later = [w for w in weeks if w.number > last]
    if later:
        rows.append((f"Weeks {later[0].number}–{later[-1].number}",
                     _dates(later[0].start, later[-1].start), 0, sum(w.total for w in later)))
    width = max((len(label) + len(dates) for label, dates, _, _ in rows), default=0) + 3
    for label, dates, done, total in rows:
        percent = round(100 * done / total) if total else 0
        print(f"  {label + dates:<{width}} {done:>3}/{total:<3} tasks {percent:>3}%  "
              f"{_bar(done, total)}")
    print(f"Overall: {progress.done}/{len(progress.tasks)} tasks ({progress.percent}%)")
    finished = progress.finished_items()
    if finished:
        print(f"Items with every task ticked: {', '.join(finished)}")


def _dates(first_start: date | None, last_start: date | None) -> str:
    from planner.render.markdown import date_range

    if not first_start or not last_start:
        return ""
    return f" · {date_range(first_start, last_start + timedelta(days=6))}"


def _bar(done: int, total: int) -> str:
    filled = round(BAR * done / total) if total else 0
    return "#" * filled + "." * (BAR - filled)


def _replan(args: argparse.Namespace, progress: Progress, today: date) -> None:
    from planner.pipeline import parse_formats
    from planner.profile.model import monday_after
    from planner.progress.read import detect_kind
    from planner.progress.replan import replan

    kind = detect_kind(args.file.read_bytes())
    formats = parse_formats(args.format or ("md" if kind == "md" else "pdf"))
    start = args.start or monday_after(today)
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
