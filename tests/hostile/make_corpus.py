"""Write a corpus of small hostile input files into a folder: `python make_corpus.py DIR`.

Every case is built at run time (no generated binaries are kept in the repository) and is
named after what it tries: alias bombs, deep nesting, huge values, thousands of keys or
documents, numbers of thousands of digits, dates at the ends of the calendar, half
characters, binary junk, a pipe, a socket, a symlink out of the folder. The tests feed each
one to the real command line and expect a clean refusal.

Cases come in kinds, each a dict of file name -> builder; the profile kind is here, and
progress files (embedded attachments, form-field loops, encrypted PDFs) are a kind to add.
"""

from __future__ import annotations

import os
import random
import socket
import sys
from collections.abc import Callable
from pathlib import Path

GOOD = (
    "name: {name}\ngoal: llm-engineer\nhours_per_week: 10\n"
    "background: {{math: 2, python: 3, ml: 2}}\n"
)
BASE = (
    "name: Mallory\ngoal: llm-engineer\nhours_per_week: 8\n"
    "background: {math: 1, python: 1, ml: 1}\n"
)
DIGITS = "9" * 5000

Builder = Callable[[Path], None]


def text(content: str) -> Builder:
    return lambda path: path.write_text(content, encoding="utf-8")


def raw(content: bytes) -> Builder:
    return lambda path: path.write_bytes(content)


def _alias_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, current in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{current}: &{current} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _merge_bomb() -> str:
    lines = ["a: &a {k0: 1, k1: 1, k2: 1, k3: 1, k4: 1, k5: 1, k6: 1, k7: 1, k8: 1, k9: 1}"]
    for previous, current in zip("abcdef", "bcdefg", strict=True):
        merged = ", ".join(f"x{n}: {{<<: *{previous}}}" for n in range(10))
        lines.append(f"{current}: &{current} {{{merged}}}")
    return "\n".join(lines) + "\n"


def _deep_block(levels: int) -> str:
    return "".join(f"{'  ' * n}k{n}:\n" for n in range(levels)) + "  " * levels + "x\n"


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays


def _junk(path: Path) -> None:
    path.write_bytes(random.Random(20).randbytes(4096))


def _outside_link(path: Path) -> None:
    """A symlink to a file beside the corpus folder (a secret the organiser keeps there)."""
    secret = path.parent.parent / "secret.yaml"
    secret.write_text("name: SECRET-TOKEN-1234\n", encoding="utf-8")
    path.symlink_to(secret)


PROFILE_CASES: dict[str, Builder] = {
    "alias-bomb.yaml": text(_alias_bomb()),
    "merge-bomb.yaml": text(_merge_bomb()),
    "alias-loop.yaml": text("name: &a [x, *a]\n"),
    "deep-flow.yaml": text("name: " + "[" * 5000 + "]" * 5000 + "\n"),
    "deep-block.yaml": text(_deep_block(200)),
    "huge-scalar.yaml": text("name: " + "A" * 900_000 + "\n"),
    "huge-key.yaml": text("K" * 20_000 + ": 1\n"),
    "many-keys.yaml": text("".join(f"k{n}: {n}\n" for n in range(20_000))),
    "many-values.yaml": text("completed: [" + ",".join(["x"] * 200_000) + "]\n"),
    "empty-documents.yaml": text("--- {}\n" * 5000),
    "many-documents.yaml": text("---\n{}\n" * 20_000),
    "too-large.yaml": text("# padding\n" * 120_000),
    "int-hours.yaml": text(BASE.replace("hours_per_week: 8", f"hours_per_week: {DIGITS}")),
    "int-weeks.yaml": text(BASE + f"weeks: {DIGITS}\n"),
    "int-background.yaml": text(BASE.replace("math: 1", f"math: -{DIGITS}")),
    "int-tasks-done.yaml": text(BASE + f"tasks_done: {{python-basics: [{DIGITS}]}}\n"),
    "int-hex.yaml": text(BASE + "weeks: 0x" + "f" * 5000 + "\n"),
    "int-key.yaml": text(BASE + f"{DIGITS}: 1\n"),
    "float-huge.yaml": text(BASE.replace("hours_per_week: 8", "hours_per_week: 1.0e999")),
    "year-9999.yaml": text(BASE + "start_date: 9999-12-27\n"),
    "year-0001.yaml": text(BASE + "start_date: 0001-01-01\n"),
    "year-1900.yaml": text(BASE + "start_date: 1900-01-01\n"),
    "surrogate-escape.yaml": text(BASE.replace("Mallory", '"Mal\\ud800lory"')),
    "surrogate-bytes.yaml": raw(BASE.encode().replace(b"Mallory", b"Mal\xed\xa0\x80lory")),
    "utf16.yaml": raw(BASE.encode("utf-16")),
    "nul-bytes.yaml": raw(BASE.encode().replace(b"Mallory", b"Mal\x00lory")),
    "binary-junk.yaml": _junk,
    "python-tag.yaml": text("name: !!python/object/apply:os.system [echo owned]\n"),
    "undefined-alias.yaml": text("name: *" + "n" * 5000 + "\n"),
    "fifo.yaml": _fifo,
    "socket.yaml": _socket,
    "folder.yaml": lambda path: path.mkdir(),
    "outside-link.yaml": _outside_link,
}
# cases the folder walk of `batch` leaves out on purpose: not regular files, or outside it
NOT_WALKED = ("fifo.yaml", "socket.yaml", "folder.yaml", "outside-link.yaml")
DEVICES = ("/dev/zero", "/dev/urandom")  # given as paths: refused, never read


def make_corpus(folder: Path, kinds: dict[str, dict[str, Builder]] | None = None) -> list[Path]:
    """Build every case of each kind into folder/<kind>/; the paths, in name order."""
    made = []
    for kind, cases in (kinds or {"profiles": PROFILE_CASES}).items():
        place = folder / kind
        place.mkdir(parents=True, exist_ok=True)
        for name, build in sorted(cases.items()):
            build(place / name)
            made.append(place / name)
    return made


def good_profiles(folder: Path, count: int = 2) -> list[Path]:
    """A few valid profiles beside the hostile ones: a batch must still build them."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"good-{n}.yaml" for n in range(count)]
    for n, path in enumerate(paths):
        path.write_text(GOOD.format(name=f"Good Learner {n}"), encoding="utf-8")
    return paths


if __name__ == "__main__":
    for made in make_corpus(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")):
        print(made)
