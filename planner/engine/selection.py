"""Applies fired rules to the catalog: which items a person studies, and why."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planner.catalog.model import Catalog
from planner.plan import Omitted, RuleFiring
from planner.profile.model import Profile

if TYPE_CHECKING:
    from planner.engine.rules import Fired, Selection


def round_hours(hours: float) -> float:
    """Half-hour steps, at least one hour."""
    return max(1.0, round(hours * 2) / 2)


class Selector:
    """Collects includes, skips, emphasis and hour factors, then closes over prerequisites."""

    def __init__(self, profile: Profile, catalog: Catalog) -> None:
        self.profile = profile
        self.catalog = catalog
        self.reasons: dict[str, list[str]] = {}
        self.skips: dict[str, str] = {}
        self.emphasised: set[str] = set()
        self.marks: list[tuple[str, str]] = []  # (item id, why) for emphasis and hour changes
        self.factors: dict[str, float] = {}
        self.settings: dict[str, Any] = {}
        self.track_reason = ""
        self.optional_off: list[tuple[int, str]] = []  # (lowest priority number skipped, why)

    def include(self, ids: list[str], why: str) -> None:
        for item_id in ids:
            self.reasons.setdefault(item_id, []).append(why)

    def tagged(self, tags: list[str] | tuple[str, ...]) -> list[str]:
        return self.catalog.items_with_tags(tuple(tags))

    def run(self, fired: list[Fired]) -> Selection:
        track = self.catalog.tracks[self.profile.goal]
        self.track_reason = f"Part of the {track.title} track."
        self.include(track.members(self.catalog), self.track_reason)
        for rule, why, _matched in fired:
            self.apply(rule.then, why)
        for item_id in self.profile.completed:
            self.skips[item_id] = "You marked it as completed."
        for level, why in self.optional_off:
            self.skip_optional(level, why)
        return self.finish(fired)

    def apply(self, then: dict[str, Any], why: str) -> None:
        self.include(list(then.get("include", [])), why)
        self.include(self.tagged(then.get("include_tags", [])), why)
        if then.get("include_interests"):
            self.include(self.tagged(self.profile.interests), why)
        for item_id in [*then.get("skip", []), *self.tagged(then.get("skip_tags", []))]:
            self.skips.setdefault(item_id, why)
        if then.get("skip_optional"):
            level = 3 if then["skip_optional"] is True else int(then["skip_optional"])
            self.optional_off.append((level, why))
        # emphasis and hour changes touch only items that end up in the plan (see finish)
        marked = [*then.get("emphasise", []), *self.tagged(then.get("emphasise_tags", []))]
        self.marks += [(item_id, why) for item_id in marked]
        self.emphasised.update(marked)
        scale = then.get("scale_hours")
        if scale:
            for item_id in [*scale.get("ids", []), *self.tagged(scale.get("tags", []))]:
                self.factors[item_id] = self.factors.get(item_id, 1.0) * float(scale["factor"])
                self.marks.append((item_id, why))
        self.settings.update(then.get("plan", {}))

    def skip_optional(self, level: int, why: str) -> None:
        """Skip items of priority >= level that only the track asked for (no rule, no interest)."""
        interests = set(self.profile.interests)
        optional = {i for i, reasons in self.reasons.items()
                    if self.catalog.items[i].priority >= level and reasons == [self.track_reason]
                    and not interests & set(self.catalog.items[i].tags)}
        needed = self.prerequisites_of(set(self.reasons) - optional - set(self.skips))
        for item_id in sorted(optional - needed):
            self.skips.setdefault(item_id, why)

    def prerequisites_of(self, ids: set[str]) -> set[str]:
        out: set[str] = set()
        stack = list(ids)
        while stack:
            for pre in self.catalog.items[stack.pop()].prerequisites:
                if pre not in out:
                    out.add(pre)
                    stack.append(pre)
        return out

    def finish(self, fired: list[Fired]) -> Selection:
        from planner.engine.rules import Chosen, PlanSettings, Selection

        kept = {i for i in self.reasons if i not in self.skips}
        needed_by = self.close_prerequisites(kept)
        for item_id, why in self.marks:
            if item_id in kept and why not in self.reasons[item_id]:
                self.reasons[item_id].append(why)
        chosen = []
        for item_id, item in self.catalog.items.items():
            if item_id not in kept:
                continue
            hours = round_hours(item.hours * self.factors.get(item_id, 1.0))
            chosen.append(Chosen(item, hours, tuple(self.reasons[item_id]),
                                 item_id in self.emphasised))
        skipped = []
        for item_id, why in self.skips.items():
            # only what this person's plan would have held: not every skip a rule names
            wanted = item_id in self.reasons or item_id in needed_by \
                or item_id in self.profile.completed
            if item_id not in self.catalog.items or item_id in kept or not wanted:
                continue
            users = sorted(needed_by.get(item_id, ()))
            if users:
                titles = ", ".join(self.catalog.items[u].title for u in users[:3])
                why += f" {titles} build{'s' if len(users) == 1 else ''} on it: "
                why += "the plan assumes you know it."
            skipped.append(Omitted(item_id, self.catalog.items[item_id].title, why))
        used = {r for c in chosen for r in c.reasons} | {s.reason for s in skipped}
        shown = [RuleFiring(rule.id, why, matched) for rule, why, matched in fired
                 if any(u.startswith(why) for u in used) or "plan" in rule.then
                 or not rule.then]  # a rule without actions only explains
        return Selection(tuple(chosen), tuple(skipped), tuple(shown),
                         PlanSettings(**self.settings))

    def close_prerequisites(self, kept: set[str]) -> dict[str, set[str]]:
        """Pull in missing prerequisites; return, per skipped item, the kept items needing it."""
        needed_by: dict[str, set[str]] = {}
        queue = sorted(kept)
        while queue:
            item_id = queue.pop()
            for pre in self.catalog.items[item_id].prerequisites:
                if pre in self.skips:
                    needed_by.setdefault(pre, set()).add(item_id)
                elif pre not in kept:
                    title = self.catalog.items[item_id].title
                    self.reasons.setdefault(pre, []).append(f"Needed before {title}.")
                    kept.add(pre)
                    queue.append(pre)
        return needed_by
