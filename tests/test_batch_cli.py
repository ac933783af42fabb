"""`studyplan batch` through the real console script and the real catalog."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import studyplan_command

GOOD = """\
name: {name}
goal: llm-applications
hours_per_week: {hours}
weeks: {weeks}
background: {{math: 2, python: 3, ml: 1}}
"""
BAD = (
    "name: Broken\ngoal: llm-engineer\nhours_per_week: lots\n"
    "background: {math: 1, python: 2, ml: 0}\n"
)


def cohort(folder: Path, count: int, weeks: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        text = GOOD.format(name=f"Learner {n:02d}", hours=4 + n % 5, weeks=weeks)
        (folder / f"learner-{n:02d}.yaml").write_text(text, encoding="utf-8")
    return folder


def rows(out: Path, suffix: str = "") -> list[dict[str, str]]:
    with (out / f"batch-report{suffix}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_mixed_batch_exits_1_and_writes_the_good_ones(run_cli, tmp_path: Path) -> None:
    inputs = cohort(tmp_path / "in", 2)
    (inputs / "z-stream.yaml").write_text(
        GOOD.format(name="Learner 00", hours=6, weeks=3) + "---\n" + BAD, encoding="utf-8"
    )
    result = run_cli("batch", "in", "-o", "out", "--format", "pdf,json", "--today", "2026-11-25")
    assert result.returncode == 1, result.stderr
    out = tmp_path / "out"
    assert sorted(p.name for p in out.glob("learner-*.pdf")) == [
        "learner-00-2.pdf",
        "learner-00.pdf",
        "learner-01.pdf",
    ]
    assert "in/z-stream.yaml:9:17: hours_per_week:" in result.stderr
    assert "Traceback" not in result.stderr
    failed = [r for r in rows(out) if r["status"] == "failed"]
    assert [(r["source"], r["document"], r["line"]) for r in failed] == [
        ("in/z-stream.yaml", "1", "7")
    ]
    assert result.stdout.split() == [
        "out/batch-report.csv",
        "out/batch-report.json",
        "out/cohort.pdf",
    ]
    text = PdfReader(out / "cohort.pdf").pages[0].extract_text()
    assert "3 learners with a plan. 1 profile could not be planned" in text
    assert "Learners per track" in text and "LLM application" in text


def test_all_good_exits_0(run_cli, tmp_path: Path) -> None:
    cohort(tmp_path / "in", 2)
    result = run_cli("batch", "in", "-o", "out", "-j", "1", "--format", "md")
    assert result.returncode == 0, result.stderr
    assert [r["status"] for r in rows(tmp_path / "out")] == ["ok", "ok"]
    assert (tmp_path / "out" / "learner-01.md").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize(
    "args",
    [
        ["in", "missing.yaml"],
        ["in", "--shard", "4/3"],
        ["in", "--shard", "x"],
        ["in", "-j", "0"],
        ["in", "--format", "pdf,docx"],
    ],
)
def test_usage_errors_exit_2_and_write_nothing(run_cli, tmp_path: Path, args: list[str]) -> None:
    cohort(tmp_path / "in", 1)
    result = run_cli("batch", *args, "-o", "out")
    assert result.returncode == 2, result.stderr
    assert not (tmp_path / "out").exists()
    assert "Traceback" not in result.stderr and result.stderr.strip()


def test_shards_together_build_the_whole_cohort(run_cli, tmp_path: Path) -> None:
    inputs = cohort(tmp_path / "in", 5)
    (inputs / "dup.yaml").write_text(
        GOOD.format(name="Learner 01", hours=5, weeks=3), encoding="utf-8"
    )
    for shard in ("1/3", "2/3", "3/3"):
        result = run_cli("batch", "in", "-o", "out", "--shard", shard, "--format", "json")
        assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    done = [r for n in (1, 2, 3) for r in rows(out, f"-{n}-of-3")]
    assert sorted(r["source"] for r in done) == sorted(f"in/{p.name}" for p in inputs.iterdir())
    names = sorted(r["outputs"] for r in done)
    assert len(set(names)) == 6 and "learner-01-2.json" in names
    assert sorted(p.name for p in out.glob("learner-*.json")) == names
    summary = json.loads((out / "batch-report-2-of-3.json").read_text())["summary"]
    assert (summary["inputs"], summary["total"], summary["shard"]) == (6, 2, "2/3")
    merged = json.loads((out / "batch-report.json").read_text())
    assert sorted(o for r in merged["profiles"] for o in r["outputs"]) == names
    assert merged["summary"]["shards"] == ["1/3", "2/3", "3/3"]
    assert merged["summary"]["ok"] == 6


def wait_until_gone(group: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    pytest.fail("batch workers still running after their parent was killed")


def test_a_killed_batch_leaves_whole_files_and_resumes(tmp_path: Path) -> None:
    cohort(tmp_path / "in", 16, weeks=6)
    out = tmp_path / "out"
    command = [*studyplan_command(), "batch", "in", "-o", "out", "-j", "2"]
    proc = subprocess.Popen(
        command,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while len(list(out.glob("learner-*.pdf"))) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    wait_until_gone(proc.pid)  # the workers notice their parent died, clean up and stop
    first = sorted(out.glob("learner-*.pdf"))
    assert 3 <= len(first) < 16, "the kill should land mid-batch"
    assert not list(out.glob("*.part")) and not list(out.glob(".*"))
    for pdf in first:
        assert len(PdfReader(pdf).pages) >= 1
    resumed = subprocess.run(
        [*command, "--skip-existing"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    assert resumed.returncode == 0, resumed.stderr
    statuses = [r["status"] for r in rows(out)]
    assert statuses.count("skipped") >= len(first) and statuses.count("ok") >= 1
    assert set(statuses) == {"ok", "skipped"} and len(statuses) == 16
    assert len(list(out.glob("learner-*.pdf"))) == 16


def test_ctrl_c_stops_the_pool_writes_the_report_and_exits_130(tmp_path: Path) -> None:
    cohort(tmp_path / "in", 16, weeks=6)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [*studyplan_command(), "batch", "in", "-o", "out", "-j", "2"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stderr is not None
    progress = proc.stderr.readline()  # plain progress lines: the parent has results by now
    assert progress.startswith("batch: ") and " done" in progress
    os.killpg(proc.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches the whole process group
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "--skip-existing" in stderr and "Traceback" not in stderr
    done = rows(out)
    assert 1 <= len(done) < 16 and {r["status"] for r in done} == {"ok"}
    assert json.loads((out / "batch-report.json").read_text())["summary"]["cancelled"] is True
    assert not list(out.glob("*.part")) and not list(out.glob(".*"))
