"""Applies fired rules to the catalog: which items a person studies, and why (as data)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from planner.catalog.graph import Graph
from planner.catalog.model import Catalog, Item, Task
from planner.engine.hours import half_hours, share_out
from planner.engine.rules import Fired, Rule
from planner.plan import Omitted, RuleFiring, Why
from planner.profile.model import Profile


@dataclass(frozen=True)
class PlanSettings:
    review: bool = False
    catch_up_every: int = 0  # a light catch-up week after every N weeks; 0 = none


@dataclass(frozen=True)
class Chosen:
    """An item the engine kept, with the hours it plans for it and why."""

    item: Item
    hours: float  # the hours of its tasks still to do
    why: tuple[Why, ...]
    emphasised: bool = False
    tasks: tuple[tuple[int, float], ...] = ()  # (catalog task index, planned hours) to do
    started: bool = False  # some of its tasks are done already (a re-plan)
    left_after: float = 0.0  # hours of its tasks a deadline leaves for after it
    scale: float = 1.0  # the rules' hour factor: below 1, a review of what you know

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(w.text for w in self.why)


@dataclass(frozen=True, kw_only=True)
class Selection:
    items: tuple[Chosen, ...]  # catalog order
    skipped: tuple[Omitted, ...]
    fired: tuple[RuleFiring, ...]  # every rule that fired, in file order
    settings: PlanSettings = field(default_factory=PlanSettings)
    rules: dict[str, Rule] = field(default_factory=dict)  # the fired rules by id
    # the prerequisites among the items: what the budget and the schedule ask
    graph: Graph = field(default_factory=lambda: Graph({}), compare=False)


def select(profile: Profile, catalog: Catalog, fired: list[Fired]) -> Selection:
    """Choose the items for this profile; every choice carries where it came from."""
    return Selector(profile, catalog).run(fired)


def planned_tasks(
    item: Item, factor: float, done: tuple[int, ...] = ()
) -> tuple[tuple[int, float], ...]:
    """(task index, hours) of the tasks still to do, scaled so the item's hours round well."""
    hours = _scaled(item.tasks, half_hours(item.hours * factor))
    return tuple((k, h) for k, h in enumerate(hours) if k not in done)


@functools.lru_cache(maxsize=4096)
def _scaled(tasks: tuple[Task, ...], total: float) -> tuple[float, ...]:
    """The tasks' hours shared out to total: the same for every plan, so worked out once."""
    return tuple(share_out(total, [t.hours for t in tasks]))


