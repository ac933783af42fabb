"""The words of an item's facts: its reasons, its tasks and what a review or catch-up is."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from planner.facts import (
    BuildsOn,
    ByInterest,
    ByRule,
    CatchUpAfter,
    Continued,
    FinishOpen,
    FirstTasks,
    NeededBy,
    OnTrack,
    RecallTask,
    RedoHardest,
    ReviewDue,
    Started,
    TaskFact,
    Why,
)
from planner.plan import PlannedItem, PlannedTask

SUMMARIES = {
    "review": "Short recall practice on what you finished one and three weeks ago.",
    "catch-up": "A lighter week: finish what is open, revisit what was hard, rest.",
}


class Names:
    """What the facts name by id, as a reader knows it: titles and rule sentences."""

    def __init__(
        self, titles: Mapping[str, str], interests: Mapping[str, str], rules: Mapping[str, str]
    ) -> None:
        self.titles, self.interests, self.rules = titles, interests, rules

    def title(self, item_id: str) -> str:
        return self.titles.get(item_id, item_id)

    def titles_of(self, ids: tuple[str, ...] | list[str]) -> list[str]:
        return [self.title(i) for i in ids]


def line(item: PlannedItem) -> str:
    """The item's "why it matters" sentence, or its summary's first sentence."""
    if item.purpose:
        return item.purpose
    head = item.summary.split(". ")[0].rstrip(".")
    return f"{head}."


def lead(why: Why, item: PlannedItem, names: Names) -> str:
    """The first reason of an item: where it came from, said with what the item is for."""
    match why:
        case OnTrack():
            return line(item)
        case ByInterest(interest=interest):
            return f"You chose {names.interests.get(interest, interest)}: {line(item)}"
        case NeededBy(item=user, week=week) if week:
            return f"Needed before {names.title(user)} (week {week}): {line(item)}"
        case NeededBy():  # what needs it is not in the plan: the item's own line says why
            return line(item)
        case ByRule(rule=rule):
            return f"{names.rules[rule]} {line(item)}"
        case Started(done=done, of=of):
            started = f"You have done {done} of its {of} tasks: it continues first with the rest."
            return f"{started} {line(item)}"
        case Continued(week=week):
            return f"Continues {item.title} from week {week}."
        case ReviewDue():
            return _review(why, names)
        case CatchUpAfter(week=week):
            return f"A light week after week {week} keeps a long plan sustainable."
    raise ValueError(f"no words for {type(why).__name__} as an item's first reason")


def also(why: Why, names: Names) -> str:
    """A further reason: another rule or the deadline (joining the first), or what builds on
    the item (said after it)."""
    match why:
        case ByRule(rule=rule):
            return names.rules[rule]
        case FirstTasks(planned=planned, of=of, after=after):
            return (
                f"{_first(planned, of)} before your deadline; the other {after:g} h come after it."
            )
        case BuildsOn():
            shown = [
                f"{names.title(i)} (week {w})" for i, w in zip(why.items, why.weeks, strict=True)
            ]
            return f"{_listed(shown)} build{'s' * (len(shown) == 1)} on it."
    raise ValueError(f"no words for {type(why).__name__} beside an item's first reason")


def _first(count: int, of: int) -> str:
    """'Only the first of its 5 tasks fits', 'Only the first 2 of its 5 tasks fit'."""
    if count == 1:
        return f"Only the first of its {of} tasks fits"
    return f"Only the first {count} of its {of} tasks fit"


def _listed(titles: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + f" and {titles[-1]}"


def _review(why: ReviewDue, names: Names) -> str:
    when = " and ".join("last week" if n == 1 else f"{n} weeks ago" for n in why.ago)
    it = "it" if len(why.items) == 1 else "them"
    return (
        f"{_listed(names.titles_of(why.items))} ended {when}: recalling {it} now, without "
        f"notes, fixes {it} in long-term memory."
    )


TASK_TEXTS: dict[type[TaskFact], Callable[..., str]] = {
    RecallTask: lambda t, names: f"Recall without notes, then check: {names.title(t.item)}",
    FinishOpen: lambda t, names: f"Finish any task still open from weeks {t.first}-{t.last}",
    RedoHardest: lambda t, names: "Redo the self-check you found hardest so far",
}


def reasons(item: PlannedItem, names: Names) -> tuple[str, ...]:
    """The lead reason joined by the other rules and the deadline that touched the item (each
    said once), then what builds on it."""
    if not item.why:
        return ()
    first = lead(item.why[0], item, names)
    joined = [also(w, names) for w in item.why[1:] if not isinstance(w, BuildsOn)]
    text = " ".join([first, *dict.fromkeys(s for s in joined if s not in first)])
    return (text, *(also(w, names) for w in item.why[1:] if isinstance(w, BuildsOn)))


def task_text(task: PlannedTask, names: Names) -> str:
    """What a task asks: the catalog's words, or those of the fact the plan made it from."""
    if task.made is None:
        return task.text
    return TASK_TEXTS[type(task.made)](task.made, names)


def task_label(task: PlannedTask, names: Names) -> str:
    """The text a checkbox shows: the task, and which session of it this is."""
    k, n = task.session
    text = task_text(task, names)
    return f"{text} (session {k} of {n})" if n > 1 else text


def summary(item: PlannedItem) -> str:
    """What the item covers; for the slots the plan adds, what they are for."""
    return SUMMARIES.get(item.kind, item.summary)
