"""List scheduling properties over generated item graphs (hypothesis)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.engine.packing import Unit, pack, priority_rules


@st.composite
def graphs(draw):
    n = draw(st.integers(1, 25))
    units = {}
    for i in range(n):
        pres = draw(st.lists(st.integers(0, max(i - 1, 0)), max_size=3, unique=True)) if i else []
        hours = draw(st.sampled_from([0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 20]))
        units[f"i{i}"] = Unit(f"i{i}", float(hours), tuple(f"i{p}" for p in pres),
                              draw(st.booleans()) and hours > 1, i)
    capacity = draw(st.sampled_from([1.0, 2.0, 3.5, 5.0, 8.0, 12.0, 40.0]))
    return units, capacity


def positions(weeks):
    """item -> list of (week, slot) for each chunk."""
    out = {}
    for w, chunks in enumerate(weeks):
        for s, (item, _) in enumerate(chunks):
            out.setdefault(item, []).append((w, s))
    return out


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_pack_properties(graph):
    units, capacity = graph
    for key in priority_rules(units):
        weeks = pack(units, capacity, key)
        pos = positions(weeks)
        # every item scheduled, hours conserved exactly
        assert set(pos) == set(units)
        for item, unit in units.items():
            got = sum(h for week in weeks for i, h in week if i == item)
            assert math.isclose(got, unit.hours, abs_tol=1e-6)
        # no week over capacity, unless it holds one oversized item's first chunk alone
        for week in weeks:
            assert sum(h for _, h in week) <= capacity + 1e-6
        # no prerequisite violated: an item starts after its prerequisites end
        for item, unit in units.items():
            for pre in unit.prerequisites:
                assert max(pos[pre]) < min(pos[item])
        # an unsplittable item that fits is never split
        for item, unit in units.items():
            if not unit.splittable and unit.hours <= capacity:
                assert len(pos[item]) == 1
        # deterministic
        assert pack(units, capacity, key) == weeks


def test_reaches_lower_bound_on_independent_items():
    units = {f"i{i}": Unit(f"i{i}", 3.0, (), True, i) for i in range(10)}
    weeks = min((pack(units, 8.0, k) for k in priority_rules(units)), key=len)
    assert len(weeks) == math.ceil(30 / 8)


def test_split_parts_stay_together():
    units = {"a": Unit("a", 20.0, (), True, 0), "b": Unit("b", 2.0, (), False, 1)}
    weeks = pack(units, 8.0, priority_rules(units)[0])
    assert [w for w, chunks in enumerate(weeks) for i, _ in chunks if i == "a"] == [0, 1, 2]
    assert [h for chunks in weeks for i, h in chunks if i == "a"] == [6.0, 8.0, 6.0]
