"""Packing by tasks: properties over generated item graphs (hypothesis)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.engine.packing import FILL_SESSION, MIN_SESSION, REVIEW, Unit, pack
from tests.conftest import examples

EPS = 1e-6


@st.composite
def graphs(draw):
    n = draw(st.integers(1, 20))
    units = {}
    for i in range(n):
        pres = draw(st.lists(st.integers(0, max(i - 1, 0)), max_size=3, unique=True)) if i else []
        tasks = draw(
            st.lists(st.sampled_from([0.25, 0.5, 1, 1.5, 2, 3, 4.5, 7]), min_size=1, max_size=6)
        )
        units[f"i{i}"] = Unit(
            f"i{i}",
            tuple(float(h) for h in tasks),
            tuple(f"i{p}" for p in pres),
            (draw(st.integers(0, 2)), i),
            draw(st.sampled_from("abc")),
            draw(st.booleans()),
            draw(st.integers(0, 4)),
            draw(st.booleans()) and not pres,
        )
    capacity = draw(st.sampled_from([1.0, 1.5, 2.0, 3.0, 5.0, 8.0, 12.0, 40.0]))
    return units, capacity


def placements(weeks):
    """item -> [(week, slot, task, hours)] in order."""
    out = {}
    for w, chunks in enumerate(weeks):
        for s, chunk in enumerate(chunks):
            for piece in chunk.pieces:
                out.setdefault(chunk.id, []).append((w, s, piece.task, piece.hours))
    return out


@settings(max_examples=examples(150), deadline=None)
@given(graphs())
def test_pack_properties(graph):
    units, capacity = graph
    weeks = pack(units, capacity)
    where = placements(weeks)
    assert set(where) == set(units)  # every item placed
    for item_id, unit in units.items():
        got = where[item_id]
        # every task placed whole or in sessions, in order, hours conserved exactly
        assert [t for _, _, t, _ in got] == sorted(t for _, _, t, _ in got)
        for task, hours in enumerate(unit.tasks):
            pieces = [h for _, _, t, h in got if t == task]
            assert math.isclose(sum(pieces), hours, abs_tol=EPS)
            if len(pieces) > 1:  # split only when long for this week, in real sessions
                assert hours > min(capacity / 2, MIN_SESSION) - EPS
                assert min(pieces) >= min(FILL_SESSION, capacity / 6, 0.25) - EPS
        # prerequisites end before the item starts (earlier in the same week at the latest)
        start = where[item_id][0][:2]
        for pre in unit.prerequisites:
            assert where[pre][-1][:2] < start
    # what was started before the plan continues first: no new item starts before it
    started = [where[i][0][:2] for i, u in units.items() if u.started]
    fresh = [where[i][0][:2] for i, u in units.items() if not u.started]
    if started and fresh:
        assert min(started) <= min(fresh) and min(started)[0] == 0
    for number, chunks in enumerate(weeks):
        assert chunks and all(c.pieces for c in chunks)  # no empty week, no empty part
        for chunk in chunks:  # a task has at most one piece a week: one box, one id
            assert len({p.task for p in chunk.pieces}) == len(chunk.pieces)
        assert sum(c.hours for c in chunks) <= capacity + EPS
        open_work = any(not units[i].woven for i, got in where.items() if got[-1][0] > number)
        habits = [c.id for c in chunks if units[c.id].woven]
        if open_work:
            assert len(habits) <= 1  # one habit a week while other work remains
    assert pack(units, capacity) == weeks  # deterministic


def test_reaches_the_lower_bound_on_independent_items():
    units = {f"i{i}": Unit(f"i{i}", (1.0, 1.0, 1.0), (), (0, i)) for i in range(10)}
    weeks = pack(units, 8.0)
    assert len(weeks) == math.ceil(30 / 8)


def test_a_task_longer_than_the_week_becomes_sessions_that_fill_weeks():
    units = {"a": Unit("a", (10.0,), (), (0, 0))}
    weeks = pack(units, 4.0)
    assert [c.hours for week in weeks for c in week] == [4.0, 4.0, 2.0]
    assert {p.task for week in weeks for c in week for p in c.pieces} == {0}


def test_under_way_items_finish_before_new_ones_start():
    units = {"a": Unit("a", (2.0,) * 4, (), (0, 0)), "b": Unit("b", (2.0,) * 4, (), (0, 1))}
    weeks = pack(units, 4.0)
    # the first week interleaves both; a third item would wait for one of them to end
    assert [[c.id for c in week] for week in weeks] == [["a", "b"]] * 4


def test_review_slots_take_their_hours_from_the_week():
    units = {"a": Unit("a", (2.0, 2.0), (), (0, 0)), "b": Unit("b", (3.0,) * 3, (), (0, 1))}
    weeks = pack(units, 5.0, review=lambda finished: 1.0 if finished else 0.0)
    assert all(sum(c.hours for c in week) <= 5.0 for week in weeks)
    assert all(week[-1].id == REVIEW for week in weeks[1:])
