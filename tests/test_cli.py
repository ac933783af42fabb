"""The real `studyplan` console script: verbs, exit codes, messages, files written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml
from pypdf import PdfReader

from tests.conftest import studyplan_command

EXAMPLES = Path(__file__).parent.parent / "examples"
GOOD = """\
name: Ada Lovelace
goal: llm-engineer
hours_per_week: 8
start_date: 2027-01-04
background: {math: 2, python: 3, ml: 1}
"""


def write(tmp_path, text, name="ada.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_help_lists_every_verb(run_cli):
    result = run_cli("--help")
    assert result.returncode == 0
    for verb in (
        "interview",
        "build",
        "batch",
        "serve",
        "explain",
        "validate",
        "init",
        "schema",
        "content",
        "progress",
    ):
        assert verb in result.stdout


def test_python_m_planner_is_the_same_command(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "planner", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stdout.startswith("studyplan ")


def test_build_writes_pdf_and_json(run_cli, tmp_path):
    write(tmp_path, GOOD)
    result = run_cli("build", "ada.yaml", "--format", "pdf,json")
    assert result.returncode == 0, result.stderr
    pdf, js = tmp_path / "output" / "ada-lovelace.pdf", tmp_path / "output" / "ada-lovelace.json"
    assert result.stdout.split() == ["output/ada-lovelace.pdf", "output/ada-lovelace.json"]
    assert PdfReader(pdf).pages and json.loads(js.read_text())["name"] == "Ada Lovelace"
    assert not list((tmp_path / "output").glob("*.part"))


def test_build_is_idempotent(run_cli, tmp_path):
    write(tmp_path, GOOD)
    run_cli("build", "ada.yaml", "--format", "pdf,json")
    first = (tmp_path / "output" / "ada-lovelace.pdf").read_bytes()
    run_cli("build", "ada.yaml", "--format", "pdf,json")
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == [
        "ada-lovelace.json",
        "ada-lovelace.pdf",
    ]
    assert (tmp_path / "output" / "ada-lovelace.pdf").read_bytes() == first


def test_bad_profile_lists_every_problem_and_writes_nothing(run_cli, tmp_path):
    write(tmp_path, GOOD.replace("8", "lots").replace("math: 2", "math: 7") + "colour: red\n")
    result = run_cli("build", "ada.yaml", "-o", "out")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "error: ada.yaml: 3 problems in this profile:",
        "ada.yaml:3:17: hours_per_week: lots is not a number; write a number of hours from 1 to 60",
        "  3 | hours_per_week: lots",
        "    |                 ^",
        "ada.yaml:5:20: background.math: 7 is too large; write a whole number from 0 to 4 "
        "(0 none, 1 high school, 2 intro college, 3 solid undergrad, 4 graduate)",
        "  5 | background: {math: 7, python: 3, ml: 1}",
        "    |                    ^",
        "ada.yaml:6:1: colour: unknown field; the fields here are name, goal, hours_per_week, "
        "start_date, weeks, background, interests, completed, study_days, tasks_done, "
        "study_time, time_zone, replans",
        "  6 | colour: red",
        "    | ^",
    ]
    assert not (tmp_path / "out").exists()


def test_missing_file_and_bad_format_are_usage_errors(run_cli, tmp_path):
    missing = run_cli("build", "nope.yaml")
    assert missing.returncode == 2 and "nope.yaml: no such file" in missing.stderr
    write(tmp_path, GOOD)
    bad = run_cli("build", "ada.yaml", "--format", "pdf,docx")
    assert bad.returncode == 2 and "unknown format docx; allowed: pdf, json, md, ics" in bad.stderr


def test_unwritable_output_folder(run_cli, tmp_path):
    write(tmp_path, GOOD)
    (tmp_path / "file").write_text("x")
    result = run_cli("build", "ada.yaml", "-o", "file")
    assert result.returncode == 2 and "not a folder" in result.stderr


def test_user_text_never_escapes_the_output_folder(run_cli, tmp_path):
    write(tmp_path, GOOD.replace("Ada Lovelace", '"../../etc/passwd"'))
    result = run_cli("build", "ada.yaml", "--format", "json")
    assert result.returncode == 0, result.stderr
    [out] = (tmp_path / "output").iterdir()
    assert out.name == "etc-passwd.json"


def test_explain_gives_reason_for_every_item(run_cli, tmp_path):
    write(tmp_path, GOOD)
    result = run_cli("explain", "ada.yaml")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Study plan for Ada Lovelace")
    lines = out.splitlines()
    items = [n for n, line in enumerate(lines) if line.startswith("  * ")]
    assert items
    for n in items:  # every item has its reason; a continuation points to its first part
        if "continued from week" in lines[n]:
            assert not lines[n + 1].strip().startswith("why: ")
        else:
            assert lines[n + 1].strip().startswith("why: "), lines[n]


def test_validate_reports_each_file(run_cli, tmp_path):
    write(tmp_path, GOOD)
    write(tmp_path, GOOD.replace("Ada Lovelace", "No"), "bad.yaml")
    result = run_cli("validate", "ada.yaml", "bad.yaml")
    assert result.returncode == 2
    assert "ada.yaml: OK (1 profile)" in result.stdout
    assert result.stderr.splitlines() == [
        "bad.yaml: 1 problem:",
        "bad.yaml:1:7: name: No is read as a yes/no value, not as text; put the name in quotes",
        "  1 | name: No",
        "    |       ^",
        'fix | name: "No"',
    ]


def test_a_tab_in_a_profile_is_named_with_line_column_and_fix(run_cli, tmp_path):
    write(
        tmp_path,
        GOOD.replace(
            "background: {math: 2, python: 3, ml: 1}",
            "background:\n\tmath: 2\n\tpython: 3\n\tml: 1",
        ),
    )
    result = run_cli("build", "ada.yaml")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "error: ada.yaml: 1 problem in this profile:",
        "ada.yaml:6:1: line 6 is indented with a tab (→ marks it); YAML indents with spaces "
        "only, so replace the tab with spaces",
        "  6 | →math: 2",
        "    | ^",
        "fix |   math: 2",
    ]


def test_init_writes_a_valid_commented_profile(run_cli, tmp_path):
    result = run_cli("init", "me.yaml")
    assert result.returncode == 0
    text = (tmp_path / "me.yaml").read_text()
    assert text.count("#") > 10
    assert run_cli("validate", "me.yaml").returncode == 0
    again = run_cli("init", "me.yaml")
    assert again.returncode == 2 and "already exists" in again.stderr


def test_schema_is_json_schema_matching_the_catalog(run_cli, catalog):
    schema = json.loads(run_cli("schema").stdout)
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]["goal"]["enum"]) == set(catalog.tracks)
    assert schema["required"] == ["name", "goal", "hours_per_week", "background"]


def test_examples_validate(run_cli):
    result = run_cli("validate", *map(str, sorted(EXAMPLES.glob("*.yaml"))))
    assert result.returncode == 0, result.stderr


def test_no_traceback_on_ctrl_c_style_errors(tmp_path):
    env = {**os.environ}
    result = subprocess.run(
        [*studyplan_command(), "frobnicate"], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_stream_builds_one_file_set_per_profile(run_cli, tmp_path):
    write(tmp_path, GOOD + "---\n" + GOOD + "---\n" + GOOD.replace("Ada Lovelace", "Ada"))
    result = run_cli("build", "ada.yaml", "--format", "json")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "output").iterdir())
    assert names == ["ada-lovelace-2.json", "ada-lovelace.json", "ada.json"]
    data = yaml.safe_load((tmp_path / "output" / "ada.json").read_text())
    assert data["name"] == "Ada"


def test_explain_says_each_shared_reason_once(catalog, today):
    from planner.engine.build import build_plan
    from planner.profile.validate import validate
    from planner.render.text import explain_text

    profile, _ = validate(
        {
            "name": "Slow",
            "goal": "llm-engineer",
            "hours_per_week": 3,
            "weeks": 20,
            "background": {"math": 4, "python": 4, "ml": 4},
        },
        catalog,
    )
    plan = build_plan(profile, catalog, today)
    out = explain_text(plan)
    left_out = out[out.index("Left out") : out.index("Skipped:")].count("\n  - ")
    skipped = out[out.index("Skipped:") : out.index("Notes:")].count("\n  - ")
    assert left_out == len({o.group for o in plan.dropped})  # one entry per importance
    assert skipped == len({o.reason for o in plan.skipped})  # each reason said once
    flat = " ".join(out.split())
    assert all(" ".join(o.title.split()) in flat for o in (*plan.dropped, *plan.skipped))
