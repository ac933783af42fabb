"""Profile validation: every problem found, with file:line, field, and what is allowed."""

from __future__ import annotations

from datetime import date

import pytest

from planner.errors import UserError
from planner.profile.load import load_text, only_profile
from planner.profile.validate import validate

GOOD = """\
name: Ada Lovelace
goal: llm-engineer
hours_per_week: 8
background:
  math: 2
  python: 3
  ml: 1
"""


def problems(text, catalog):
    return [str(p) for lp in load_text(text, catalog, "ada.yaml") for p in lp.problems]


def test_good_profile_loads_with_defaults(small_catalog):
    [loaded] = load_text(GOOD, small_catalog, "ada.yaml")
    p = loaded.profile
    assert (p.name, p.goal, p.hours_per_week) == ("Ada Lovelace", "llm-engineer", 8.0)
    assert (p.background.math, p.background.python, p.background.ml) == (2, 3, 1)
    assert p.start_date is None and p.weeks is None and p.interests == ()
    assert p.study_days == ("mon", "wed", "sat")


@pytest.mark.parametrize(
    "today, monday",
    [
        (date(2026, 11, 25), date(2026, 11, 30)),  # Wednesday -> next Monday
        (date(2026, 11, 30), date(2026, 11, 30)),  # Monday -> today
        (date(2026, 11, 29), date(2026, 11, 30)),  # Sunday -> tomorrow
    ],
)
def test_default_start_is_the_coming_monday(small_catalog, today, monday):
    [loaded] = load_text(GOOD, small_catalog, "ada.yaml")
    assert loaded.profile.start(today) == monday


