"""An item of a week as blocks of the main column: its head (title, facts, summary, why,
resources and first task) kept together, then one block per task."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportlab.platypus import Flowable, Paragraph, Spacer

from planner.plan import Plan, PlannedItem, PlannedTask, Resource, Week
from planner.render.formatting import rounded_hours, week_key
from planner.render.pdf.answers import answer, question_number
from planner.render.pdf.fonts import BODY, SEMIBOLD
from planner.render.pdf.lines import FigureLine, TaskLine
from planner.render.pdf.markup import attribute, para_text
from planner.render.pdf.paragraphs import para
from planner.render.pdf.plaintext import TextStyle
from planner.render.pdf.qr import QrIndex, is_web_url
from planner.render.pdf.styles import ACCENT, MUTED, Styles, hex_of
from planner.render.pdf.taskfacts import answer_of, marker
from planner.render.pdf.urlbreak import short_address
from planner.render.words import Words

KIND_LABELS = {
    "milestone": "Milestone project",
    "review": "Review",
    "catch-up": "Catch-up",
    "project": "Project",
    "lesson": "Lesson",
}
LIGHT_KINDS = ("review", "catch-up")
KEY_LABEL = "Key item"
KEY_EXPLAINED = (
    "Key item: your goal or your answers make this item central to the plan (see “Why "
    "this plan”); give it your best hours and do not skip it."
)
ITEM_GAP = 9.0  # above and below the hairline between two items of a week
TINT_PAD = 8.0  # a milestone panel's margin above its head and below its last task
WEEK_MENTION = re.compile(r"\b(weeks?) (\d+)(?:(–|-| and | to )(\d+))?")


@dataclass
class Seen:
    """What earlier weeks already explained, so a label or reason is explained once."""

    key_label: bool = False
    kinds: set[str] = field(default_factory=set)


@dataclass(kw_only=True)
class Block:
    """Flowables of the main column that stay on one page together."""

    flowables: list[Flowable]
    item: int  # the item's position in its week
    opens_item: bool  # it carries the item's title
    keep_with_next: bool = False
    tinted: bool = False  # inside a milestone's panel
    rule_above: bool = False  # a hairline separates it from the item before
    gap: float = 0.0  # space above it when it is not the first of its piece
    pad_top: float = 0.0  # a milestone panel's margin above its head
    pad_bottom: float = 0.0  # ... and below its last task
    heights: list[float] = field(default_factory=list)
    answers: list[Paragraph] = field(default_factory=list)  # for the page's foot

    @property
    def height(self) -> float:
        return self.pad_top + sum(self.heights) + self.pad_bottom

    def measure(self, width: float, frame: float) -> None:
        self.heights = [f.wrap(width, frame)[1] + space_after(f) for f in self.flowables]


def space_after(flowable: Flowable) -> float:
    return float(getattr(getattr(flowable, "style", None), "spaceAfter", 0) or 0)


def linked_weeks(text: str, weeks: int) -> str:
    """Escaped text whose week mentions ("week 8", "weeks 3–5") link to those weeks."""

    def link(number: str) -> str:
        if not 1 <= int(number) <= weeks:
            return number
        return f'<a href="#{week_key(int(number))}" color="{hex_of(ACCENT)}">{number}</a>'

    def mention(match: re.Match[str]) -> str:
        words, first, joiner, last = match.groups()
        linked = f"{words} {link(first)}"
        return linked + (f"{joiner}{link(last)}" if last else "")

    return WEEK_MENTION.sub(mention, para_text(text))


def _resource(resource: Resource, styles: Styles, qr: QrIndex) -> FigureLine:
    title = para_text(resource.title)
    kind = f"  <font color='{hex_of(MUTED)}' size='8'>{para_text(resource.kind)}</font>"
    if not is_web_url(resource.url):  # never a link: javascript:, file:, relative paths
        where = f" <font color='{hex_of(MUTED)}'>({para_text(resource.url)})</font>"
        return FigureLine(para(f"→  {title}{where}{kind}", styles.resource), "")
    href = attribute(resource.url)
    address = f"<font color='{hex_of(MUTED)}'>{para_text(short_address(resource.url))}</font>"
    text = f'→  <a href="{href}" color="{hex_of(ACCENT)}">{title}</a>  {address}{kind}'
    return qr.line(para(text, styles.resource), resource.url)


def _title(item: PlannedItem, styles: Styles, continued: bool = False) -> Paragraph:
    text = para_text(item.title)
    k, n = item.part
    if continued:
        text += f" <font name='{BODY}' color='{hex_of(MUTED)}' size='10'>(continued)</font>"
    elif n > 1:
        text += f" <font name='{BODY}' color='{hex_of(MUTED)}' size='10'>· part {k} of {n}</font>"
    return para(text, styles.h3_light if item.kind in LIGHT_KINDS or continued else styles.h3)


def retitle(item: PlannedItem, styles: Styles) -> Paragraph:
    """ "Item title (continued)": the line a later page opens with when it breaks an item."""
    return _title(item, styles, continued=True)


def _meta(item: PlannedItem) -> str:
    label = KIND_LABELS.get(item.kind, item.kind.capitalize())
    if item.kind == "milestone":
        label = f"<font name='{SEMIBOLD}' color='{hex_of(ACCENT)}'>{label.upper()}</font>"
    parts = [para_text(item.section_title), rounded_hours(item.hours), label]
    if item.emphasised:
        parts.append(f"<font name='{SEMIBOLD}' color='{hex_of(ACCENT)}'>{KEY_LABEL}</font>")
    if item.part[0] > 1 and item.continued_from:
        target = week_key(item.continued_from)
        parts.append(
            f'<a href="#{target}" color="{hex_of(ACCENT)}">continued from week '
            f"{item.continued_from}</a>"
        )
    elif item.part[0] > 1:
        parts.append("continued")
    return "  ·  ".join(parts)


def _details(item: PlannedItem, context: Context) -> list[Flowable]:
    """Summary, key-item note, reasons and links: printed with an item's first part only."""
    styles, seen, words = context.styles, context.seen, context.words
    story: list[Flowable] = []
    if item.emphasised and not seen.key_label:
        seen.key_label = True
        story.append(para(KEY_EXPLAINED, styles.why))
    if item.part[0] > 1:
        return story
    summary = words.summary(item)
    if summary:
        story.append(para(para_text(summary), styles.summary))
    light_again = item.kind in LIGHT_KINDS and item.kind in seen.kinds
    seen.kinds.add(item.kind)
    reasons = words.reasons(item)
    if reasons and not light_again:  # a review's reason is the same every week
        weeks = len(context.plan.weeks)
        why = " ".join(linked_weeks(reason, weeks) for reason in reasons)
        story.append(para(f"<font name='{SEMIBOLD}'>Why:</font> {why}", styles.why))
    if item.resources:
        story.append(Spacer(1, 3))
        story += [_resource(r, styles, context.qr) for r in item.resources]
    return story


