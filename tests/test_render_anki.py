"""The Anki deck: an .apkg opened as Anki reads one (a zip holding a SQLite collection):
one note per question, its fields and tags, GUIDs stable across rebuilds and re-plans."""

from __future__ import annotations

import html
import io
import json
import re
import sqlite3
import warnings
import zipfile
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from planner.catalog.model import Catalog
from planner.cli import build_parser
from planner.cli.completion import FORMAT_VALUES
from planner.pipeline import make_plan
from planner.plan import Plan, Resource
from planner.profile.load import load_text
from planner.render import FORMATS, render
from planner.render.anki import NOTE_TYPE_ID, deck_id, render_anki
from tests.sample_plans import unicode_plan, with_self_checks

ADA = """\
name: Ada Lovelace
goal: llm-engineer
hours_per_week: 8
start_date: 2027-01-04
background: {math: 2, python: 3, ml: 1}
interests: [rag]
"""
TODAY = date(2027, 1, 4)
FIELD = "\x1f"  # Anki's field separator in notes.flds
DECK_FILES = ("ada-lovelace.apkg", "grace-hopper.apkg")


@dataclass(frozen=True, kw_only=True)
class Note:
    guid: str
    fields: tuple[str, ...]  # as HTML
    tags: tuple[str, ...]
    model: int


@dataclass(frozen=True, kw_only=True)
class Deck:
    notes: tuple[Note, ...]
    cards: tuple[tuple[int, int], ...]  # (note id, deck id) of each card
    note_ids: tuple[int, ...]
    decks: dict[str, Any]  # the collection's decks, by id
    entries: tuple[str, ...]  # the names in the zip

    def guids(self) -> dict[str, str]:
        """question (as shown) -> note GUID"""
        return {html.unescape(n.fields[0]): n.guid for n in self.notes}


