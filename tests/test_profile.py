"""Profile validation: every problem found, with file:line, field, and what is allowed."""

from __future__ import annotations

from datetime import date

import pytest

from planner.errors import UserError
from planner.profile.load import load_text, only_profile

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


@pytest.mark.parametrize("today, monday", [
    (date(2026, 11, 25), date(2026, 11, 30)),  # Wednesday -> next Monday
    (date(2026, 11, 30), date(2026, 11, 30)),  # Monday -> today
    (date(2026, 11, 29), date(2026, 11, 30)),  # Sunday -> tomorrow
])
def test_default_start_is_the_coming_monday(small_catalog, today, monday):
    [loaded] = load_text(GOOD, small_catalog, "ada.yaml")
    assert loaded.profile.start(today) == monday


@pytest.mark.parametrize("line, expected", [
    ("hours_per_week: lots",
     'ada.yaml:3: hours_per_week: must be a number from 1 to 60; got "lots"'),
    ("hours_per_week: 0", "ada.yaml:3: hours_per_week: must be a number from 1 to 60; got 0"),
    ("hours_per_week: 61", "ada.yaml:3: hours_per_week: must be a number from 1 to 60; got 61"),
    ("hours_per_week: true", "ada.yaml:3: hours_per_week: must be a number from 1 to 60; got True"),
    ('hours_per_week: "8"', 'ada.yaml:3: hours_per_week: must be a number from 1 to 60; got "8"'),
])
def test_bad_hours(small_catalog, line, expected):
    text = GOOD.replace("hours_per_week: 8", line)
    assert problems(text, small_catalog) == [expected]


def test_name_must_be_text(small_catalog):
    [msg] = problems(GOOD.replace("Ada Lovelace", "no"), small_catalog)
    assert msg.startswith("ada.yaml:1: name: must be text; got False") and "quotes" in msg


@pytest.mark.parametrize("name", ['"   "', '""', '"a\\tb"', "x" * 121])
def test_bad_names(small_catalog, name):
    [msg] = problems(GOOD.replace("Ada Lovelace", name), small_catalog)
    assert msg.startswith("ada.yaml:1: name:")


def test_unicode_name_is_kept_nfc(small_catalog):
    text = GOOD.replace("Ada Lovelace", '"Zoe\u0301 Жанна Ωμέγα 李小龍 😀 <b>&"')
    [loaded] = load_text(text, small_catalog, "x.yaml")
    assert loaded.profile.name == "Zoé Жанна Ωμέγα 李小龍 😀 <b>&"


def test_unknown_key_suggests_nearest(small_catalog):
    [msg] = problems(GOOD + "hours_per_wek: 3\n", small_catalog)
    assert msg.startswith(
        'ada.yaml:8: hours_per_wek: unknown field (did you mean "hours_per_week"?)')


def test_unknown_goal_lists_allowed(small_catalog):
    [msg] = problems(GOOD.replace("llm-engineer", "llm-enginer"), small_catalog)
    assert 'did you mean "llm-engineer"' in msg and "allowed: llm-applications" in msg
    assert msg.startswith("ada.yaml:2: goal:")


def test_missing_key_points_at_mapping(small_catalog):
    text = GOOD.replace("  ml: 1\n", "")
    assert problems(text, small_catalog) == [
        "ada.yaml:5: background.ml: missing; Rate yourself 0-4."]


def test_every_problem_listed(small_catalog):
    text = "name: 123\ngoal: x\nhours_per_week: abc\nbackground: {math: 9, python: 1, ml: 1}\n"
    msgs = problems(text, small_catalog)
    fields = [m.split(": ")[1] for m in msgs]
    assert fields == ["name", "goal", "hours_per_week", "background.math"]


def test_duplicate_keys_are_errors(small_catalog):
    msgs = problems(GOOD + "hours_per_week: 9\n", small_catalog)
    assert msgs == ["ada.yaml:8: hours_per_week: duplicate key (first at line 3); keep only one"]


def test_unknown_interest_and_completed_suggest(small_catalog):
    text = GOOD + "interests: [rgg]\ncompleted: [python-basic]\n"
    msgs = problems(text, small_catalog)
    assert 'unknown interest "rgg" (did you mean "rag"?)' in msgs[0]
    assert 'did you mean "python-basics"' in msgs[1]


def test_alias_of_renamed_item_still_loads(small_catalog):
    [loaded] = load_text(GOOD + "completed: [attention]\n", small_catalog, "a.yaml")
    assert loaded.profile.completed == ("transformers",)


def test_weeks_must_be_integer(small_catalog):
    [msg] = problems(GOOD + "weeks: 2.5\n", small_catalog)
    assert msg.startswith("ada.yaml:8: weeks: must be a whole number of weeks from 1 to 104")


def test_bad_date(small_catalog):
    [msg] = problems(GOOD + "start_date: 2027-02-30\n", small_catalog)
    assert "start_date: must be a date written YYYY-MM-DD" in msg


def test_stream_of_profiles_each_validated(small_catalog):
    text = GOOD + "---\n" + GOOD.replace("8", "lots") + "---\n" + GOOD
    loaded = load_text(text, small_catalog, "many.yaml")
    assert [lp.profile is not None for lp in loaded] == [True, False, True]
    assert loaded[1].problems[0].line == 11


def test_yaml_syntax_error_has_line(small_catalog):
    [msg] = problems("name: [unclosed\ngoal: x\n", small_catalog)
    assert msg.startswith("ada.yaml:") and "YAML syntax" in msg


def test_python_tags_never_construct(small_catalog):
    [msg] = problems("name: !!python/object/apply:os.system [echo hi]\n", small_catalog)
    assert "could not determine a constructor" in msg


def test_alias_bomb_rejected_quickly(small_catalog):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, cur in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    [msg] = problems("\n".join(lines) + "\n", small_catalog)
    assert "too many values" in msg


def test_only_profile_raises_with_header(small_catalog):
    loaded = load_text("name: 1\n", small_catalog, "bad.yaml")
    with pytest.raises(UserError) as err:
        list(only_profile(loaded))
    assert err.value.render().splitlines()[0].startswith("bad.yaml: ")


def test_to_data_round_trips(small_catalog):
    [loaded] = load_text(GOOD + "weeks: 10\ninterests: [rag]\n", small_catalog, "a.yaml")
    import yaml
    again = load_text(yaml.safe_dump(loaded.profile.to_data(), allow_unicode=True),
                      small_catalog, "b.yaml")
    assert again[0].profile == loaded.profile


def test_deep_nesting_is_a_problem_not_a_crash(small_catalog):
    [msg] = problems("name: " + "[" * 30000 + "\n", small_catalog)
    assert "nested too deeply" in msg
