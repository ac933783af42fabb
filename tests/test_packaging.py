"""The wheel carries content/ and templates/, so an installed studyplan finds its data."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_wheel_ships_catalog_and_templates(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("studyplan-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for source in [*ROOT.glob("content/**/*.yaml"), *ROOT.glob("templates/**/*.*")]:
        assert f"planner/{source.relative_to(ROOT)}" in names, source
    assert "planner/cli/__init__.py" in names
    entry_points = (
        zipfile.ZipFile(wheel)
        .read(next(n for n in names if n.endswith("entry_points.txt")))
        .decode()
    )
    assert "studyplan = planner.cli:entry" in entry_points
