"""Self-check questions (content/questions/<items file>.yaml) and the order of concepts
(content/concepts.yaml): loaded into the catalog, and each rule `content check` enforces."""

from __future__ import annotations

import pytest
import yaml

from planner.catalog.load import load_catalog
from planner.catalog.model import SelfCheck
from planner.pipeline import check_content
from tests.test_content_check import content, edit_items, second_resource  # noqa: F401

IDS = ("python-basics", "linear-algebra", "ml-fundamentals", "experiment-notes")
IDS += ("transformers", "rag-project")


def questions_for(item_id: str, count: int = 3) -> list[dict[str, str]]:
    return [
        {"question": f"Why does {item_id} matter, reason {n}?", "answer": f"Because {n}."}
        for n in range(count)
    ]


def write_questions(root, change=lambda questions: None, name: str = "small") -> None:
    """Three distinct questions for every fixture item, then change applied to them."""
    questions = {item_id: questions_for(item_id) for item_id in IDS}
    change(questions)
    (root / "questions").mkdir(exist_ok=True)
    (root / "questions" / f"{name}.yaml").write_text(yaml.safe_dump(questions, sort_keys=False))


def test_questions_load_typed_onto_their_items(content):  # noqa: F811
    edit_items(content, second_resource)
    write_questions(content)
    assert check_content(content) == []
    item = load_catalog(content).items["transformers"]
    assert item.questions[0] == SelfCheck("Why does transformers matter, reason 0?", "Because 0.")
    assert len(item.questions) == 3


def rename(old: str, new: str):
    return lambda questions: questions.__setitem__(new, questions.pop(old))


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            lambda q: q["transformers"].pop(),
            "item transformers: 2 questions; 3 to 6 wanted",
        ),
        (
            lambda q: q["transformers"].extend(questions_for("x", 4)),
            "item transformers: 7 questions; 3 to 6 wanted",
        ),
        (
            lambda q: q.pop("rag-project"),
            "item rag-project: no self-check questions",
        ),
        (
            lambda q: q["rag-project"].append(dict(q["transformers"][0])),
            "item rag-project: question 4 is asked already by transformers",
        ),
        (
            lambda q: q["rag-project"][1].update(answer=""),
            "item rag-project: question 2 has no answer",
        ),
        (
            lambda q: q["transformers"][0].update(question="What are Transformers?"),
            "item transformers: question 1 asks for the item's title",
        ),
        (
            lambda q: q["ml-fundamentals"][2].update(
                question="Which ideas make up machine learning fundamentals?"
            ),
            "item ml-fundamentals: question 3 asks for the item's title",
        ),
        (
            rename("transformers", "attention"),
            "attention was renamed transformers: use the current id",
        ),
        (rename("transformers", "transformer"), "transformer is not an item of items/small.yaml"),
        (
            lambda q: q.__setitem__("rag-project", "Why retrieval?"),
            "rag-project: expected a list of questions",
        ),
        (
            lambda q: q["rag-project"].__setitem__(0, {"question": "Why?"}),
            "a question is {question: ..., answer: ...}",
        ),
    ],
)
def test_each_question_problem_is_found(content, change, expected):  # noqa: F811
    edit_items(content, second_resource)
    write_questions(content, change)
    problems = check_content(content)
    assert any(expected in p for p in problems), problems


def test_questions_belong_to_an_items_file(content):  # noqa: F811
    edit_items(content, second_resource)
    write_questions(content)
    write_questions(content, name="other")
    problems = check_content(content)
    assert any("no items file items/other.yaml for these questions" in p for p in problems)


def test_without_question_files_no_item_needs_them(content):  # noqa: F811
    edit_items(content, second_resource)
    assert check_content(content) == []


CONCEPTS = """\
- id: attention
  taught_by: transformers
  words: ["attention", "(?-i:GPT)"]
"""


def with_concepts(root, text: str, change=lambda items: None) -> list[str]:
    edit_items(root, second_resource)
    edit_items(root, change)
    (root / "concepts.yaml").write_text(text)
    return check_content(root)


def test_concepts_in_order_are_clean(content):  # noqa: F811
    # rag-project builds on transformers, so it may use attention
    change = lambda items: items["rag-project"].update(summary="Attention over passages.")  # noqa: E731
    assert with_concepts(content, CONCEPTS, change) == []


@pytest.mark.parametrize(
    "text, change, expected",
    [
        (
            CONCEPTS,
            lambda items: items["ml-fundamentals"].update(summary="Self-attention, later."),
            "item ml-fundamentals uses attention ('attention') but transformers, which teaches "
            "it, is not among its prerequisites",
        ),
        (
            CONCEPTS,
            lambda items: items["experiment-notes"]["checklist"][0].update(task="Log a GPT run"),
            "item experiment-notes uses attention ('GPT')",
        ),
        (
            CONCEPTS.replace("transformers", "rag-project"),
            lambda items: items["rag-project"].update(summary="Retrieval and generation."),
            "concept attention: none of its words appear in rag-project, which teaches it",
        ),
        (
            CONCEPTS.replace("transformers", "transformerz"),
            lambda items: None,
            "concept attention: taught by unknown item 'transformerz'",
        ),
        (CONCEPTS + "- id: broken\n", lambda items: None, "bad concept {'id': 'broken'}"),
        ("id: broken\n", lambda items: None, "expected a list of {id, taught_by"),
    ],
)
def test_each_concept_problem_is_found(content, text, change, expected):  # noqa: F811
    problems = with_concepts(content, text, change)
    assert any(expected in p for p in problems), problems


def test_a_tour_can_be_a_second_teacher(content):  # noqa: F811
    text = CONCEPTS.replace("taught_by: transformers", "taught_by: [transformers, ml-fundamentals]")
    change = lambda items: items["ml-fundamentals"].update(summary="Attention, in a tour.")  # noqa: E731
    assert with_concepts(content, text, change) == []


def test_a_pattern_can_ask_for_its_case(content):  # noqa: F811
    # "(?-i:GPT)" asks for capitals: a lower-case "gpt" is not a use of the idea
    change = lambda items: items["python-basics"].update(summary="Variables; a gpt-like name.")  # noqa: E731
    assert with_concepts(content, CONCEPTS, change) == []
