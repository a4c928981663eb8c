"""Reporting lines of an account's buying committee: pure helpers over a manager map.

A manager map gives each person's manager (None: reports to no one). The import of
a bundle and the org-chart editor both use these to refuse reporting cycles.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def find_cycle(manager_of: Mapping[K, K | None], child: K, new_manager: K | None) -> list[K] | None:
    """The loop that giving ``child`` the manager ``new_manager`` would make, else None.

    The loop is returned as ``[child, new_manager, ...]``: each person reports to the
    next, and the last one reports to ``child`` (``[child]`` for oneself). A loop that
    is already in the map, away from ``child``, is returned as found.
    """
    path = [child]
    position = {child: 0}
    node = new_manager
    while node is not None:
        if node in position:
            return path[position[node] :]
        position[node] = len(path)
        path.append(node)
        node = manager_of.get(node)
    return None


def first_cycle(
    manager_of: Mapping[K, K | None], starts: Iterable[K] | None = None
) -> list[K] | None:
    """A reporting loop (each reports to the next), else None.

    Looks up the chains of ``starts`` (default: everyone in the map), each person
    walked once: linear time.
    """
    done: set[K] = set()
    for start in manager_of if starts is None else starts:
        if start in done:
            continue
        path: list[K] = []
        position: dict[K, int] = {}
        node: K | None = start
        while node is not None and node not in done:
            if node in position:
                return path[position[node] :]
            position[node] = len(path)
            path.append(node)
            node = manager_of.get(node)
        done.update(path)
    return None


def managers_first(manager_of: Mapping[K, K | None], people: Iterable[K]) -> list[K]:
    """``people`` reordered so that each comes after their manager when that manager
    is one of them (for inserting new rows whose managers are new too). The map must
    hold no loop; the order is otherwise kept.
    """
    wanted = list(people)
    pending = set(wanted)
    ordered: list[K] = []
    for person in wanted:
        chain = []
        node: K | None = person
        while node is not None and node in pending:
            chain.append(node)
            pending.discard(node)
            node = manager_of.get(node)
        ordered.extend(reversed(chain))
    return ordered
