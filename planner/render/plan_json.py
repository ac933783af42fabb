"""The plan as JSON: DESIGN.md's plan contract, nothing more, nothing less."""

from __future__ import annotations

import json
from typing import Any

from planner.facts import Why
from planner.plan import Omitted, Plan, PlannedItem, Week
from planner.render.words import Words

WHY_KEYS = ("rule", "item", "interest", "track")  # a reason's provenance beside its kind


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    words = Words(plan)
    return {
        "name": plan.name,
        "goal": plan.goal,
        "hours_per_week": _num(plan.hours_per_week),
        "start_date": plan.start_date.isoformat(),
        "total_hours": plan.total_hours,
        "dropped": [_omitted(o, words) for o in plan.dropped],
        "skipped": [_omitted(o, words) for o in plan.skipped],
        "notes": words.notes(),
        "weeks": [_week(w, words) for w in plan.weeks],
    }


def render_json(plan: Plan) -> bytes:
    return (json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n").encode()


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _omitted(o: Omitted, words: Words) -> dict[str, Any]:
    return {"id": o.id, "reason": words.omitted(o), "hours": o.hours, "why": _why(o.why)}


def _week(w: Week, words: Words) -> dict[str, Any]:
    return {
        "number": w.number,
        "start": w.start.isoformat(),
        "end": w.end.isoformat(),
        "hours": w.hours,
        "items": [_item(i, w.number, words) for i in w.items],
    }


def _item(i: PlannedItem, week: int, words: Words) -> dict[str, Any]:
    return {
        "id": i.id,
        "title": i.title,
        "section": i.section,
        "hours": i.hours,
        "part": list(i.part),
        "prerequisites": list(i.prerequisites),
        "reasons": list(words.reasons(i)),
        "resources": [{"title": r.title, "url": r.url} for r in i.resources],
        "checklist": list(words.checklist(i)),
        # beside the contract's keys: what each task costs, and where each reason came from
        "kind": i.kind,
        "continued_from": i.continued_from,
        "tasks": [
            {
                "id": tid,
                "text": words.task(task),
                "hours": round(task.hours, 2),
                "session": list(task.session),
            }
            for tid, task in zip(i.task_ids(week), i.tasks, strict=True)
        ],
        "why": [_why(w) for w in i.why],
    }


def _why(w: Why) -> dict[str, str]:
    """Where a reason came from: its kind and the ids it names (its words are `reasons`)."""
    return {"kind": w.kind} | {k: v for k in WHY_KEYS if (v := getattr(w, k, ""))}
