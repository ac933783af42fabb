"""Read the boxes ticked in a plan back: progress per week and per section, hours left, and
the end date at your pace so far; --replan plans what is left.

FILE is one of:
  a PDF from `studyplan build`, ticked in a PDF viewer (saved with its form fields);
  a Markdown export (`--format md`) with tasks ticked as `- [x]`;
  a YAML progress file:
      profile: ada.yaml          # the profile file (relative to this file), or its fields inline
      done: [w1-python-basics-t0, w1-python-basics-t1]   # ticked tasks: w<week>-<item>-t<n>
      completed: [python-basics] # optional: whole items you finished
    (the plan is rebuilt from the profile to count the tasks: keep its start_date in it)
A file with nothing to read (a PDF printed to PDF or flattened, so no checkboxes are left; a
PDF or Markdown file studyplan did not write; a Markdown file whose task ids were lost; an
empty or unrelated YAML file) is an error (exit 2) that says what was found and what to give.

Hours come from the plan the file was printed from, rebuilt from its embedded profile; when
the catalog has changed since, hours are unknown and the pace is counted in tasks.
--format pdf (without --replan) also writes the summary as a one-page PDF,
<name>-progress-<today>.pdf, into -o DIR.

--replan writes <name>-replan-<start>.yaml (the profile with `completed` grown by the items
whose every task is ticked, `tasks_done` recording the ticked tasks of items only started,
and `start_date` moved) and the new plan beside it, as <name>-replan-<start>.pdf (or the
--format LIST); it never writes over an existing file (-2, -3 ... are added). A task longer
than a week has a box in each week it spans: it is done when all of them are ticked. Review
weeks are planned afresh. An item with no tasks can only be marked done through `completed:`
in a YAML progress file. A deadline (`weeks`) keeps its end date: the new plan gets the weeks
that are left of it. Its calendar (--format ics) updates the old one when imported: a study
day's event keeps its UID (made from your name, goal, background and interests, and the date).

Building a plan again never destroys ticks: `build` and `batch` keep a ticked PDF or Markdown
file under <name>-ticked-<date>.pdf (or .md) before they write the new plan in its place.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from planner.cli.common import add_output, add_paper, add_today, parse_date, today_of

if TYPE_CHECKING:
    from planner.catalog.model import Catalog
    from planner.progress.model import Progress
    from planner.progress.summary import Summary


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="the filled-in PDF, a ticked Markdown export, or a progress YAML "
        "(several, or folders: a cohort, see below)",
    )
    parser.add_argument(
        "--replan",
        action="store_true",
        help="write the updated profile and a new plan for what is left",
    )
    parser.add_argument(
        "--from",
        dest="start",
        metavar="YYYY-MM-DD",
        type=parse_date,
        help="start of the new plan (default: the Monday after today)",
    )
    add_output(parser, formats=False)
    parser.add_argument(
        "--format",
        metavar="LIST",
        default=None,
        help="with --replan: formats of the new plan (default: pdf, or md for "
        "a Markdown FILE); without: pdf writes the summary as a PDF",
    )
    add_paper(parser)
    add_today(
        parser,
        help="the day progress is measured on (default: the real today): the plan week you "
        "should be in, weeks ahead or behind, the pace so far; a re-plan starts the Monday "
        "after it (unless --from)",
    )
    add_cohort_arguments(parser)


def run(args: argparse.Namespace) -> int:
    if len(args.file) > 1 or args.file[0].is_dir():
        return run_cohort(args)
    args.file = args.file[0]
    from planner.catalog.load import load_catalog
    from planner.progress.planned import plan_of
    from planner.progress.read import read_progress
    from planner.progress.summary import summarise
    from planner.progress.summary_text import summary_lines

    today = today_of(args)
    if not args.replan and args.format not in (None, "pdf"):
        _summary_format(args.format)
    progress = read_progress(args.file, today)
    catalog = load_catalog()
    summary = summarise(progress, plan_of(progress, catalog, today), catalog, today)
    print("\n".join(summary_lines(summary)))
    if args.replan:
        _replan(args, progress, today, catalog)
    elif args.format:
        print(f"\n{_write_summary_pdf(summary, args, progress)}")
    return 0


def _summary_format(text: str) -> None:
    from planner.errors import UserError

    raise UserError(
        f"--format: without --replan the only format is pdf (the summary as a "
        f"one-page PDF), not {text!r}; with --replan it names the new plan's "
        "formats"
    )


def _write_summary_pdf(summary: Summary, args: argparse.Namespace, progress: Progress) -> str:
    from planner.output import ensure_dir, write_atomic
    from planner.progress.summary_pdf import render_summary_pdf
    from planner.slug import slugify

    name = f"{slugify(str(progress.profile.get('name', 'plan')))}-progress-{summary.today}.pdf"
    path = write_atomic(ensure_dir(args.output) / name, render_summary_pdf(summary, args.paper))
    return str(path)


def _replan(args: argparse.Namespace, progress: Progress, today: date, catalog: Catalog) -> None:
    from planner.pipeline import parse_formats
    from planner.profile.model import monday_after
    from planner.progress.read import detect_kind
    from planner.progress.replan import replan

    kind = detect_kind(args.file.read_bytes())
    formats = parse_formats(args.format or ("md" if kind == "md" else "pdf"))
    start = args.start or monday_after(today)
    result = replan(progress, args.output, formats, start, today, catalog, paper=args.paper)
    plan = result.written.plan
    done = ", ".join(result.newly_completed) or "none"
    print(f"\nRe-planned from {start}: marked completed now: {done}")
    for item, numbers in (result.tasks_done or {}).items():
        print(f"  started: {item}, tasks done: {', '.join(f't{n}' for n in numbers)}")
    if result.deadline_note:
        print(f"note: {result.deadline_note}")
    was = f"was {result.old_end}, now " if result.old_end else ""
    print(f"End date: {was}{plan.end_date} ({len(plan.weeks)} weeks left)")
    print(result.profile_path)
    for path in result.written.paths:
        print(path)


# --- several files or a folder: a cohort ---------------------------------------------------

COHORT = """\
With several files or a folder (searched for .pdf, .md and .yaml files), progress reads a
whole cohort's plans and writes cohort-progress.csv, .json and .pdf into -o DIR: one row per
learner (matched by the profile each file embeds, so a renamed copy counts once; of two
files of one learner the newer counts: a later re-plan, else more tasks ticked, else the one
modified last), the items learners are overdue on, and suggested study groups. A file that
cannot be read is listed with its reason and never stops the others: exit 1 when some failed.
--paper sets the page size of cohort-progress.pdf.
"""


def add_cohort_arguments(parser: argparse.ArgumentParser) -> None:
    from planner.cli.batch_cmd import _jobs

    group = parser.add_argument_group("a cohort (several files or a folder)", COHORT)
    group.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="worker processes (default: the number of CPUs; 1: no pool)",
    )
    group.add_argument(
        "--shard",
        metavar="I/N",
        default="1/1",
        help="read only the I-th of N disjoint slices of the files, and merge "
        "the reports of the shards finished so far",
    )


def run_cohort(args: argparse.Namespace) -> int:
    """Read every plan, write cohort-progress.csv/.json/.pdf; exit 1 when some failed."""
    from planner.batch.inputs import parse_shard
    from planner.cli.exitcodes import ExitCode
    from planner.errors import UserError
    from planner.progress.cohort import files_line
    from planner.progress.cohort_run import run_cohort as read_cohort

    if args.replan or args.start or args.format:
        raise UserError(
            "--replan, --from and --format take one file; "
            "with several files or a folder, progress writes a cohort report"
        )
    today = today_of(args)
    result = read_cohort(
        args.file, args.output, today, args.jobs, parse_shard(args.shard), paper=args.paper
    )
    summary = result.cohort.summary()
    print(f"Cohort progress on {today}: {summary['learners']} learners from {files_line(summary)}")
    print("  " + " · ".join(f"{k} {n}" for k, n in summary["status"].items()))
    for path in result.written:
        print(path)
    return ExitCode.PARTIAL if result.failed else ExitCode.OK
