"""The front pages: "Your plan at a glance" (facts, timeline, notes, weeks) and "Why"."""

from __future__ import annotations

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    Spacer,
    Table,
)

from planner.plan import Plan, Week
from planner.render.formatting import date_range, day, rounded_hours, week_key
from planner.render.pdf.flowables import OutlineEntry, outlined
from planner.render.pdf.fonts import SEMIBOLD
from planner.render.pdf.leftout import bullets, left_out
from planner.render.pdf.markup import para_text
from planner.render.pdf.paragraphs import para
from planner.render.pdf.styles import ACCENT, RULE, Page, Styles, hex_of
from planner.render.pdf.tables import facts_table, table_style
from planner.render.pdf.timeline import timeline
from planner.render.pdf.timespan import LIGHT_KINDS, MONTHS, grouped_by_month, milestones
from planner.render.words import Words

WHY_MIN_SPACE = 200  # less room than this left after the overview: "Why" starts a page
WEEK_ROWS_MAX = 20  # longer plans list months, not weeks, in the overview's table
PERIOD_ROWS_MAX = 30  # ... and quarters when there would be more months than this
MONTH_SECTIONS = 3  # sections named per month; the rest are counted
TABLE_START = 90  # the week table starts a page when less room than this is left


def _sections(weeks: list[Week], limit: int = 0) -> str:
    """The sections studied in these weeks, most hours first when limited ('… and 2 more')."""
    hours: dict[str, float] = {}
    for week in weeks:
        for item in week.items:
            if item.kind not in LIGHT_KINDS:
                hours[item.section_title] = hours.get(item.section_title, 0.0) + item.hours
    titles = list(hours)
    if limit and len(titles) > limit:
        titles = sorted(titles, key=lambda t: -hours[t])[:limit]
        rest = len(hours) - limit
        return " · ".join(para_text(t) for t in titles) + f" · and {rest} more"
    return " · ".join(para_text(t) for t in titles)


def _week_link(number: int, text: str = "") -> str:
    return f'<a href="#{week_key(number)}" color="{hex_of(ACCENT)}">{text or number}</a>'


def _by_week(plan: Plan, styles: Styles) -> list[list[Paragraph]]:
    rows = [[para(h.upper(), styles.cell_head) for h in ("Week", "Dates", "Hours", "Sections")]]
    for week in plan.weeks:
        rows.append(
            [
                para(
                    f'<a href="#{week_key(week.number)}" color="{hex_of(ACCENT)}">'
                    f"Week {week.number}</a>",
                    styles.cell,
                ),
                para(date_range(week.start, week.end), styles.cell),
                para(rounded_hours(week.hours), styles.cell),
                para(_sections([week]), styles.cell),
            ]
        )
    return rows


def _periods(plan: Plan) -> tuple[str, list[tuple[str, list[Week]]]]:
    """Weeks grouped by month, or by quarter when months would run past PERIOD_ROWS_MAX."""
    months: dict[tuple[int, int], list[Week]] = {}
    for week in plan.weeks:
        months.setdefault((week.start.year, week.start.month), []).append(week)
    if len(months) <= PERIOD_ROWS_MAX:
        return "Month", [(f"{MONTHS[m - 1]} {y}", ws) for (y, m), ws in months.items()]
    quarters: dict[tuple[int, int], list[Week]] = {}
    for (year, month), weeks in months.items():
        quarters.setdefault((year, (month - 1) // 3), []).extend(weeks)
    return "Quarter", [
        (f"{MONTHS[3 * q]}–{MONTHS[3 * q + 2]} {y}", ws) for (y, q), ws in quarters.items()
    ]


def _by_period(plan: Plan, styles: Styles) -> list[list[Paragraph]]:
    unit, periods = _periods(plan)
    rows = [[para(h.upper(), styles.cell_head) for h in (unit, "Weeks", "Hours", "Main sections")]]
    for label, weeks in periods:
        rows.append(
            [
                para(label, styles.cell),
                para(" ".join(_week_link(w.number) for w in weeks), styles.cell),
                para(rounded_hours(sum(w.hours for w in weeks)), styles.cell),
                para(_sections(weeks, MONTH_SECTIONS), styles.cell),
            ]
        )
    return rows


def _week_list(plan: Plan, styles: Styles, width: float) -> Table:
    """A row per week for short plans; per month or quarter (weeks as links) for long ones."""
    grouped = len(plan.weeks) > WEEK_ROWS_MAX
    rows = _by_period(plan, styles) if grouped else _by_week(plan, styles)
    shares = (0.15, 0.22, 0.1, 0.53) if grouped else (0.12, 0.23, 0.1, 0.55)
    table = Table(rows, colWidths=[width * w for w in shares], repeatRows=1)
    table.setStyle(
        table_style(
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        )
    )
    return table


def _legend(plan: Plan, by_month: bool) -> str:
    unit = "month" if by_month else "week"
    legend = f"One column per {unit}; darker bars: more of that {unit}'s hours."
    ends = [
        f"<font name='{SEMIBOLD}'>{n}</font> {para_text(item.title)} "
        f"({_week_link(week.number, f'week {week.number}')})"
        for n, (item, week) in enumerate(milestones(plan), start=1)
    ]
    if ends:
        legend += " Milestones: " + " · ".join(ends) + "."
    return legend


def _label(text: str, styles: Styles) -> Paragraph:
    return para(text.upper(), styles.label)


def at_a_glance(plan: Plan, styles: Styles, page: Page) -> list[Flowable]:
    """Facts, the timeline, notes, the week list."""
    width = page.frame_width
    chart = timeline(plan, width)
    facts = [
        [para(label, styles.cell_head), para(value, styles.stat_value)]
        for label, value in (
            ("TOTAL", rounded_hours(plan.total_hours)),
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
        facts_table(facts, [width * w for w in (0.22, 0.16, 0.32, 0.3)]),
        Spacer(1, 22),
        _label("Timeline · hours per section", styles),
        Spacer(1, 6),
        chart,
        Spacer(1, 4),
        para(_legend(plan, grouped_by_month(plan, width)), styles.meta),
        Spacer(1, 14),
    ]
    notes = Words(plan).notes()
    if notes:
        story += [
            _label("Notes", styles),
            Spacer(1, 5),
            *bullets([para_text(n) for n in notes], styles),
            Spacer(1, 12),
        ]
    by = _periods(plan)[0].lower() if len(plan.weeks) > WEEK_ROWS_MAX else "week"
    story += [
        CondPageBreak(TABLE_START),  # the table's heading never ends a page alone
        _label(f"{by} by {by}", styles),
        Spacer(1, 4),
        _week_list(plan, styles, width),
    ]
    return [*story, Spacer(1, 30), CondPageBreak(WHY_MIN_SPACE)]


def why_this_plan(plan: Plan, styles: Styles) -> list[Flowable]:
    """Every rule that fired, then what was left out and why."""
    story: list[Flowable] = [
        outlined(para("Why this plan", styles.h1), OutlineEntry("Why this plan", "why", 0)),
    ]
    words = Words(plan)
    whys = [para_text(why) for why in words.fired()]
    story += (
        bullets(whys, styles)
        if whys
        else [para("The plan follows the track as it is: no rule changed it.", styles.body)]
    )
    return [*story, *left_out(words, styles)]
