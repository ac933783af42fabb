"""Facts, then words (planner/render/words): every fact kind has its sentence, and over
generated profiles no sentence names an item, a week or a number the plan does not hold."""

from __future__ import annotations

import ast
import html
import math
import re
from datetime import date
from pathlib import Path

from hypothesis import given
from reportlab.platypus import Paragraph

from planner import facts
from planner.facts import (
    Alternative,
    BuildsOn,
    ByInterest,
    ByRule,
    CatchUpAfter,
    CatchUpWeeks,
    Completed,
    Continued,
    DeadlineCut,
    FinishOpen,
    FirstTasks,
    LeftOut,
    LongPlan,
    NeededBy,
    NotWhole,
    OnTrack,
    PartFull,
    RecallTask,
    RedoHardest,
    ReviewDue,
    RuleFiring,
    Started,
    TooLong,
)
from planner.plan import Omitted, Plan, PlannedItem, PlannedTask, Week
from planner.render.formatting import day, rounded_hours
from planner.render.pdf.leftout import left_out as pdf_left_out
from planner.render.pdf.styles import styles
from planner.render.words import Words
from tests.test_catalog_plans import CATALOG, SETTINGS, plan_for, profiles

ENGINE = Path(__file__).resolve().parent.parent / "planner" / "engine"
TWO_WORDS = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,}")
NUMBER = r"\d+(?:\.\d+)?"

# one example of each fact kind, in an item of its own (a Why), a task, or the plan's notes
WHY_EXAMPLES = {
    OnTrack: OnTrack(track="llm-engineer"),
    ByRule: ByRule(rule="r"),
    ByInterest: ByInterest(interest="rag", rule="r"),
    NeededBy: NeededBy(item="b", week=2),
    BuildsOn: BuildsOn(items=("b",), weeks=(2,)),
    Started: Started(done=1, of=4),
    Completed: Completed(),
    FirstTasks: FirstTasks(planned=2, of=5, after=3.5),
    LeftOut: LeftOut(),
    Continued: Continued(item="a", week=1),
    ReviewDue: ReviewDue(items=("a",), ago=(3,)),
    CatchUpAfter: CatchUpAfter(week=1),
}
TASK_EXAMPLES = {
    RecallTask: RecallTask(item="a"),
    FinishOpen: FinishOpen(first=1, last=2),
    RedoHardest: RedoHardest(),
}
NOTE_EXAMPLES = {
    DeadlineCut: DeadlineCut(full_weeks=9, deadline=3, left_out=1),
    NotWhole: NotWhole(item="b", planned=2, after=3.5),
    TooLong: TooLong(weeks=4, deadline=3),
    PartFull: PartFull(weeks=3, lower_bound=1),
    LongPlan: LongPlan(weeks=3, hours_per_week=2),
    CatchUpWeeks: CatchUpWeeks(count=1),
}


def subclasses(base: type) -> set[type]:
    out = set()
    for sub in base.__subclasses__():
        out |= {sub} | subclasses(sub)
    return out


def slot(item_id: str, week: int, why: facts.Why, task: facts.TaskFact | None = None) -> Week:
    """A week holding one item with why as its reason (beside the track, for a reason that
    never leads), and whose task may be a fact."""
    whys = (OnTrack(track="t"), why) if isinstance(why, FirstTasks | BuildsOn) else (why,)
    start = date(2027, 1, 4)
    item = PlannedItem(
        id=item_id,
        title=f"Title {item_id}",
        section="s",
        section_title="S",
        hours=1.0,
        part=(1, 1),
        kind="review" if task else "lesson",
        summary="What it covers. More.",
        purpose="Its own line.",
        prerequisites=(),
        why=whys,
        resources=(),
        tasks=(PlannedTask(text="" if task else "Do it", hours=1.0, index=0, made=task),),
    )
    return Week(number=week, start=start, end=start, items=(item,))


