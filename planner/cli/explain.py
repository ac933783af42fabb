"""Show the plan in the terminal: every week, every item, and the reason for each.

On a terminal the text goes through a pager ($PAGER, else less); --week and --section show
a part of the plan: `studyplan explain me.yaml --week 3`, `--week 3-5`, `--section mathematics`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from planner.cli.common import add_today, refuse_plan_file, today_of

if TYPE_CHECKING:
    from planner.plan import Plan
    from planner.render.text import Shown


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("profile", type=Path, metavar="PROFILE", help="profile YAML file")
    parser.add_argument(
        "--week",
        type=_weeks,
        metavar="N[-M]",
        help="show only week N, or weeks N to M",
    )
    parser.add_argument(
        "--section",
        metavar="ID",
        help="show only the items of one section (its id or title, as the plan prints it)",
    )
    add_today(parser)


def _weeks(text: str) -> range:
    first, _, last = text.partition("-")
    try:
        weeks = range(int(first), int(last or first) + 1)
    except ValueError:
        weeks = range(0)
    if not weeks or weeks[0] < 1:
        raise argparse.ArgumentTypeError(f"expected a week N or weeks N-M, N from 1: {text!r}")
    return weeks


def run(args: argparse.Namespace) -> int:
    from planner.catalog.load import load_catalog
    from planner.cli.pager import page
    from planner.pipeline import make_plan
    from planner.profile.load import load_file, only_profile
    from planner.render.text import explain_text

    refuse_plan_file(args.profile)
    catalog = load_catalog()
    texts = []
    for profile in only_profile(load_file(args.profile, catalog)):
        plan = make_plan(profile, today_of(args), catalog)
        texts.append(explain_text(plan, shown=shown_of(args, plan)))
    page("\n\n".join(texts))
    return 0


def shown_of(args: argparse.Namespace, plan: Plan) -> Shown:
    """The part of the plan asked for, checked against the plan itself."""
    from planner.errors import UserError
    from planner.profile.checks import did_you_mean, nearest
    from planner.render.text import Shown

    weeks: range | None = args.week
    if weeks is not None and weeks[-1] > len(plan.weeks):
        raise UserError(f"--week {args.week[0]}: this plan has weeks 1-{len(plan.weeks)}")
    if args.section is None:
        return Shown(weeks=weeks)
    sections = plan.sections()
    wanted = args.section.strip().casefold()
    found = [sid for sid, title in sections if wanted in (sid.casefold(), title.casefold())]
    if not found:
        match = nearest(args.section, [sid for sid, _ in sections])
        raise UserError(
            f"--section {args.section}: no item of this plan is in that section; its "
            f"sections: {', '.join(sid for sid, _ in sections)}{did_you_mean(match)}"
        )
    return Shown(weeks=weeks, section=found[0])
