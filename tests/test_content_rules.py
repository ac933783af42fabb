"""`studyplan content check` rules for tasks: hours floors, needs and costs, pinned model
versions and model roles, spelling, lanes and each track's first contact and early project."""

from __future__ import annotations

import pytest

from planner.catalog.load import load_catalog
from planner.pipeline import check_content
from tests.test_content_check import content, edit_items, second_resource  # noqa: F401

GPU = {"needs": ["gpu"], "cost": {"usd": 1, "free": "Colab's free GPU"}}
ROLES = """\
- id: small-instruct
  role: a current small open instruct model
  example: Tiny-Chat-1B
  hub_id: example/Tiny-Chat-1B
  checked: 2026-12-01
"""


def problems_after(content, change) -> list[str]:  # noqa: F811 - content is the fixture
    edit_items(content, second_resource)
    edit_items(content, change)
    return check_content(content)


def first_task(item_id: str, **task):
    return lambda items: items[item_id]["checklist"][0].update(task)


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            first_task("transformers", task="Train a tiny GPT on a Colab GPU", hours=1, **GPU),
            "item transformers: task 1 is a training run with GPU set-up in 1 h; it takes at "
            "least 2 h",
        ),
        (
            first_task("transformers", task="Watch three lectures of the course", hours=2),
            "item transformers: task 1 is lectures to watch in 2 h; it takes at least 3 h",
        ),
        (
            first_task(
                "transformers",
                task="Compare five open models on your questions and evaluate five small models",
                hours=3,
            ),
            "task 1 is models run and compared in 3 h; it takes at least 3.75 h",
        ),
        (
            first_task("transformers", needs=["cloud"], cost={"usd": 1, "free": "Colab"}),
            "item transformers: task 1 needs 'cloud', not one of gpu, multi-gpu, paid-api",
        ),
        (first_task("transformers", needs=["gpu"]), "task 1 names needs but no cost"),
        (
            first_task("transformers", cost={"usd": 1, "free": "Colab"}),
            "task 1 has a cost but no needs",
        ),
        (
            first_task("transformers", needs=["gpu"], cost={"usd": 1, "free": ""}),
            "task 1 cost needs dollars (0 or more) on the paid route and a free route",
        ),
        (
            first_task("transformers", task="Serve it with vLLM and measure latency"),
            "task 1 says 'vLLM' but names no need 'gpu'",
        ),
        (
            first_task("rag-project", task="Score the answers with an LLM judge"),
            "item rag-project: task 1 says 'with an LLM' but names no need 'paid-api'",
        ),
        (
            lambda items: items["transformers"].update(summary="Fine-tune Qwen2.5-7B on it."),
            "model version 'Qwen2.5-7B' pinned: name a role from models.yaml",
        ),
        (
            first_task("transformers", task="Compare gpt-4o and Llama-3.1-8B"),
            "model version 'gpt-4o' pinned",
        ),
        (
            lambda items: items["ml-fundamentals"].update(summary="Regularize, then analyze."),
            "American spelling 'Regularize' (in 'Regularize, then analyze.'): the catalog "
            "writes 'Regularise'",
        ),
        (
            lambda items: items["ml-fundamentals"].update(title="Modeling behavior"),
            "American spelling 'behavior'",
        ),
        (
            lambda items: items["transformers"].update(lane="deep"),
            "item transformers: lane 'deep' not one of foundations, llm",
        ),
        (
            lambda items: items["python-basics"].update(hands_on_llm=True),
            "item python-basics: hands-on LLM work belongs in the llm lane",
        ),
        (
            lambda items: items["transformers"].update(hands_on_llm="yes"),
            "hands_on_llm is true or false; got 'yes'",
        ),
        (
            lambda items: items["transformers"].update(hands_on_llm=True),
            "track llm-engineer: no first contact (a hands-on LLM item without prerequisites)",
        ),
        (
            lambda items: items["transformers"].update(hands_on_llm=True),
            "track llm-applications: no project that, with what it needs, fits in 40 h",
        ),
    ],
)
def test_each_planted_problem_is_found(content, change, expected):  # noqa: F811
    problems = problems_after(content, change)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize(
    "change",
    [
        first_task("transformers", task="Train a tiny GPT on a Colab GPU", hours=3, **GPU),
        first_task("transformers", task="Read how GPUs schedule attention", hours=3),
        first_task("transformers", task="Regularise with torch.optim.AdamW(...) and tokenize()"),
        lambda items: items["transformers"]["resources"].append(
            {
                "title": "Qwen2.5 technical report",
                "url": "https://arxiv.org/abs/2412.15115",
                "kind": "blog",
            }
        ),
    ],
)
def test_what_the_rules_allow(content, change):  # noqa: F811
    """A task at its floor, a task that only reads, code names, a source's own title, the blog
    kind."""
    assert problems_after(content, change) == []


def test_a_first_contact_and_a_small_project_in_every_track_satisfy_the_lanes(content):  # noqa: F811
    def hands_on(items):
        items["python-basics"].update(hands_on_llm=True, lane="llm", tags=["python", "llm"])
        items["experiment-notes"].update(kind="project", tags=["soft-skills", "llm"])

    assert problems_after(content, hands_on) == []


def test_roles_fill_their_placeholders(content):  # noqa: F811
    (content / "models.yaml").write_text(ROLES)
    change = first_task(
        "transformers", task="Load {model-id:small-instruct}: {model:small-instruct}"
    )
    assert problems_after(content, change) == []
    load_catalog.cache_clear()  # the catalog of a path is cached; it changed on disk
    task = load_catalog(content).items["transformers"].tasks[0]
    assert task.text == (
        "Load example/Tiny-Chat-1B: a current small open instruct model (e.g. Tiny-Chat-1B)"
    )
    assert load_catalog(content).models["small-instruct"].checked == "2026-12-01"


@pytest.mark.parametrize(
    "roles, task, expected",
    [
        (ROLES, "Load {model:big-instruct}", "unknown model role 'big-instruct'"),
        (ROLES, "Load a model", "model role 'small-instruct' is used by no item"),
        (ROLES.replace("  checked: 2026-12-01\n", ""), "{model:small-instruct}", "checked must"),
        (ROLES + "- oops\n", "{model:small-instruct}", "bad model role"),
    ],
)
def test_model_role_problems(content, roles, task, expected):  # noqa: F811
    (content / "models.yaml").write_text(roles)
    problems = problems_after(content, first_task("transformers", task=task))
    assert any(expected in p for p in problems), problems


def test_a_pin_in_the_models_file_is_where_it_belongs(content):  # noqa: F811
    (content / "models.yaml").write_text(ROLES.replace("Tiny-Chat-1B", "Qwen3.5-2B"))
    change = first_task("transformers", task="Run {model:small-instruct}")
    assert problems_after(content, change) == []


def test_lanes_come_from_the_section_unless_an_item_names_its_own(content):  # noqa: F811
    edit_items(content, second_resource)
    edit_items(content, lambda items: items["rag-project"].update(lane="foundations"))
    catalog = load_catalog(content)
    assert catalog.items["transformers"].lane == "llm"  # its section's lane
    assert catalog.items["python-basics"].lane == "foundations"
    assert catalog.items["rag-project"].lane == "foundations"  # its own
