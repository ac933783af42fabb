"""The questionnaire from first question to saved files: ask, summarise, confirm, save."""

from __future__ import annotations

import sys
from datetime import date
from functools import partial
from typing import Any

from planner.interview.answers import defaults_from, profile_from_answers, summary
from planner.interview.prompts import Prompter, ask_output, ask_profile
from planner.interview.quiz import offer_quiz
from planner.interview.save import Saved, save_interview
from planner.pipeline import make_plan
from planner.render import available_formats


def run_interview(p: Prompter, defaults: dict[str, Any], today: date,
                  quiz: bool | None = None) -> Saved | None:
    """Ask until the person confirms, then save; None when they decide not to save."""
    catalog = p.catalog
    while True:
        answers = ask_profile(p, defaults, partial(offer_quiz, p, wanted=quiz))
        answers.update(ask_output(p, defaults, available_formats()))
        profile = profile_from_answers(answers, catalog)
        plan = make_plan(profile, today, catalog)
        p.say(f"\n{summary(profile, plan, catalog, answers)}\n")
        if p.confirm("Save the profile and write the plan?", default=True):
            break
        if not p.confirm("Change some answers?", default=True):
            p.say("Nothing written.")
            return None
        defaults = {**defaults_from(profile, today, answers["output"]),
                    "formats": answers["formats"]}
        quiz = False  # the levels already reflect the quiz, if taken
    saved = save_interview(profile, plan, answers["output"], ("pdf", *answers["formats"]))
    for warning in saved.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    p.say("Wrote:\n" + "\n".join(f"  {path}" for path in saved.paths))
    p.say(f"To rebuild the plan later: studyplan build {saved.profile_path}")
    return saved
