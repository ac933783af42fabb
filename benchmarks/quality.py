"""The scheduler's quality over many profiles: DESIGN.md's measures, as one report."""

from __future__ import annotations

import statistics
from collections import Counter
from datetime import date
from typing import Any

from planner.catalog.model import Catalog
from planner.engine.build import build_plan
from planner.plan import Plan
from planner.profile.validate import validate


def plan_quality(catalog: Catalog, profiles: list[dict[str, Any]]) -> str:
    excess: Counter[int] = Counter()
    overloaded = violations = unexplained = items = 0
    runs = []
    for data in profiles:
        profile, problems = validate(data, catalog)
        assert profile, problems
        plan = build_plan(profile, catalog, date(2027, 1, 1))
        catch_up = sum(1 for w in plan.weeks if any(i.kind == "catch-up" for i in w.items))
        excess[len(plan.weeks) - catch_up - plan.lower_bound_weeks] += 1
        overloaded += sum(1 for w in plan.weeks if w.hours > plan.hours_per_week + 1e-6)
        violations += prerequisite_violations(plan)
        planned = [i for w in plan.weeks for i in w.items]
        items += len(planned)
        unexplained += sum(1 for i in planned if not i.reasons)
        runs.append(longest_section_run(plan))
    n = len(profiles)
    spread = ", ".join(f"+{k}: {v}" for k, v in sorted(excess.items()))
    return (f"scheduler quality over {n} varied profiles:\n"
            f"  weeks minus lower bound (catch-up weeks not counted): {spread}\n"
            f"  overloaded weeks: {overloaded}; prerequisite violations: {violations}\n"
            f"  items with a reason: {100 * (items - unexplained) / max(items, 1):.1f}%\n"
            f"  longest run of weeks given to one section alone: median {statistics.median(runs)}, "
            f"max {max(runs)}")


def prerequisite_violations(plan: Plan) -> int:
    first: dict[str, tuple[int, int]] = {}
    last: dict[str, tuple[int, int]] = {}
    for w in plan.weeks:
        for s, item in enumerate(w.items):
            first.setdefault(item.id, (w.number, s))
            last[item.id] = (w.number, s)
    return sum(1 for item_id, start in first.items() for w in plan.weeks for i in w.items
               if i.id == item_id and i.part[0] == 1
               for pre in i.prerequisites if pre in last and last[pre] >= start)


def longest_section_run(plan: Plan) -> int:
    """Longest run of consecutive weeks that study one and the same section and nothing else."""
    best = run = 0
    previous = None
    for w in plan.weeks:
        sections = {i.section for i in w.items if i.kind not in ("review", "catch-up")}
        only = next(iter(sections)) if len(sections) == 1 else None
        run = run + 1 if only and only == previous else (1 if only else 0)
        previous = only
        best = max(best, run)
    return best