def test_every_fact_kind_is_listed_and_has_its_words():
    assert subclasses(facts.Why) == set(facts.WHYS) == set(WHY_EXAMPLES)
    assert subclasses(facts.TaskFact) == set(facts.TASKS) == set(TASK_EXAMPLES)
    assert subclasses(facts.Note) == set(facts.NOTES) == set(NOTE_EXAMPLES)
    omitted_kinds = (ByRule, Completed, LeftOut)
    in_items = [w for kind, w in WHY_EXAMPLES.items() if kind not in (Completed, LeftOut)]
    plan = Plan(
        name="N",
        goal="llm-engineer",
        goal_title="LLM engineer",
        hours_per_week=2,
        start_date=date(2027, 1, 4),
        weeks=(
            *(slot("a", 1, w) for w in in_items),
            *(slot("a", 1, OnTrack(track="t"), t) for t in TASK_EXAMPLES.values()),
        ),
        deadline=3,
        dropped=(Omitted(id="d", title="D", why=LeftOut(), hours=2.0, group="core"),),
        skipped=tuple(
            Omitted(id=f"s{n}", title="S", why=WHY_EXAMPLES[k], needed_by=("b",))
            for n, k in enumerate(omitted_kinds[:2])
        ),
        notes=tuple(NOTE_EXAMPLES.values()),
        fired=(RuleFiring(rule_id="r", why="A rule's words."),),
        alternatives=(Alternative(weeks=2, hours_per_week=4, goal="llm-engineer", goal_title="E"),),
        titles={"a": "Item A", "b": "Item B"},
        interest_titles={"rag": "RAG"},
    )
    words = Words(plan)
    for week, why in zip(plan.weeks, in_items, strict=False):
        [item] = week.items
        said = " ".join(words.reasons(item))
        assert said.strip(), why
        said_numbers = set(re.findall(NUMBER, said))
        assert set(re.findall(NUMBER, str(why))) <= said_numbers, (why, said)  # its parameters
    labels = [words.checklist(i)[0] for w in plan.weeks[len(in_items) :] for i in w.items]
    assert labels == [
        "Recall without notes, then check: Item A",
        "Finish any task still open from weeks 1-2",
        "Redo the self-check you found hardest so far",
    ]
    assert len(words.notes()) == len(NOTE_EXAMPLES) and all(words.notes())
    assert all(words.omitted(o) for o in (*plan.dropped, *plan.skipped))
    assert "Item B builds on it" in words.omitted(plan.skipped[0])
    assert words.options() == ["4 hours a week"]
    assert words.length()[1] == "Shorter: 4 hours a week takes 2 weeks."  # the LongPlan fact


@SETTINGS
@given(profiles())
def test_no_sentence_names_an_item_a_week_or_a_number_the_plan_does_not_hold(data):
    profile, plan = plan_for(data)
    words = Words(plan)
    facts_hold(plan, dict(profile.tasks_done))
    known = known_titles(plan, profile.completed)
    numbers = plan_numbers(plan)
    starts = {}
    for week in plan.weeks:
        for item in week.items:
            starts.setdefault(item.title, week.number)
    for sentence, own in sentences(plan, words):
        weeks_named(sentence, starts)
        composed = sentence
        for text in sorted(own, key=len, reverse=True):  # catalog and rule text is data
            composed = composed.replace(text, " ")
        named = named_titles(composed)
        assert named <= known, (sentence, named - known)
        for title in named:
            composed = composed.replace(title, " ")
        for week in re.findall(r"\bweeks? (\d+)(?:-(\d+))?", composed):
            assert all(1 <= int(n) <= len(plan.weeks) for n in week if n), sentence
        for number in re.findall(NUMBER, composed):
            assert float(number) in numbers, (number, sentence)


