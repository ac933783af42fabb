"""The questionnaire from first question to saved files: ask, summarise, confirm, save."""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import date
from functools import partial
from shlex import quote
from typing import Any

from planner.interview import screen
from planner.interview.answers import defaults_from, profile_from_answers, summary
from planner.interview.prompts import Prompter, ask_output, ask_profile
from planner.interview.quiz import offer_quiz
from planner.interview.save import Saved, save_interview
from planner.pipeline import make_plan
from planner.profile.model import coming_monday
from planner.render import available_formats


def run_interview(
    p: Prompter,
    defaults: dict[str, Any],
    today: date,
    quiz: bool | None = None,
    drawing: Callable[[], AbstractContextManager[None]] = nullcontext,
) -> Saved | None:
    """Ask until the person confirms, then save (within drawing(): the CLI shows the pages
    of a long PDF as they are drawn); None when they decide not to save."""
    catalog = p.catalog
    while True:
        answers = ask_profile(p, defaults, partial(offer_quiz, p, wanted=quiz))
        # an empty start date means the coming Monday: save that date, so that rebuilding
        # the saved profile later gives the same weeks
        answers["start_date"] = answers.get("start_date") or coming_monday(today)
        answers.update(ask_output(p, defaults, available_formats()))
        profile = profile_from_answers(answers, catalog)
        plan = make_plan(profile, today, catalog)
        p.say(f"\n{summary(profile, plan, catalog, answers, p.columns)}\n")
        if p.confirm("Save the profile and write the plan?", default=True):
            break
        if not p.confirm("Change some answers?", default=True):
            p.say("Nothing written.")
            return None
        defaults = {
            **defaults_from(profile, today, answers["output"]),
            "formats": answers["formats"],
        }
        quiz = False  # the levels already reflect the quiz, if taken
    with drawing():
        saved = save_interview(profile, plan, answers["output"], ("pdf", *answers["formats"]))
    for warning in saved.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    p.say("Wrote:\n" + "\n".join(f"  {path}" for path in saved.paths))
    p.say(next_steps(saved, p.columns))
    return saved


def next_steps(saved: Saved, columns: int) -> str:
    """How to use the plan: tick tasks, read the ticks back and re-plan, rebuild."""
    pdf = next((path for path in saved.paths if path.suffix == ".pdf"), None)
    lines = []
    if pdf is not None:
        lines += [
            screen.wrap(
                "Tick each task in the PDF as you finish it, in any PDF viewer "
                "that fills in forms, and save the file. To see what is left "
                "and get a new plan for it:",
                columns,
            ),
            f"  studyplan progress {quote(str(pdf))} --replan",
        ]
    lines += ["To rebuild the plan later:", f"  studyplan build {quote(str(saved.profile_path))}"]
    return "\n".join(lines)
