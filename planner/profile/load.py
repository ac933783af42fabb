"""Loading profile files: YAML streams of profiles, each validated on its own."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from planner.catalog.model import Catalog
from planner.errors import Problem, UserError
from planner.inputs import PROFILE_BYTES
from planner.inputs import read_text as read_outside_text
from planner.profile.model import Profile
from planner.profile.validate import validate
from planner.yamlsource import load_documents


@dataclass(frozen=True)
class LoadedProfile:
    """One document of a profile file: the profile, or the problems that stopped it."""

    source: str
    index: int
    line: int
    profile: Profile | None
    problems: tuple[Problem, ...] = ()


def load_text(text: str, catalog: Catalog, source: str) -> list[LoadedProfile]:
    """Every profile in a YAML stream, each validated on its own."""
    out = []
    for doc in load_documents(text, source):
        if doc.data is None and not doc.problems:
            continue  # an empty document between separators
        profile, problems = (
            (None, list(doc.problems))
            if doc.problems
            else validate(doc.data, catalog, source, doc.line)
        )
        out.append(LoadedProfile(source, doc.index, doc.line, profile, tuple(problems)))
    if not out:
        out.append(
            LoadedProfile(
                source,
                0,
                1,
                None,
                (
                    Problem(
                        "no profile in this file; `studyplan init` writes a starter profile",
                        source,
                        1,
                    ),
                ),
            )
        )
    return out


def read_text(path: Path) -> str:
    """A profile file's text, or a UserError that says why it cannot be read."""
    return read_outside_text(path, PROFILE_BYTES, "a profile file (.yaml)")


def load_file(path: Path, catalog: Catalog) -> list[LoadedProfile]:
    return load_text(read_text(path), catalog, str(path))


def only_profile(loaded: list[LoadedProfile]) -> Iterator[Profile]:
    """The valid profiles; raise one UserError listing every problem when any is bad."""
    problems = [p for lp in loaded for p in lp.problems]
    if problems:
        source = loaded[0].source
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        raise UserError(problems, header=f"{source}: {count} in this profile:")
    yield from (lp.profile for lp in loaded if lp.profile)