def open_deck(data: bytes, folder: Path) -> Deck:
    """The .apkg as a reader of Anki packages sees it: the zip, then its SQLite collection."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = tuple(archive.namelist())
        collection = archive.read("collection.anki2")
    path = folder / f"collection-{len(list(folder.iterdir()))}.anki2"
    path.write_bytes(collection)
    db = sqlite3.connect(path)
    try:
        rows = db.execute("SELECT id, guid, flds, tags, mid FROM notes ORDER BY id").fetchall()
        cards = tuple(db.execute("SELECT nid, did FROM cards ORDER BY id").fetchall())
        [decks] = db.execute("SELECT decks FROM col").fetchone()
    finally:
        db.close()
    return Deck(
        notes=tuple(
            Note(guid=g, fields=tuple(f.split(FIELD)), tags=tuple(t.split()), model=m)
            for _, g, f, t, m in rows
        ),
        cards=cards,
        note_ids=tuple(r[0] for r in rows),
        decks=json.loads(decks),
        entries=entries,
    )


def plan_of(text: str, catalog: Catalog, today: date = TODAY) -> Plan:
    [loaded] = load_text(text, catalog, "ada.yaml")
    assert loaded.profile is not None
    return make_plan(loaded.profile, today, catalog)


@pytest.fixture(scope="module")
def ada(catalog: Catalog) -> Plan:
    return plan_of(ADA, catalog)


def test_one_note_per_question_of_the_planned_items(ada: Plan, catalog: Catalog, tmp_path: Path):
    deck = open_deck(render_anki(ada), tmp_path)
    assert deck.entries == ("collection.anki2", "media")
    # what the deck must hold, from the weeks and the catalog, not from plan.self_checks
    starts: dict[str, int] = {}
    for week in ada.weeks:
        for item in week.items:
            if item.id in catalog.items:
                starts.setdefault(item.id, week.number)
    expected = sorted(
        (check.question, catalog.items[i].title, check.answer, catalog.items[i].resources[0].url)
        + (f"section::{catalog.items[i].section}", f"week::{starts[i]:02d}")
        for i in starts
        for check in catalog.items[i].questions
    )
    assert len(expected) > 100
    got = []
    for note in deck.notes:
        question, title, answer, link = note.fields
        [url] = re.findall(r'^<a href="([^"]+)">[^<]+</a>$', link)
        section, week = sorted(note.tags)
        got.append(
            tuple(html.unescape(f) for f in (question, title, answer, url)) + (section, week)
        )
    assert sorted(got) == expected
    # one card per note, each in the learner's deck, of the studyplan note type
    assert sorted(nid for nid, _ in deck.cards) == sorted(deck.note_ids)
    assert {did for _, did in deck.cards} == {deck_id(ada)}
    assert {n.model for n in deck.notes} == {NOTE_TYPE_ID}
    assert deck.decks[str(deck_id(ada))]["name"] == "Study plan for Ada Lovelace (LLM engineer)"
    assert len({n.guid for n in deck.notes}) == len(deck.notes)


def test_same_plan_same_bytes_a_later_build_same_guids(ada: Plan, tmp_path: Path) -> None:
    data = render_anki(ada)
    assert render_anki(ada) == data
    assert render(ada, "anki").data == data and render(ada, "anki").extension == "apkg"
    later = replace(ada, built_on=ada.built_on + timedelta(days=30))  # type: ignore[operator]
    assert render_anki(later) != data  # a newer revision: notes carry its day
    assert open_deck(render_anki(later), tmp_path).guids() == open_deck(data, tmp_path).guids()


def test_guids_and_deck_belong_to_the_learner(ada: Plan, catalog: Catalog, tmp_path: Path):
    """Another person (another name, or goal, or background) gets notes and a deck of their
    own; the same learner at other hours keeps both."""
    mine = open_deck(render_anki(ada), tmp_path).guids()
    faster = plan_of(ADA.replace("hours_per_week: 8", "hours_per_week: 12"), catalog)
    assert deck_id(faster) == deck_id(ada)
    theirs = open_deck(render_anki(faster), tmp_path).guids()
    assert {q: theirs[q] for q in mine.keys() & theirs.keys()} == {
        q: mine[q] for q in mine.keys() & theirs.keys()
    }
    for other in ("name: Ada King", "background: {math: 3, python: 3, ml: 1}"):
        field = other.split(":")[0]
        text = re.sub(rf"^{field}:.*$", other, ADA, flags=re.MULTILINE)
        stranger = plan_of(text, catalog)
        assert deck_id(stranger) != deck_id(ada)
        assert not open_deck(render_anki(stranger), tmp_path).guids().items() & mine.items()


def test_user_and_catalog_text_is_escaped(tmp_path: Path) -> None:
    plan = with_self_checks(unicode_plan("Zoë ::<b>Жанна</b> & 李 😀\n"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # genanki warns of fields that are not valid HTML
        deck = open_deck(render_anki(plan), tmp_path)
    assert deck.decks[str(deck_id(plan))]["name"] == (
        "Study plan for Zoë :<b>Жанна</b> & 李 😀 (LLM engineer)"  # '::' would nest decks
    )
    for note, check in zip(deck.notes, plan.self_checks, strict=True):
        question, title, answer, link = note.fields
        assert html.unescape(question) == check.question and "<" not in question
        assert html.unescape(title) == check.item_title and "<" not in title
        assert html.unescape(answer) == check.answer and "<" not in answer
        # the item's first resource: <b>R&D</b> guide at https://example.org/a?b=1&c=2
        assert link == (
            '<a href="https://example.org/a?b=1&amp;c=2">&lt;b&gt;R&amp;D&lt;/b&gt; guide</a>'
        )


def test_a_resource_that_is_no_web_link_is_left_out(tmp_path: Path) -> None:
    plan = with_self_checks(unicode_plan())
    script = Resource(title="Evil", url="javascript:alert(1)")
    plan = replace(plan, self_checks=tuple(replace(c, resource=script) for c in plan.self_checks))
    deck = open_deck(render_anki(plan), tmp_path)
    assert deck.notes and all(n.fields[3] == "" for n in deck.notes)


def test_a_plan_without_questions_is_an_empty_deck(tmp_path: Path) -> None:
    plan = unicode_plan()
    deck = open_deck(render_anki(plan), tmp_path)
    assert deck.notes == () and deck.cards == ()
    assert str(deck_id(plan)) in deck.decks


def test_build_twice_then_replan_through_the_cli(run_cli, ada: Plan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`build --format anki` in two processes gives the same bytes; a re-plan from the ticked
    Markdown gives the notes it still has the GUIDs they had, in the same deck."""
    (tmp_path / "ada.yaml").write_text(ADA, encoding="utf-8")
    for out in ("a", "b"):
        built = run_cli(
            "build", "ada.yaml", "-o", out, "--format", "md,anki", "--today", "2027-01-04"
        )
        assert built.returncode == 0, built.stderr
    first = (tmp_path / "a" / "ada-lovelace.apkg").read_bytes()
    assert (tmp_path / "b" / "ada-lovelace.apkg").read_bytes() == first
    md = tmp_path / "a" / "ada-lovelace.md"
    week_1, rest = md.read_text(encoding="utf-8").split("## Week 2 ", 1)
    md.write_text(week_1.replace("- [ ]", "- [x]") + "## Week 2 " + rest, encoding="utf-8")
    replanned = run_cli(
        "progress", str(md), "--replan", "--format", "anki", "-o", "c", "--today", "2027-01-13"
    )
    assert replanned.returncode == 0, replanned.stderr
    [path] = (tmp_path / "c").glob("*.apkg")
    old, new = open_deck(first, tmp_path), open_deck(path.read_bytes(), tmp_path)
    assert new.decks.keys() == old.decks.keys()  # the same deck
    kept, had = new.guids(), old.guids()
    assert kept.items() <= had.items()  # every note it has, under its GUID of before
    # the items whole in week 1 are done: their notes are not in the new deck
    whole = {i.id for i in ada.weeks[0].items if i.part == (1, 1)}
    finished = [c.question for c in ada.self_checks if c.item in whole]
    assert finished and not set(finished) & kept.keys() and set(finished) <= had.keys()


@pytest.mark.parametrize("verb", ["build", "batch"])
def test_help_and_completion_offer_the_deck(verb: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser(verb).parse_args([verb, "--help"])
    assert "pdf, md, ics, json, anki" in " ".join(capsys.readouterr().out.split())
    assert sorted(FORMAT_VALUES) == sorted(FORMATS)  # the shell completes every format


def test_batch_writes_a_deck_per_learner(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "cohort.yaml").write_text(
        ADA + "---\n" + ADA.replace("Ada Lovelace", "Grace Hopper"), encoding="utf-8"
    )
    done = run_cli("batch", "cohort.yaml", "-o", "out", "-j", "1", "--format", "anki")
    assert done.returncode == 0, done.stderr
    decks = [open_deck((tmp_path / "out" / f).read_bytes(), tmp_path) for f in DECK_FILES]
    ada, grace = (set(d.decks) - {"1"} for d in decks)  # "1": Anki's Default deck
    assert len(ada) == len(grace) == 1 and ada != grace
    assert len(decks[0].notes) == len(decks[1].notes) > 100  # one profile but the name
    assert not decks[0].guids().items() & decks[1].guids().items()
