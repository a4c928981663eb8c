"""A tidy, compact tree layout for org charts (pure Python, no Qt).

Each subtree gets a block; blocks never overlap, so neither do cards. A parent is
centred over its reports (midway between the leftmost and the rightmost report's
centre). Children keep the order given (oldest first), so adding a person only
pushes what lies after it: the rest stays put.

Two rules keep big committees readable:

- reports who manage no one, when there are ``wrap`` or more of them, are stacked in
  columns of at most ``stack`` cards (a trunk on their left, a short bus to each)
  rather than one long row;
- when the reports' blocks side by side would be much wider than tall, they wrap
  into several rows (aiming at a ``aspect`` width ÷ height), joined by a trunk on
  the left of the block.

Several roots (people who report to no one) sit side by side, wrapped the same way.
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
class _Item:
    """A child block: one report's subtree, or a stack of leaf reports."""

    key: object  # the report (tree) or None (stack)
    leaves: list  # the stacked leaves (stack) or []
    cols: int
    rows: int
    width: float
    height: float
    lo: float  # leftmost / rightmost first-row card centre, from the item's left
    hi: float


@dataclass
class _Block:
    width: float
    height: float
    anchor: float  # the card's centre, from the block's left edge
    margin: float  # room for the trunk on the left of the children
    rows: list[list[_Item]]


