"""Varied, valid profiles for benchmarks and quality measurements (seeded, reproducible)."""

from __future__ import annotations

import random
from typing import Any

from planner.catalog.model import Catalog

NAMES = ["Ada Lovelace", "Alan Turing", "Сергей Иванов", "Ελένη Παπαδοπούλου", "李小龍",
         "Zoë O'Brien", "Grace <Hopper> & Co", "Ngozi Okonjo", "José Álvarez", "Aiko 山田"]


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
