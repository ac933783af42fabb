"""The words of what a plan leaves out: each item's reason, and each reason said once with
the items it covers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planner.facts import ByRule, Completed, LeftOut
from planner.plan import Omitted, Plan
from planner.render.words.items import Names

IMPORTANCE = ("core", "recommended", "optional")  # what a deadline keeps first
SHOWN_USERS = 3  # the planned items named as assuming a skipped one


@dataclass(frozen=True, kw_only=True)
class Entry:
    """One item left out: its title, its hours, and what planned work builds on it."""

    title: str
    hours: float
    note: str = ""  # "A and B build on it: the plan assumes you know it"

    def detail(self, hours: str, escape: Callable[[str], str] = str) -> str:
        """What follows the title in brackets: its hours (as the caller writes them), then the
        note (escaped for the caller's markup)."""
        return f"{hours}; {escape(self.note)}" if self.note else hours


@dataclass(frozen=True, kw_only=True)
class Group:
    """A reason, said once, and the items it left out."""

    reason: str
    items: tuple[Entry, ...]
    importance: str = ""  # core, recommended or optional: a deadline's cut


def reason(o: Omitted, plan: Plan, names: Names) -> str:
    """Why this one item is not in the plan (the JSON export says it per item)."""
    match o.why:
        case LeftOut():
            capacity = (plan.deadline or 0) * plan.hours_per_week
            article = "an" if o.group[:1] in ("a", "e", "i", "o", "u") else "a"
            return (
                f"Left out to fit your {plan.deadline}-week deadline ({capacity:g} hours in "
                f"all): it is {article} {o.group} item of {o.hours:g} h, and the hours went "
                "to what is worth more for your goal."
            )
        case _:
            return _skipped(o, names)


def _skipped(o: Omitted, names: Names) -> str:
    text = _skip_reason(o, names)
    if o.needed_by:
        text += f" {_users(o, names)}: the plan assumes you know it."
    return text


def _skip_reason(o: Omitted, names: Names) -> str:
    match o.why:
        case ByRule(rule=rule):
            return names.rules[rule]
        case Completed():
            return "You marked it as completed."
    raise ValueError(f"no words for {type(o.why).__name__} leaving an item out")


def _users(o: Omitted, names: Names) -> str:
    """'A, B, C build on it': the planned items that build on a skipped one (at most three)."""
    users = ", ".join(names.titles_of(o.needed_by[:SHOWN_USERS]))
    return f"{users} build{'s' * (len(o.needed_by) == 1)} on it"


def groups(plan: Plan, names: Names) -> list[Group]:
    """What was left out: the deadline's cut by importance, then each skip's reason, each
    said once with the items it covers, in the plan's order."""
    out = []
    capacity = (plan.deadline or 0) * plan.hours_per_week
    for importance in IMPORTANCE:
        cut = tuple(
            Entry(title=o.title, hours=o.hours) for o in plan.dropped if o.group == importance
        )
        if cut:
            head = (
                f"{importance.capitalize()} items left out to fit your {plan.deadline}-week "
                f"deadline ({capacity:g} hours in all): the hours went to what is worth more "
                "for your goal."
            )
            out.append(Group(reason=head, items=cut, importance=importance))
    by_reason: dict[str, list[Entry]] = {}
    for o in plan.skipped:
        note = f"{_users(o, names)}: the plan assumes you know it" if o.needed_by else ""
        entry = Entry(title=o.title, hours=o.hours, note=note)
        by_reason.setdefault(_skip_reason(o, names), []).append(entry)
    return out + [Group(reason=r, items=tuple(items)) for r, items in by_reason.items()]


def dropped_header(plan: Plan) -> str:
    """What a deadline left out, in one line before its groups."""
    hours = sum(o.hours for o in plan.dropped)
    budget = f" for your {plan.deadline}-week deadline" if plan.deadline else ""
    count = len(plan.dropped)
    return (
        f"Left out{budget} ({count} item{'s' * (count != 1)}, {hours:g} h; the hours went "
        "to what serves your goal most):"
    )


def deadline_box_title(plan: Plan) -> str:
    """The head of the PDF's deadline box: what does not fit, and that nothing planned
    needs it (when that holds)."""
    deadline = plan.deadline or len(plan.weeks)
    cut = {o.id for o in plan.dropped}
    needed = any(set(i.prerequisites) & cut for week in plan.weeks for i in week.items)
    assured = "" if needed else "; nothing kept builds on any of them"
    return (
        f"Your deadline of {deadline} weeks does not fit everything: the full plan needs "
        f"{plan.full_weeks} weeks. Left out, by importance{assured}:"
    )