class TidyLayout(Generic[K]):
    def __init__(
        self,
        card_width: float,
        card_height: float,
        *,
        h_gap: float = 24,
        v_gap: float = 56,
        row_gap: float = 24,
        root_gap: float = 56,
        wrap: int = 4,
        stack: int = 6,
        aspect: float = 1.6,
        min_row: int = 8,
    ) -> None:
        self.w, self.h = card_width, card_height
        self.h_gap, self.v_gap, self.row_gap = h_gap, v_gap, row_gap
        self.root_gap = root_gap
        self.wrap = max(2, wrap)
        self.stack = max(1, stack)
        self.aspect = aspect
        self.min_row = min_row

    # --- public --------------------------------------------------------------------

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
        self._cut_loops(kids, roots, order, parent_of)
        self._kids = kids
        self._blocks: dict[K, _Block] = {}
        out: TreeLayout[K] = TreeLayout()
        for root in roots:
            self._measure(root)
        # The roots wrap into rows like anybody's reports.
        items = [self._tree_item(r) for r in roots]
        rows = self._pack(items, self.root_gap)
        top = 0.0
        for row in rows:
            x = 0.0
            for item in row:
                self._place(item.key, x, top, out)  # type: ignore[arg-type]
                x += item.width + self.root_gap
            top += max(i.height for i in row) + self.v_gap
        out.width = max((x + self.w for x, _ in out.positions.values()), default=0.0)
        out.height = max((y + self.h for _, y in out.positions.values()), default=0.0)
        return out

    # --- structure -------------------------------------------------------------------

    @staticmethod
    def _cut_loops(kids: dict, roots: list, order: Sequence, parent_of: Mapping) -> None:
        """Anything not reachable from a root sits in a loop: cut it at its first member."""
        reached: set = set()
        stack = list(roots)
        while stack:
            k = stack.pop()
            reached.add(k)
            stack.extend(kids[k])
        for k in order:
            if k in reached:
                continue
            p = parent_of.get(k)
            if p in kids and k in kids[p]:
                kids[p].remove(k)
            roots.append(k)
            stack = [k]
            while stack:
                n = stack.pop()
                reached.add(n)
                stack.extend(c for c in kids[n] if c not in reached)

    # --- measuring ---------------------------------------------------------------------

    def _tree_item(self, key: object) -> _Item:
        b = self._blocks[key]  # type: ignore[index]
        return _Item(key, [], 0, 0, b.width, b.height, b.anchor, b.anchor)

    def _stack_item(self, leaves: list) -> _Item:
        w, h = self.w, self.h
        n = len(leaves)
        # Columns of at most ``stack``; a very long list goes for the aspect instead.
        ratio = (h + self.row_gap) / (w + self.h_gap)
        cols = min(math.ceil(n / self.stack), math.ceil(math.sqrt(self.aspect * n * ratio)))
        cols = max(1, cols)
        rows = math.ceil(n / cols)
        margin = self.h_gap  # the stack's trunk runs on its left
        width = margin + cols * w + (cols - 1) * self.h_gap
        height = rows * h + (rows - 1) * self.row_gap
        return _Item(None, leaves, cols, rows, width, height, margin + w / 2, width - w / 2)

    def _pack(self, items: list[_Item], gap: float) -> list[list[_Item]]:
        """Items in rows, so that the whole is about ``aspect`` times wider than tall."""
        if len(items) <= 1:
            return [items] if items else []
        total = sum(i.width for i in items) + gap * (len(items) - 1)
        area = sum(i.width * i.height for i in items)
        # Up to ``min_row`` cards side by side always stay on one row.
        min_row = self.min_row * (self.w + gap) - gap
        limit = max(max(i.width for i in items), math.sqrt(area * self.aspect), min_row)
        if total <= limit * 1.15:
            return [items]
        rows: list[list[_Item]] = [[]]
        width = 0.0
        for item in items:
            extra = item.width + (gap if rows[-1] else 0.0)
            if rows[-1] and width + extra > limit:
                rows.append([])
                width, extra = 0.0, item.width
            rows[-1].append(item)
            width += extra
        return rows

    def _measure(self, key: K) -> None:
        # Iterative post-order, so that a very deep chain cannot exhaust the stack.
        todo: list[tuple[K, bool]] = [(key, False)]
        while todo:
            k, ready = todo.pop()
            if k in self._blocks:
                continue
            if not ready:
                todo.append((k, True))
                todo.extend((c, False) for c in self._kids[k] if c not in self._blocks)
                continue
            self._blocks[k] = self._measure_one(self._kids[k])

    def _measure_one(self, children: list[K]) -> _Block:
        w, h = self.w, self.h
        if not children:
            return _Block(w, h, w / 2, 0.0, [])
        leaves = [c for c in children if not self._kids[c]]
        stacked = set(leaves) if len(leaves) >= self.wrap else set()
        items: list[_Item] = [self._stack_item(leaves)] if stacked else []
        items += [self._tree_item(c) for c in children if c not in stacked]
        rows = self._pack(items, self.h_gap)
        margin = self.h_gap if len(rows) > 1 else 0.0
        lo, hi, width = math.inf, -math.inf, 0.0
        height = h + self.v_gap
        for r, row in enumerate(rows):
            x = margin
            for item in row:
                lo, hi = min(lo, x + item.lo), max(hi, x + item.hi)
                x += item.width + self.h_gap
            width = max(width, x - self.h_gap)
            height += max(i.height for i in row) + (self.v_gap if r else 0.0)
        anchor = (lo + hi) / 2  # lo >= w/2 and hi <= width - w/2: the card fits
        return _Block(width, height, anchor, margin, rows)

    # --- placing -----------------------------------------------------------------------

    def _place(self, root: K, left: float, top: float, out: TreeLayout[K]) -> None:
        w, h = self.w, self.h
        todo: list[tuple[K, float, float]] = [(root, left, top)]
        segments = out.segments
        while todo:
            key, left, top = todo.pop()
            b = self._blocks[key]
            cx = left + b.anchor
            out.positions[key] = (cx - w / 2, top)
            if not b.rows:
                continue
            bottom = top + h
            bus_y = bottom + self.v_gap / 2
            trunk = left + b.margin - self.h_gap / 2
            segments.append(((cx, bottom), (cx, bus_y)))
            row_top = bottom + self.v_gap
            last_bus = bus_y
            for r, row in enumerate(b.rows):
                row_bus = bus_y if r == 0 else row_top - self.v_gap / 2
                spans = [cx] if r == 0 else [trunk]
                x = left + b.margin
                for item in row:
                    if item.key is not None:
                        todo.append((item.key, x, row_top))  # type: ignore[arg-type]
                        d = x + item.lo
                        spans.append(d)
                        segments.append(((d, row_bus), (d, row_top)))
                    else:
                        spans.extend(self._place_stack(item, x, row_top, row_bus, out))
                    x += item.width + self.h_gap
                segments.append(((min(spans), row_bus), (max(spans), row_bus)))
                last_bus = row_bus
                row_top += max(i.height for i in row) + self.v_gap
            if len(b.rows) > 1:
                segments.append(((trunk, bus_y), (trunk, last_bus)))

    def _place_stack(
        self, item: _Item, left: float, top: float, bus_y: float, out: TreeLayout[K]
    ) -> list[float]:
        """Leaves in columns; returns the x's the parent's bus must reach."""
        w, h = self.w, self.h
        trunk = left + self.h_gap / 2
        first = left + self.h_gap
        last_stub = bus_y
        for i, leaf in enumerate(item.leaves):
            col, r = divmod(i, item.rows)
            x = first + col * (w + self.h_gap)
            y = top + r * (h + self.row_gap)
            out.positions[leaf] = (x, y)
            if r == 0:
                # The first card of each column hangs from the parent's bus.
                out.segments.append(((x + w / 2, bus_y), (x + w / 2, y)))
            else:
                # The others hang from the trunk, by their left edge.
                stub_y = y + h / 2
                col_trunk = trunk if col == 0 else x - self.h_gap / 2
                out.segments.append(((col_trunk, stub_y), (x, stub_y)))
                if col == 0:
                    last_stub = max(last_stub, stub_y)
        cols_x = [first + c * (w + self.h_gap) + w / 2 for c in range(item.cols)]
        # A trunk per column: the first from the bus, the others from the bus too.
        for c in range(item.cols):
            in_col = item.leaves[c * item.rows : (c + 1) * item.rows]
            if len(in_col) < 2:
                continue
            x = trunk if c == 0 else first + c * (w + self.h_gap) - self.h_gap / 2
            bottom = top + (len(in_col) - 1) * (h + self.row_gap) + h / 2
            out.segments.append(((x, bus_y), (x, bottom)))
        return [trunk, *cols_x] if item.rows > 1 else cols_x
