"""File names from user text: any script kept, nothing unsafe, never a path."""

from __future__ import annotations

import pytest

from planner.slug import slugify, unique


@pytest.mark.parametrize(
    "name, slug",
    [
        ("Ada Lovelace", "ada-lovelace"),
        ("  Zoë   O'Brien ", "zoë-o-brien"),
        ("Сергей Иванов", "сергей-иванов"),
        ("Ελένη", "ελένη"),
        ("李小龍", "李小龍"),
        ("../../etc/passwd", "etc-passwd"),
        ("a/b\\c:d*e?f", "a-b-c-d-e-f"),
        ("Zoe\u0301", "zoé"),  # NFC
    ],
)
def test_slugify(name, slug):
    assert slugify(name) == slug


@pytest.mark.parametrize("name", ["../..", "😀😀", "...", "CON", "<>&"])
def test_fallback_is_a_stable_hash(name):
    slug = slugify(name)
    assert slug.startswith("plan-") and len(slug) == 13 and slug == slugify(name)


def test_long_names_are_cut():
    assert len(slugify("x" * 500)) <= 60


def test_unique_numbers_duplicates():
    taken: set[str] = set()
    assert [unique("ada", taken) for _ in range(3)] == ["ada", "ada-2", "ada-3"]
