"""The reader for files from outside: regular files only, bounded while reading, UTF-8."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from planner.errors import UserError
from planner.inputs import decode_text, read_input, read_text, size_text

WHAT = "a profile file (.yaml)"


def refusal(path: Path | str, limit: int = 1000) -> str:
    with pytest.raises(UserError) as err:
        read_input(Path(path), limit, WHAT)
    return err.value.render()


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 1000)
    assert read_input(path, 1000, WHAT) == b"x" * 1000


def test_one_byte_over_the_limit_is_refused_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 1001)
    assert refusal(path) == f"{path}: larger than 1000 bytes; is it really {WHAT}?"


def test_a_fifo_is_refused_by_name_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "p.yaml"
    os.mkfifo(fifo)  # no writer: opening it for reading the ordinary way would block
    assert refusal(fifo) == f"{fifo}: is a pipe (FIFO), not a file; give {WHAT}"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused_by_name(device: str) -> None:
    assert refusal(device) == f"{device}: is a device, not a file; give {WHAT}"


def test_a_socket_and_a_folder_are_refused_by_name(tmp_path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "s"))
    server.close()
    assert refusal(tmp_path / "s").endswith(": is a socket, not a file; give " + WHAT)
    assert refusal(tmp_path) == f"{tmp_path}: is a folder; give {WHAT}"


def test_a_proc_file_that_says_size_0_is_bounded_while_read() -> None:
    status = Path("/proc/self/status")
    assert status.stat().st_size == 0 and len(status.read_bytes()) > 100
    assert refusal(status, 100) == f"{status}: larger than 100 bytes; is it really {WHAT}?"


def test_missing_and_unreadable_paths_say_why(tmp_path: Path) -> None:
    assert refusal(tmp_path / "nope.yaml") == f"{tmp_path / 'nope.yaml'}: no such file"
    (tmp_path / "f").write_text("x")
    assert "no such file" in refusal(tmp_path / "f" / "x.yaml")


def test_a_symlink_named_on_the_command_line_is_followed(tmp_path: Path) -> None:
    (tmp_path / "real.yaml").write_text("name: x\n")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "real.yaml")
    assert read_text(tmp_path / "link.yaml", 100, WHAT) == "name: x\n"


@pytest.mark.parametrize(
    ("data", "offset"),
    [(b"name: Jos\xe9\n", 9), (b"\xef\xbb\xbfname: Jos\xe9\n", 12), (b"ok\xed\xa0\x80", 2)],
)
def test_text_that_is_not_utf8_names_the_byte_in_the_file(data: bytes, offset: int) -> None:
    with pytest.raises(UserError, match=rf"^f.yaml: not UTF-8 text \(byte {offset}\)$"):
        decode_text(data, "f.yaml")


def test_a_byte_order_mark_is_dropped() -> None:
    assert decode_text(b"\xef\xbb\xbfname: x", "f") == "name: x"


def test_sizes_read_as_people_say_them() -> None:
    assert [size_text(n) for n in (1_000_000, 50_000_000, 65_536, 10)] == [
        "1 MB",
        "50 MB",
        "64 KB",
        "10 bytes",
    ]
