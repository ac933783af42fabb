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
from planner.render.pdf.taskfacts import spend
from planner.render.words import Words

KICKER = "YOUR STUDY PLAN"


def _fact(label: str, value: str, styles: Styles) -> list[Paragraph]:
    return [para(label.upper(), styles.cell_head), para(value, styles.stat_value)]


_HOW_TO = (
    (
        "Week by week",
        "What to study, why, where to find it, each task's hours; notes where a week ends.",
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


def _long_plan(plan: Plan, styles: Styles, width: float) -> list[Flowable]:
    """A plan past a year says so on its cover, with its shorter ways (the words build, the
    interview and the web page say)."""
    lines = Words(plan).length()
    if not lines:
        return []
    box: list[Flowable] = [para(para_text(lines[0]), styles.box_title)]
    box += [para(para_text(line), styles.small) for line in lines[1:]]
    return [Spacer(1, 20), tinted_box(box, width)]


def cover(plan: Plan, styles: Styles, page: Page) -> list[Flowable]:
    """The cover's flowables, ending with the switch to body pages."""
    facts = [
        _fact("Starts", day(plan.start_date), styles),
        _fact("Ends", day(plan.end_date), styles),
        _fact("Weeks", str(len(plan.weeks)), styles),
        _fact("Per week", rounded_hours(plan.hours_per_week), styles),
    ]
    shares = [0.27, 0.27, 0.18, 0.28]
    cost = spend(plan)
    if cost:  # what the paid routes cost; each marked task names its need
        facts.append(_fact("Paid routes", f"about ${cost:g}", styles))
        shares = [0.22, 0.22, 0.13, 0.17, 0.26]
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
        facts_table(facts, [width * w for w in shares]),
        *_long_plan(plan, styles, width),
        PushToBottom(HOW_TO_HEIGHT),
        _how_to(styles, width),
        NextPageTemplate("body"),
        PageBreak(),
    ]