def _task(name: str, task: PlannedTask, label: str, styles: Styles, number: int = 0) -> TaskLine:
    """A task's line, label its checkbox's words; number: a review question's place in its
    item ('Q2. ...')."""
    asks = question_number(number) if number else ""
    text = asks + marker(task) + label  # "[GPU] Fine-tune ...": its needs beyond a laptop
    return TaskLine(name, label, text, _hours(task), task_style(styles))


def _answers(
    week: Week, item: PlannedItem, styles: Styles, width: float
) -> list[tuple[int, list[Paragraph]]]:
    """Per task: its question's number in the item (0: no question) and its answer for the
    page's foot."""
    out: list[tuple[int, list[Paragraph]]] = []
    number = 0
    for task in item.tasks:
        text = answer_of(task)
        number += bool(text)
        out.append((number, [answer(week, number, text, styles, width)]) if text else (0, []))
    return out


def task_style(styles: Styles) -> TextStyle:
    style = styles.task
    return TextStyle(
        font=style.fontName, size=style.fontSize, leading=style.leading, color=style.textColor
    )


def _hours(task: PlannedTask) -> str:
    return rounded_hours(task.hours) if task.hours > 0 else ""


@dataclass(frozen=True, kw_only=True)
class Context:
    """What every item of a plan is drawn with."""

    plan: Plan
    words: Words  # the plan's sentences: every reason and task text printed
    styles: Styles
    seen: Seen
    qr: QrIndex
    foot_width: float  # the answers' width at a page's foot


def item_blocks(week: Week, position: int, context: Context) -> list[Block]:
    """The item's head (title to first task) as one block, then one block per task."""
    styles = context.styles
    item = week.items[position]
    names = item.task_ids(week.number)
    labels = context.words.checklist(item)
    answers = _answers(week, item, styles, context.foot_width)
    tasks = [
        _task(name, task, label, styles, number)
        for name, task, label, (number, _) in zip(names, item.tasks, labels, answers, strict=True)
    ]
    head: list[Flowable] = [
        _title(item, styles),
        Spacer(1, 1),
        para(_meta(item), styles.meta),
        *_details(item, context),
    ]
    if tasks:
        head += [Spacer(1, 5), tasks[0]]
    tinted = item.kind == "milestone"
    blocks = [
        Block(
            flowables=head,
            item=position,
            opens_item=True,
            tinted=tinted,
            rule_above=position > 0,
            gap=2 * ITEM_GAP if position else 0.0,
            pad_top=TINT_PAD * tinted,
            answers=answers[0][1] if answers else [],
        )
    ]
    blocks += [
        Block(flowables=[task], item=position, opens_item=False, tinted=tinted, answers=found)
        for task, (_, found) in zip(tasks[1:], answers[1:], strict=True)
    ]
    blocks[-1].pad_bottom = TINT_PAD * tinted
    return blocks
