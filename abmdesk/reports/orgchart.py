"""The buying committee of an account as a top-down tree, drawn for the PDF.

A compact tidy layout of our own (the report never imports the GUI's org chart):
each person sits centred over the people who report to them; people whose manager
is unknown start trees of their own, side by side. Required roles that nobody holds
(not even an empty seat) are drawn as red dashed "missing role" seats. Cards are
shaded by the person's engagement points in the window; empty seats are dashed.
The whole drawing is scaled to fit its box.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import QColor

from abmdesk.reports.layout import Canvas, Palette

CARD_W = 118.0
CARD_H = 46.0
GAP_X = 12.0
GAP_Y = 26.0


@dataclass
class Card:
    key: Hashable
    title: str  # the person's name, or "Empty seat"
    subtitle: str  # job title
    role: str  # role label
    points: int = 0
    kind: str = "person"  # person | seat | missing
    children: list[Card] = field(default_factory=list)
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0  # of the subtree


def build_forest(
    people: Sequence[tuple[Hashable, Hashable | None, Card]],
) -> list[Card]:
    """Trees from (key, manager key, card) rows; unknown managers and reporting loops
    make roots; children keep the given order."""
    cards = {key: card for key, _, card in people}
    manager = {key: m for key, m, _ in people}
    roots: list[Card] = []
    for key, boss, card in people:
        # A manager outside the list, or a reporting loop back to this person, makes a root.
        attached = boss is not None and boss in cards and boss != key
        node, seen = boss, set()
        while attached and node in cards and node not in seen:
            if node == key:
                attached = False
            seen.add(node)
            node = manager.get(node)
        if attached:
            cards[boss].children.append(card)
        else:
            roots.append(card)
    return roots


STACK_INDENT = 16.0
STACK_GAP = 8.0


def _leaves(card: Card) -> list[Card]:
    """The people under ``card`` listed in a column rather than side by side: its
    reports who have no reports of their own, when there are two or more of them
    (a compact chart: width is what an A4 page lacks)."""
    leaves = [ch for ch in card.children if not ch.children]
    return leaves if len(leaves) >= 2 else []


def _branches(card: Card) -> list[Card]:
    stacked = {id(ch) for ch in _leaves(card)}
    return [ch for ch in card.children if id(ch) not in stacked]


def _measure(card: Card) -> float:
    if not card.children:
        card.width = CARD_W
        return card.width
    parts = [_measure(child) for child in _branches(card)]
    if _leaves(card):
        for leaf in _leaves(card):
            leaf.width = CARD_W
        parts.append(CARD_W + STACK_INDENT)
    total = sum(parts) + GAP_X * (len(parts) - 1)
    card.width = max(CARD_W, total)
    return card.width


def _place(card: Card, left: float, top: float) -> None:
    card.y = top
    if not card.children:
        card.x = left + (card.width - CARD_W) / 2
        return
    branches, leaves = _branches(card), _leaves(card)
    widths = [b.width for b in branches] + ([CARD_W + STACK_INDENT] if leaves else [])
    total = sum(widths) + GAP_X * (len(widths) - 1)
    x = left + (card.width - total) / 2
    child_top = top + CARD_H + GAP_Y
    centres = []
    for branch in branches:
        _place(branch, x, child_top)
        centres.append(branch.x + CARD_W / 2)
        x += branch.width + GAP_X
    if leaves:
        for j, leaf in enumerate(leaves):
            leaf.x = x + STACK_INDENT
            leaf.y = child_top + j * (CARD_H + STACK_GAP)
        centres.append(x + STACK_INDENT / 2)
    centre = (centres[0] + centres[-1]) / 2 - CARD_W / 2  # centred over its reports…
    card.x = min(max(centre, left), left + card.width - CARD_W)  # …inside its own width


def layout(roots: Sequence[Card]) -> tuple[float, float]:
    """Positions every card (top-left, in card units); returns (width, height)."""
    x = 0.0
    for root in roots:
        _measure(root)
        _place(root, x, 0.0)
        x += root.width + GAP_X * 2
    width = max(0.0, x - GAP_X * 2)
    height = max((card.y + CARD_H for card in _walk(roots)), default=0.0)
    return width, height


def _walk(cards: Sequence[Card]):  # noqa: ANN202 - a generator of cards
    for card in cards:
        yield card
        yield from _walk(card.children)


def shade(points: int, top: int) -> QColor:
    """White for no engagement, then lighter to deeper blue as points grow."""
    if points <= 0 or top <= 0:
        return QColor("#ffffff")
    t = min(1.0, (points / top) ** 0.6)
    light, deep = QColor("#dce9f7"), QColor("#1f4e8c")
    return QColor(
        round(light.red() + (deep.red() - light.red()) * t),
        round(light.green() + (deep.green() - light.green()) * t),
        round(light.blue() + (deep.blue() - light.blue()) * t),
    )


def draw_forest(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    roots: Sequence[Card],
    points_label: Callable[[int], str],
) -> float:
    """Lay out and draw ``roots`` scaled to fit (x, y, w, h); returns the scale used."""
    width, height = layout(roots)
    if width <= 0:
        return 1.0
    scale = min(1.0, w / width, h / height if height else 1.0)
    ox = x + (w - width * scale) / 2
    view = c.scaled(ox, y, scale)
    cards = list(_walk(roots))
    top = max((card.points for card in cards), default=0)
    line = Palette.faint
    for card in cards:
        if not card.children:
            continue
        branches, leaves = _branches(card), _leaves(card)
        x1, y1 = card.x + CARD_W / 2, card.y + CARD_H
        mid = y1 + GAP_Y / 2
        tops = [(b.x + CARD_W / 2, b.y) for b in branches]
        if leaves:
            sx = leaves[0].x - STACK_INDENT / 2
            tops.append((sx, leaves[0].y + CARD_H / 2))
            view.line(sx, leaves[0].y, sx, leaves[-1].y + CARD_H / 2, line, 0.8)
            for leaf in leaves:
                cy = leaf.y + CARD_H / 2
                view.line(sx, cy, leaf.x, cy, line, 0.8)
        view.line(x1, y1, x1, mid, line, 0.8)
        xs = [t[0] for t in tops] + [x1]
        view.line(min(xs), mid, max(xs), mid, line, 0.8)
        for tx, ty in tops:
            if leaves and tx == tops[-1][0] and ty == tops[-1][1]:
                view.line(tx, mid, tx, leaves[0].y, line, 0.8)
            else:
                view.line(tx, mid, tx, ty, line, 0.8)
    for card in cards:
        _draw_card(view, card, top, points_label)
    return scale


def _draw_card(c: Canvas, card: Card, top: int, points_label: Callable[[int], str]) -> None:
    x, y = card.x, card.y
    pad = 5.0
    inner = CARD_W - 2 * pad
    if card.kind == "person":
        fill = shade(card.points, top)
        dark = fill.lightness() < 170  # white text from mid blue on, for contrast
        ink = Palette.white if dark else Palette.ink
        muted = QColor("#eef3fa") if dark else QColor("#3d4856")
        c.rect(x, y, CARD_W, CARD_H, fill=fill, stroke=QColor("#8aa4c4"), radius=3)
        c.text(x + pad, y + 4, card.title, 7.5, bold=True, color=ink, width=inner)
        c.text(x + pad, y + 14.5, card.subtitle, 6.5, color=muted, width=inner)
        c.text(x + pad, y + 24, card.role, 6.5, color=muted, width=inner)
        c.text(x + pad, y + 33.5, points_label(card.points), 6.5, bold=True, color=ink, width=inner)
    elif card.kind == "seat":
        c.rect(
            x, y, CARD_W, CARD_H, fill=QColor("#fafbfc"), stroke=Palette.faint, radius=3, dash=True
        )
        c.text(
            x + pad,
            y + 4,
            card.title,
            7.5,
            bold=True,
            italic=True,
            color=Palette.muted,
            width=inner,
        )
        c.text(x + pad, y + 14.5, card.subtitle, 6.5, color=Palette.muted, width=inner)
        c.text(x + pad, y + 24, card.role, 6.5, color=Palette.muted, width=inner)
    else:  # a required role nobody holds
        c.rect(
            x,
            y,
            CARD_W,
            CARD_H,
            fill=QColor("#fdf1ef"),
            stroke=Palette.bad,
            radius=3,
            dash=True,
            stroke_width=0.8,
        )
        c.text(x + pad, y + 4, card.title, 7.5, bold=True, color=Palette.bad, width=inner)
        c.text(x + pad, y + 14.5, card.subtitle, 6.5, color=Palette.bad, width=inner)
        c.text(x + pad, y + 24, card.role, 6.5, color=Palette.bad, width=inner)
