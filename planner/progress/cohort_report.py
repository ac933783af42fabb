"""The cohort progress report as CSV (one row per learner) and JSON (everything, mergeable).

The JSON keeps what the report was made from (each learner's items, place and identity), so
the reports of several shards can be read back and merged into one.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

from planner.catalog.model import Catalog
from planner.progress.cohort import Cohort
from planner.progress.cohort_groups import study_groups
from planner.progress.cohort_learner import ItemProgress, Learner
from planner.progress.cohort_worker import Unread

COLUMNS = (
    "name",
    "track",
    "file",
    "status",
    "tasks_done",
    "tasks_total",
    "hours_done",
    "hours_left",
    "expected_week",
    "weeks",
    "weeks_ahead",
    "end_at_pace",
    "plan_end",
    "start_date",
    "other_files",
)


def learner_row(learner: Learner, copies: list[str]) -> dict[str, Any]:
    """What the CSV and JSON say of one learner."""
    end = learner.end_at_pace
    return {
        "name": learner.name,
        "track": learner.goal,
        "file": learner.source,
        "status": learner.status,
        "tasks_done": learner.tasks_done,
        "tasks_total": learner.tasks_total,
        "hours_done": learner.hours_done,
        "hours_left": learner.hours_left,
        "expected_week": learner.expected_week,
        "weeks": learner.weeks,
        "weeks_ahead": learner.weeks_ahead,
        "end_at_pace": end.isoformat() if end else None,
        "plan_end": learner.plan_end.isoformat(),
        "start_date": learner.start.isoformat(),
        "other_files": copies,
    }


def report_csv(cohort: Cohort) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for learner in cohort.learners():
        row = learner_row(learner, cohort.copies(learner))
        row["other_files"] = ";".join(row["other_files"])
        writer.writerow(["" if row[c] is None else row[c] for c in COLUMNS])
    return buffer.getvalue().encode("utf-8")


def report_json(
    cohort: Cohort, catalog: Catalog, today: date, extra: dict[str, Any] | None = None
) -> bytes:
    learners = [learner_row(x, cohort.copies(x)) | _record(x) for x in cohort.learners()]
    items = [
        {
            "id": r.id,
            "title": r.title,
            "section": r.section,
            "in_plan": r.in_plan,
            "started": r.started,
            "finished": r.finished,
            "overdue": r.overdue,
        }
        for r in cohort.items(catalog)
    ]
    groups = [
        {
            "track": g.track,
            "kind": g.kind,
            "subject": g.subject,
            "about": g.describe(catalog),
            "learners": [{"name": m.name, "file": m.source} for m in g.members],
        }
        for g in study_groups(cohort.learners(), catalog)
    ]
    files = [
        {
            "file": f.source,
            "status": f.status,
            "learner": f.learner or None,
            "reason": f.reason or None,
        }
        for f in cohort.files()
    ]
    summary = {"today": today.isoformat(), **cohort.summary(), **(extra or {})}
    document = {
        "summary": summary,
        "learners": learners,
        "items": items,
        "groups": groups,
        "files": files,
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _record(learner: Learner) -> dict[str, Any]:
    """What a merge needs beyond the row: who, how far in plan weeks, the items."""
    return {
        "key": learner.key,
        "position": round(learner.position, 4),
        "modified": learner.modified,
        "items": [[i.id, i.done, i.total, i.last_week] for i in learner.items],
    }


def read_report(data: dict[str, Any], cohort: Cohort) -> date:
    """Add a report's learners, copies and unread files to cohort; the day it looked at."""
    today = date.fromisoformat(data["summary"]["today"])
    for row in data["learners"]:
        start = date.fromisoformat(row["start_date"])
        learner = Learner(
            row["file"],
            row["key"],
            row["name"],
            row["track"],
            start,
            row["weeks"],
            row["tasks_done"],
            row["tasks_total"],
            row["hours_done"],
            row["hours_left"],
            (today - start).days,
            row["position"],
            tuple(ItemProgress(*item) for item in row["items"]),
            row["modified"],
        )
        cohort.add(learner)
        for source in row["other_files"]:
            cohort.older.setdefault(learner.key, []).append((source, learner.name))
    for row in data["files"]:
        if row["status"] in ("failed", "skipped"):
            cohort.add(Unread(row["file"], row["status"], row["reason"] or ""))
    return today
