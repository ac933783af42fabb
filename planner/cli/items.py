"""List the catalog's items: id, hours, title and section; words narrow the list.

  studyplan items                  every item
  studyplan items python           items whose id, title, tags or section hold "python"
  studyplan items fine tuning      ...that hold every word (any case)

Put an id in your profile's `completed:` list when you have done that item already.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.catalog.model import Catalog, Item


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "words",
        nargs="*",
        metavar="WORD",
        help="show only items whose id, title, tags or section hold every word (any case)",
    )


def run(args: argparse.Namespace) -> int:
    from planner.catalog.load import load_catalog

    catalog = load_catalog()
    found = [item for item in catalog.items.values() if matches(item, catalog, args.words)]
    if not found:
        print(
            f"No item holds {' '.join(args.words)!r}; `studyplan items` lists all "
            f"{len(catalog.items)}.",
            file=sys.stderr,
        )
        return 0
    for line in item_lines(found, catalog):
        print(line)
    asked = f" with {' '.join(args.words)!r}" if args.words else ""
    print(f"{len(found)} of {len(catalog.items)} items{asked}.", file=sys.stderr)
    return 0


def matches(item: Item, catalog: Catalog, words: list[str]) -> bool:
    """True when every word is in the item's id, title, tags, aliases or section."""
    section = catalog.sections[item.section]
    text = " ".join(
        [item.id, item.title, *item.tags, *item.aliases, section.id, section.title]
    ).casefold()
    return all(word.casefold() in text for word in words)


def item_lines(items: list[Item], catalog: Catalog) -> list[str]:
    """One line per item: the id to copy first, then hours, title and section."""
    from planner.render.formatting import rounded_hours

    width = max(len(item.id) for item in items)
    return [
        f"{item.id:<{width}}  {rounded_hours(item.hours):>6}  {item.title} "
        f"· {catalog.sections[item.section].title}"
        for item in items
    ]
