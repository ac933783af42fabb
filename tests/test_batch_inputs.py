"""Batch inputs: path expansion order, shard slicing, unique names across shards; progress."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from planner.batch.inputs import Shard, parse_shard, plan_inputs, profile_files, with_data
from planner.batch.progress_bar import Progress
from planner.errors import UserError

PROFILE = "name: {name}\ngoal: llm-engineer\nhours_per_week: 5\n"


@pytest.fixture
def cohort(tmp_path: Path) -> Path:
    """Eleven documents, several with the same name, spread over files, folders, a stream."""
    root = tmp_path / "cohort"
    (root / "b" / "c").mkdir(parents=True)
    (root / "a.yaml").write_text(PROFILE.format(name="Sam"), encoding="utf-8")
    stream = "---\n".join(PROFILE.format(name=n) for n in ["Sam", "Kim", "Sam", "Lee"])
    (root / "b" / "stream.yml").write_text(stream, encoding="utf-8")
    for n, name in enumerate(["Kim", "Sam", "Ana", "Bo", "Kim", "Sam"]):
        (root / "b" / "c" / f"{n}.yaml").write_text(PROFILE.format(name=name), encoding="utf-8")
    return root


def test_folders_expand_recursively_in_sorted_order(cohort: Path) -> None:
    files = [f.relative_to(cohort).as_posix() for f in profile_files([cohort, cohort / "a.yaml"])]
    assert files == [
        "a.yaml",
        "b/c/0.yaml",
        "b/c/1.yaml",
        "b/c/2.yaml",
        "b/c/3.yaml",
        "b/c/4.yaml",
        "b/c/5.yaml",
        "b/stream.yml",
    ]  # a.yaml only once


@pytest.mark.parametrize("count", [2, 3, 5])
def test_shards_cover_every_document_exactly_once_with_the_same_names(
    cohort: Path, count: int
) -> None:
    whole = plan_inputs([cohort])
    assert whole.total == 11 and len(whole.jobs) == 11
    parts = [plan_inputs([cohort], Shard(i, count)) for i in range(1, count + 1)]
    assert all(p.total == 11 for p in parts)
    pieces = [(j.position, j.source, j.index, j.stem) for p in parts for j in p.jobs]
    assert sorted(pieces) == [(j.position, j.source, j.index, j.stem) for j in whole.jobs]
    stems = [j.stem for j in whole.jobs]
    assert len(set(stems)) == len(stems)
    assert stems[:2] == ["sam", "kim"] and "sam-2" in stems and "kim-3" in stems


def test_with_data_reads_each_document_back(cohort: Path) -> None:
    jobs = list(with_data(plan_inputs([cohort], Shard(2, 3)).jobs))
    assert [j.position for j in jobs] == [1, 4, 7, 10]
    assert all(j.data["name"] and j.data["goal"] == "llm-engineer" for j in jobs)
    whole = plan_inputs([cohort]).jobs
    assert [j.stem for j in jobs] == [whole[j.position].stem for j in jobs]


@pytest.mark.parametrize("text", ["0/3", "4/3", "x", "1", "1/0", "-1/3", "a/b", ""])
def test_bad_shards_are_usage_errors(text: str) -> None:
    with pytest.raises(UserError, match="--shard"):
        parse_shard(text)


def test_shard_parse_and_file_suffix() -> None:
    assert parse_shard("2/3") == Shard(2, 3)
    assert parse_shard("2/3").suffix == "-2-of-3" and parse_shard("1/1").suffix == ""


def test_progress_draws_one_updating_line_on_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(3, stream, tty=True)
    for status in ("ok", "failed", "ok"):
        progress.add(status)
    progress.close()
    text = stream.getvalue()
    assert "\r" in text and "[" + "#" * 24 + "]" in text
    assert re.search(r"batch: 2 done, 1 failed, 0 left \([\d.]+ plans/s\)\n$", text)
    assert text.count("\n") == 1  # only the final summary ends a line


def test_progress_prints_plain_lines_every_tenth_when_not_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(100, stream, tty=False)
    for _ in range(100):
        progress.add("ok")
    progress.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 10 and "\r" not in stream.getvalue()
    assert lines[0].startswith("batch: 10 done, 0 failed, 90 left")
    assert lines[-1].startswith("batch: 100 done, 0 failed, 0 left")


class Clock:
    """A clock the test moves: the pace shown is then exact."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    "seconds, statuses, pace",
    [
        (2.0, ["ok"] * 5, "(2.5 plans/s)"),
        (40.0, ["ok", "failed"], "(20 s a plan)"),  # a long plan on a busy machine, not 0.0
        (3.0, ["skipped"] * 3, ""),  # nothing built: no pace at all
    ],
)
def test_progress_says_the_pace_in_the_unit_that_reads(
    seconds: float, statuses: list[str], pace: str
) -> None:
    clock, stream = Clock(), io.StringIO()
    progress = Progress(len(statuses), stream, tty=False, clock=clock)
    clock.now += seconds
    for status in statuses:
        progress.add(status)
    progress.close()
    last = stream.getvalue().splitlines()[-1]
    assert last.endswith(" 0 left" + (f" {pace}" if pace else ""))
    assert "0.0" not in last
