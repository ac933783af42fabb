"""What a plan leaves out, drawn once: the deadline's cuts by importance, the rest by reason
(each reason once, then the items it covers, with their hours). The grouping and every
sentence are the words package's (`Words.left_out`); this module only draws them."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from planner.render.formatting import rounded_hours
from planner.render.pdf.flowables import OutlineEntry, outlined
from planner.render.pdf.fonts import SEMIBOLD
from planner.render.pdf.markup import para_text
from planner.render.pdf.paragraphs import para
from planner.render.pdf.styles import Styles
from planner.render.words import Entry, Group, Words

HEADING_ROOM = 90  # the heading starts a page when less room than this is left under it


def bullets(texts: list[str], styles: Styles) -> list[Flowable]:
    return [Paragraph(text, styles.bullet, bulletText="•") for text in texts]


def _entry(entry: Entry) -> str:
    """'A (8 h)', 'B (2 h; C builds on it: …)', or the bare title when nothing is known."""
    detail = (
        entry.detail(rounded_hours(entry.hours), para_text)
        if entry.hours
        else para_text(entry.note)
    )
    title = para_text(entry.title)
    return f"{title} ({detail})" if detail else title


def _count(group: Group) -> str:
    """'3 items, 20 h', or '1 item' when the hours are not known."""
    total = sum(e.hours for e in group.items)
    count = f"{len(group.items)} item{'s' * (len(group.items) > 1)}"
    return f"{count}, {rounded_hours(total)}" if total else count


def _items(group: Group) -> str:
    return ", ".join(_entry(e) for e in group.items)


def _cut(group: Group) -> str:
    """'Core (3 items, 20 h): A (8 h), B (6 h), C (6 h)': one importance of a deadline's cut."""
    head = f"{group.importance.capitalize()} ({_count(group)})"
    return f"<font name='{SEMIBOLD}'>{head}:</font> {_items(group)}"


def _skip(group: Group) -> str:
    """'<reason> 2 items, 8 h: A (3 h), B (5 h)': a reason said once, then what it covers."""
    return (
        f"{para_text(group.reason)} <font name='{SEMIBOLD}'>{_count(group)}:</font> {_items(group)}"
    )


def left_out(words: Words, styles: Styles) -> list[Flowable]:
    """The "Left out" part of "Why this plan"; nothing when the plan leaves nothing out."""
    groups = words.left_out()
    if not groups:
        return []
    heading = outlined(para("Left out", styles.h2), OutlineEntry("Left out", "left-out", 1))
    story: list[Flowable] = [Spacer(1, 16), CondPageBreak(HEADING_ROOM), heading, Spacer(1, 6)]
    cuts = [g for g in groups if g.importance]
    if cuts:
        story += [
            para(para_text(words.deadline_box_title()), styles.box_title),
            Spacer(1, 4),
            *bullets([_cut(g) for g in cuts], styles),
            Spacer(1, 8),
        ]
    return story + bullets([_skip(g) for g in groups if not g.importance], styles)
