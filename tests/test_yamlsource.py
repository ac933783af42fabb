"""YAML syntax mistakes in plain words: file:line:column, the line quoted with a caret, a fix.

Every case runs on libyaml's parser and on PyYAML's own (their wording differs; the
explanation must not), and every suggested fix, applied, makes the file load.
"""

from __future__ import annotations

import pytest

from planner.errors import Problem
from planner.yamlsource import load_documents
from planner.yamlsource.lines import split_lines

CASES = [
    (
        "tab",
        "name: Ada\nbackground:\n\tmath: 2\n",
        "ada.yaml:3:1",
        "line 3 is indented with a tab (→ marks it); YAML indents with spaces only, "
        "so replace the tab with spaces",
        ["  3 | →math: 2", "    | ^", "fix |   math: 2"],
    ),
    (
        "tab_after_sibling",
        "background:\n  math: 2\n\tpython: 3\n",
        "ada.yaml:3:1",
        "line 3 is indented with a tab (→ marks it); YAML indents with spaces only, "
        "so replace the tab with spaces",
        ["  3 | →python: 3", "    | ^", "fix |   python: 3"],
    ),
    (
        "space_then_tab",
        "background:\n  \tmath: 2\n",
        "ada.yaml:2:3",
        "line 2 is indented with a tab (→ marks it); YAML indents with spaces only, "
        "so replace the tab with spaces",
        ["  2 |   →math: 2", "    |   ^", "fix |   math: 2"],
    ),
    (
        "indented_more",
        "name: Ada\n  goal: llm-engineer\n",
        "ada.yaml:2:3",
        "this line is indented more than the key above it (name:) on line 1, so YAML "
        "reads it as part of that value; line it up with the key above",
        ["  2 |   goal: llm-engineer", "    |   ^", "fix | goal: llm-engineer"],
    ),
    (
        "indented_more_nested",
        "background:\n  math: 2\n   python: 3\n",
        "ada.yaml:3:4",
        "this line is indented more than the key above it (math:) on line 2, so YAML "
        "reads it as part of that value; line it up with the key above",
        ["  3 |    python: 3", "    |    ^", "fix |   python: 3"],
    ),
    (
        "indented_less_nested",
        "background:\n    math: 2\n  python: 3\n",
        "ada.yaml:3:3",
        "this line is indented less than the line above it (line 2) but not as far "
        "out as any key above; entries of one mapping or list start in the same "
        "column, so line it up with the line above",
        ["  3 |   python: 3", "    |   ^", "fix |     python: 3"],
    ),
    (
        "list_dash_out",
        "interests:\n  - rag\n - chatbots\n",
        "ada.yaml:3:2",
        "this list entry is indented less than the line above it (line 2) but not as "
        "far out as any key above; entries of one mapping or list start in the same "
        "column, so line it up with the line above",
        ["  3 |  - chatbots", "    |  ^", "fix |   - chatbots"],
    ),
    (
        "no_space_after_colon",
        "name: Ada\nhours_per_week:8\ngoal: llm-engineer\n",
        "ada.yaml:2:16",
        "put a space after the colon: YAML reads `key:value` as one piece of text",
        ["  2 | hours_per_week:8", "    |                ^", "fix | hours_per_week: 8"],
    ),
    (
        "no_colon",
        "name: Ada\ngoal llm-engineer\nhours_per_week: 8\n",
        "ada.yaml:2:5",
        "this line has no colon after its field name; a field is written `name: value`",
        ["  2 | goal llm-engineer", "    |     ^", "fix | goal: llm-engineer"],
    ),
    (
        "colon_in_value",
        "name: Ada: Lovelace\n",
        "ada.yaml:1:10",
        "this value holds a colon followed by a space, which YAML reads as the start "
        "of another field; put the whole value in quotes",
        ["  1 | name: Ada: Lovelace", "    |          ^", 'fix | name: "Ada: Lovelace"'],
    ),
    (
        "unclosed_double",
        'name: "Ada\ngoal: llm-engineer\n',
        "ada.yaml:1:7",
        'the quote " opened here is never closed; end the text with " on the same line',
        ['  1 | name: "Ada', "    |       ^", 'fix | name: "Ada"'],
    ),
    (
        "unclosed_single",
        "name: 'Ada\ngoal: llm-engineer\n",
        "ada.yaml:1:7",
        "the quote ' opened here is never closed; end the text with ' on the same line",
        ["  1 | name: 'Ada", "    |       ^", "fix | name: 'Ada'"],
    ),
    (
        "unclosed_list",
        "interests: [chatbots, rag\ngoal: llm-engineer\n",
        "ada.yaml:1:12",
        "the [ opened here is never closed; end the list with ] on the same line",
        [
            "  1 | interests: [chatbots, rag",
            "    |            ^",
            "fix | interests: [chatbots, rag]",
        ],
    ),
    (
        "unclosed_list_at_end",
        "interests: [chatbots, rag,\n",
        "ada.yaml:1:12",
        "the [ opened here is never closed; end the list with ] on the same line",
        [
            "  1 | interests: [chatbots, rag,",
            "    |            ^",
            "fix | interests: [chatbots, rag]",
        ],
    ),
    (
        "unclosed_mapping",
        "background: {math: 2, python: 3\ngoal: llm-engineer\n",
        "ada.yaml:1:13",
        "the { opened here is never closed; end the mapping with } on the same line",
        [
            "  1 | background: {math: 2, python: 3",
            "    |             ^",
            "fix | background: {math: 2, python: 3}",
        ],
    ),
    (
        "wrong_closer",
        "interests: [rag}\n",
        "ada.yaml:1:16",
        "this list opened with [ must end with ], not }",
        ["  1 | interests: [rag}", "    |                ^", "fix | interests: [rag]"],
    ),
    (
        "extra_closer",
        "interests: [rag]]\n",
        "ada.yaml:1:17",
        "this ] closes nothing (the list or mapping has ended already); remove it",
        ["  1 | interests: [rag]]", "    |                 ^", "fix | interests: [rag]"],
    ),
    (
        "text_after_quote",
        'name: "Ada" Lovelace\n',
        "ada.yaml:1:13",
        "there is text after the closing quote; put the whole value inside the quotes",
        ['  1 | name: "Ada" Lovelace', "    |             ^", 'fix | name: "Ada Lovelace"'],
    ),
    (
        "at_sign",
        "name: @ada\n",
        "ada.yaml:1:7",
        "a value cannot start with @ (YAML reserves @); put the value in quotes",
        ["  1 | name: @ada", "    |       ^", 'fix | name: "@ada"'],
    ),
    (
        "backtick",
        "name: `ada`\n",
        "ada.yaml:1:7",
        "a value cannot start with ` (YAML reserves `); put the value in quotes",
        ["  1 | name: `ada`", "    |       ^", 'fix | name: "`ada`"'],
    ),
    (
        "star",
        "name: *ada\n",
        "ada.yaml:1:7",
        "a value cannot start with * (* refers to a YAML anchor); put the value in quotes",
        ["  1 | name: *ada", "    |       ^", 'fix | name: "*ada"'],
    ),
    (
        "ampersand",
        "name: & ada\n",
        "ada.yaml:1:7",
        "a value cannot start with & (& names a YAML anchor); put the value in quotes",
        ["  1 | name: & ada", "    |       ^", 'fix | name: "& ada"'],
    ),
    (
        "pipe",
        "name: |x\n",
        "ada.yaml:1:7",
        "a value cannot start with | (| starts a block of text); put the value in quotes",
        ["  1 | name: |x", "    |       ^", 'fix | name: "|x"'],
    ),
    (
        "backslash",
        'name: "C:\\path"\n',
        "ada.yaml:1:10",
        "inside double quotes a backslash starts an escape such as \\n; use single "
        "quotes to keep every backslash as written",
        ['  1 | name: "C:\\path"', "    |          ^", "fix | name: 'C:\\path'"],
    ),
    (
        "python_tag",
        "name: !!python/object/apply:os.system [echo hi]\n",
        "ada.yaml:1:7",
        "the YAML tag !!python/object/apply:os.system is not allowed in a profile (it"
        " could not determine a constructor for it, and a profile holds only text, "
        "numbers, lists and mappings); remove it",
        [
            "  1 | name: !!python/object/apply:os.system [echo hi]",
            "    |       ^",
            "fix | name: [echo hi]",
        ],
    ),
    (
        "cjk_before_column",
        'name: 李小龍: "x\n',
        "ada.yaml:1:12",
        'the quote " opened here is never closed; end the text with " on the same line',
        ['  1 | name: 李小龍: "x', "    |               ^", 'fix | name: 李小龍: "x"'],
    ),
]


