"""The prerequisite graph: who needs what, closures and a stable order, built once per catalog."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any


class Graph:
    """Items and the prerequisites among them: users, closures, a stable topological order.

    Built once per catalog (`Catalog.graph`); a selection asks `within(ids)`, the same
    questions about the prerequisites inside it only (a prerequisite outside is not walked
    through). Every walk keeps the items' own order, so answers never depend on set order.
    """

    def __init__(self, prerequisites: Mapping[str, Iterable[str]]) -> None:
        self.prerequisites: dict[str, tuple[str, ...]] = {
            item_id: tuple(p for p in pres if p in prerequisites)
            for item_id, pres in prerequisites.items()
        }
        users: dict[str, list[str]] = {item_id: [] for item_id in self.prerequisites}
        for item_id, pres in self.prerequisites.items():
            for pre in pres:
                users[pre].append(item_id)
        self.users: dict[str, tuple[str, ...]] = {i: tuple(u) for i, u in users.items()}
        self._bundles: dict[str, frozenset[str]] = {}

    def within(self, ids: Iterable[str]) -> Graph:
        """The graph of ids alone (in the order given), with only the prerequisites among them."""
        return Graph({item_id: self.prerequisites[item_id] for item_id in ids})

    def __contains__(self, item_id: object) -> bool:
        return item_id in self.prerequisites

    def ancestors(self, ids: Iterable[str]) -> frozenset[str]:
        """Everything ids need, directly or through other items (ids only when in a cycle)."""
        seen: set[str] = set()
        stack = [pre for item_id in ids for pre in self.prerequisites[item_id]]
        while stack:
            item_id = stack.pop()
            if item_id not in seen:
                seen.add(item_id)
                stack.extend(self.prerequisites[item_id])
        return frozenset(seen)

    def bundle(self, item_id: str) -> frozenset[str]:
        """The item and everything it needs: what taking it alone would take."""
        if item_id not in self._bundles:
            self._bundles[item_id] = self.ancestors([item_id]) | {item_id}
        return self._bundles[item_id]

    def ready(self, item_id: str, done: Collection[str]) -> bool:
        """Whether every prerequisite of item_id is in done."""
        return all(pre in done for pre in self.prerequisites[item_id])

    def pull_in(
        self, kept: Collection[str], stop: Collection[str]
    ) -> tuple[dict[str, str], dict[str, set[str]]]:
        """What kept needs and lacks, walking through nothing in stop.

        Returns each missing item with the item that first needed it (a depth-first walk from
        the kept items in reverse id order), and each item of stop with the items needing it.
        """
        have = set(kept)
        added: dict[str, str] = {}
        stopped: dict[str, set[str]] = {}
        queue = sorted(have)
        while queue:
            item_id = queue.pop()
            for pre in self.prerequisites[item_id]:
                if pre in stop:
                    stopped.setdefault(pre, set()).add(item_id)
                elif pre not in have:
                    added[pre] = item_id
                    have.add(pre)
                    queue.append(pre)
        return added, stopped

    def order(self, key: Callable[[str], Any]) -> list[str]:
        """Every item after its prerequisites, smallest key first where there is a choice
        (Kahn's algorithm); items in a cycle are left out."""
        waiting = {item_id: len(pres) for item_id, pres in self.prerequisites.items()}
        ready = [(key(i), i) for i, n in waiting.items() if not n]
        heapq.heapify(ready)
        out: list[str] = []
        while ready:
            _, item_id = heapq.heappop(ready)
            out.append(item_id)
            for user in self.users[item_id]:
                waiting[user] -= 1
                if not waiting[user]:
                    heapq.heappush(ready, (key(user), user))
        return out

    def cycles(self) -> list[list[str]]:
        """Each prerequisite cycle a depth-first walk in item order meets, as a path that ends
        where it closes: [a, b, a]."""
        state: dict[str, int] = {}  # 1 on the current path, 2 done
        found: list[list[str]] = []

        def visit(item_id: str, path: list[str]) -> None:
            if state.get(item_id) == 2:
                return
            if state.get(item_id) == 1:
                found.append([*path, item_id])
                return
            state[item_id] = 1
            for pre in self.prerequisites[item_id]:
                visit(pre, [*path, item_id])
            state[item_id] = 2

        for item_id in self.prerequisites:
            visit(item_id, [])
        return found
