"""The `studyplan` command: parse arguments, run one verb, turn errors into exit codes."""

from __future__ import annotations

import argparse
import difflib
import importlib
import sys
from collections.abc import Sequence

from planner import __version__
from planner.cli.exitcodes import ExitCode

# verb -> (module, one-line help); modules are imported only when their verb runs or
# when --help needs their arguments, so `studyplan --help` stays fast.
VERBS: dict[str, tuple[str, str]] = {
    "interview": ("planner.cli.interview_cmd", "answer a few questions, get your plan"),
    "build": ("planner.cli.build", "build the plan for a profile YAML file"),
    "batch": ("planner.cli.batch_cmd", "build plans for many profiles (files, folders, streams)"),
    "serve": ("planner.cli.serve", "serve the local web page (form -> PDF download)"),
    "explain": ("planner.cli.explain", "show the plan in the terminal, with every reason"),
    "items": ("planner.cli.items", "list the catalog's item ids, titles and hours (searchable)"),
    "validate": ("planner.cli.validate", "check profiles and print every problem"),
    "init": ("planner.cli.init", "write a commented starter profile"),
    "schema": ("planner.cli.schema", "print the profile's JSON Schema"),
    "content": ("planner.cli.content", "check the catalog (`studyplan content check`)"),
    "progress": ("planner.cli.progress_cmd", "read ticked boxes back; re-plan; a cohort"),
    "completion": ("planner.cli.completion", "print a shell completion script (bash, zsh, fish)"),
}
EPILOG = """\
examples:
  studyplan init my.yaml            write a starter profile, then edit it
  studyplan build my.yaml           write output/<your-name>.pdf
  studyplan build my.yaml --format pdf,md,ics,json
  studyplan explain my.yaml         why each item is in your plan
  studyplan items python            item ids (for completed:) whose title or tags say python
  studyplan interview               answer questions instead of writing YAML

exit codes: 0 done, 1 some of a batch failed, 2 bad input or usage,
            3 internal error (please report it), 130 cancelled (Ctrl-C)
"""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studyplan",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="A personal, week-by-week study plan for becoming an LLM engineer.",
    )
    parser.add_argument("--version", action="version", version=f"studyplan {__version__}")
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    for verb, (module, help_text) in VERBS.items():
        if only is not None and verb != only:
            sub.add_parser(verb, help=help_text, add_help=False)
            continue
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError:
            continue  # a verb whose module is not part of this build
        sp = sub.add_parser(
            verb,
            help=help_text,
            description=mod.__doc__,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        mod.add_arguments(sp)
        sp.set_defaults(run=mod.run)
    return parser


def _verb_of(argv: Sequence[str]) -> str | None:
    for arg in argv:
        if arg in VERBS:
            return arg
        if not arg.startswith("-"):
            return None
    return None


def _meant_verb(argv: Sequence[str]) -> tuple[str, str] | None:
    """(typed, verb) when the first word is no verb but close to one: `buidl` -> build."""
    typed = next((arg for arg in argv if not arg.startswith("-")), None)
    if typed is None:
        return None
    close = difflib.get_close_matches(typed.lower(), VERBS, n=1, cutoff=0.6)
    return (typed, close[0]) if close else None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    verb = _verb_of(args_list)
    # top-level --help lists verbs without importing them; a verb imports only itself
    parser = build_parser(only=verb or "")
    try:
        if verb is None and (meant := _meant_verb(args_list)):
            parser.error(f"unknown command {meant[0]!r}; did you mean {meant[1]}?")
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return int(exc.code or 0) and ExitCode.USAGE
    if not getattr(args, "run", None):
        parser.print_help()
        return ExitCode.USAGE
    from planner.cli.errors import run_guarded

    return run_guarded(args.run, args)


def entry() -> None:
    sys.exit(main())
