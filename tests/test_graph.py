"""The prerequisite graph (planner.catalog.graph): closures, order and cycles, generated."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from planner.catalog.graph import Graph


@st.composite
def acyclic(draw) -> dict[str, tuple[str, ...]]:
    """Items n0..nk, each needing only items before it."""
    n = draw(st.integers(1, 12))
    return {
        f"n{i}": tuple(
            f"n{p}" for p in draw(st.lists(st.integers(0, i - 1), max_size=3, unique=True))
        )
        if i
        else ()
        for i in range(n)
    }


def reach(edges: dict[str, tuple[str, ...]], start: str) -> set[str]:
    """Everything start needs, by a plain walk: what ancestors() must agree with."""
    out: set[str] = set()
    todo = list(edges[start])
    while todo:
        here = todo.pop()
        if here in edges and here not in out:
            out.add(here)
            todo += edges[here]
    return out


@given(acyclic(), st.data())
def test_ancestors_bundles_and_users_agree_with_a_plain_walk(edges, data):
    graph = Graph(edges)
    for item_id in edges:
        assert graph.ancestors([item_id]) == reach(edges, item_id)
        assert graph.bundle(item_id) == reach(edges, item_id) | {item_id}
        assert set(graph.users[item_id]) == {u for u, pres in edges.items() if item_id in pres}
    inside = data.draw(st.sets(st.sampled_from(sorted(edges))))
    sub = graph.within(inside)
    for item_id in inside:  # a prerequisite outside is not walked through
        kept = {k: tuple(p for p in v if p in inside) for k, v in edges.items() if k in inside}
        assert sub.ancestors([item_id]) == reach(kept, item_id)


@given(acyclic(), st.randoms(use_true_random=False))
def test_order_puts_prerequisites_first_and_follows_the_key_where_free(edges, rng):
    keys = {item_id: rng.random() for item_id in edges}
    order = Graph(edges).order(keys.__getitem__)
    assert sorted(order) == sorted(edges)
    place = {item_id: n for n, item_id in enumerate(order)}
    for item_id, pres in edges.items():
        assert all(place[p] < place[item_id] for p in pres)
    # the first item has the smallest key among those that need nothing (ties: the id)
    assert order[0] == min((i for i, p in edges.items() if not p), key=lambda i: (keys[i], i))


def test_pull_in_names_who_first_needed_each_item_and_stops_at_what_is_stopped():
    graph = Graph({"a": (), "b": ("a",), "c": ("b",), "d": ("c", "x"), "x": ()})
    added, stopped = graph.pull_in({"d"}, stop={"x"})
    assert added == {"c": "d", "b": "c", "a": "b"}
    assert stopped == {"x": {"d"}}
    added, stopped = graph.pull_in({"d"}, stop={"b", "x"})
    assert added == {"c": "d"} and stopped == {"x": {"d"}, "b": {"c"}}


def test_cycles_are_found_as_closing_paths_and_left_out_of_the_order():
    graph = Graph({"a": ("c",), "b": ("a",), "c": ("b",), "d": ()})
    assert graph.cycles() == [["a", "c", "b", "a"]]
    assert graph.order(str) == ["d"]
    assert graph.ancestors(["a"]) == {"a", "b", "c"}  # an item in a cycle needs itself
