"""Fuzz the profile loader: random bytes and YAML-like text, each either a profile or plain
problems, never an exception, each in under a second.

    python benchmarks/fuzz_profiles.py [--examples N] [--seconds S]

Texts are made of the pieces hostile files are made of (anchors and aliases, merges, flow
brackets, deep indentation, long numbers, dates at the ends of the calendar, escapes of
half characters, tags, document separators) around real profile fields. A valid profile is
also planned, so dates and numbers that pass the checks are proved safe to compute with.
Stops after N examples or S seconds, whichever comes first; prints what it ran.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.catalog.load import load_catalog  # noqa: E402
from planner.errors import UserError  # noqa: E402
from planner.inputs import decode_text  # noqa: E402
from planner.pipeline import make_plan  # noqa: E402
from planner.profile.load import load_text  # noqa: E402

PIECES = [
    "name: ", "goal: llm-engineer", "hours_per_week: ", "weeks: ", "start_date: ",
    "background:", "  math: ", "  python: ", "  ml: ", "interests: ", "completed: ",
    "study_days: ", "tasks_done: ", "python-basics: ", "{", "}", "[", "]", ", ", ": ", "- ",
    "\n", "\n  ", "\n    ", "\t", "---\n", "...\n", "&a ", "*a", "&b ", "*b", "<<: *a",
    "!!python/object:os.system ", "!!binary ", "!!int ", "!!float ", "? ", "|\n", ">\n",
    '"', "'", "\\ud800", "\\x00", "#", "%YAML 1.1\n", "9" * 40, "9" * 5000, "-1", "0x1f",
    "1.0e999", ".nan", "1:20:30", "9999-12-31", "0001-01-01", "2027-02-30", "2027-01-04",
    "Ada", "李小龍", "\u202e", "\u0000", "~", "null", "yes", "[" * 60, "]" * 60,
]  # fmt: skip
SNIPPETS = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
NEAR = (  # a profile whose values sit at and past their bounds
    "name: {name}\ngoal: {goal}\nhours_per_week: {hours}\n{weeks}{start}"
    "background: {{math: {level}, python: 2, ml: 1}}\ntasks_done: {{python-basics: [{task}]}}\n"
)
NEAR_PROFILES = st.builds(
    NEAR.format,
    name=st.sampled_from(["Ada", '"\\ud800"', "x" * 121, "李", "'No'", "[a]"]),
    goal=st.sampled_from(["llm-engineer", "llm-applications", "llm-research", "LLM Engineer"]),
    hours=st.sampled_from(["1", "60", "0.5", "61", "1.0e999", ".nan", "9" * 40, "-1", '"8"']),
    weeks=st.sampled_from(["", "weeks: 1\n", "weeks: 520\n", "weeks: 521\n", "weeks: 0x30\n"]),
    start=st.sampled_from(
        ["", "start_date: 2099-12-28\n", "start_date: 2000-01-03\n", "start_date: 2099-12-31\n"]
        + ["start_date: 9999-12-31\n", "start_date: 1999-12-31\n", "start_date: 2027-02-29\n"]
    ),
    level=st.sampled_from(["0", "4", "5", "-0", "2.0", "9" * 5000]),
    task=st.sampled_from(["0", "3", "99", "-1", "9" * 40, "a"]),
)
TEXTS = st.one_of(SNIPPETS, NEAR_PROFILES, st.text(max_size=300), st.binary(max_size=400))
TODAY = date(2027, 1, 4)
EXAMPLE_SECONDS = 1.0


def fuzz(examples: int, seconds: float) -> tuple[int, int]:
    """Run the loader on generated inputs; (inputs tried, profiles that planned)."""
    catalog = load_catalog()
    tried, planned = [0], [0]
    stop_at = time.monotonic() + seconds

    @settings(
        max_examples=examples,
        deadline=EXAMPLE_SECONDS * 1000,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(TEXTS)
    def one(source: str | bytes) -> None:
        if time.monotonic() > stop_at:
            return
        tried[0] += 1
        try:
            text = decode_text(source, "fuzz.yaml") if isinstance(source, bytes) else source
        except UserError:
            return
        for loaded in load_text(text, catalog, "fuzz.yaml"):
            assert (loaded.profile is None) == bool(loaded.problems)
            for problem in loaded.problems:
                assert problem.file == "fuzz.yaml" and len(problem.explained()) < 2000
            if loaded.profile is not None:
                make_plan(loaded.profile, TODAY, catalog)
                planned[0] += 1

    one()
    return tried[0], planned[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=3000)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        tried, planned = fuzz(args.examples, args.seconds)
    except Exception as exc:  # noqa: BLE001  # every failure is reported, with its input
        found = list(getattr(exc, "exceptions", [exc]))
        print(f"fuzz profiles: FAILED, {len(found)} distinct failure(s):")
        for failure in found:
            notes = "; ".join(getattr(failure, "__notes__", []))
            print(f"  {type(failure).__name__}: {str(failure)[:300]} [{notes[:600]}]")
        return 1
    print(
        f"fuzz profiles: {tried} inputs in {time.perf_counter() - started:.0f} s, "
        f"{planned} planned, no exception, each under {EXAMPLE_SECONDS:g} s (goal: none fail)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
