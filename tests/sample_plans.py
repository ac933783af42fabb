"""Hand-built Plans for the renderer tests: minimal, a 16-week plan with splits, hostile text."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from planner.facts import CatchUpWeeks, Completed, LeftOut, OnTrack, RuleFiring
from planner.plan import Omitted, Plan, PlannedItem, PlannedTask, Resource, Week

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
    purpose: str = "Core of the llm-engineer track.",
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
        why=(OnTrack(track="llm-engineer"),),
        purpose=purpose,
        resources=resources
        if resources is not None
        else (Resource(title=f"{title} — official docs", url=f"https://example.org/{item_id}"),),
        tasks=tuple(
            PlannedTask(text=text, hours=hours / len(checklist), index=task_offset + j)
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
        deadline=weeks,
        dropped=(
            Omitted(id="rlhf", title="RLHF in depth", why=LeftOut(), hours=6.0, group="optional"),
        ),
        skipped=(Omitted(id="python-basics", title="Python basics", why=Completed(), hours=5.0),),
        notes=(CatchUpWeeks(count=1),),
        fired=(
            RuleFiring(
                rule_id="math-low",
                why="You rated math {background.math}/4: linear algebra comes first.",
                values=(("background.math", 1),),
            ),
            RuleFiring(
                rule_id="rag", why="You are interested in chatbots: a RAG project is included."
            ),
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
        Resource(title="<b>R&D</b> guide", url="https://example.org/a?b=1&c=2"),
        Resource(title="Evil link", url="javascript:alert(1)"),
        Resource(title="Local file", url="../../etc/passwd"),
    )
    items = (
        item(
            "unicode-item",
            "Жанна learns Ωμέγα with 李小龍 😀",
            4,
            resources=resources,
            checklist=HOSTILE,
            purpose="Because <i>R&D</i> matters 😀",
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
    shared = Resource(title="Shared reference", url=SHARED_URL)
    first = item(
        "first",
        "First item",
        3,
        resources=(Resource(title="A long guidance page", url=LONG_URL), shared),
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
            resources=(Resource(title="Plain http site", url="http://example.com/page"), shared),
        )
        for k in (1, 2)
    }
    odd = item(
        "odd",
        "Odd links",
        2,
        resources=(
            Resource(title="Script", url="javascript:alert(1)"),
            Resource(title="Mail", url="mailto:someone@example.org"),
            Resource(title="File server", url="ftp://example.org/file.txt"),
            Resource(title="Relative", url="notes/readme.md"),
            Resource(title="Upper-case scheme", url="HTTPS://EXAMPLE.ORG/LOUD"),
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
    resources = (
        Resource(title="Script", url="javascript:alert(1)"),
        Resource(title="Book", url="isbn:9780262035613"),
    )
    week = plan.weeks[0]
    items = tuple(replace(i, resources=resources) for i in week.items)
    return replace(plan, weeks=(replace(week, items=items),))