class Selector:
    """Collects includes, skips, emphasis and hour factors, then closes over prerequisites."""

    def __init__(self, profile: Profile, catalog: Catalog) -> None:
        self.profile = profile
        self.catalog = catalog
        self.why: dict[str, list[Why]] = {}
        self.skips: dict[str, Why] = {}
        self.emphasised: set[str] = set()
        self.marks: list[tuple[str, Why]] = []  # (item id, why) for emphasis and hour changes
        self.factors: dict[str, float] = {}
        self.settings: dict[str, Any] = {}
        self.optional_off: list[tuple[int, Why]] = []  # (lowest priority number skipped, why)
        self.keep: dict[str, Why] = {}  # items no rule may skip (what the learner lacks)

    def include(self, ids: list[str], why: Why) -> None:
        for item_id in ids:
            self.why.setdefault(item_id, []).append(why)

    def tagged(self, tags: list[str] | tuple[str, ...]) -> list[str]:
        return self.catalog.items_with_tags(tuple(tags))

    def run(self, fired: list[Fired]) -> Selection:
        track = self.catalog.tracks[self.profile.goal]
        self.include(
            track.members(self.catalog),
            Why("track", f"Part of the {track.title} track.", track=track.id),
        )
        for rule, text, _matched in fired:
            self.apply(rule.then, Why("rule", text, rule=rule.id))
        for item_id in self.profile.completed:
            self.skips[item_id] = Why("completed", "You marked it as completed.")
        for level, why in self.optional_off:
            self.skip_optional(level, why)
        return self.finish(fired)

    def apply(self, then: dict[str, Any], why: Why) -> None:
        self.include(list(then.get("include", [])), why)
        self.include(self.tagged(then.get("include_tags", [])), why)
        if then.get("include_interests"):
            for item_id in self.tagged(self.profile.interests):
                tags = self.catalog.items[item_id].tags
                first = next(i for i in self.profile.interests if i in tags)
                self.include([item_id], Why("interest", why.text, rule=why.rule, interest=first))
        for item_id in [
            *then.get("skip", []),
            *self.tagged(then.get("skip_tags", [])),
            *self.matching(then.get("skip_where")),
        ]:
            self.skips.setdefault(item_id, why)
        for item_id in self.tagged(then.get("keep_tags", [])):
            self.keep.setdefault(item_id, why)
        if then.get("skip_optional"):
            level = 3 if then["skip_optional"] is True else int(then["skip_optional"])
            self.optional_off.append((level, why))
        # emphasis and hour changes touch only items that end up in the plan (see finish)
        marked = [*then.get("emphasise", []), *self.tagged(then.get("emphasise_tags", []))]
        self.marks += [(item_id, why) for item_id in marked]
        self.emphasised.update(marked)
        scale = then.get("scale_hours")
        if scale:
            for item_id in [
                *scale.get("ids", []),
                *self.tagged(scale.get("tags", [])),
                *self.matching(scale),
            ]:
                self.factors[item_id] = self.factors.get(item_id, 1.0) * float(scale["factor"])
                self.marks.append((item_id, why))
        self.settings.update(then.get("plan", {}))

    def matching(self, where: dict[str, Any] | None) -> list[str]:
        """Items in `sections` (at `level`, when given), except those with `except_tags`."""
        if not where or "sections" not in where:
            return []
        sections, level = set(where["sections"]), where.get("level")
        spared = set(where.get("except_tags", ()))
        return [
            i.id
            for i in self.catalog.items.values()
            if i.section in sections and level in (None, i.level) and not spared & set(i.tags)
        ]

    def skip_optional(self, level: int, why: Why) -> None:
        """Skip items of priority >= level that only the track asked for (no rule, no interest)."""
        interests = set(self.profile.interests)
        optional = {
            i
            for i, whys in self.why.items()
            if self.catalog.items[i].priority >= level
            and all(w.kind == "track" for w in whys)
            and not interests & set(self.catalog.items[i].tags)
        }
        needed = self.catalog.graph.ancestors(set(self.why) - optional - set(self.skips))
        for item_id in sorted(optional - needed):
            self.skips.setdefault(item_id, why)

    def finish(self, fired: list[Fired]) -> Selection:
        for item_id, why in self.keep.items():  # what the learner lacks wins over a skip
            if item_id in self.skips and self.skips[item_id].kind != "completed":
                del self.skips[item_id]
                self.marks.append((item_id, why))
        kept = {i for i in self.why if i not in self.skips}
        needed_by = self.close_prerequisites(kept)
        for item_id, why in self.marks:
            if item_id in kept and all(w.text != why.text for w in self.why[item_id]):
                self.why[item_id].append(why)
        chosen = []
        for item_id, item in self.catalog.items.items():
            if item_id not in kept:
                continue
            done = dict(self.profile.tasks_done).get(item_id, ())
            tasks = planned_tasks(item, self.factors.get(item_id, 1.0), done)
            if not tasks:
                continue
            whys = tuple(self.why[item_id])
            if done:
                whys = (
                    Why(
                        "started",
                        f"You have done {len(done)} of its "
                        f"{len(item.tasks)} tasks: it continues first with "
                        "the rest.",
                    ),
                    *whys,
                )
            chosen.append(
                Chosen(
                    item,
                    sum(h for _, h in tasks),
                    whys,
                    item_id in self.emphasised,
                    tasks,
                    bool(done),
                    scale=self.factors.get(item_id, 1.0),
                )
            )
        skipped = [
            self.omitted(item_id, why, needed_by)
            for item_id, why in self.skips.items()
            if self.would_hold(item_id, kept, needed_by)
        ]
        return Selection(
            items=tuple(chosen),
            skipped=tuple(skipped),
            fired=tuple(RuleFiring(rule.id, text, matched) for rule, text, matched in fired),
            settings=PlanSettings(**self.settings),
            rules={rule.id: rule for rule, _, _ in fired},
            graph=self.catalog.graph.within(c.item.id for c in chosen),
        )

    def would_hold(self, item_id: str, kept: set[str], needed_by: dict[str, set[str]]) -> bool:
        """Only what this person's plan would have held: not every skip a rule names."""
        wanted = item_id in self.why or item_id in needed_by or item_id in self.profile.completed
        return item_id in self.catalog.items and item_id not in kept and wanted

    def omitted(self, item_id: str, why: Why, needed_by: dict[str, set[str]]) -> Omitted:
        users = sorted(needed_by.get(item_id, ()))
        text = why.text
        if users:
            titles = ", ".join(self.catalog.items[u].title for u in users[:3])
            text += f" {titles} build{'s' if len(users) == 1 else ''} on it: "
            text += "the plan assumes you know it."
        return Omitted(
            item_id, self.catalog.items[item_id].title, Why(why.kind, text, rule=why.rule)
        )

    def close_prerequisites(self, kept: set[str]) -> dict[str, set[str]]:
        """Pull in missing prerequisites; return, per skipped item, the kept items needing it."""
        added, needed_by = self.catalog.graph.pull_in(kept, self.skips)
        for pre, user in added.items():
            title = self.catalog.items[user].title
            self.why.setdefault(pre, []).append(
                Why("needed-by", f"Needed before {title}.", item=user)
            )
        kept |= set(added)
        return needed_by