def weeks_named(sentence: str, starts: dict[str, int]) -> None:
    """'Needed before X (week N)', 'X (week N) builds on it': X starts in week N."""
    for title in sorted(starts, key=len, reverse=True):
        named = re.escape(title) + r" \(week (\d+)\)"
        for number in re.findall(named, sentence):
            assert starts[title] == int(number), (title, sentence)
        sentence = re.sub(named, " ", sentence).replace(title, " ")
    assert "(week " not in sentence, sentence  # every week named is a planned item's start


def facts_hold(plan: Plan, done: dict[str, tuple[int, ...]]) -> None:
    """Each fact is true of the plan: the weeks it names hold what it claims."""
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for week in plan.weeks:
        for item in week.items:
            first.setdefault(item.id, week.number)
            last[item.id] = week.number
    for week in plan.weeks:
        for item in week.items:
            for why in item.why:
                match why:
                    case NeededBy(item=user, week=n) if n:  # "needed before X (week n)"
                        assert first[user] == n and item.id in CATALOG.items[user].prerequisites
                    case BuildsOn(items=users, weeks=weeks):
                        for user, n in zip(users, weeks, strict=True):
                            assert first[user] == n
                            assert item.id in CATALOG.items[user].prerequisites
                    case Continued(item=same, week=n):
                        assert same == item.id and n < week.number and item.id in ids(plan, n)
                    case ReviewDue(items=due, ago=ago):
                        assert all(week.number - last_before(plan, i, week) in ago for i in due)
                        assert [t.made.item for t in item.tasks if t.made] == list(due)
                    case CatchUpAfter(week=n):
                        assert n == week.number - 1
                    case FirstTasks(planned=planned, of=of):  # only its first tasks fit
                        tasks = {
                            t.index
                            for w in plan.weeks
                            for i in w.items
                            if i.id == item.id
                            for t in i.tasks
                        }
                        assert planned == len(tasks) < of
                    case Started(done=count, of=of):
                        assert count == len(done[item.id]) == of - len(catalog_left(item.id, done))
    for o in plan.skipped:
        assert all(u in first and o.id in CATALOG.items[u].prerequisites for u in o.needed_by)
    for note in plan.notes:
        match note:
            case DeadlineCut(deadline=deadline, left_out=n):
                assert deadline == plan.deadline and n == len(plan.dropped)
            case NotWhole(item=item_id):
                assert item_id in first
            case CatchUpWeeks(count=n):
                assert n == sum(1 for w in plan.weeks if any(i.kind == "catch-up" for i in w.items))
            case LongPlan(weeks=n):
                assert n == len(plan.weeks)


def ids(plan: Plan, number: int) -> set[str]:
    return {i.id for i in plan.weeks[number - 1].items}


def last_before(plan: Plan, item_id: str, week: Week) -> int:
    """The week an item's last part before `week` is in."""
    return max(w.number for w in plan.weeks[: week.number - 1] if item_id in ids(plan, w.number))


def catalog_left(item_id: str, done: dict[str, tuple[int, ...]]) -> list[int]:
    return [k for k in range(len(CATALOG.items[item_id].tasks)) if k not in done[item_id]]


def known_titles(plan: Plan, completed: tuple[str, ...]) -> set[str]:
    """The titles a sentence may name: what the plan holds, leaves out, or was done."""
    held = {i.title for w in plan.weeks for i in w.items}
    held |= {o.title for o in (*plan.dropped, *plan.skipped)}
    return held | {CATALOG.items[i].title for i in completed}


TITLES = sorted({i.title for i in CATALOG.items.values()}, key=len, reverse=True)


def named_titles(text: str) -> set[str]:
    """The catalog titles text names (a title inside a longer one counts once, as the longer)."""
    found = set()
    for title in TITLES:
        if title in text:
            found.add(title)
            text = text.replace(title, " ")
    return found


