"""Shared fixtures: the fixture catalog, the real catalog, a fixed today, golden files."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from planner.catalog.load import load_catalog
from planner.catalog.model import Catalog

TESTS = Path(__file__).parent
FIXTURE_CONTENT = TESTS / "fixtures" / "content"
GOLDEN = TESTS / "golden"
TODAY = date(2026, 11, 25)  # a Wednesday: the default start is Monday 2026-11-30

# Property tests: `make test` runs the "ci" profile, the same examples on every run and every
# machine (no database, no clock); `make explore` runs "explore", fresh randomness and ten
# times the examples, to find new failures. A failure prints the blob that replays it.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile(
    "explore", max_examples=1000, derandomize=False, deadline=None, print_blob=True
)
PROPERTY_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROPERTY_PROFILE)
EXPLORE_FACTOR = 10 if PROPERTY_PROFILE == "explore" else 1


def examples(count: int) -> int:
    """A property test's example count: count in `make test`, more in `make explore`."""
    return count * EXPLORE_FACTOR


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files in tests/golden from the current output",
    )


@pytest.fixture(scope="session")
def small_catalog() -> Catalog:
    return load_catalog(FIXTURE_CONTENT)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """golden(name, text): compare text with tests/golden/name (rewrite with --update-golden)."""
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update or not path.exists():
            if not update:
                pytest.fail(f"no golden file {path}; run pytest --update-golden to create it")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"

    return check


def studyplan_command() -> list[str]:
    """The real console script of this environment."""
    script = Path(sys.executable).with_name("studyplan")
    return [str(script)] if script.exists() else [sys.executable, "-m", "planner"]


@pytest.fixture
def run_cli(tmp_path: Path):
    """Run the real `studyplan` console script in tmp_path; returns CompletedProcess."""

    def run(
        *args: str, input: str | None = None, cwd: Path | None = None, timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONHASHSEED": "0", "NO_COLOR": "1"}
        return subprocess.run(
            [*studyplan_command(), *args],
            cwd=cwd or tmp_path,
            env=env,
            input=input,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=None if input is not None else subprocess.DEVNULL,
        )

    return run
