"""The progress summary as terminal lines: weeks, sections, overall, and the end at this pace."""

from __future__ import annotations

from planner.progress.summary import Summary, Tally
from planner.render.formatting import date_range, day, hours

BAR = 20


def shown_weeks(summary: Summary) -> list[Tally]:
    """Every week up to the current one or the last with a tick; the later ones as one row."""
    weeks = list(summary.weeks)
    current = [w for w in weeks if w.done or (w.start and w.start <= summary.today)]
    last = (current or weeks[:1])[-1].label if weeks else ""
    cut = next((n + 1 for n, w in enumerate(weeks) if w.label == last), 0)
    later = weeks[cut:]
    if not later:
        return weeks
    return [*weeks[:cut], weeks_together(later)]


def weeks_together(weeks: list[Tally]) -> Tally:
    """One row for several weeks in a row: 'Weeks 4–11', their boxes and hours added up."""
    first, last = weeks[0], weeks[-1]
    known = all(w.hours_left is not None for w in weeks)
    return Tally(
        f"Weeks {first.number}–{last.number}",
        sum(w.done for w in weeks),
        sum(w.total for w in weeks),
        sum(w.hours_done or 0 for w in weeks) if known else None,
        sum(w.hours_left or 0 for w in weeks) if known else None,
        first.start,
        last.number - first.number + 1,
        first.number,
    )


def summary_lines(summary: Summary) -> list[str]:
    lines = [f"Progress of {summary.name}'s plan ({summary.source}) on {day(summary.today)}:"]
    weeks = [
        (f"{t.label} · {date_range(t.start, t.end)}" if t.start and t.end else t.label, t)
        for t in shown_weeks(summary)
    ]
    sections = [(t.label, t) for t in summary.sections]
    width = max(len(label) for label, _ in weeks + sections) if weeks else 10
    for heading, rows in (("By week", weeks), ("By section", sections)):
        lines += ["", f"  {heading:<{width}}  {'done':<12}  {'':<{BAR}}  left"]
        lines += [f"  {label:<{width}}  {_row(t)}{_now(summary, t)}" for label, t in rows]
    return lines + ["", *closing_lines(summary)]


def _now(summary: Summary, tally: Tally) -> str:
    is_week = tally.label.startswith("Week ")
    now = is_week and tally.start and tally.end and tally.start <= summary.today <= tally.end
    return "  ← this week" if now else ""


def _row(tally: Tally) -> str:
    left = hours(tally.hours_left) if tally.hours_left is not None else f"{tally.left} tasks"
    return f"{tally.done:>3}/{tally.total:<3} {tally.percent:>3}%  {bar(tally)}  {left}"


def bar(tally: Tally) -> str:
    filled = round(BAR * tally.done / tally.total) if tally.total else 0
    return "#" * filled + "." * (BAR - filled)


def closing_lines(summary: Summary) -> list[str]:
    """Overall, how the learner stands against the plan, and where this pace leads."""
    overall = summary.overall
    spent = (
        f" · {hours(overall.hours_done or 0)} done, {hours(overall.hours_left or 0)} left"
        if summary.hours_known
        else " · hours unknown: the catalog changed since this file was made"
    )
    lines = [f"Overall: {overall.done}/{overall.total} tasks ({overall.percent}%){spent}"]
    lines += [line for line in (_planned(summary), pace_line(summary)) if line]
    if summary.finished:
        lines.append(f"Items with every task ticked: {', '.join(summary.finished)}")
    return lines


def standing(summary: Summary) -> str:
    """'2.7 weeks behind the plan', 'right on plan', or '' before the plan starts."""
    ahead = summary.weeks_ahead
    if ahead is None or summary.start is None or summary.today < summary.start:
        return ""
    if abs(ahead) < 0.05:
        return "right on plan"
    return f"{abs(ahead):.1f} weeks {'ahead of' if ahead > 0 else 'behind'} the plan"


def _planned(summary: Summary) -> str:
    if not summary.planned_end:
        return ""
    started = summary.start is None or summary.today >= summary.start
    where = standing(summary)
    return (
        f"Planned end: {day(summary.planned_end)}"
        + (f" · you are {where}" if where else "")
        + ("" if started else " (the plan has not started yet)")
    )


def pace_line(summary: Summary) -> str:
    """Where the pace so far leads, in one sentence."""
    if summary.overall.left == 0:
        return "Every task is ticked: the plan is done."
    if summary.per_week is None:
        return (
            "Nothing ticked yet, so there is no pace to go by."
            if summary.start and summary.today >= summary.start
            else ""
        )
    unit = (
        hours(round(summary.per_week, 1))
        if summary.hours_known
        else f"{summary.per_week:.1f} tasks"
    )
    assert summary.pace_end is not None
    return f"At your pace so far ({unit} a week) you finish around {day(summary.pace_end)}."
