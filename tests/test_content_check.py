"""`studyplan content check` finds each kind of catalog problem."""

from __future__ import annotations

import shutil

import pytest
import yaml

from planner.pipeline import check_content
from tests.conftest import FIXTURE_CONTENT


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, root)
    return root


def edit_items(root, change):
    path = root / "items" / "small.yaml"
    items = yaml.safe_load(path.read_text())
    change({i["id"]: i for i in items})
    path.write_text(yaml.safe_dump(items, allow_unicode=True))


def second_resource(items):
    for n, item in enumerate(items.values()):
        item["resources"].append({"title": "More", "url": f"https://example.org/{n}"})


def test_fixture_problems_are_reported(content):
    problems = check_content(content)
    assert any("1 resources; 2 to 4 wanted" in p for p in problems)


def test_clean_fixture_is_clean(content):
    edit_items(content, second_resource)
    assert check_content(content) == []


@pytest.mark.parametrize("change, expected", [
    (lambda items: items["python-basics"].update(prerequisites=["transformers"]),
     "prerequisite cycle: "),
    (lambda items: items["rag-project"]["resources"].append(
        dict(items["python-basics"]["resources"][0])), "URL also used by python-basics"),
    (lambda items: items["rag-project"]["resources"].__setitem__(
        0, {"title": "x", "url": "http://insecure.example"}), "URL must be well-formed https"),
    (lambda items: items["transformers"].update(title="Othersâ€™ work"), "mojibake"),
    (lambda items: items["transformers"].update(hours=99), "hours 99 outside 1..60"),
    (lambda items: items["transformers"].update(
        checklist=[{"task": "one", "hours": items["transformers"]["hours"]}]),
     "1 checklist tasks"),
    (lambda items: items["transformers"]["checklist"][0].update(hours=0.1),
     "task hours sum to"),
    (lambda items: items["experiment-notes"].update(section="mathematics"),
     "section communication (5. Develop Soft Skills / Documentation and Presentations) "
     "has no items"),
])
def test_each_problem_kind(content, change, expected):
    edit_items(content, second_resource)
    edit_items(content, change)
    problems = check_content(content)
    assert any(expected in p for p in problems), problems


def test_unknown_prerequisite_and_rule_reference(content):
    edit_items(content, second_resource)
    (content / "rules.yaml").write_text(
        "- id: r\n  when: {goal: {eq: llm-engineer}}\n  then: {include: [nope]}\n  why: x\n")
    assert any("include names unknown items ['nope']" in p for p in check_content(content))


def test_unreachable_item(content):
    edit_items(content, second_resource)
    edit_items(content, lambda items: items["rag-project"].update(tags=["project"]))
    (content / "tracks.yaml").write_text(
        (content / "tracks.yaml").read_text().replace("include: [python-basics, transformers, "
                                                      "rag-project]", "include: [python-basics]"))
    problems = check_content(content)
    assert "item rag-project: no profile can reach it" in " ".join(problems)


def test_cli_exit_codes(run_cli, content):
    bad = run_cli("content", "check", "--content", str(content))
    assert bad.returncode == 1 and "problem" in bad.stdout
    edit_items(content, second_resource)
    good = run_cli("content", "check", "--content", str(content))
    assert good.returncode == 0 and "clean" in good.stdout