MISTAKES = [
    (
        "name_no",
        "Ada Lovelace",
        "No",
        "ada.yaml:1:7",
        "name: No is read as a yes/no value, not as text; put the name in quotes",
        ["  1 | name: No", "    |       ^", 'fix | name: "No"'],
    ),
    (
        "name_number",
        "Ada Lovelace",
        "1984",
        "ada.yaml:1:7",
        "name: 1984 is read as a number, not as text; put the name in quotes",
        ["  1 | name: 1984", "    |       ^", 'fix | name: "1984"'],
    ),
    (
        "name_date",
        "Ada Lovelace",
        "2027-01-04",
        "ada.yaml:1:7",
        "name: 2027-01-04 is read as a date, not as text; put the name in quotes",
        ["  1 | name: 2027-01-04", "    |       ^", 'fix | name: "2027-01-04"'],
    ),
    (
        "name_empty",
        "name: Ada Lovelace",
        "name:",
        "ada.yaml:1:6",
        "name: the name is empty; write it in any language",
        ["  1 | name:", "    |      ^"],
    ),
    (
        "hours_quoted",
        "hours_per_week: 8",
        'hours_per_week: "8"',
        "ada.yaml:3:17",
        'hours_per_week: "8" is text because of the quotes; write the number without them',
        ['  3 | hours_per_week: "8"', "    |                 ^", "fix | hours_per_week: 8"],
    ),
    (
        "hours_text",
        "hours_per_week: 8",
        "hours_per_week: lots",
        "ada.yaml:3:17",
        "hours_per_week: lots is not a number; write a number of hours from 1 to 60",
        ["  3 | hours_per_week: lots", "    |                 ^"],
    ),
    (
        "hours_yes",
        "hours_per_week: 8",
        "hours_per_week: yes",
        "ada.yaml:3:17",
        "hours_per_week: yes is read as a yes/no value, not a number; write a number "
        "of hours from 1 to 60",
        ["  3 | hours_per_week: yes", "    |                 ^"],
    ),
    (
        "hours_zero",
        "hours_per_week: 8",
        "hours_per_week: 0",
        "ada.yaml:3:17",
        "hours_per_week: 0 is too small; write a number of hours from 1 to 60",
        ["  3 | hours_per_week: 0", "    |                 ^"],
    ),
    (
        "hours_61",
        "hours_per_week: 8",
        "hours_per_week: 61",
        "ada.yaml:3:17",
        "hours_per_week: 61 is too large; write a number of hours from 1 to 60",
        ["  3 | hours_per_week: 61", "    |                 ^"],
    ),
    (
        "goal_title",
        "goal: llm-engineer",
        "goal: LLM Engineer",
        "ada.yaml:2:7",
        "goal: LLM Engineer is not one of the goals (llm-applications, llm-engineer, "
        "llm-research) — did you mean llm-engineer?",
        ["  2 | goal: LLM Engineer", "    |       ^", "fix | goal: llm-engineer"],
    ),
    (
        "goal_typo",
        "goal: llm-engineer",
        "goal: llm-enginer",
        "ada.yaml:2:7",
        "goal: llm-enginer is not one of the goals (llm-applications, llm-engineer, "
        "llm-research) — did you mean llm-engineer?",
        ["  2 | goal: llm-enginer", "    |       ^", "fix | goal: llm-engineer"],
    ),
    (
        "key_typo",
        "hours_per_week: 8",
        "hours_per_wek: 8",
        "ada.yaml:3:1",
        "hours_per_wek: unknown field — did you mean hours_per_week?",
        ["  3 | hours_per_wek: 8", "    | ^", "fix | hours_per_week: 8"],
    ),
    (
        "key_spaced",
        "hours_per_week: 8",
        "Hours per week: 8",
        "ada.yaml:3:1",
        "Hours per week: unknown field — did you mean hours_per_week?",
        ["  3 | Hours per week: 8", "    | ^", "fix | hours_per_week: 8"],
    ),
    (
        "nested_key_typo",
        "  math: 2",
        "  maths: 2",
        "ada.yaml:5:3",
        "background.maths: unknown field — did you mean math?",
        ["  5 |   maths: 2", "    |   ^", "fix |   math: 2"],
    ),
    (
        "level_quoted",
        "  ml: 1",
        '  ml: "1"',
        "ada.yaml:7:7",
        'background.ml: "1" is text because of the quotes; write the number without them',
        ['  7 |   ml: "1"', "    |       ^", "fix |   ml: 1"],
    ),
    (
        "level_7",
        "  ml: 1",
        "  ml: 7",
        "ada.yaml:7:7",
        "background.ml: 7 is too large; write a whole number from 0 to 4 (0 none, 1 "
        "aware, 2 practitioner, 3 deep learning, 4 expert)",
        ["  7 |   ml: 7", "    |       ^"],
    ),
    (
        "feb_30",
        "goal:",
        "start_date: 2027-02-30\ngoal:",
        "ada.yaml:2:13",
        "start_date: 2027-02-30 is not a date: February 2027 has 28 days",
        ["  2 | start_date: 2027-02-30", "    |             ^"],
    ),
    (
        "feb_29_leap",
        "goal:",
        "start_date: 2028-02-30\ngoal:",
        "ada.yaml:2:13",
        "start_date: 2028-02-30 is not a date: February 2028 has 29 days",
        ["  2 | start_date: 2028-02-30", "    |             ^"],
    ),
    (
        "month_13",
        "goal:",
        "start_date: 2027-13-01\ngoal:",
        "ada.yaml:2:13",
        "start_date: 2027-13-01 is not a date: there is no month 13",
        ["  2 | start_date: 2027-13-01", "    |             ^"],
    ),
    (
        "date_one_digit",
        "goal:",
        "start_date: 2027-1-4\ngoal:",
        "ada.yaml:2:13",
        "start_date: write the date as YYYY-MM-DD, with two digits for the month and "
        "the day: 2027-01-04",
        ["  2 | start_date: 2027-1-4", "    |             ^", "fix | start_date: 2027-01-04"],
    ),
    (
        "date_slashes",
        "goal:",
        "start_date: 04/01/2027\ngoal:",
        "ada.yaml:2:13",
        "start_date: 04/01/2027 is not a date; write it as YYYY-MM-DD, e.g. 2027-01-04",
        ["  2 | start_date: 04/01/2027", "    |             ^"],
    ),
    (
        "weeks_half",
        "goal:",
        "weeks: 2.5\ngoal:",
        "ada.yaml:2:8",
        "weeks: 2.5 is not a whole number; write a whole number of weeks from 1 to 520",
        ["  2 | weeks: 2.5", "    |        ^"],
    ),
    (
        "weeks_too_many",
        "goal:",
        "weeks: 600\ngoal:",
        "ada.yaml:2:8",
        "weeks: 600 is too large; write a whole number of weeks from 1 to 520",
        ["  2 | weeks: 600", "    |        ^"],
    ),
    (
        "interest_case",
        "goal:",
        "interests: [chatbots, RAG]\ngoal:",
        "ada.yaml:2:23",
        "interests: RAG is not a known interest — did you mean rag?",
        [
            "  2 | interests: [chatbots, RAG]",
            "    |                       ^",
            "fix | interests: [chatbots, rag]",
        ],
    ),
    (
        "interest_not_list",
        "goal:",
        "interests: rag\ngoal:",
        "ada.yaml:2:12",
        "interests: rag is one value, not a list; write the list in brackets",
        ["  2 | interests: rag", "    |            ^", "fix | interests: [rag]"],
    ),
    (
        "completed_typo",
        "goal:",
        "completed:\n  - python-basic\ngoal:",
        "ada.yaml:3:5",
        "completed: python-basic is not a known item id — did you mean python-basics?",
        ["  3 |   - python-basic", "    |     ^", "fix |   - python-basics"],
    ),
    (
        "day_name",
        "goal:",
        "study_days: [Monday, wed]\ngoal:",
        "ada.yaml:2:14",
        "study_days: Monday is not a known weekday — did you mean mon?",
        ["  2 | study_days: [Monday, wed]", "    |              ^", "fix | study_days: [mon, wed]"],
    ),
    (
        "duplicate",
        "goal:",
        "hours_per_week: 9\ngoal:",
        "ada.yaml:4:1",
        "hours_per_week: this field appears twice (first at line 2); keep only one",
        ["  4 | hours_per_week: 8", "    | ^"],
    ),
]


