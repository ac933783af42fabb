"""The rules engine: includes, skips, completed, prerequisites, reasons on every item."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.catalog.model import Catalog
from planner.catalog.rules import (
    Emphasise,
    EmphasiseTags,
    Include,
    IncludeInterests,
    KeepTags,
    ScaleHours,
    SetPlan,
    SkipOptional,
)
from planner.engine.build import build_plan
from planner.engine.chosen import Selection
from planner.engine.rules import fired_rules
from planner.engine.selection import select
from planner.errors import ContentError
from planner.facts import ByRule, Completed, NeededBy, OnTrack
from planner.profile.load import load_text
from planner.profile.model import Profile
from planner.render.words import Words
from planner.render.words.fill import fill
from tests.conftest import TODAY


def selected(profile: Profile, catalog: Catalog) -> Selection:
    """The selection the rules make for profile: fire the rules, then apply them."""
    return select(profile, catalog, fired_rules(profile, catalog))


def profile(catalog, extra="", math=2, python=2, ml=1, goal="llm-engineer", hours=8):
    text = (
        f"name: T\ngoal: {goal}\nhours_per_week: {hours}\n"
        f"background: {{math: {math}, python: {python}, ml: {ml}}}\n{extra}"
    )
    [loaded] = load_text(text, catalog, "t.yaml")
    assert loaded.profile, loaded.problems
    return loaded.profile


def chosen_ids(selection):
    return [c.item.id for c in selection.items]


def test_track_items_and_reasons(small_catalog):
    sel = selected(profile(small_catalog), small_catalog)
    assert chosen_ids(sel) == [
        "python-basics",
        "linear-algebra",
        "ml-fundamentals",
        "experiment-notes",
        "transformers",
    ]
    assert all(c.why for c in sel.items)
    assert sel.items[0].why[0] == OnTrack(track="llm-engineer")


def test_rule_scales_hours_with_reason(small_catalog):
    sel = selected(profile(small_catalog, math=1), small_catalog)
    la = next(c for c in sel.items if c.item.id == "linear-algebra")
    assert la.hours == 18.0
    assert la.why[-1] == ByRule(rule="math-beginner")
    plan = build_plan(profile(small_catalog, math=1), small_catalog, TODAY)
    [part] = [i for w in plan.weeks for i in w.items if i.id == "linear-algebra" and i.part[0] == 1]
    assert "you rated math 1 of 4" in Words(plan).reasons(part)[0]


def test_skip_wins_and_prerequisite_need_is_said(small_catalog):
    sel = selected(profile(small_catalog, python=4), small_catalog)
    assert "python-basics" not in chosen_ids(sel)
    [skip] = [s for s in sel.skipped if s.id == "python-basics"]
    assert skip.why == ByRule(rule="python-strong") and skip.needed_by
    plan = build_plan(profile(small_catalog, python=4), small_catalog, TODAY)
    [skip] = [s for s in plan.skipped if s.id == "python-basics"]
    said = Words(plan).omitted(skip)
    assert said.startswith("Skipped because you rated Python 4 of 4. ")
    assert said.endswith(" build on it: the plan assumes you know it.")


def test_completed_items_are_skipped_and_said(small_catalog):
    p = profile(small_catalog, "completed: [linear-algebra]\n")
    sel = selected(p, small_catalog)
    assert "linear-algebra" not in chosen_ids(sel)
    [skip] = sel.skipped
    assert skip.why == Completed()
    plan = build_plan(p, small_catalog, TODAY)
    assert Words(plan).omitted(plan.skipped[0]).startswith("You marked it as completed.")


def test_interest_pulls_in_item_and_its_prerequisites(small_catalog):
    p = profile(small_catalog, "interests: [rag]\n", goal="llm-applications")
    sel = selected(p, small_catalog)
    assert "rag-project" in chosen_ids(sel)
    ml = next(c for c in sel.items if c.item.id == "ml-fundamentals")
    assert ml.why == (NeededBy(item="transformers"),)  # the week is known once planned


def test_fired_rules_carry_filled_reasons(small_catalog):
    sel = selected(profile(small_catalog, "interests: [rag, chatbots]\n"), small_catalog)
    assert sel.settings.review is True
    firing = next(f for f in sel.fired if f.rule_id == "interests")
    assert firing.values == (("interests", ("rag", "chatbots")),)
    plan = build_plan(profile(small_catalog, "interests: [rag, chatbots]\n"), small_catalog, TODAY)
    assert (
        "Added because you are interested in Retrieval-augmented generation, Chatbots."
        in Words(plan).fired()
    )  # titles, not ids


def test_fill_says_one_hour_not_one_hours():
    assert fill("At {hours_per_week} hours a week", {"hours_per_week": 1.0}) == ("At 1 hour a week")
    assert fill("At {hours_per_week} hours a week", {"hours_per_week": 2}) == ("At 2 hours a week")


def test_fill_never_formats_user_text():
    facts = {"name": "{__class__} {0} %s", "interests": ["a"]}
    assert fill("Hi {name} {interests} {unknown}", facts) == "Hi {__class__} {0} %s a {unknown}"


def test_rules_with_typos_fail_to_load(tmp_path, small_catalog):
    import shutil

    root = tmp_path / "content"
    shutil.copytree(Path(small_catalog.root), root)
    (root / "rules.yaml").write_text(
        "- id: r\n  when: {background.mth: {lte: 1}}\n  then: {include: [nope]}\n  why: x\n"
    )
    from planner.catalog.load import load_catalog

    with pytest.raises(ContentError, match="unknown field 'background.mth'"):
        load_catalog(root)


@pytest.mark.parametrize(
    "then, message",
    [
        ("{include: [nope]}", "rule 'r': include names unknown items ['nope']"),
        ("{include: python-basics}", "rule 'r': include takes a list of item ids"),
        ("{skip_tags: [nope]}", "rule 'r': skip_tags names unknown tags ['nope']"),
        ("{skip_where: {level: beginner}}", "rule 'r': skip_where needs sections"),
        ("{skip_where: {sections: [nowhere]}}", "skip_where names unknown sections ['nowhere']"),
        ("{skip_where: {sections: [programming], level: guru}}", "level must be one of"),
        ("{scale_hours: {ids: [python-basics]}}", "scale_hours needs a factor above 0"),
        ("{scale_hours: {factor: 2, color: red}}", "scale_hours takes sections, level"),
        ("{skip_optional: 4}", "skip_optional takes true (optional items) or a priority"),
        ("{include_interests: false}", "include_interests takes true"),
        ("{plan: {pace: 2}}", "rule 'r': plan settings are review, catch_up_every"),
        ("{plan: {catch_up_every: soon}}", "catch_up_every takes a number of weeks"),
        ("{teleport: [x]}", "rule 'r': unknown action 'teleport'; actions: include,"),
        ("[include]", "rule 'r': then is a mapping of actions"),
    ],
)
def test_each_rule_problem_is_said_when_the_catalog_loads(tmp_path, small_catalog, then, message):
    import shutil

    from planner.catalog.load import load_catalog

    root = tmp_path / "content"
    shutil.copytree(Path(small_catalog.root), root)
    rules = root / "rules.yaml"
    rules.write_text(rules.read_text() + f"- id: r\n  then: {then}\n  why: x\n")
    with pytest.raises(ContentError) as caught:
        load_catalog(root)
    [problem] = caught.value.problems
    assert message in problem.message
    assert problem.line == len(rules.read_text().splitlines()) - 2  # the rule's first line


def test_rules_load_typed_with_the_catalog_in_their_fixed_order(tmp_path, small_catalog, catalog):
    import shutil

    from planner.catalog.load import load_catalog

    expert = next(r for r in catalog.rules if r.id == "ml-expert")
    [scale] = expert.actions(ScaleHours)
    assert scale.factor == 0.5 and scale.where and scale.where.level == "intermediate"
    assert scale.where.sections[0] == "frameworks"
    kinds = {type(a) for rule in catalog.rules for a in rule.then}
    assert {IncludeInterests, KeepTags, SetPlan, SkipOptional, EmphasiseTags} <= kinds
    root = tmp_path / "content"
    shutil.copytree(Path(small_catalog.root), root)
    rules = root / "rules.yaml"
    then = "{plan: {review: true}, emphasise: [transformers], include: [python-basics]}"
    rules.write_text(rules.read_text() + f"- id: r\n  then: {then}\n  why: x\n")
    [rule] = [r for r in load_catalog(root).rules if r.id == "r"]
    assert rule.then == (
        Include(("python-basics",)),
        Emphasise(("transformers",)),
        SetPlan(review=True, catch_up_every=None),
    )


def test_firing_records_the_facts_that_matched(small_catalog):
    p = profile(small_catalog, "interests: [rag]\n", math=1)
    sel = selected(p, small_catalog)
    matched = {f.rule_id: f.matched for f in sel.fired}
    assert matched["math-beginner"] == (("background.math", 1),)
    assert matched["interests"] == (("interests", ("rag",)),)
    plan = build_plan(p, small_catalog, TODAY)
    traced = Words(plan).fired_with_trace()
    assert any(t.endswith(" [background.math = 1]") for t in traced)
    assert any(t.endswith(" [interests = rag]") for t in traced)
