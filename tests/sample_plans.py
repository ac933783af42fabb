"""Hand-built Plans for the renderer tests: minimal, a 16-week plan with splits, hostile text."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from planner.plan import (
    Omitted,
    Plan,
    PlannedItem,
    PlannedTask,
    Resource,
    RuleFiring,
    Week,
    Why,
)

SECTIONS = (
    ("foundations", "Foundations: Python and math"),
    ("ml", "Machine learning basics"),
    ("transformers", "Transformers and attention"),
    ("rag", "Retrieval-augmented generation"),
    ("evaluation", "Evaluation and safety"),
)


def item(
    item_id: str,
    title: str,
    hours: float,
    *,
    section: int = 0,
    kind: str = "lesson",
    part: tuple[int, int] = (1, 1),
    checklist: tuple[str, ...] = ("Read it", "Try it"),
    task_offset: int = 0,
    continued_from: int = 0,
    resources: tuple[Resource, ...] | None = None,
    reasons: tuple[str, ...] = ("Core of the llm-engineer track.",),
) -> PlannedItem:
    section_id, section_title = SECTIONS[section]
    return PlannedItem(
        id=item_id,
        title=title,
        section=section_id,
        section_title=section_title,
        hours=hours,
        part=part,
        kind=kind,
        summary=f"What {title} covers, in one sentence.",
        prerequisites=(),
        why=tuple(Why("rule", r) for r in reasons),
        resources=resources
        if resources is not None
        else (Resource(f"{title} — official docs", f"https://example.org/{item_id}"),),
        tasks=tuple(
            PlannedTask(text, hours / len(checklist), task_offset + j)
            for j, text in enumerate(checklist)
        ),
        continued_from=continued_from,
    )


def weeks_from(start: date, items_per_week: list[tuple[PlannedItem, ...]]) -> tuple[Week, ...]:
    return tuple(
        Week(
            number=n + 1,
            start=start + timedelta(weeks=n),
            end=start + timedelta(weeks=n, days=6),
            items=items,
        )
        for n, items in enumerate(items_per_week)
    )


PROFILE = {
    "name": "Ada Lovelace",
    "goal": "llm-engineer",
    "hours_per_week": 8,
    "start_date": "2027-01-04",
    "background": {"math": 2, "python": 3, "ml": 1},
}


def minimal_plan() -> Plan:
    """One week, one item, two tasks."""
    start = date(2027, 1, 4)
    return Plan(
        name="Ada Lovelace",
        goal="llm-engineer",
        goal_title="LLM engineer",
        hours_per_week=8,
        start_date=start,
        weeks=weeks_from(start, [(item("python-basics", "Python basics", 6),)]),
        full_weeks=1,
        lower_bound_weeks=1,
        profile=dict(PROFILE),
    )


def _week_items(n: int) -> tuple[PlannedItem, ...]:
    """Week n of the long plan: a project split over weeks 2-4, milestones, reviews."""
    section = n % len(SECTIONS)
    items = [
        item(
            f"topic-{n}",
            f"Topic {n}: attention in practice",
            4.5,
            section=section,
            checklist=(
                f"Read chapter {n}",
                "Implement the exercise",
                "Write a three-line summary of what surprised you, in your own words",
            ),
        )
    ]
    if 2 <= n <= 4:
        k = n - 1
        items.append(
            item(
                "rag-project",
                "Build a RAG chatbot",
                3,
                section=3,
                kind="project",
                part=(k, 3),
                checklist=(f"Step {2 * k - 1}", f"Step {2 * k}"),
                task_offset=2 * (k - 1),
                continued_from=n - 1 if k > 1 else 0,
            )
        )
    elif n % 4 == 0:
        items.append(
            item(
                f"milestone-{n}",
                f"Milestone {n // 4}: ship a demo",
                3,
                section=4,
                kind="milestone",
                checklist=("Scope it", "Build it", "Demo it"),
            )
        )
    else:
        items.append(
            item(
                f"review-{n}",
                f"Review of week {n - 1}",
                1,
                section=section,
                kind="review",
                checklist=("Re-do one exercise",),
            )
        )
    return tuple(items)


def long_plan(weeks: int = 16) -> Plan:
    """A 16-week plan with a split project, milestones, reviews, dropped and skipped items."""
    start = date(2027, 1, 4)
    return Plan(
        name="Grace Hopper",
        goal="llm-engineer",
        goal_title="LLM engineer",
        hours_per_week=8,
        start_date=start,
        weeks=weeks_from(start, [_week_items(n) for n in range(1, weeks + 1)]),
        dropped=(
            Omitted(
                "rlhf",
                "RLHF in depth",
                Why("deadline", "Lowest priority and nothing depends on it."),
            ),
        ),
        skipped=(
            Omitted(
                "python-basics", "Python basics", Why("completed", "You marked it as completed.")
            ),
        ),
        notes=("The plan is one week longer than the lower bound: a catch-up week.",),
        fired=(
            RuleFiring("math-low", "You rated math 1/4: linear algebra comes first."),
            RuleFiring("rag", "You are interested in chatbots: a RAG project is included."),
        ),
        full_weeks=weeks + 2,
        lower_bound_weeks=weeks - 1,
        profile={**PROFILE, "name": "Grace Hopper", "weeks": weeks},
    )


HOSTILE = ("<b>bold</b>", "<img src=/etc/passwd>", "<font name=x>", "R&D", "../../etc/passwd")


def unicode_plan(name: str = "Жанна Ωμέγα 李小龍 😀") -> Plan:
    """Hostile and multilingual text everywhere a user or catalog string can reach."""
    start = date(2027, 1, 4)
    resources = (
        Resource("<b>R&D</b> guide", "https://example.org/a?b=1&c=2"),
        Resource("Evil link", "javascript:alert(1)"),
        Resource("Local file", "../../etc/passwd"),
    )
    items = (
        item(
            "unicode-item",
            "Жанна learns Ωμέγα with 李小龍 😀",
            4,
            resources=resources,
            checklist=HOSTILE,
            reasons=("Because <i>R&D</i> matters 😀",),
        ),
    )
    return Plan(
        name=name,
        goal="llm-engineer",
        goal_title="LLM engineer",
        hours_per_week=5,
        start_date=start,
        weeks=weeks_from(start, [items]),
        full_weeks=1,
        lower_bound_weeks=1,
        profile={**PROFILE, "name": name},
    )


LONG_URL = (
    "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/"
    "artificial-intelligence/guidance-on-ai-and-data-protection/"
)
SHARED_URL = "https://example.org/shared?x=1&y=2"


def linked_plan() -> Plan:
    """Links of every kind: long, plain http, one shared by two items and a split item, non-web."""
    start = date(2027, 1, 4)
    shared = Resource("Shared reference", SHARED_URL)
    first = item(
        "first",
        "First item",
        3,
        resources=(Resource("A long guidance page", LONG_URL), shared),
    )
    split = {
        k: item(
            "split",
            "Split project",
            3,
            kind="project",
            part=(k, 2),
            task_offset=2 * (k - 1),
            continued_from=k - 1,
            resources=(Resource("Plain http site", "http://example.com/page"), shared),
        )
        for k in (1, 2)
    }
    odd = item(
        "odd",
        "Odd links",
        2,
        resources=(
            Resource("Script", "javascript:alert(1)"),
            Resource("Mail", "mailto:someone@example.org"),
            Resource("File server", "ftp://example.org/file.txt"),
            Resource("Relative", "notes/readme.md"),
            Resource("Upper-case scheme", "HTTPS://EXAMPLE.ORG/LOUD"),
        ),
    )
    return Plan(
        name="Ada Lovelace",
        goal="llm-engineer",
        goal_title="LLM engineer",
        hours_per_week=8,
        start_date=start,
        weeks=weeks_from(start, [(first, split[1]), (split[2], odd)]),
        full_weeks=2,
        lower_bound_weeks=2,
        profile=dict(PROFILE),
    )


def unlinked_plan() -> Plan:
    """Only resources that are not web links: no appendix at all."""
    plan = minimal_plan()
    resources = (Resource("Script", "javascript:alert(1)"), Resource("Book", "isbn:9780262035613"))
    week = plan.weeks[0]
    items = tuple(replace(i, resources=resources) for i in week.items)
    return replace(plan, weeks=(replace(week, items=items),))
