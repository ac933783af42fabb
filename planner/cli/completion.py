"""Print a shell completion script: `studyplan completion bash|zsh|fish`.

  bash: add to ~/.bashrc   eval "$(studyplan completion bash)"
  zsh:  add to ~/.zshrc    eval "$(studyplan completion zsh)"
  fish: run once           studyplan completion fish > ~/.config/fish/completions/studyplan.fish

Verbs, their options and the values of options with a fixed set (--paper a4|letter,
--format pdf,md,ics,json) complete; file arguments complete as file names.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

SHELLS = ("bash", "zsh", "fish")
FORMAT_VALUES = ("pdf", "md", "ics", "json")  # --format takes a comma-separated list of these


@dataclass(frozen=True, kw_only=True)
class Option:
    names: tuple[str, ...]  # "-o", "--output"
    help: str
    takes_value: bool
    values: tuple[str, ...]  # the fixed values it takes, if any


@dataclass(frozen=True, kw_only=True)
class Verb:
    name: str
    help: str
    options: tuple[Option, ...]
    words: tuple[str, ...]  # fixed positional words (`content check`, `completion bash`)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=SHELLS, help="the shell to complete in")


def run(args: argparse.Namespace) -> int:
    from planner.cli import build_parser
    from planner.templating import environment

    verbs = verbs_of(build_parser())
    template = environment().get_template(f"completion/studyplan.{_script(args.shell)}.j2")
    script = template.render(
        verbs=verbs, fixed=fixed_values(verbs), zsh=args.shell == "zsh", quote=fish_quote
    )
    print(script, end="")
    return 0


def _script(shell: str) -> str:
    return "fish" if shell == "fish" else "bash"  # zsh runs the bash script (bashcompinit)


def verbs_of(parser: argparse.ArgumentParser) -> list[Verb]:
    """Every verb with its options, read from the parser the command itself uses."""
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {c.dest: c.help or "" for c in sub._choices_actions}
    return [
        Verb(
            name=name,
            help=helps.get(name, ""),
            options=tuple(_option(a) for a in verb._actions if a.option_strings),
            words=tuple(
                str(c) for a in verb._actions if not a.option_strings for c in a.choices or ()
            ),
        )
        for name, verb in sub.choices.items()
    ]


def fixed_values(verbs: list[Verb]) -> list[tuple[str, str]]:
    """(option, its values) for the options with a fixed set, the same under every verb."""
    found = {
        name: " ".join(option.values)
        for verb in verbs
        for option in verb.options
        if option.values
        for name in option.names
    }
    return sorted(found.items())


def _option(action: argparse.Action) -> Option:
    values = tuple(str(c) for c in action.choices or ())
    if "--format" in action.option_strings:
        values = FORMAT_VALUES
    return Option(
        names=tuple(action.option_strings),
        help=(action.help or "").replace("%%", "%"),
        takes_value=action.nargs != 0,
        values=values,
    )


def fish_quote(text: str) -> str:
    """text as one fish word: single quotes, with \\ and ' escaped."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
