"""`studyplan content check` finds each kind of catalog problem."""

from __future__ import annotations

import shutil

import pytest
import yaml

from planner.catalog.load import load_catalog
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


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            lambda items: items["python-basics"].update(prerequisites=["transformers"]),
            "prerequisite cycle: ",
        ),
        (
            lambda items: items["rag-project"]["resources"].append(
                dict(items["python-basics"]["resources"][0])
            ),
            "URL also used by python-basics",
        ),
        (
            lambda items: items["rag-project"]["resources"].__setitem__(
                0, {"title": "x", "url": "http://insecure.example"}
            ),
            "URL must be well-formed https",
        ),
        (lambda items: items["transformers"].update(title="Othersâ€™ work"), "mojibake"),
        (lambda items: items["transformers"].update(hours=99), "hours 99 outside 1..60"),
        (
            lambda items: items["transformers"].update(
                checklist=[{"task": "one", "hours": items["transformers"]["hours"]}]
            ),
            "1 checklist tasks",
        ),
        (
            lambda items: items["transformers"]["checklist"][0].update(hours=0.1),
            "task hours sum to",
        ),
        (
            lambda items: items["experiment-notes"].update(section="mathematics"),
            "section communication (5. Develop Soft Skills / Documentation and Presentations) "
            "has no items",
        ),
        (lambda items: items["transformers"].pop("why"), "item transformers: needs a why line"),
        (
            lambda items: items["rag-project"].update(why=items["transformers"]["why"]),
            "item rag-project: same why line as transformers",
        ),
        (
            lambda items: items["python-basics"].update(
                checklist=[
                    {"task": "Write a function", "hours": 5},
                    {"task": "Write a class", "hours": 2.5},
                    {"task": "Self-check: scope", "hours": 2.5},
                ]
            ),
            "item python-basics: task over 3 h (5 h)",
        ),
        (
            lambda items: items["python-basics"]["checklist"][-1].update(task="Explain scope"),
            "item python-basics: the last task must be a self-check",
        ),
        (
            lambda items: items["rag-project"]["resources"].append(
                dict(items["rag-project"]["resources"][0])
            ),
            "item rag-project: URL listed twice",
        ),
    ],
)
def test_each_problem_kind(content, change, expected):
    edit_items(content, second_resource)
    edit_items(content, change)
    problems = check_content(content)
    assert any(expected in p for p in problems), problems


def test_unknown_prerequisite_and_rule_reference(content):
    edit_items(content, second_resource)
    (content / "rules.yaml").write_text(
        "- id: r\n  when: {goal: {eq: llm-engineer}}\n  then: {include: [nope]}\n  why: x\n"
    )
    assert any("include names unknown items ['nope']" in p for p in check_content(content))


def test_unreachable_item(content):
    edit_items(content, second_resource)
    edit_items(content, lambda items: items["rag-project"].update(tags=["project"]))
    (content / "tracks.yaml").write_text(
        (content / "tracks.yaml")
        .read_text()
        .replace("include: [python-basics, transformers, rag-project, ", "include: [")
    )
    problems = check_content(content)
    assert "item rag-project: no profile can reach it" in " ".join(problems)


def test_cli_exit_codes(run_cli, content):
    bad = run_cli("content", "check", "--content", str(content))
    assert bad.returncode == 1 and "problem" in bad.stdout
    edit_items(content, second_resource)
    good = run_cli("content", "check", "--content", str(content))
    assert good.returncode == 0 and "clean" in good.stdout


@pytest.mark.parametrize(
    "name", ["rules.yaml", "tracks.yaml", "sections.yaml", "interests.yaml", "quiz.yaml"]
)
def test_mojibake_in_any_content_file(content, name):
    edit_items(content, second_resource)
    path = content / name
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(text + "# learn from othersâ€™ expertise\n", encoding="utf-8")
    line = len(text.splitlines()) + 1
    assert f"{path}:{line}: text has mojibake" in " ".join(check_content(content))


def test_guide_topic_missing_from_a_default_plan(content):
    edit_items(content, second_resource)
    tracks = content / "tracks.yaml"
    tracks.write_text(tracks.read_text().replace(", experiment-notes]", "]"))
    problems = " ".join(check_content(content))
    assert (
        "track llm-applications, background 0/0/0: the guide's topic 'Documentation' "
        "(5. Develop Soft Skills / Documentation and Presentations) is not in the default "
        "plan"
    ) in problems
    assert "track llm-engineer" not in problems  # its default plans still hold the topic


def test_plans_are_checked_beside_problems_that_do_not_stop_planning(content):
    edit_items(content, second_resource)
    edit_items(content, lambda items: items["transformers"].pop("why"))
    tracks = content / "tracks.yaml"
    tracks.write_text(tracks.read_text().replace(", experiment-notes]", "]"))
    problems = " ".join(check_content(content))
    assert "item transformers: needs a why line" in problems
    assert "the guide's topic 'Documentation'" in problems


def test_topic_skipped_for_background_counts_only_when_the_rule_reads_the_background(content):
    edit_items(content, second_resource)
    # python-strong skips Python basics for the expert: the expert knows it, the topic is covered
    assert check_content(content) == []
    load_catalog.cache_clear()  # the catalog of a path is cached; this test edits it again
    rules = content / "rules.yaml"
    rules.write_text(
        rules.read_text().replace(
            "when: {background.python: {gte: 3}}", "when: {hours_per_week: {gte: 1}}"
        )
    )
    problems = " ".join(check_content(content))
    assert "background 4/4/4: the guide's topic 'Python'" in problems


def test_guide_section_needs_topics_and_topics_need_known_items(content):
    edit_items(content, second_resource)
    sections = content / "sections.yaml"
    text = sections.read_text()
    sections.write_text(text.replace("  topics: [{topic: Python, items: [python-basics]}]\n", ""))
    assert any(
        "section programming (1. Build a Strong Foundation / Programming Languages) "
        "lists no guide topics" in p
        for p in check_content(content)
    )
    load_catalog.cache_clear()  # the catalog of a path is cached; this test edits it again
    sections.write_text(text.replace("items: [python-basics]", "items: [python-basix]"))
    assert any(
        "guide topic 'Python' names unknown item 'python-basix'" in p
        for p in check_content(content)
    )


def test_section_in_no_default_plan(content):
    edit_items(content, second_resource)
    sections = content / "sections.yaml"
    sections.write_text(
        sections.read_text() + "- {id: agents, title: Agents, part: Beyond, guide: false}\n"
    )

    def add_agent_item(items):  # reachable only through the chatbots interest
        items["chat-agent"] = dict(
            items["rag-project"],
            id="chat-agent",
            section="agents",
            why="An agent acts for you.",
            tags=["chatbots"],
            resources=[
                {"title": "A", "url": "https://example.org/a"},
                {"title": "B", "url": "https://example.org/b"},
            ],
        )

    path = content / "items" / "small.yaml"
    items = yaml.safe_load(path.read_text())
    by_id = {i["id"]: i for i in items}
    add_agent_item(by_id)
    path.write_text(yaml.safe_dump(list(by_id.values()), allow_unicode=True))
    problems = check_content(content)
    assert "section agents (Beyond / Agents) is in no track's default plan" in problems
