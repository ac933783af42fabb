"""The first-hour set-up: `make` checks the Python it builds the venv with, and rebuilds a
venv another Python left behind; README, pyproject and Makefile name the same Python."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
NEEDS = "3.11"

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def fake_python(path: Path, version: str) -> Path:
    """An interpreter that says it is `version`: the machine has no other Python to run."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\necho {version}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def make(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A make of its own, also when the tests run under `make test` (no inherited flags)."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    return subprocess.run(
        ["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_a_venv_made_by_another_python_is_rebuilt(tmp_path: Path) -> None:
    fake_python(tmp_path / ".venv" / "bin" / "python", "3.10")
    (tmp_path / ".venv" / ".installed").touch()
    result = make(tmp_path, "venv-check", f"PYTHON={sys.executable}")
    assert result.returncode == 0, result.stderr
    assert ".venv was made with Python 3.10; rebuilding it" in result.stdout
    assert not (tmp_path / ".venv").exists()
    # and the stamp it left counts for nothing: the install runs again
    fake_python(tmp_path / ".venv" / "bin" / "python", "3.10")
    (tmp_path / "pyproject.toml").touch()
    os.utime(tmp_path / "pyproject.toml", (0, 0))  # older than the stamp
    (tmp_path / ".venv" / ".installed").touch()
    dry = make(tmp_path, "-n", ".venv/.installed", f"PYTHON={sys.executable}")
    assert "pip install" in dry.stdout


def test_the_venv_of_the_same_python_is_kept(tmp_path: Path) -> None:
    venv_python = tmp_path / ".venv" / "bin" / "python"
    venv_python.parent.mkdir(parents=True)
    venv_python.symlink_to(sys.executable)
    result = make(tmp_path, "venv-check", f"PYTHON={sys.executable}")
    assert result.returncode == 0 and result.stdout == "", result.stdout
    assert venv_python.is_symlink()


@pytest.mark.parametrize("version", ["3.9", "3.10", "2.7"])
def test_a_python_too_old_is_named_in_one_line(tmp_path: Path, version: str) -> None:
    old = fake_python(tmp_path / "old-python", version)
    (tmp_path / "pyproject.toml").touch()
    result = make(tmp_path, ".venv/.installed", f"PYTHON={old}")
    assert result.returncode != 0
    [line] = [x for x in result.stderr.splitlines() if not re.match(r"make(\[\d+\])?:", x)]
    assert line.startswith(f"studyplan needs Python {NEEDS} or newer; {old} is {version}")
    assert not (tmp_path / ".venv").exists()


def test_readme_pyproject_and_makefile_ask_for_the_same_python() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["requires-python"] == f">={NEEDS}"
    assert re.search(rf"^NEEDS := {re.escape(NEEDS)}$", (ROOT / "Makefile").read_text(), re.M)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Python {NEEDS} or newer" in readme
    assert not re.search(r"Python 3\.(?!11)\d+", readme)
