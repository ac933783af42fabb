"""Render a Plan's self-check questions as an Anki deck (.apkg): one note per question."""

from __future__ import annotations

import html
import io
import itertools
import re
import sqlite3
import zipfile
from contextlib import closing
from datetime import UTC, datetime, time

import genanki

from planner.plan import Plan, PlannedSelfCheck
from planner.render.markdown import md_url

# One note type for every plan's deck: Anki knows it again when a newer deck is imported.
# Its id is a constant (Anki's ids are random numbers below 2**31 that never change).
NOTE_TYPE_ID = 1_734_051_221
NOTE_TYPE = genanki.Model(
    NOTE_TYPE_ID,
    "studyplan self-check",
    fields=[{"name": "Question"}, {"name": "Item"}, {"name": "Answer"}, {"name": "Resource"}],
    templates=[
        {
            "name": "Recall",
            "qfmt": '<div class="question">{{Question}}</div>\n<div class="item">{{Item}}</div>',
            "afmt": "{{FrontSide}}\n<hr id=answer>\n"
            '<div class="answer">{{Answer}}</div>\n'
            '{{#Resource}}<div class="resource">{{Resource}}</div>{{/Resource}}',
        }
    ],
    css=".card { font-family: sans-serif; font-size: 20px; text-align: left; }\n"
    ".item, .resource { font-size: 15px; color: #4b5563; margin-top: 1em; }",
)
DECK_IDS = 1 << 30  # deck ids in [2**30, 2**31), as genanki suggests, one per learner
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def render_anki(plan: Plan) -> bytes:
    """The deck as .apkg bytes; the same plan built on the same day gives the same bytes."""
    deck = genanki.Deck(deck_id(plan), deck_name(plan), description=_description(plan))
    width = max(2, len(str(len(plan.weeks))))  # week::07 sorts before week::12
    for position, check in enumerate(plan.self_checks):
        deck.add_note(
            genanki.Note(
                model=NOTE_TYPE,
                fields=note_fields(check),
                tags=[f"section::{_tag(check.section)}", f"week::{check.week:0{width}d}"],
                guid=note_guid(plan, check),
                due=position,  # new cards come in the order the plan teaches them
            )
        )
    return _package(deck, _timestamp(plan))


def deck_id(plan: Plan) -> int:
    """The learner's deck: the same for every build and re-plan of one learner."""
    return DECK_IDS + int(plan.learner, 16) % DECK_IDS


def deck_name(plan: Plan) -> str:
    """'Study plan for <name> (<track>)', on one line; '::' would make Anki nest decks."""
    name = re.sub(r":{2,}", ":", _CONTROL.sub(" ", plan.name)).strip()
    return f"Study plan for {name} ({plan.goal_title})"


def note_guid(plan: Plan, check: PlannedSelfCheck) -> str:
    """Learner, item and question: a rebuild or re-plan updates the note, never adds one."""
    return str(genanki.guid_for(plan.learner, check.item, check.question))


def note_fields(check: PlannedSelfCheck) -> list[str]:
    """Question, item title, answer and the item's main resource as a link, as HTML."""
    link = ""
    if check.resource is not None and (url := md_url(check.resource.url)):
        link = f'<a href="{html.escape(url)}">{_html(check.resource.title)}</a>'
    return [_html(check.question), _html(check.item_title), _html(check.answer), link]


def _html(text: str) -> str:
    return html.escape(_CONTROL.sub(" ", text).strip())


def _tag(text: str) -> str:
    """Anki splits tags at spaces."""
    return re.sub(r"\s+", "-", text.strip())


def _description(plan: Plan) -> str:
    return _html(
        f"The self-check questions of the study plan for {plan.name}, one note per "
        "question, tagged by section (section::id) and by the week the item starts "
        "(week::NN). Import a newer deck of the same plan to update the notes."
    )


def _timestamp(plan: Plan) -> float:
    """The build day at 00:00 UTC: notes and cards carry it, so no clock is read."""
    built = plan.built_on or plan.start_date
    return datetime.combine(built, time(0, 0), tzinfo=UTC).timestamp()


def _package(deck: genanki.Deck, timestamp: float) -> bytes:
    """An .apkg: a zip of the collection (SQLite, made in memory) and an empty media list.

    genanki's own write_to_file stamps the zip entries with the clock and leaves its
    temporary database behind, so the collection is written here, each entry dated by the
    build day.
    """
    with closing(sqlite3.connect(":memory:")) as db:
        ids = itertools.count(int(timestamp * 1000))
        genanki.Package(deck).write_to_db(db.cursor(), timestamp, ids)
        db.commit()
        collection = db.serialize()
    stamp = datetime.fromtimestamp(timestamp, UTC).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in (("collection.anki2", collection), ("media", b"{}")):
            entry = zipfile.ZipInfo(name, date_time=stamp)
            archive.writestr(entry, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