def only_problem(text: str, pure: bool) -> Problem:
    [problem] = [p for doc in load_documents(text, "ada.yaml", pure=pure) for p in doc.problems]
    return problem


@pytest.mark.parametrize("pure", [False, True], ids=["libyaml", "pyyaml"])
@pytest.mark.parametrize(
    ("name", "text", "where", "message", "quoted"), CASES, ids=[c[0] for c in CASES]
)
def test_mistake_explained(
    name: str, text: str, where: str, message: str, quoted: list[str], pure: bool
) -> None:
    problem = only_problem(text, pure)
    assert problem.explained().split("\n") == [f"{where}: {message}", *quoted]


@pytest.mark.parametrize(("name", "text"), [c[:2] for c in CASES], ids=[c[0] for c in CASES])
def test_the_fix_keeps_the_text_and_makes_the_file_load(name: str, text: str) -> None:
    for _attempt in range(3):  # a line may hold two mistakes: each fix mends one
        problems = [p for doc in load_documents(text, "ada.yaml") for p in doc.problems]
        if not problems:
            return
        [problem] = problems
        assert problem.fix is not None and problem.line is not None
        lines = list(split_lines(text))
        kept = [w for w in lines[problem.line - 1].split() if w.isalnum()]
        assert all(word in problem.fix for word in kept)  # the person's own words stay
        lines[problem.line - 1] = problem.fix
        text = "\n".join(lines)
    pytest.fail(f"still not valid YAML after three fixes: {text!r}")


def test_a_long_line_is_quoted_around_the_column() -> None:
    problem = only_problem("name: " + "x" * 300 + " @here: 1\n", pure=False)
    head, quoted, caret, _fix = problem.explained().split("\n")
    assert head.startswith("ada.yaml:1:") and len(quoted) < 120
    assert quoted[caret.index("^")] == ":"


def test_deep_nesting_is_explained_not_a_crash() -> None:
    problem = only_problem("name: " + "[" * 30000 + "\n", pure=False)
    assert problem.message.startswith("the document is nested too deeply")


def test_the_caret_counts_wide_characters_twice() -> None:
    problem = only_problem('name: 李小龍: "x\n', pure=False)
    _head, quoted, caret, *_rest = problem.explained().split("\n")
    assert problem.column == 12 and caret.index("^") == quoted.index('"') + 3
