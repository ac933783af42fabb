"""Property tests are reproducible in `make test`: the same examples on every run; `make
explore` is where fresh randomness searches for new failures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import settings

from tests.conftest import PROPERTY_PROFILE, examples

ROOT = Path(__file__).parent.parent
DRAW = """
import tests.conftest
from hypothesis import given, strategies as st
seen = []
@given(st.lists(st.integers(), max_size=5), st.text(max_size=5))
def draw(numbers, text):
    seen.append((numbers, text))
draw()
print(seen)
"""


def drawn(profile: str) -> str:
    env = {**os.environ, "HYPOTHESIS_PROFILE": profile}
    env.pop("PYTHONHASHSEED", None)  # a fresh hash seed must not change the examples either
    result = subprocess.run(
        [sys.executable, "-c", DRAW], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_ci_profile_draws_the_same_examples_every_run() -> None:
    first = drawn("ci")
    assert first.count("(") > 50  # it drew many examples...
    assert drawn("ci") == first  # ...and the same ones again


def test_the_loaded_profile_is_the_one_asked_for() -> None:
    loaded = settings.default
    assert loaded.deadline is None and loaded.print_blob
    assert os.environ.get("HYPOTHESIS_PROFILE", "ci") == PROPERTY_PROFILE
    if PROPERTY_PROFILE == "ci":
        assert loaded.derandomize and loaded.database is None and examples(7) == 7
    else:
        assert not loaded.derandomize and examples(7) == 70