@pytest.mark.parametrize(
    ("name", "old", "new", "where", "message", "quoted"), MISTAKES, ids=[m[0] for m in MISTAKES]
)
def test_one_mistake_one_problem_in_plain_words(
    small_catalog, name, old, new, where, message, quoted
):
    """Exact message, line and column; the line quoted; the fix keeps the person's text."""
    [problem] = [
        p
        for lp in load_text(GOOD.replace(old, new, 1), small_catalog, "ada.yaml")
        for p in lp.problems
    ]
    assert problem.explained().split("\n") == [f"{where}: {message}", *quoted]


@pytest.mark.parametrize("name", [m[0] for m in MISTAKES if len(m[5]) == 3])
def test_each_suggested_fix_makes_a_valid_profile(small_catalog, name):
    [(_n, old, new, *_rest)] = [m for m in MISTAKES if m[0] == name]
    text = GOOD.replace(old, new, 1)
    [problem] = [p for lp in load_text(text, small_catalog, "a.yaml") for p in lp.problems]
    lines = text.split("\n")
    lines[problem.line - 1] = problem.fix
    [loaded] = load_text("\n".join(lines), small_catalog, "a.yaml")
    assert loaded.problems == () and loaded.profile is not None


def test_values_from_json_are_shown_as_json_would_write_them(small_catalog):
    data = {
        "name": True,
        "goal": "LLM Engineer",
        "hours_per_week": "8",
        "background": {"math": 2, "python": 2, "ml": 1},
    }
    _profile, found = validate(data, small_catalog, "<request>")
    assert [(p.field, p.message, p.line, p.fix) for p in found] == [
        ("name", "true is read as a yes/no value, not as text; put the name in quotes", None, None),
        (
            "goal",
            '"LLM Engineer" is not one of the goals (llm-applications, llm-engineer, '
            "llm-research) — did you mean llm-engineer?",
            None,
            None,
        ),
        (
            "hours_per_week",
            '"8" is text because of the quotes; write the number without them',
            None,
            None,
        ),
    ]


def test_an_unknown_field_without_a_near_name_lists_the_fields(small_catalog):
    [msg] = problems(GOOD + "colour: red\n", small_catalog)
    assert msg == (
        "ada.yaml:8:1: colour: unknown field; the fields here are name, goal, "
        "hours_per_week, start_date, weeks, background, interests, completed, "
        "study_days, budget, tasks_done, study_time, time_zone, replans"
    )


def test_a_near_name_beside_the_right_one_is_not_taken_for_it(small_catalog):
    [msg] = problems(GOOD + "hours_per_wek: 3\n", small_catalog)
    assert msg.startswith("ada.yaml:8:1: hours_per_wek: unknown field; the fields here are")