def plan_numbers(plan: Plan) -> set[float]:
    """Every number a sentence may say: counts, weeks and hours the plan holds."""
    parts = [i for w in plan.weeks for i in w.items]
    out = {float(n) for n in range(1, len(plan.weeks) + 1)}
    out |= {float(plan.full_weeks), float(plan.lower_bound_weeks), plan.hours_per_week}
    if plan.deadline:
        out |= {float(plan.deadline), plan.deadline * plan.hours_per_week}
    out |= {float(len(plan.dropped)), sum(o.hours for o in plan.dropped)}
    out |= {o.hours for o in (*plan.dropped, *plan.skipped)}
    out |= {float(len(CATALOG.items[i.id].tasks)) for i in parts if i.id in CATALOG.items}
    out |= {float(k) for i in parts for k in range(len(i.tasks) + 1)}
    for note in plan.notes:  # checked against the plan in facts_hold (or planned for real)
        out |= {float(v) for v in vars(note).values() if isinstance(v, int | float)}
    for alt in plan.alternatives:
        out |= {float(alt.weeks), alt.hours_per_week, alt.left_out_hours}
        out |= {math.floor(alt.left_out_hours * 2 + 0.5) / 2}  # said to the half hour
        out |= {float(alt.left_out), float(alt.deadline or 0)}
    out |= {round(len(plan.weeks) / 52, 1)}
    for group in Words(plan).left_out():  # the PDF counts each group and its hours
        total = sum(e.hours for e in group.items)
        out |= {
            float(len(group.items)),
            *said(total),
            *(n for e in group.items for n in said(e.hours)),
        }
    for item in parts:
        for why in item.why:
            if isinstance(why, FirstTasks):
                out |= {float(why.of), why.after}
            if isinstance(why, Started):
                out |= {float(why.done), float(why.of)}
    return out


def sentences(plan: Plan, words: Words) -> list[tuple[str, list[str]]]:
    """Every sentence the plan's words make, each with the data text it quotes (catalog lines,
    rule sentences, titles of the items it stands in)."""
    rules = words.fired()
    out = [(s, [s]) for s in rules]
    out += [(s, rules) for s in words.notes()]
    for week in plan.weeks:
        for item in week.items:
            own = [*rules, item.purpose, item.summary.split(". ")[0], item.title]
            out += [(r, own) for r in words.reasons(item)]
            if item.kind in ("review", "catch-up"):
                out += [(t, own) for t in words.checklist(item)]
    for o in (*plan.dropped, *plan.skipped):
        out.append((words.omitted(o), [*rules, o.title]))
    for group in words.left_out():
        out.append((group.reason, rules))
        out += [(e.note, rules) for e in group.items if e.note]
    out += [(s, [day(plan.end_date)]) for s in words.length()]  # the end date is the plan's
    if plan.dropped:
        out += [(words.deadline_box_title(), rules), (words.dropped_header(), rules)]
    out += [(line, rules) for line in pdf_left_out_lines(words)]
    return out


def said(hours: float) -> set[float]:
    """The numbers hours print as in the PDF: to the half hour, or minutes under an hour."""
    return {float(n) for n in re.findall(NUMBER, rounded_hours(hours))}


def pdf_left_out_lines(words: Words) -> list[str]:
    """The PDF's "Left out" as its reader sees it: each paragraph's text, markup gone."""
    flowables = pdf_left_out(words, styles())
    texts = [f.text for f in flowables if isinstance(f, Paragraph)]
    return [html.unescape(re.sub(r"<[^>]+>", "", text)) for text in texts]


def test_no_english_sentence_is_composed_in_the_engine():
    composed = []
    for path in sorted(ENGINE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            parts: list[str] = []
            if isinstance(node, ast.JoinedStr):  # f-strings
                parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "format":
                parts = [getattr(node.func, "value", ast.Constant("")).value]  # type: ignore[attr-defined]
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
                parts = [n.value for n in (node.left, node.right) if isinstance(n, ast.Constant)]
            if any(isinstance(p, str) and TWO_WORDS.search(p) for p in parts):
                composed.append(f"{path.name}:{node.lineno}")
    assert composed == []
