"""What a newcomer meets in the first hour: finding item ids, a mistyped command, a plan
given to build, --version, shell completion, help that says what --today means."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from planner import __version__
from planner.catalog.model import Catalog
from tests.conftest import studyplan_command

ROOT = Path(__file__).parent.parent


def item_ids(stdout: str) -> list[str]:
    return [line.split()[0] for line in stdout.splitlines()]


def test_items_lists_every_id_with_title_section_and_hours(run_cli, catalog: Catalog) -> None:
    result = run_cli("items")
    assert result.returncode == 0, result.stderr
    assert item_ids(result.stdout) == list(catalog.items)
    line = next(x for x in result.stdout.splitlines() if x.startswith("python-basics "))
    basics = catalog.items["python-basics"]
    assert basics.title in line and catalog.sections[basics.section].title in line
    assert re.search(rf"\b{basics.hours:g} h\b", line)
    assert f"{len(catalog.items)} of {len(catalog.items)} items" in result.stderr


@pytest.mark.parametrize("words", [["python"], ["FINE", "tuning"], ["mathematics"], ["rag"]])
def test_items_finds_every_item_whose_text_holds_each_word(
    run_cli, catalog: Catalog, words: list[str]
) -> None:
    result = run_cli("items", *words)
    found = item_ids(result.stdout)
    for item in catalog.items.values():
        section = catalog.sections[item.section]
        text = " ".join([item.id, item.title, *item.tags, *item.aliases, section.id, section.title])
        assert (item.id in found) == all(w.lower() in text.lower() for w in words), item.id
    assert found  # every word here is in some item


def test_items_says_so_when_nothing_matches(run_cli) -> None:
    result = run_cli("items", "zzzz-nothing")
    assert result.returncode == 0 and result.stdout == ""
    assert "No item holds 'zzzz-nothing'" in result.stderr


def test_init_points_to_items(run_cli, tmp_path: Path) -> None:
    result = run_cli("init", "me.yaml")
    assert "studyplan items" in result.stdout
    assert "studyplan items" in (tmp_path / "me.yaml").read_text(encoding="utf-8")


def test_readme_counts_the_items_and_tasks_of_the_catalog(catalog: Catalog) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tasks = sum(len(item.tasks) for item in catalog.items.values())
    assert f"{len(catalog.items)} study\nitems with {tasks} timed tasks" in readme


@pytest.mark.parametrize(
    ("typed", "meant"), [("buidl", "build"), ("PROGRESS", "progress"), ("explian", "explain")]
)
def test_a_mistyped_command_gets_did_you_mean(run_cli, typed: str, meant: str) -> None:
    result = run_cli(typed, "me.yaml")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"unknown command {typed!r}; did you mean {meant}?" in result.stderr


def test_a_plan_given_to_build_points_to_progress_replan(run_cli, tmp_path: Path) -> None:
    for name in ("api.pdf", "ada.md"):
        (tmp_path / name).write_bytes(b"%PDF-1.4 not read at all")
        result = run_cli("build", name)
        assert result.returncode == 2
        assert f"studyplan progress {name} --replan" in result.stderr
        assert "UTF-8" not in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ada.md", "api.pdf"]  # no output


def test_version(run_cli) -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"studyplan {__version__}"


def test_progress_today_says_what_it_is(run_cli) -> None:
    text = " ".join(run_cli("progress", "--help").stdout.split())
    assert "--today YYYY-MM-DD the day progress is measured on" in text
    assert "a re-plan starts the Monday after it" in text


def completion(shell: str) -> str:
    result = subprocess.run(
        [*studyplan_command(), "completion", shell], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def complete_in_bash(script: str, line: str, cwd: Path) -> list[str]:
    """What real bash completes for the words of line (the last one being typed)."""
    words = line.split(" ")
    program = (
        f"{script}\nCOMP_WORDS=({' '.join(repr(w) for w in words)})\n"
        f"COMP_CWORD={len(words) - 1}\n_studyplan\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n"
    )
    result = subprocess.run(["bash", "-c", program], capture_output=True, text=True, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_bash_completion_completes_verbs_options_values_and_files(
    tmp_path: Path, shell: str
) -> None:
    script = completion(shell)
    if shell == "zsh":  # zsh runs the bash function through bashcompinit
        assert script.startswith("#compdef studyplan\n") and "bashcompinit" in script
        script = script.split("\n", 3)[3]
    (tmp_path / "me.yaml").touch()
    assert complete_in_bash(script, "studyplan bu", tmp_path) == ["build"]
    assert "items" in complete_in_bash(script, "studyplan ", tmp_path)
    assert set(complete_in_bash(script, "studyplan build --", tmp_path)) >= {
        "--output",
        "--format",
        "--paper",
        "--today",
        "--help",
    }
    assert complete_in_bash(script, "studyplan build --paper ", tmp_path) == ["a4", "letter"]
    assert complete_in_bash(script, "studyplan build m", tmp_path) == ["me.yaml"]
    assert complete_in_bash(script, "studyplan completion f", tmp_path) == ["fish"]


def test_fish_completion_names_every_verb_and_option() -> None:
    from planner.cli import build_parser
    from planner.cli.completion import verbs_of

    script = completion("fish")
    for verb in verbs_of(build_parser()):
        assert f"-n __fish_use_subcommand -a {verb.name} -d " in script
        for option in verb.options:
            long = next(n for n in option.names if n.startswith("--"))
            assert re.search(
                rf"^complete -c studyplan -n '__fish_seen_subcommand_from {verb.name}'.* -l "
                rf"{long[2:]}\b",
                script,
                re.M,
            ), (verb.name, long)
    assert "-l paper -x -a 'a4 letter'" in script
    assert "profile\\'s" in script  # a quote in a help text stays inside its word


def test_completion_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'eval "$(studyplan completion bash)"' in readme
    assert "pipx install ." in readme
