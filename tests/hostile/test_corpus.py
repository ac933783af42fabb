"""Every hostile profile file, fed to the real command line: a clean exit 2 (a batch: exit 1
with the good profiles built), inside CPU and memory bounds, nothing written outside -o,
nothing read from outside the named files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile.limits import assert_clean_refusal, run_bounded, tree
from tests.hostile.make_corpus import DEVICES, NOT_WALKED, PROFILE_CASES, good_profiles, make_corpus

TODAY = "2027-01-04"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus folder (built once for the module): <root>/corpus/profiles/<case>."""
    root = tmp_path_factory.mktemp("hostile")
    make_corpus(root / "corpus")
    return root / "corpus" / "profiles"


@pytest.mark.parametrize("case", sorted(PROFILE_CASES))
def test_build_refuses_each_case_cleanly(case: str, corpus: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    before = tree(corpus.parent.parent)
    run = run_bounded(
        "build", str(corpus / case), "-o", "out", "--today", TODAY, cwd=work, home=tmp_path / "h"
    )
    assert_clean_refusal(run)
    assert str(corpus / case) in run.stderr  # the message names the file
    assert tree(work) <= {"out"} and not list((work / "out").glob("*"))
    assert tree(corpus.parent.parent) == before
    assert not list((tmp_path / "h").iterdir())
    assert "SECRET-TOKEN" not in run.stderr


@pytest.mark.parametrize("device", DEVICES)
def test_a_device_is_refused_by_name_without_reading(device: str, tmp_path: Path) -> None:
    run = run_bounded("build", device, "-o", "out", cwd=tmp_path, home=tmp_path / "h")
    assert_clean_refusal(run)
    assert f"{device}: is a device, not a file" in run.stderr


def test_validate_lists_every_file_with_its_reason(corpus: Path, tmp_path: Path) -> None:
    files = [str(corpus / case) for case in sorted(PROFILE_CASES)]
    run = run_bounded("validate", *files, cwd=tmp_path, home=tmp_path / "h")
    assert run.code == 2 and "Traceback" not in run.stderr
    for name in files:
        assert name in run.stderr
    assert "… and 19,980 more problems in this file" in run.stderr  # 5,000 empty documents


@pytest.mark.parametrize(
    ("case", "said"),
    [
        ("int-hours.yaml", "(5,000 characters) is too large; write a number of hours from 1 to 60"),
        ("int-weeks.yaml", "is too large; write a whole number of weeks from 1 to 520"),
        ("int-background.yaml", "is too small; write a whole number from 0 to 4"),
        ("int-tasks-done.yaml", "must be a list of task numbers from 0 to"),
        ("int-hex.yaml", "is too large; write a whole number of weeks from 1 to 520"),
        ("year-9999.yaml", "9999-12-27 is too late; write a date from 2000-01-01 to 2099-12-31"),
        ("year-0001.yaml", "0001-01-01 is too early; write a date from 2000-01-01 to 2099-12-31"),
        ("year-1900.yaml", "1900-01-01 is too early; write a date from 2000-01-01"),
        ("many-keys.yaml", "this mapping has more than 1,000 keys; the limit is 1,000"),
        ("alias-bomb.yaml", "expand it to more than 20,000 values; the limit is 20,000"),
        ("merge-bomb.yaml", "expand it to more than 20,000 values; the limit is 20,000"),
        ("alias-loop.yaml", "stands inside the value it names"),
        ("many-values.yaml", "holds more than 20,000 values; the limit is 20,000"),
        ("deep-flow.yaml", "nested too deeply: more than 50 lists or mappings"),
        ("deep-block.yaml", "nested too deeply: more than 50 lists or mappings"),
        ("huge-scalar.yaml", "this value is 900,000 characters long; at most 10,000 fit"),
        ("many-documents.yaml", "more than 10,000 documents (--- separators) in one file"),
        ("too-large.yaml", "larger than 1 MB; is it really a profile file (.yaml)?"),
        ("surrogate-escape.yaml", "a backslash starts an escape"),  # libyaml refuses it
        ("surrogate-bytes.yaml", "surrogate-bytes.yaml: not UTF-8 text (byte 9)"),
        ("fifo.yaml", "is a pipe (FIFO), not a file"),
        ("socket.yaml", "is a socket, not a file"),
        ("folder.yaml", "is a folder; give a profile file"),
    ],
)
def test_explain_says_what_the_limit_is(case: str, said: str, corpus: Path, tmp_path: Path) -> None:
    run = run_bounded("explain", str(corpus / case), cwd=tmp_path, home=tmp_path / "h")
    assert_clean_refusal(run)
    assert said in run.stderr


def test_no_message_quotes_more_than_a_short_excerpt(corpus: Path, tmp_path: Path) -> None:
    cases = ("int-hours.yaml", "huge-scalar.yaml", "huge-key.yaml", "undefined-alias.yaml")
    run = run_bounded("validate", *(str(corpus / c) for c in cases), cwd=tmp_path, home=tmp_path)
    assert run.code == 2
    assert max(len(line) for line in run.stderr.splitlines()) < 250
    assert "9" * 100 not in run.stderr and "A" * 120 not in run.stderr


def test_a_batch_builds_the_good_profiles_and_lists_each_bad_one(
    corpus: Path, tmp_path: Path
) -> None:
    good = good_profiles(tmp_path / "good")
    before = tree(corpus.parent.parent)
    run = run_bounded(
        "batch", str(corpus), "good", "/dev/zero", "-o", "out", "-j", "2", "--today", TODAY,
        cwd=tmp_path, home=tmp_path / "h",
    )  # fmt: skip
    assert run.code == 1, run.stderr[-3000:]
    assert "Traceback" not in run.stderr and "SECRET-TOKEN" not in run.stderr
    assert run.stderr.count("failed: ") < 100  # 20 a file at most, then one line
    assert "empty-documents.yaml: more documents fail; the report lists them all" in run.stderr
    rows = json.loads((tmp_path / "out" / "batch-report.json").read_text("utf-8"))["profiles"]
    status = {Path(r["source"]).name: r["status"] for r in rows if r["document"] == 0}
    walked = set(PROFILE_CASES) - set(NOT_WALKED)
    assert {name for name, s in status.items() if s == "failed"} == walked | {"zero"}
    assert [status[p.name] for p in good] == ["ok", "ok"]
    assert {p.name for p in (tmp_path / "out").iterdir()} >= {"good-learner-0.pdf", "cohort.pdf"}
    assert tree(corpus.parent.parent) == before


@pytest.mark.parametrize(
    "args",
    [
        ("build", "p.yaml", "--today", "9999-12-31"),
        ("explain", "p.yaml", "--today", "1899-12-31"),
        ("progress", "p.yaml", "--replan", "--from", "9999-12-31"),
    ],
)
def test_dates_on_the_command_line_stay_in_range(args: tuple[str, ...], tmp_path: Path) -> None:
    good_profiles(tmp_path)[0].rename(tmp_path / "p.yaml")
    run = run_bounded(*args, cwd=tmp_path, home=tmp_path / "h")
    assert_clean_refusal(run)
    assert "is outside the dates plans are made for: from 2000-01-01 to 2099-12-31" in run.stderr
