"""The profile's study_time and time_zone: written the way people write them, checked with
a clear message and a fix, saved so they load back the same."""

from __future__ import annotations

import pytest

from planner.catalog.model import Catalog
from planner.plan import profile_yaml
from planner.profile.load import load_text, only_profile

BASE = "name: Ada\ngoal: llm-engineer\nhours_per_week: 8\nbackground: {math: 2, python: 2, ml: 1}\n"


def loaded(text: str, catalog: Catalog):
    return load_text(BASE + text, catalog, "ada.yaml")


@pytest.mark.parametrize(
    ("written", "time"),
    [
        ("18:30", "18:30"),
        ('"18:30"', "18:30"),
        ("7:05", "07:05"),
        ("'07:05'", "07:05"),
        ("9", "09:00"),
        ("0:45", "00:45"),
    ],
)
def test_a_study_time_reads_as_written(small_catalog: Catalog, written: str, time: str) -> None:
    [profile] = only_profile(loaded(f"study_time: {written}\n", small_catalog))
    assert profile.study_time == time
    # saved and loaded again: the same time (YAML would read an unquoted 18:30 as 1110)
    [again] = only_profile(load_text(profile_yaml(profile.to_data()), small_catalog, "x.yaml"))
    assert again.study_time == time


@pytest.mark.parametrize("written", ["24:00", "18:60", "evening", "6pm", "true", "2000"])
def test_a_study_time_that_is_no_time_is_named(small_catalog: Catalog, written: str) -> None:
    [result] = loaded(f"study_time: {written}\n", small_catalog)
    [problem] = result.problems
    assert problem.line == 5 and problem.field == "study_time"
    assert (
        problem.message
        == f"{written} is not a time of day; write it as HH:MM, e.g. study_time: 18:30"
    )


def test_a_time_zone_is_an_iana_name_with_a_fix(small_catalog: Catalog) -> None:
    [profile] = only_profile(loaded("time_zone: Asia/Tokyo\n", small_catalog))
    assert profile.time_zone == "Asia/Tokyo"
    for written, meant in (("europe/berlin", "Europe/Berlin"), ("Berlin", "Europe/Berlin")):
        [problem] = loaded(f"time_zone: {written}\n", small_catalog)[0].problems
        assert "is not a time zone name" in problem.message
        assert f"did you mean {meant}?" in problem.message
        assert problem.fix == f"time_zone: {meant}"


@pytest.mark.parametrize(
    "written", ["../../etc/passwd", "/etc/localtime", "posix/Europe/Berlin ", "x" * 500]
)
def test_a_time_zone_never_names_a_file(small_catalog: Catalog, written: str) -> None:
    [problem] = loaded(f"time_zone: '{written}'\n", small_catalog)[0].problems
    assert "is not a time zone name" in problem.message


def test_defaults_are_not_saved(small_catalog: Catalog) -> None:
    [profile] = only_profile(loaded("", small_catalog))
    assert (profile.study_time, profile.time_zone, profile.replans) == ("18:00", None, 0)
    assert not {"study_time", "time_zone", "replans"} & set(profile.to_data())
