"""Applies fired rules to the catalog: which items a person studies, and why (as data)."""

from __future__ import annotations

from planner.catalog.model import Catalog
from planner.catalog.rules import (
    Emphasise,
    EmphasiseTags,
    Include,
    IncludeInterests,
    IncludeTags,
    KeepTags,
    Rule,
    ScaleHours,
    SetPlan,
    Skip,
    SkipOptional,
    SkipTags,
    SkipWhere,
    Where,
)
from planner.engine.chosen import Chosen, PlanSettings, Selection, planned_tasks
from planner.engine.rules import Fired
from planner.facts import ByInterest, ByRule, Completed, NeededBy, OnTrack, Started, Why
from planner.plan import Omitted
from planner.profile.model import Profile


def select(profile: Profile, catalog: Catalog, fired: list[Fired]) -> Selection:
    """Choose the items for this profile; every choice carries where it came from."""
    return Selector(profile, catalog).run(fired)


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
        self.settings = PlanSettings()
        self.optional_off: list[tuple[int, Why]] = []  # (lowest priority number skipped, why)
        self.keep: dict[str, Why] = {}  # items no rule may skip (what the learner lacks)

    def include(self, ids: list[str], why: Why) -> None:
        for item_id in ids:
            self.why.setdefault(item_id, []).append(why)

    def tagged(self, tags: list[str] | tuple[str, ...]) -> list[str]:
        return self.catalog.items_with_tags(tuple(tags))

    def run(self, fired: list[Fired]) -> Selection:
        track = self.catalog.tracks[self.profile.goal]
        self.include(track.members(self.catalog), OnTrack(track=track.id))
        for rule, _ in fired:
            self.apply(rule, ByRule(rule=rule.id))
        for item_id in self.profile.completed:
            self.skips[item_id] = Completed()
        for level, why in self.optional_off:
            self.skip_optional(level, why)
        return self.finish(fired)

    def apply(self, rule: Rule, why: Why) -> None:
        """One fired rule's actions, in their fixed order (see catalog.rule_load.ACTIONS)."""
        for action in rule.then:
            match action:
                case Include(ids=ids):
                    self.include(list(ids), why)
                case IncludeTags(tags=tags):
                    self.include(self.tagged(tags), why)
                case IncludeInterests():
                    self.include_interests(why)
                case Skip(ids=ids):
                    self.skip(list(ids), why)
                case SkipTags(tags=tags):
                    self.skip(self.tagged(tags), why)
                case SkipWhere(where=where):
                    self.skip(self.matching(where), why)
                case KeepTags(tags=tags):
                    for item_id in self.tagged(tags):
                        self.keep.setdefault(item_id, why)
                case SkipOptional(priority=priority):
                    self.optional_off.append((priority, why))
                case Emphasise(ids=ids):
                    self.emphasise(list(ids), why)
                case EmphasiseTags(tags=tags):
                    self.emphasise(self.tagged(tags), why)
                case ScaleHours():
                    self.scale(action, why)
                case SetPlan():
                    self.settings = self.settings.set(action)

    def include_interests(self, why: Why) -> None:
        for item_id in self.tagged(self.profile.interests):
            tags = self.catalog.items[item_id].tags
            first = next(i for i in self.profile.interests if i in tags)
            self.include([item_id], ByInterest(interest=first, rule=why.rule))

    def skip(self, ids: list[str], why: Why) -> None:
        for item_id in ids:
            self.skips.setdefault(item_id, why)

    # emphasis and hour changes touch only items that end up in the plan (see finish)
    def emphasise(self, ids: list[str], why: Why) -> None:
        self.marks += [(item_id, why) for item_id in ids]
        self.emphasised.update(ids)

    def scale(self, scale: ScaleHours, why: Why) -> None:
        for item_id in [*scale.ids, *self.tagged(scale.tags), *self.matching(scale.where)]:
            self.factors[item_id] = self.factors.get(item_id, 1.0) * scale.factor
            self.marks.append((item_id, why))

    def matching(self, where: Where | None) -> list[str]:
        """Items in the sections (at the level, when given), except those with except_tags."""
        if where is None:
            return []
        sections, spared = set(where.sections), set(where.except_tags)
        return [
            i.id
            for i in self.catalog.items.values()
            if i.section in sections and where.level in (None, i.level) and not spared & set(i.tags)
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
            if item_id in kept and all(w.rule != why.rule for w in self.why[item_id]):
                self.why[item_id].append(why)
        chosen = [
            c for item_id in self.catalog.items if item_id in kept if (c := self.chosen(item_id))
        ]
        skipped = [
            self.omitted(item_id, why, needed_by)
            for item_id, why in self.skips.items()
            if self.would_hold(item_id, kept, needed_by)
        ]
        return Selection(
            items=tuple(chosen),
            skipped=tuple(skipped),
            fired=tuple(firing for _, firing in fired),
            settings=self.settings,
            rules={rule.id: rule for rule, _ in fired},
            graph=self.catalog.graph.within(c.item.id for c in chosen),
        )

    def would_hold(self, item_id: str, kept: set[str], needed_by: dict[str, set[str]]) -> bool:
        """Only what this person's plan would have held: not every skip a rule names."""
        wanted = item_id in self.why or item_id in needed_by or item_id in self.profile.completed
        return item_id in self.catalog.items and item_id not in kept and wanted

    def chosen(self, item_id: str) -> Chosen | None:
        """The kept item with its tasks still to do (None when every one is done)."""
        item = self.catalog.items[item_id]
        done = dict(self.profile.tasks_done).get(item_id, ())
        tasks = planned_tasks(item, self.factors.get(item_id, 1.0), done)
        if not tasks:
            return None
        whys = tuple(self.why[item_id])
        if done:
            whys = (Started(done=len(done), of=len(item.tasks)), *whys)
        return Chosen(
            item=item,
            hours=sum(h for _, h in tasks),
            why=whys,
            emphasised=item_id in self.emphasised,
            tasks=tasks,
            started=bool(done),
            scale=self.factors.get(item_id, 1.0),
        )

    def omitted(self, item_id: str, why: Why, needed_by: dict[str, set[str]]) -> Omitted:
        item = self.catalog.items[item_id]
        return Omitted(
            id=item_id,
            title=item.title,
            why=why,
            hours=item.hours,
            needed_by=tuple(sorted(needed_by.get(item_id, ()))),
        )

    def close_prerequisites(self, kept: set[str]) -> dict[str, set[str]]:
        """Pull in missing prerequisites; return, per skipped item, the kept items needing it."""
        added, needed_by = self.catalog.graph.pull_in(kept, self.skips)
        for pre, user in added.items():
            self.why.setdefault(pre, []).append(NeededBy(item=user))
        kept |= set(added)
        return needed_by
