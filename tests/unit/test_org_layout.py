"""The org chart's tidy layout: no overlaps, parents centred, stable, several roots."""

from __future__ import annotations

import random

from abmdesk.ui.orgchart.layout import TidyLayout

W, H = 220, 96


def _tree(n: int, seed: int = 7) -> tuple[dict[int, int | None], list[int]]:
    rng = random.Random(seed)
    parent: dict[int, int | None] = {0: None}
    for k in range(1, n):
        # Mostly shallow and wide, like a real committee, with some deep chains.
        parent[k] = rng.choice([0, *range(max(0, k - 12), k)]) if k > 3 else 0
    return parent, list(range(n))


def _overlaps(pos: dict) -> list:
    boxes = sorted((x, y, k) for k, (x, y) in pos.items())
    bad = []
    for i, (x1, y1, k1) in enumerate(boxes):
        for x2, y2, k2 in boxes[i + 1 :]:
            if x2 >= x1 + W:
                break
            if abs(y2 - y1) < H:
                bad.append((k1, k2))
    return bad


def _children(parent):
    kids: dict = {}
    for k, p in parent.items():
        if p is not None:
            kids.setdefault(p, []).append(k)
    return kids


def test_200_people_no_overlap_and_parents_centred():
    parent, order = _tree(200)
    result = TidyLayout(W, H).layout(parent, order)
    assert len(result.positions) == 200
    assert _overlaps(result.positions) == []
    for p, kids in _children(parent).items():
        centres = [result.positions[k][0] + W / 2 for k in kids]
        px = result.positions[p][0] + W / 2
        assert abs(px - (min(centres) + max(centres)) / 2) < 1e-6, p
        assert all(result.positions[k][1] > result.positions[p][1] for k in kids)


def test_wide_levels_wrap_into_a_grid():
    parent = {0: None, **{k: 0 for k in range(1, 101)}}
    result = TidyLayout(W, H).layout(parent, list(range(101)))
    assert _overlaps(result.positions) == []
    assert result.width < 12 * (W + 24)  # not 100 cards in one row
    assert result.height > 5 * H


def test_adding_cards_keeps_the_others_in_place():
    parent, order = _tree(60)
    before = TidyLayout(W, H).layout(parent, order).positions
    parent[60] = None  # a new top-level person, at the end
    after = TidyLayout(W, H).layout(parent, [*order, 60]).positions
    assert all(after[k] == before[k] for k in order)


def test_several_roots_side_by_side_and_loops_survive():
    parent = {1: None, 2: 1, 3: None, 4: 3, 5: 6, 6: 5}
    result = TidyLayout(W, H).layout(parent, [1, 2, 3, 4, 5, 6])
    assert set(result.positions) == {1, 2, 3, 4, 5, 6}
    assert result.positions[1][1] == result.positions[3][1] == 0
    assert result.positions[3][0] > result.positions[1][0]
    assert _overlaps(result.positions) == []
