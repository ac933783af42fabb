"""A full disk and a folder we may not write: exit 2 with a plain message, the files of one
plan all or none, a batch that stops with its report. The disk fills for real: a file size
limit on the child (RLIMIT_FSIZE: writes past it fail with EFBIG) and, where a mount
namespace can be made, a small tmpfs (ENOSPC); nothing here replaces a write."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import studyplan_command
from tests.hostile.limits import assert_clean_refusal, run_bounded

TODAY = "2027-01-04"
SHORT = """\
name: {name}
goal: llm-applications
hours_per_week: 20
weeks: {weeks}
background: {{math: 3, python: 3, ml: 3}}
"""


def profile(folder: Path, name: str, weeks: int = 4) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name.lower()}.yaml"
    path.write_text(SHORT.format(name=name, weeks=weeks), encoding="utf-8")
    return path


def sizes(tmp_path: Path, source: Path) -> dict[str, int]:
    """The sizes of the plan's files, from a build with room enough."""
    out = tmp_path / "sizes"
    run = run_bounded("build", str(source), "-o", str(out), "--format", "pdf,md", "--today",
                      TODAY, cwd=tmp_path, home=tmp_path / "h")  # fmt: skip
    assert run.code == 0, run.stderr
    found = {p.suffix: p.stat().st_size for p in out.iterdir()}
    shutil.rmtree(out)
    return found


def test_a_file_past_the_size_limit_writes_none_of_the_plan(tmp_path: Path) -> None:
    source = profile(tmp_path / "in", "Small")
    size = sizes(tmp_path, source)
    assert size[".md"] < size[".pdf"]
    limit = (size[".md"] + size[".pdf"]) // 2  # the Markdown file fits, the PDF does not
    run = run_bounded("build", str(source), "-o", "out", "--format", "md,pdf", "--today", TODAY,
                      cwd=tmp_path, home=tmp_path / "h", file_bytes=limit)  # fmt: skip
    assert_clean_refusal(run)
    mb = -(-(size[".md"] + size[".pdf"]) // 100_000) / 10
    assert run.stderr == f"error: not enough space in out (needed about {mb:g} MB)\n"
    assert list((tmp_path / "out").iterdir()) == []  # no Markdown alone, no temporary file


def test_a_batch_stops_at_a_full_disk_and_reports_what_was_done(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    for name, weeks in (("Anna", 2), ("Bert", 40), ("Cleo", 2)):  # built in this order
        profile(inputs, name, weeks)
    limit = sizes(tmp_path, inputs / "anna.yaml")[".pdf"] * 2  # Anna fits, Bert does not
    run = run_bounded("batch", "in", "-o", "out", "-j", "1", "--today", TODAY,
                      cwd=tmp_path, home=tmp_path / "h", file_bytes=limit)  # fmt: skip
    assert_clean_refusal(run)
    assert "Stopped: not enough space in out" in run.stderr
    assert "re-run with --skip-existing" in run.stderr
    report = json.loads((tmp_path / "out" / "batch-report.json").read_text("utf-8"))
    assert [(Path(r["source"]).name, r["status"]) for r in report["profiles"]] == [
        ("anna.yaml", "ok"),
        ("bert.yaml", "failed"),
    ]
    assert report["summary"]["stopped"].startswith("not enough space in out")
    assert sorted(p.name for p in (tmp_path / "out").glob("*.pdf")) == ["anna.pdf", "cohort.pdf"]


def _namespace() -> list[str] | None:
    """A command prefix that runs a shell in a new mount namespace, or None here."""
    unshare = shutil.which("unshare")
    for prefix in ([unshare, "-m"], [unshare, "-r", "-m"]) if unshare else ():
        probe = subprocess.run([*prefix, "true"], capture_output=True)  # type: ignore[list-item]
        if probe.returncode == 0:
            return [*prefix, "sh", "-c"]  # type: ignore[list-item]
    return None


NAMESPACE = _namespace()
needs_namespace = pytest.mark.skipif(
    NAMESPACE is None, reason="no mount namespace here (unshare -m refused): no tmpfs to fill"
)


def build_mounted(tmp_path: Path, mount: str, out: str) -> subprocess.CompletedProcess[str]:
    """Build a short plan as md and pdf into out, in a mount namespace where mount ran first;
    stdout says the exit status, then what out holds."""
    assert NAMESPACE is not None
    profile(tmp_path / "in", "Small")
    (tmp_path / out.split("/")[0]).mkdir()
    script = (
        f"{mount} && $STUDYPLAN build in/small.yaml -o {out} --format md,pdf --today {TODAY}; "
        f'echo "exit $?"; ls -A {out}'
    )
    env = {**os.environ, "STUDYPLAN": " ".join(studyplan_command())}
    return subprocess.run([*NAMESPACE, script], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)  # fmt: skip


@needs_namespace
def test_a_full_tmpfs_is_not_enough_space(tmp_path: Path) -> None:
    done = build_mounted(tmp_path, "mount -t tmpfs -o size=64k tmpfs disk", "disk/out")
    said = "error: not enough space in disk/out (needed about 0."
    assert done.stderr.startswith(said), done.stderr
    assert done.stdout == "exit 2\n"  # and the folder is empty: no Markdown, no temporary


@needs_namespace
def test_a_read_only_folder_is_named(tmp_path: Path) -> None:
    done = build_mounted(tmp_path, "mount --bind out out && mount -o remount,ro,bind out", "out")
    assert done.stdout == "exit 2\n"  # and nothing in the folder
    assert done.stderr == "error: cannot write out: read-only file system; choose another -o\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a folder without write permission")
def test_a_folder_without_write_permission_is_named(tmp_path: Path) -> None:
    profile(tmp_path / "in", "Small")
    (tmp_path / "out").mkdir(mode=0o555)
    run = run_bounded("build", "in/small.yaml", "-o", "out", cwd=tmp_path, home=tmp_path / "h")
    assert_clean_refusal(run)
    assert run.stderr == "error: cannot write out: permission denied; choose another -o\n"
