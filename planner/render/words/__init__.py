"""Words made where the plan is rendered: the one place a plan's facts become sentences.

Every renderer (PDF, Markdown, calendar, JSON, `explain`, the web page) asks `Words(plan)`;
the engine only states facts (planner/facts.py), so a sentence can be checked against the
plan it speaks of, and said in another language one day.
"""

from __future__ import annotations

from planner.facts import RuleFiring
from planner.plan import Omitted, Plan, PlannedItem, PlannedTask
from planner.render.words import items, left_out, length, notes
from planner.render.words.fill import said, trace
from planner.render.words.left_out import Entry, Group

__all__ = ["Entry", "Group", "Words"]


class Words:
    """The sentences of one plan's facts."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        titles = dict(plan.titles)
        rules = {f.rule_id: said(f, titles | dict(plan.interest_titles)) for f in plan.fired}
        self.names = items.Names(titles, plan.interest_titles, rules)

    def reasons(self, item: PlannedItem) -> tuple[str, ...]:
        """Why the item is in the plan: the first reason, then what builds on it."""
        return items.reasons(item, self.names)

    def summary(self, item: PlannedItem) -> str:
        return items.summary(item)

    def task(self, task: PlannedTask) -> str:
        """What the task asks, without its session."""
        return items.task_text(task, self.names)

    def checklist(self, item: PlannedItem) -> tuple[str, ...]:
        """The text of each of the item's checkboxes, in order (sessions numbered)."""
        return tuple(items.task_label(t, self.names) for t in item.tasks)

    def fired(self) -> list[str]:
        """Why this plan: every rule whose effect the plan shows, in the rules' order."""
        return [self.names.rules[f.rule_id] for f in self.plan.fired]

    def fired_with_trace(self) -> list[str]:
        """Each rule's sentence with the answers that made it fire: '… [background.math = 1]'."""
        return [self._traced(f) for f in self.plan.fired]

    def _traced(self, firing: RuleFiring) -> str:
        text = self.names.rules[firing.rule_id]
        return f"{text} [{trace(firing)}]" if firing.matched else text

    def notes(self) -> list[str]:
        """What the plan says of itself, after what a front end adds (a re-plan's progress)."""
        made = [notes.note(n, self.plan, self.names) for n in self.plan.notes]
        return [*self.plan.extra_notes, *made]

    def length(self) -> list[str]:
        """A plan past a year: its length and end, then its shorter ways (else nothing)."""
        return length.length_lines(self.plan)

    def cut(self) -> list[str]:
        """A plan a deadline cut: how many items it left out, in one sentence (else nothing)."""
        return length.cut_lines(self.plan)

    def options(self) -> list[str]:
        """The other ways to plan a long plan: '10 hours a week', 'a 52-week deadline'."""
        return [notes.option(alt, self.plan) for alt in self.plan.alternatives]

    def omitted(self, o: Omitted) -> str:
        """Why this one item was left out (dropped for the deadline, or skipped)."""
        return left_out.reason(o, self.plan, self.names)

    def left_out(self) -> list[Group]:
        """Each reason for leaving items out said once, with the items and their hours."""
        return left_out.groups(self.plan, self.names)

    def dropped_header(self) -> str:
        return left_out.dropped_header(self.plan)

    def deadline_box_title(self) -> str:
        return left_out.deadline_box_title(self.plan)
