"""Varied, valid profiles for benchmarks and quality measurements (seeded, reproducible)."""

from __future__ import annotations

import random
from typing import Any

from planner.catalog.model import Catalog

NAMES = [
    "Ada Lovelace",
    "Alan Turing",
    "Сергей Иванов",
    "Ελένη Παπαδοπούλου",
    "李小龍",
    "Zoë O'Brien",
    "Grace <Hopper> & Co",
    "Ngozi Okonjo",
    "José Álvarez",
    "Aiko 山田",
]


def varied_profiles(catalog: Catalog, count: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    tracks, interests = sorted(catalog.tracks), sorted(catalog.interests)
    out = []
    for n in range(count):
        data: dict[str, Any] = {
            "name": f"{rng.choice(NAMES)} {n}",
            "goal": rng.choice(tracks),
            "hours_per_week": rng.choice([3, 5, 6, 8, 10, 12, 15, 20, 30]),
            "start_date": "2027-01-04",
            "background": {a: rng.randint(0, 4) for a in ("math", "python", "ml")},
            "interests": rng.sample(interests, rng.randint(0, 3)),
        }
        if rng.random() < 0.3:
            data["weeks"] = rng.choice([8, 12, 16, 26])
        out.append(data)
    return out


BACKGROUNDS = [
    (0, 0, 0),
    (1, 1, 0),
    (2, 2, 1),
    (1, 3, 1),
    (3, 3, 3),
    (4, 4, 4),
    (2, 4, 1),
    (4, 1, 4),
]


def matrix_profiles(catalog: Catalog) -> list[dict[str, Any]]:
    """Every track x eight backgrounds x 1.5-15 h/week, then with deadlines of 6-20 weeks."""
    out = []
    for goal in sorted(catalog.tracks):
        for math, python, ml in BACKGROUNDS:
            base = {
                "name": "Matrix",
                "goal": goal,
                "start_date": "2027-01-04",
                "background": {"math": math, "python": python, "ml": ml},
            }
            out += [{**base, "hours_per_week": h} for h in (1.5, 3, 5, 8, 10, 15)]
            out += [
                {**base, "hours_per_week": h, "weeks": w}
                for h in (3, 5, 10)
                for w in (6, 8, 12, 20)
            ]
    return out