def test_empty_optional_lists_mean_their_defaults(small_catalog):
    [loaded] = load_text(GOOD + "study_days: []\ninterests: []\n", small_catalog, "a.yaml")
    assert loaded.profile.study_days == ("mon", "wed", "sat") and loaded.profile.interests == ()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ('"   "', "the name is empty; write it in any language"),
        ('""', "the name is empty; write it in any language"),
        ('"a\\tb"', "the name must not hold control characters such as tabs or line breaks"),
        ("x" * 121, "the name is 121 characters long; at most 120 fit"),
    ],
)
def test_bad_names(small_catalog, name, message):
    [msg] = problems(GOOD.replace("Ada Lovelace", name), small_catalog)
    assert msg == f"ada.yaml:1:7: name: {message}"


def test_unicode_name_is_kept_nfc(small_catalog):
    text = GOOD.replace("Ada Lovelace", '"Zoe\u0301 Жанна Ωμέγα 李小龍 😀 <b>&"')
    [loaded] = load_text(text, small_catalog, "x.yaml")
    assert loaded.profile.name == "Zoé Жанна Ωμέγα 李小龍 😀 <b>&"


def test_missing_key_points_at_mapping(small_catalog):
    text = GOOD.replace("  ml: 1\n", "")
    assert problems(text, small_catalog) == [
        "ada.yaml:5:3: background.ml: this field is missing; add a line such as ml: 1"
    ]


def test_every_problem_listed(small_catalog):
    text = "name: 123\ngoal: x\nhours_per_week: abc\nbackground: {math: 9, python: 1, ml: 1}\n"
    msgs = problems(text, small_catalog)
    fields = [m.split(": ")[1] for m in msgs]
    assert fields == ["name", "goal", "hours_per_week", "background.math"]


def test_unknown_interest_and_completed_suggest(small_catalog):
    text = GOOD + "interests: [rgg]\ncompleted: [python-basic]\n"
    msgs = problems(text, small_catalog)
    assert msgs == [
        "ada.yaml:8:13: interests: rgg is not a known interest — did you mean rag?",
        "ada.yaml:9:13: completed: python-basic is not a known item id — did you mean "
        "python-basics?",
    ]


def test_alias_of_renamed_item_still_loads(small_catalog):
    [loaded] = load_text(GOOD + "completed: [attention]\n", small_catalog, "a.yaml")
    assert loaded.profile.completed == ("transformers",)


def test_whole_floats_count_as_whole_weeks(small_catalog):
    [loaded] = load_text(GOOD + "weeks: 20.0\n", small_catalog, "a.yaml")
    assert loaded.profile.weeks == 20


def test_stream_of_profiles_each_validated(small_catalog):
    text = GOOD + "---\n" + GOOD.replace("8", "lots") + "---\n" + GOOD
    loaded = load_text(text, small_catalog, "many.yaml")
    assert [lp.profile is not None for lp in loaded] == [True, False, True]
    assert loaded[1].problems[0].line == 11


def test_yaml_syntax_error_has_line_and_column(small_catalog):
    [msg] = problems("name: [unclosed\ngoal: x\n", small_catalog)
    assert msg.startswith("ada.yaml:1:7: the [ opened here is never closed")


def test_python_tags_never_construct(small_catalog):
    [msg] = problems("name: !!python/object/apply:os.system [echo hi]\n", small_catalog)
    assert "could not determine a constructor" in msg and "not allowed" in msg


def test_alias_bomb_rejected_quickly(small_catalog):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, cur in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    [msg] = problems("\n".join(lines) + "\n", small_catalog)
    assert "aliases (*name) in this document expand it to more than 20,000 values" in msg


def test_only_profile_raises_with_header(small_catalog):
    loaded = load_text("name: 1\n", small_catalog, "bad.yaml")
    with pytest.raises(UserError) as err:
        list(only_profile(loaded))
    assert err.value.render().splitlines()[0].startswith("bad.yaml: ")


def test_to_data_round_trips(small_catalog):
    [loaded] = load_text(GOOD + "weeks: 10\ninterests: [rag]\n", small_catalog, "a.yaml")
    import yaml

    again = load_text(
        yaml.safe_dump(loaded.profile.to_data(), allow_unicode=True), small_catalog, "b.yaml"
    )
    assert again[0].profile == loaded.profile


def test_deep_nesting_is_a_problem_not_a_crash(small_catalog):
    [msg] = problems("name: " + "[" * 30000 + "\n", small_catalog)
    assert "nested too deeply" in msg
