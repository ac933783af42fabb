"""Hours as the plan counts them: quarter-hour steps, and the tolerance their sums need."""

from __future__ import annotations

import math

# sums of quarter hours in floating point differ from the exact sum by far less than this;
# two amounts closer than it are equal
EPS = 1e-6
QUARTER = 0.25  # the smallest amount of time the plan gives anything


def quarter(hours: float) -> float:
    """hours to the nearest quarter hour, at least a quarter."""
    return max(QUARTER, round(hours * 4) / 4)


def quarter_down(hours: float) -> float:
    """hours down to a whole number of quarter hours (what fits in them)."""
    return math.floor(hours * 4 + EPS) / 4


def half_hours(hours: float) -> float:
    """An item's hours as the plan sizes it: half-hour steps, at least one hour."""
    return max(1.0, round(hours * 2) / 2)


def share_out(total: float, weights: list[float]) -> list[float]:
    """total in quarter hours over weights, in proportion (largest remainders first), each
    share at least a quarter."""
    quarters = round(total * 4)
    whole = sum(weights) or 1.0
    exact = [quarters * w / whole for w in weights]
    shares = [max(1, int(e)) for e in exact]
    by_remainder = sorted(range(len(weights)), key=lambda k: (-(exact[k] - int(exact[k])), k))
    k = 0
    while sum(shares) < quarters:
        shares[by_remainder[k % len(shares)]] += 1
        k += 1
    while sum(shares) > quarters and max(shares) > 1:
        shares[shares.index(max(shares))] -= 1
    return [s / 4 for s in shares]
