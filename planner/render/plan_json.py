"""The plan as JSON: DESIGN.md's plan contract, nothing more, nothing less."""

from __future__ import annotations

import json
from typing import Any

from planner.plan import Omitted, Plan, PlannedItem, Week


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    return {
        "name": plan.name,
        "goal": plan.goal,
        "hours_per_week": _num(plan.hours_per_week),
        "start_date": plan.start_date.isoformat(),
        "total_hours": plan.total_hours,
        "dropped": [_omitted(o) for o in plan.dropped],
        "skipped": [_omitted(o) for o in plan.skipped],
        "notes": list(plan.notes),
        "weeks": [_week(w) for w in plan.weeks],
    }


def render_json(plan: Plan) -> bytes:
    return (json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n").encode()


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _omitted(o: Omitted) -> dict[str, str]:
    return {"id": o.id, "reason": o.reason}


def _week(w: Week) -> dict[str, Any]:
    return {
        "number": w.number,
        "start": w.start.isoformat(),
        "end": w.end.isoformat(),
        "hours": w.hours,
        "items": [_item(i) for i in w.items],
    }


def _item(i: PlannedItem) -> dict[str, Any]:
    return {
        "id": i.id,
        "title": i.title,
        "section": i.section,
        "hours": i.hours,
        "part": list(i.part),
        "prerequisites": list(i.prerequisites),
        "reasons": list(i.reasons),
        "resources": [{"title": r.title, "url": r.url} for r in i.resources],
        "checklist": list(i.checklist),
    }
