"""The front pages: "Your plan at a glance" (facts, timeline, deadline box, weeks) and "Why"."""

from __future__ import annotations

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from planner.plan import Omitted, Plan
from planner.render.formatting import date_range, day, hours, week_key
from planner.render.pdf.cover import facts_table
from planner.render.pdf.flowables import OutlineEntry, outlined, tinted_box
from planner.render.pdf.fonts import SEMIBOLD
from planner.render.pdf.markup import para_text
from planner.render.pdf.para import para
from planner.render.pdf.styles import ACCENT, FRAME_WIDTH, RULE, Styles, hex_of
from planner.render.pdf.timeline import timeline

WHY_MIN_SPACE = 200  # less room than this left after the overview: "Why" starts a page


def _bullets(texts: list[str], styles: Styles) -> list[Flowable]:
    return [Paragraph(text, styles.bullet, bulletText="•") for text in texts]


def _omitted(item: Omitted) -> str:
    title = f"<font name='{SEMIBOLD}'>{para_text(item.title)}</font>"
    return f"{title} — {para_text(item.reason)}"


def _dropped_groups(plan: Plan) -> list[str]:
    """One line per importance: 'Core (3 items, 20 h): A (8 h), B (6 h), C (6 h)'."""
    lines = [_omitted(o) for o in plan.dropped if not o.group]  # no group: its own reason
    for group in ("core", "recommended", "optional"):
        items = [o for o in plan.dropped if o.group == group]
        if not items:
            continue
        total = sum(o.hours for o in items)
        head = f"{group.capitalize()} ({len(items)} item{'s' * (len(items) > 1)}"
        head += f", {hours(total)})" if total else ")"
        titles = ", ".join(f"{para_text(o.title)} ({hours(o.hours)})" if o.hours
                           else para_text(o.title) for o in items)
        lines.append(f"<font name='{SEMIBOLD}'>{head}:</font> {titles}")
    return lines


def _deadline_box(plan: Plan, styles: Styles) -> Table:
    deadline = plan.profile.get("weeks", len(plan.weeks))
    lines: list[Flowable] = [
        para(
            f"Your deadline of {deadline} weeks does not fit everything: the full plan needs "
            f"{plan.full_weeks} weeks. Left out, by importance; nothing kept "
            "builds on any of them:",
            styles.box_title,
        ),
        Spacer(1, 4),
        *_bullets(_dropped_groups(plan), styles),
    ]
    return tinted_box(lines, FRAME_WIDTH)


def _focus(plan: Plan, index: int) -> str:
    titles = dict.fromkeys(item.section_title for item in plan.weeks[index].items)
    return " · ".join(para_text(title) for title in titles)


def _week_list(plan: Plan, styles: Styles) -> Table:
    link = hex_of(ACCENT)
    rows = [
        [para(head.upper(), styles.cell_head) for head in ("Week", "Dates", "Hours", "Focus")]
    ]
    for index, week in enumerate(plan.weeks):
        rows.append(
            [
                para(
                    f'<a href="#{week_key(week.number)}" color="{link}">Week {week.number}</a>',
                    styles.cell,
                ),
                para(date_range(week.start, week.end), styles.cell),
                para(hours(week.hours), styles.cell),
                para(_focus(plan, index), styles.cell),
            ]
        )
    table = Table(rows, colWidths=[FRAME_WIDTH * w for w in (0.12, 0.25, 0.1, 0.53)], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _legend(plan: Plan) -> str:
    has_milestone = any(i.kind == "milestone" for w in plan.weeks for i in w.items)
    legend = "Darker bars: more of that week's hours."
    return legend + " Diamonds: milestone projects." if has_milestone else legend


def _label(text: str, styles: Styles) -> Paragraph:
    return para(text.upper(), styles.label)


def at_a_glance(plan: Plan, styles: Styles) -> list[Flowable]:
    """Facts, the timeline, the deadline box when something was dropped, notes, the week list."""
    facts = [
        [para(label, styles.cell_head), para(value, styles.stat_value)]
        for label, value in (
            ("TOTAL", hours(plan.total_hours)),
            ("WEEKS", str(len(plan.weeks))),
            ("ENDS", day(plan.end_date)),
            ("SECTIONS", str(len(plan.sections()))),
        )
    ]
    story: list[Flowable] = [
        outlined(
            para("Your plan at a glance", styles.h1),
            OutlineEntry("Your plan at a glance", "glance", 0),
        ),
        facts_table(facts, [FRAME_WIDTH * w for w in (0.22, 0.16, 0.32, 0.3)]),
        Spacer(1, 22),
        _label("Timeline · hours per section and week", styles),
        Spacer(1, 6),
        timeline(plan, FRAME_WIDTH),
        Spacer(1, 4),
        para(_legend(plan), styles.meta),
        Spacer(1, 14),
    ]
    if plan.dropped:
        story += [_deadline_box(plan, styles), Spacer(1, 16)]
    if plan.notes:
        story += [
            _label("Notes", styles),
            Spacer(1, 5),
            *_bullets([para_text(n) for n in plan.notes], styles),
            Spacer(1, 12),
        ]
    story += [
        KeepTogether([_label("Week by week", styles), Spacer(1, 4)]),
        _week_list(plan, styles),
    ]
    return [*story, Spacer(1, 30), CondPageBreak(WHY_MIN_SPACE)]


def why_this_plan(plan: Plan, styles: Styles) -> list[Flowable]:
    """Every rule that fired, then what was left out and why."""
    story: list[Flowable] = [
        outlined(para("Why this plan", styles.h1), OutlineEntry("Why this plan", "why", 0)),
    ]
    whys = [para_text(rule.why) for rule in plan.fired]
    story += (
        _bullets(whys, styles)
        if whys
        else [para("The plan follows the track as it is: no rule changed it.", styles.body)]
    )
    if plan.skipped:
        story += [
            Spacer(1, 16),
            para("Left out", styles.h2),
            Spacer(1, 6),
            *_bullets([_omitted(item) for item in plan.skipped], styles),
        ]
    return [*story, PageBreak()]
