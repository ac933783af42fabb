"""Render a Plan as GitHub-flavoured Markdown: task lists that can be ticked and read back."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlsplit

import yaml

from planner.plan import PROFILE_MARKER, Plan, PlannedItem, Week
from planner.render.formatting import date_range, hours
from planner.render.words import Group, Words
from planner.templating import environment

# every character that can start markup inline: emphasis, code, links, HTML, tables, math,
# strikethrough, entities, e-mail autolinks, headings' closing #
_INLINE = re.compile(r"([\\`*_\[\]<>#|~$&@])")
# what turns the start of a list item into a block of its own (a nested list)
_LEADING = re.compile(r"^([-+=]|\d+(?=[.)]))")
# GFM turns bare URLs and www. into links: break the patterns
_AUTOLINK = re.compile(r"(?i)(\w)(://)|\b(www)(\.)")
_WHITESPACE = re.compile(r"[\s\x00-\x1f\x7f]+")


def md_text(text: str) -> str:
    """User or catalog text as literal Markdown on one line: no links, HTML or formatting."""
    text = _WHITESPACE.sub(" ", str(text)).strip()
    text = _INLINE.sub(r"\\\1", text)
    text = _AUTOLINK.sub(lambda m: f"{m[1] or m[3]}\\{m[2] or m[4]}", text)
    if text[:1].isdigit():
        return _LEADING.sub(lambda m: f"{m[1]}\\", text, count=1)
    return _LEADING.sub(lambda m: f"\\{m[1]}", text, count=1)


def md_url(url: str) -> str | None:
    """An http(s) URL safe inside (...) of a Markdown link, or None for anything else."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url.strip(), safe=":/?#[]@!$&'*+,;=%~")


def _item(week: Week, item: PlannedItem, words: Words) -> dict[str, Any]:
    k, n = item.part
    facts = [hours(item.hours), md_text(item.section_title)]
    if item.kind != "lesson":
        facts.append(md_text(item.kind))
    links = []
    for resource in item.resources:
        url = md_url(resource.url)
        links.append(f"[{md_text(resource.title)}]({url})" if url else md_text(resource.title))
    title = md_text(item.title) + (f" · part {k} of {n}" if n > 1 else "")
    if k > 1:  # a continuation: its reasons and links stand at its first part
        title += f", continued from week {item.continued_from}" if item.continued_from else ""
        links = []
    return {
        "title": title,
        "facts": " · ".join(facts),
        "reasons": [md_text(r) for r in words.reasons(item)] if k == 1 else [],
        "resources": links,
        "tasks": [
            (md_text(task), tid)
            for task, tid in zip(words.checklist(item), item.task_ids(week.number), strict=True)
        ],
    }


def _profile_block(profile: dict[str, Any]) -> str:
    """The profile as a fenced YAML block whose fence no backtick run inside can close."""
    text = yaml.safe_dump(profile, allow_unicode=True, sort_keys=False)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}yaml\n{text}{fence}"


def _left_out(group: Group) -> tuple[str, str]:
    """A reason for leaving items out, and the items it covers with their hours."""
    listed = ", ".join(
        f"**{md_text(e.title)}** ({e.detail(hours(e.hours), md_text)})" for e in group.items
    )
    return md_text(group.reason), listed


def _context(plan: Plan) -> dict[str, Any]:
    words = Words(plan)
    return {
        "name": md_text(plan.name),
        "goal": md_text(plan.goal_title),
        "dates": date_range(plan.start_date, plan.end_date),
        "week_count": len(plan.weeks),
        "total": hours(plan.total_hours),
        "per_week": hours(plan.hours_per_week),
        "fired": [md_text(f) for f in words.fired()],
        "left_out": [_left_out(g) for g in words.left_out()],
        "notes": [md_text(n) for n in words.notes()],
        "weeks": [
            {
                "number": w.number,
                "dates": date_range(w.start, w.end),
                "hours": hours(w.hours),
                "entries": [_item(w, i, words) for i in w.items],
            }
            for w in plan.weeks
        ],
        "profile_marker": PROFILE_MARKER,
        "profile_block": _profile_block(plan.profile),
    }


def render_markdown(plan: Plan) -> bytes:
    """The plan as Markdown bytes (UTF-8); the same Plan gives the same bytes."""
    template = environment().get_template("markdown/plan.md.j2")
    text = template.render(_context(plan))
    return (re.sub(r"\n{3,}", "\n\n", text).strip() + "\n").encode("utf-8")
