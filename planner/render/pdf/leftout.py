"""What a plan leaves out, said once: the deadline's cuts by importance, the rest by reason
(each reason once, then the items it covers, with their hours)."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from planner.plan import Omitted, Plan
from planner.render.formatting import rounded_hours
from planner.render.pdf.flowables import OutlineEntry, outlined
from planner.render.pdf.fonts import SEMIBOLD
from planner.render.pdf.markup import para_text
from planner.render.pdf.paragraphs import para
from planner.render.pdf.styles import Styles

GROUPS = ("core", "recommended", "optional")


def bullets(texts: list[str], styles: Styles) -> list[Flowable]:
    return [Paragraph(text, styles.bullet, bulletText="•") for text in texts]


def _titles(items: list[Omitted]) -> str:
    """'A (8 h), B, C (2 h)': each title with its hours when they are known."""
    return ", ".join(
        f"{para_text(o.title)} ({rounded_hours(o.hours)})" if o.hours else para_text(o.title)
        for o in items
    )


def _count(items: list[Omitted]) -> str:
    total = sum(o.hours for o in items)
    count = f"{len(items)} item{'s' * (len(items) > 1)}"
    return f"{count}, {rounded_hours(total)}" if total else count


def dropped_groups(plan: Plan) -> list[str]:
    """One line per importance: 'Core (3 items, 20 h): A (8 h), B (6 h), C (6 h)'."""
    lines = [
        f"<font name='{SEMIBOLD}'>{para_text(o.title)}</font> — {para_text(o.reason)}"
        for o in plan.dropped
        if not o.group
    ]
    for group in GROUPS:
        items = [o for o in plan.dropped if o.group == group]
        if items:
            head = f"{group.capitalize()} ({_count(items)})"
            lines.append(f"<font name='{SEMIBOLD}'>{head}:</font> {_titles(items)}")
    return lines


def skipped_by_reason(plan: Plan) -> list[str]:
    """One line per reason, in the order reasons first appear: the reason, then its items."""
    reasons: dict[str, list[Omitted]] = {}
    for item in plan.skipped:
        reasons.setdefault(item.reason, []).append(item)
    return [
        f"{para_text(reason)} <font name='{SEMIBOLD}'>{_count(items)}:</font> {_titles(items)}"
        for reason, items in reasons.items()
    ]


def left_out(plan: Plan, styles: Styles) -> list[Flowable]:
    """The "Left out" part of "Why this plan"; nothing when the plan leaves nothing out."""
    if not plan.dropped and not plan.skipped:
        return []
    heading = outlined(para("Left out", styles.h2), OutlineEntry("Left out", "left-out", 1))
    story: list[Flowable] = [Spacer(1, 16), heading, Spacer(1, 6)]
    if plan.dropped:
        deadline = plan.profile.get("weeks", len(plan.weeks))
        story += [
            para(
                f"Your deadline of {deadline} weeks does not fit everything: the full plan "
                f"needs {plan.full_weeks} weeks. Left out to fit it, by importance; nothing "
                "kept builds on any of them:",
                styles.box_title,
            ),
            Spacer(1, 4),
            *bullets(dropped_groups(plan), styles),
            Spacer(1, 8),
        ]
    if plan.skipped:
        story += bullets(skipped_by_reason(plan), styles)
    return story
