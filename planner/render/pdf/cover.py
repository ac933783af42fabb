"""The cover page: title on the accent band, the person's name, goal and the plan's key facts."""

from __future__ import annotations

from reportlab.platypus import (
    Flowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from planner.plan import Plan
from planner.render.formatting import day, rounded_hours
from planner.render.pdf.document import COVER_BAND
from planner.render.pdf.flowables import OutlineEntry, PushToBottom, outlined, tinted_box
from planner.render.pdf.markup import para_text
from planner.render.pdf.paragraphs import para
from planner.render.pdf.plaintext import PlainText, TextStyle
from planner.render.pdf.styles import MARGIN_TOP, Page, Styles
from planner.render.pdf.tables import facts_table

KICKER = "YOUR STUDY PLAN"
YEAR = 52  # weeks: a longer plan says its length and options on the cover


def _fact(label: str, value: str, styles: Styles) -> list[Paragraph]:
    return [para(label.upper(), styles.cell_head), para(value, styles.stat_value)]


_HOW_TO = (
    (
        "A new page each week",
        "What to study, why, and where to find it; room for notes where the week ends.",
    ),
    (
        "Tick as you go",
        "The boxes work in most PDF viewers (Acrobat, Preview, Firefox), or on paper.",
    ),
    (
        "Re-plan any time",
        "<font name='SourceSans-Semibold'>studyplan progress --replan</font> "
        "reads your ticks and plans what is left.",
    ),
)
HOW_TO_HEIGHT = 92


def _how_to(styles: Styles, width: float) -> Table:
    cells = [
        [
            para(f"{number:02d}", styles.step_number),
            para(title, styles.h3),
            para(text, styles.small),
        ]
        for number, (title, text) in enumerate(_HOW_TO, start=1)
    ]
    return facts_table(cells, [width / 3] * 3, depth=3)


def _track_title(plan: Plan, styles: Styles, width: float) -> tuple[Paragraph, float]:
    """The track's name in the band ("LLM application developer"), and its height."""
    title = para(para_text(plan.goal_title), styles.cover_title)
    return title, title.wrap(width, COVER_BAND)[1]


def name_style(styles: Styles) -> TextStyle:
    """The name's look: semibold, its CJK or symbols bold too (see plaintext)."""
    style = styles.cover_name
    return TextStyle(
        font=style.fontName,
        size=style.fontSize,
        leading=style.leading,
        color=style.textColor,
        bold=True,
    )


def length_words(plan: Plan) -> tuple[str, list[str]]:
    """'This plan takes 108 weeks (about 2.1 years) at 6 h a week.' and its options."""
    years = len(plan.weeks) / YEAR
    head = (
        f"This plan takes {len(plan.weeks)} weeks (about {years:.1f} years) at "
        f"{rounded_hours(plan.hours_per_week)} a week."
    )
    options = []
    for alt in plan.alternatives:
        if alt.deadline:
            items = f"{alt.left_out} item{'s' * (alt.left_out != 1)}"
            options.append(
                f"{para_text(alt.label)}: the most valuable part, leaving out {items} "
                f"({rounded_hours(alt.left_out_hours)})"
            )
        else:
            options.append(f"{para_text(alt.label)}: {alt.weeks} weeks")
    return head, options


def _long_plan(plan: Plan, styles: Styles, width: float) -> list[Flowable]:
    """A plan past a year says so on its cover, with the other ways to plan it."""
    if len(plan.weeks) <= YEAR:
        return []
    head, options = length_words(plan)
    lines: list[Flowable] = [para(head, styles.box_title)]
    if options:
        lines += [Spacer(1, 3), para("Other ways to plan it:", styles.small)]
        lines += [Paragraph(o, styles.bullet, bulletText="•") for o in options]
    return [Spacer(1, 20), tinted_box(lines, width)]


def cover(plan: Plan, styles: Styles, page: Page) -> list[Flowable]:
    """The cover's flowables, ending with the switch to body pages."""
    facts = [
        _fact("Starts", day(plan.start_date), styles),
        _fact("Ends", day(plan.end_date), styles),
        _fact("Weeks", str(len(plan.weeks)), styles),
        _fact("Per week", rounded_hours(plan.hours_per_week), styles),
    ]
    width = page.frame_width
    title, title_height = _track_title(plan, styles, width)
    title_block = styles.kicker.leading + 10 + title_height
    band_in_frame = COVER_BAND - MARGIN_TOP
    return [
        Spacer(1, max(0.0, band_in_frame - 44 - title_block)),
        outlined(para(KICKER, styles.kicker), OutlineEntry("Cover", "cover", 0)),
        Spacer(1, 10),
        title,
        Spacer(1, 44 + 48),
        PlainText(plan.name, name_style(styles), width),
        Spacer(1, 4),
        para(f"A week-by-week plan on the {para_text(plan.goal_title)} track", styles.cover_goal),
        Spacer(1, 34),
        facts_table(facts, [width * w for w in (0.27, 0.27, 0.18, 0.28)]),
        *_long_plan(plan, styles, width),
        PushToBottom(HOW_TO_HEIGHT),
        _how_to(styles, width),
        NextPageTemplate("body"),
        PageBreak(),
    ]
