"""Atomic writes: a reader sees the old file or the new one, never a part."""

from __future__ import annotations

import os

import pytest

from planner.errors import UserError
from planner.output import ensure_dir, write_atomic


def test_write_atomic_replaces_and_leaves_no_temp(tmp_path):
    path = tmp_path / "plan.pdf"
    write_atomic(path, b"one")
    write_atomic(path, b"two")
    assert path.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_failed_write_leaves_old_file(tmp_path, monkeypatch):
    path = tmp_path / "plan.pdf"
    write_atomic(path, b"old")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(UserError, match=f"cannot write {tmp_path}: disk full"):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_ensure_dir_creates_and_refuses_files(tmp_path):
    assert ensure_dir(tmp_path / "a" / "b").is_dir()
    (tmp_path / "f").write_text("x")
    with pytest.raises(UserError, match="not a folder"):
        ensure_dir(tmp_path / "f")
