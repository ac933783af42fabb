"""The commented starter profile that `studyplan init` writes."""

from __future__ import annotations

from datetime import date

from planner.catalog.model import Catalog
from planner.profile.model import coming_monday
from planner.profile.questions import BY_KEY, LEVELS
from planner.templating import environment


def starter_profile(catalog: Catalog, filename: str, today: date) -> str:
    defaults = {area: BY_KEY[f"background.{area}"].default for area in LEVELS}
    return (
        environment()
        .get_template("profile/starter.yaml.j2")
        .render(
            filename=filename,
            tracks=list(catalog.tracks.values()),
            levels=LEVELS,
            defaults=defaults,
            interests=sorted(catalog.interests),
            next_monday=coming_monday(today),
        )
    )
