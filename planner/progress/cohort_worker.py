"""Cohort progress worker: one ticked plan file -> a Learner; a bad file never stops the rest."""

from __future__ import annotations

import json
import logging
import re
import signal
import traceback
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from planner.batch.worker import REPORT_BUG, die_with_parent, exit_on_term
from planner.catalog.load import load_catalog
from planner.catalog.model import Catalog
from planner.errors import UserError
from planner.progress.cohort_learner import Learner, PlanShape, learner_of
from planner.progress.model import Progress
from planner.progress.planned import plan_of
from planner.progress.read import read_progress

SHAPES_KEPT = 256  # rebuilt plans kept per worker: learners often share one plan
# what studyplan itself writes beside plans: the batch's cohort summary, this command's report
REPORT_NAME = re.compile(r"^cohort(-progress)?(-[0-9]+-of-[0-9]+)?\.pdf$")
PROFILE_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Unread:
    """A file that was not counted: failed (unreadable) or skipped (not a ticked plan)."""

    source: str
    status: str  # failed | skipped
    reason: str  # why, without the file name in front

    @classmethod
    def of(cls, source: str, status: str, message: str) -> Unread:
        return cls(source, status, message.removeprefix(f"{source}: "))


@dataclass
class _State:
    today: date
    catalog: Catalog
    shapes: OrderedDict[str, PlanShape]


_state: _State | None = None


def init_worker(today: date, catalog: Catalog | None = None, in_pool: bool = True) -> None:
    """Once per process: the day looked at, the catalog; in a pool, Ctrl-C is the parent's."""
    global _state
    # pypdf logs what it repairs ("EOF marker not found"); a file it cannot read fails anyway
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if in_pool:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, exit_on_term)
        die_with_parent()
    _state = _State(today, catalog or load_catalog(), OrderedDict())


def read_plan(source: str) -> Learner | Unread:
    """Where the learner of this file stands, or why the file was not counted."""
    assert _state is not None, "init_worker first"
    path = Path(source)
    try:
        progress = read_progress(path, _state.today, _state.catalog)
        return learner_of(progress, _shape(progress, _state), _state.today, path.stat().st_mtime)
    except UserError as exc:
        return _unread(path, exc.render())
    except Exception as exc:
        last = traceback.extract_tb(exc.__traceback__)[-1]
        return Unread(
            source,
            "failed",
            f"{REPORT_BUG}: {type(exc).__name__}: {exc} "
            f"at {Path(last.filename).name}:{last.lineno}",
        )


def _unread(path: Path, reason: str) -> Unread:
    """Failed, unless it is a file studyplan writes that is no plan (skipped, with why)."""
    if REPORT_NAME.match(path.name.lower()):
        return Unread(str(path), "skipped", "a studyplan report, not a ticked plan")
    if path.suffix.lower() in PROFILE_SUFFIXES and _is_profile(path):
        return Unread(str(path), "skipped", "a profile, not a progress file")
    return Unread.of(str(path), "failed", reason)


def _is_profile(path: Path) -> bool:
    try:
        head = path.read_bytes()[:4096].decode("utf-8", "replace")
    except OSError:
        return False
    keys = set(re.findall(r"^([a-z_]+)\s*:", head, re.MULTILINE))
    return {"name", "goal"} <= keys and "profile" not in keys


def _shape(progress: Progress, state: _State) -> PlanShape | None:
    """The hours behind the file's tasks, from a plan rebuilt once per distinct profile.

    The name does not change a plan, so learners with the same answers share one rebuild.
    """
    key = json.dumps(
        {k: v for k, v in progress.profile.items() if k != "name"}, sort_keys=True, default=str
    )
    shape: PlanShape | None = state.shapes.get(key)
    if shape:
        state.shapes.move_to_end(key)
    else:
        plan = plan_of(progress, state.catalog, state.today)
        shape = PlanShape.of(plan) if plan else None
        if shape:  # a profile that cannot be rebuilt is tried again: it may be the file's fault
            state.shapes[key] = shape
            if len(state.shapes) > SHAPES_KEPT:
                state.shapes.popitem(last=False)
    # a file from an older catalog has task ids its rebuilt plan lacks: no hours for it
    return shape if shape and all(t.id in shape.hours for t in progress.tasks) else None
