"""Plan quality over many profiles: the properties a learner relies on, as one report.

The same properties are tested on generated profiles in tests/test_catalog_plans.py; here
they are counted over a fixed matrix so a change shows as a number.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from planner.catalog.model import Catalog
from planner.engine.build import build_plan
from planner.engine.order import WOVEN
from planner.plan import Plan
from planner.profile.validate import validate
from planner.render.words import Words

AREA_SECTIONS = {
    "math": {"mathematics"},
    "python": {"programming", "cs-fundamentals", "collaboration"},
    "ml": {
        "genai-overview",
        "frameworks",
        "machine-learning",
        "neural-networks",
        "tokenization-embeddings",
        "sequence-models",
    },
}
KEY_APPLICATION_ITEMS = {"prompting-fundamentals", "llm-apis-structured-output", "rag-fundamentals"}


@dataclass
class Tally:
    plans: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    excess: Counter[int] = field(default_factory=Counter)
    runs: list[int] = field(default_factory=list)
    shares: list[float] = field(default_factory=list)
    deadline_use: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)


def plan_quality(catalog: Catalog, profiles: list[dict[str, Any]]) -> str:
    tally = Tally()
    for data in profiles:
        profile, problems = validate(data, catalog)
        assert profile, problems
        start = time.process_time()
        plan = build_plan(profile, catalog, date(2027, 1, 1))
        tally.seconds.append(time.process_time() - start)
        _count(tally, catalog, data, plan)
    return _report(tally)


def _count(tally: Tally, catalog: Catalog, data: dict[str, Any], plan: Plan) -> None:
    c = tally.counts
    tally.plans += 1
    parts = [i for w in plan.weeks for i in w.items]
    c["parts"] += len(parts)
    c["parts without a task"] += sum(1 for i in parts if not i.tasks)
    c["weeks"] += len(plan.weeks)
    c["weeks without a box"] += sum(1 for w in plan.weeks if not any(i.tasks for i in w.items))
    catch_up = sum(1 for w in plan.weeks if any(i.kind == "catch-up" for i in w.items))
    tally.excess[len(plan.weeks) - catch_up - plan.lower_bound_weeks] += 1
    tally.runs.append(longest_section_run(plan))
    firsts = [i for i in parts if i.part[0] == 1]
    words = Words(plan)
    reasons = Counter(r for i in firsts for r in words.reasons(i))
    if len(firsts) >= 8:
        tally.shares.append(reasons.most_common(1)[0][1] / len(firsts))
    c["prerequisite violations"] += prerequisite_violations(plan)
    c["overloaded weeks"] += sum(1 for w in plan.weeks if w.hours > plan.hours_per_week + 1e-6)
    _background(tally, catalog, data, plan)
    _deadline(tally, data, plan)
    if len(plan.weeks) > 52:
        c["plans past a year"] += 1
        c["... with planned alternatives"] += bool(plan.alternatives)


def _background(tally: Tally, catalog: Catalog, data: dict[str, Any], plan: Plan) -> None:
    planned = {i.id for w in plan.weeks for i in w.items if i.id in catalog.items}
    for area, sections in AREA_SECTIONS.items():
        if data["background"][area] == 4:
            basics = [
                i
                for i in planned
                if catalog.items[i].section in sections
                and catalog.items[i].level == "beginner"
                and not WOVEN & set(catalog.items[i].tags)
                and not ("python" in catalog.items[i].tags and data["background"]["python"] <= 1)
            ]
            tally.counts["experts given their area's basics"] += bool(basics)
    first4 = [i for w in plan.weeks[:4] for i in w.items if i.id in catalog.items]
    habits = sum(i.hours for i in first4 if WOVEN & set(catalog.items[i.id].tags))
    if first4 and habits > 0.25 * sum(i.hours for i in first4):
        tally.counts["plans with over 25% habits in weeks 1-4"] += 1


def _deadline(tally: Tally, data: dict[str, Any], plan: Plan) -> None:
    if not data.get("weeks") or not plan.dropped:
        return
    c = tally.counts
    budget = data["weeks"] * data["hours_per_week"]
    tally.deadline_use.append(plan.total_hours / budget)
    c["deadline plans that leave items out"] += 1
    kinds = {i.kind for w in plan.weeks for i in w.items}
    if budget >= 40:
        c["... with 40 h or more"] += 1
        c["... ending in a project or milestone"] += bool(kinds & {"project", "milestone"})
    if data["goal"] == "llm-applications" and data["background"]["python"] >= 2:
        planned = {i.id for w in plan.weeks for i in w.items}
        c["application developers who write Python"] += 1
        c["... reaching prompting, an LLM API and RAG"] += planned >= KEY_APPLICATION_ITEMS


def _report(tally: Tally) -> str:
    n = tally.plans
    spread = ", ".join(f"+{k}: {v}" for k, v in sorted(tally.excess.items()))
    near = sum(v for k, v in tally.excess.items() if k <= 1)
    use = tally.deadline_use or [1.0]
    lines = [
        f"plan quality over {n} profiles (tracks x backgrounds x 1.5-30 h/week, deadlines):",
        f"  planning one profile: median {statistics.median(tally.seconds) * 1000:.1f} ms "
        "CPU (goal < 20 ms)",
        f"  weeks minus lower bound: {spread}; within one week: {100 * near / n:.0f}% "
        "(goal >= 90%)",
        f"  longest run of weeks on one section alone: median {statistics.median(tally.runs)}"
        f", max {max(tally.runs)} (goal: median <= 3)",
        f"  most common reason's share of a plan's items: median "
        f"{statistics.median(tally.shares):.2f}, max {max(tally.shares):.2f}",
        f"  deadline plans: hours used median {statistics.median(use):.0%}, min {min(use):.0%}"
        f", {sum(u >= 0.85 for u in use)} of {len(use)} use 85% or more",
    ]
    lines += [f"  {name}: {value}" for name, value in tally.counts.items()]
    return "\n".join(lines)


def prerequisite_violations(plan: Plan) -> int:
    """Prerequisites whose last part comes after the first part of an item needing them."""
    first: dict[str, tuple[int, int]] = {}
    last: dict[str, tuple[int, int]] = {}
    for w in plan.weeks:
        for s, item in enumerate(w.items):
            first.setdefault(item.id, (w.number, s))
            last[item.id] = (w.number, s)
    return sum(
        1
        for w in plan.weeks
        for i in w.items
        if i.part[0] == 1
        for pre in i.prerequisites
        if pre in last and last[pre] >= first[i.id]
    )


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
