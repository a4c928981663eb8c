"""A tidy tree layout for org charts (pure Python, no Qt).

Each subtree gets a block as wide as its children's blocks side by side; a parent is
centred over its children (midway between the first and the last child's centre);
blocks never overlap, so neither do cards. Children keep the order given (oldest
first), so adding a person only pushes the blocks to its right: the rest stays put.

Wide levels are wrapped: when a person has ``wrap`` or more reports who manage no one,
those reports are laid out as a grid (a trunk on its left, a bus over each row) instead
of one long row, so a committee of 200 stays readable. Several roots (people who
report to no one) sit side by side.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)

Point = tuple[float, float]
Segment = tuple[Point, Point]


@dataclass
class TreeLayout(Generic[K]):
    """Top-left corner of each card, the connector segments, and the overall size."""

    positions: dict[K, Point] = field(default_factory=dict)
    segments: list[Segment] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0


@dataclass
class _Measure:
    width: float
    anchor: float  # the parent card's centre, from the block's left edge
    grid: list  # leaf reports laid out as a grid (may be empty)
    grid_cols: int
    items: list  # ("tree", key) | ("grid", None), left to right


class TidyLayout(Generic[K]):
    def __init__(
        self,
        card_width: float,
        card_height: float,
        *,
        h_gap: float = 24,
        v_gap: float = 56,
        row_gap: float = 28,
        root_gap: float = 56,
        wrap: int = 4,
    ) -> None:
        self.w, self.h = card_width, card_height
        self.h_gap, self.v_gap, self.row_gap = h_gap, v_gap, row_gap
        self.root_gap = root_gap
        self.wrap = max(2, wrap)

    def layout(self, parent_of: Mapping[K, K | None], order: Sequence[K]) -> TreeLayout[K]:
        """``order`` lists every key (children keep this order); ``parent_of`` gives each
        key's parent (None, or a key not in ``order``: a root)."""
        known = set(order)
        kids: dict[K, list[K]] = {k: [] for k in order}
        roots: list[K] = []
        for k in order:
            p = parent_of.get(k)
            if p is None or p not in known or p == k:
                roots.append(k)
            else:
                kids[p].append(k)
        # Anything not reachable from a root sits in a loop: cut it at its first member.
        reached: set[K] = set()
        stack = list(roots)
        while stack:
            k = stack.pop()
            reached.add(k)
            stack.extend(kids[k])
        for k in order:
            if k not in reached:
                p = parent_of.get(k)
                if p in kids and k in kids[p]:
                    kids[p].remove(k)
                roots.append(k)
                stack = [k]
                while stack:
                    n = stack.pop()
                    reached.add(n)
                    stack.extend(c for c in kids[n] if c not in reached)
        self._kids = kids
        self._measures: dict[K, _Measure] = {}
        out: TreeLayout[K] = TreeLayout()
        left = 0.0
        for i, root in enumerate(roots):
            if i:
                left += self.root_gap
            m = self._measure(root)
            self._place(root, left, 0.0, out)
            left += m.width
        out.width = left
        out.height = max((y + self.h for _, y in out.positions.values()), default=0.0)
        return out

    # --- measuring ------------------------------------------------------------------

    def _grid_width(self, cols: int) -> float:
        return cols * self.w + (cols - 1) * self.h_gap

    def _measure(self, key: K) -> _Measure:
        # Iterative post-order, so that a very deep chain cannot exhaust the stack.
        stack: list[tuple[K, bool]] = [(key, False)]
        while stack:
            k, ready = stack.pop()
            if k in self._measures:
                continue
            children = self._kids[k]
            if not ready:
                stack.append((k, True))
                stack.extend((c, False) for c in children if c not in self._measures)
                continue
            self._measures[k] = self._measure_one(k, children)
        return self._measures[key]

    def _measure_one(self, key: K, children: list[K]) -> _Measure:
        w = self.w
        if not children:
            return _Measure(w, w / 2, [], 0, [])
        leaves = [c for c in children if not self._kids[c]]
        grid: list[K] = leaves if len(leaves) >= self.wrap else []
        cols = max(2, math.ceil(math.sqrt(len(grid)))) if grid else 0
        items: list[tuple[str, K | None]] = [("grid", None)] if grid else []
        items += [("tree", c) for c in children if not grid or c not in set(grid)]
        widths, centres = [], []  # first-row card centres of each item, from its left
        for kind, c in items:
            if kind == "grid":
                gw = self._grid_width(cols)
                widths.append(gw)
                centres.append((w / 2, gw - w / 2))
            else:
                m = self._measures[c]  # type: ignore[index]
                widths.append(m.width)
                centres.append((m.anchor, m.anchor))
        total = sum(widths) + self.h_gap * (len(items) - 1)
        first = centres[0][0]
        last = total - widths[-1] + centres[-1][1]
        return _Measure(total, (first + last) / 2, grid, cols, items)

    # --- placing --------------------------------------------------------------------

    def _place(self, root: K, left: float, top: float, out: TreeLayout[K]) -> None:
        w, h = self.w, self.h
        stack: list[tuple[K, float, float]] = [(root, left, top)]
        while stack:
            key, left, top = stack.pop()
            m = self._measures[key]
            cx = left + m.anchor
            out.positions[key] = (cx - w / 2, top)
            if not m.items:
                continue
            bottom = top + h
            bus_y = bottom + self.v_gap / 2
            child_top = bottom + self.v_gap
            drops: list[float] = []
            bus_min = bus_max = cx
            x = left
            for kind, c in m.items:
                if kind == "tree":
                    cm = self._measures[c]  # type: ignore[index]
                    stack.append((c, x, child_top))  # type: ignore[arg-type]
                    drops.append(x + cm.anchor)
                    x += cm.width + self.h_gap
                    continue
                cols = m.grid_cols
                rows = math.ceil(len(m.grid) / cols)
                trunk = x - self.h_gap / 2
                for i, leaf in enumerate(m.grid):
                    r, col = divmod(i, cols)
                    out.positions[leaf] = (
                        x + col * (w + self.h_gap),
                        child_top + r * (h + self.row_gap),
                    )
                for col in range(min(cols, len(m.grid))):
                    drops.append(x + col * (w + self.h_gap) + w / 2)
                if rows > 1:
                    bus_min = min(bus_min, trunk)
                    last_bus = bus_y
                    for r in range(1, rows):
                        row_top = child_top + r * (h + self.row_gap)
                        row_bus = row_top - self.row_gap / 2
                        in_row = m.grid[r * cols : (r + 1) * cols]
                        row_right = x + (len(in_row) - 1) * (w + self.h_gap) + w / 2
                        out.segments.append(((trunk, row_bus), (row_right, row_bus)))
                        for col in range(len(in_row)):
                            cxl = x + col * (w + self.h_gap) + w / 2
                            out.segments.append(((cxl, row_bus), (cxl, row_top)))
                        last_bus = row_bus
                    out.segments.append(((trunk, bus_y), (trunk, last_bus)))
                x += self._grid_width(cols) + self.h_gap
            out.segments.append(((cx, bottom), (cx, bus_y)))
            bus_min = min(bus_min, *drops)
            bus_max = max(bus_max, *drops)
            if bus_max > bus_min:
                out.segments.append(((bus_min, bus_y), (bus_max, bus_y)))
            for d in drops:
                out.segments.append(((d, bus_y), (d, child_top)))
