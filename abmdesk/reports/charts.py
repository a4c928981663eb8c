"""Vector charts drawn with QPainter into the PDF (through :class:`Canvas`).

Each function draws inside the box (x, y, w, h), in points, with its axis labels,
value labels and legend inside that box. Labels are measured and elided, never cut.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QColor

from abmdesk.reports.layout import Canvas, Palette

Fmt = Callable[[float], str]

AXIS = 7.0  # font size of axis labels
VALUE = 7.0  # font size of value labels


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float | None]
    color: QColor


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high] (0 always included)."""
    low, high = min(low, 0.0), max(high, 0.0)
    if high == low:
        high = low + 1.0
    raw = (high - low) / max(1, count)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(ticks[-1] + step)
    return ticks


def legend(c: Canvas, x: float, y: float, w: float, items: Sequence[tuple[str, QColor]]) -> float:
    """Swatches and labels on one or more lines from (x, y); returns the height used."""
    size = 7.5
    line_h = size * 1.5
    cx, cy = x, y
    for label, color in items:
        item_w = 10 + c.width(label, size) + 14
        if cx > x and cx + item_w > x + w:
            cx, cy = x, cy + line_h
        c.rect(cx, cy + 1.5, 7, 7, fill=color)
        c.text(cx + 10, cy, label, size, color=Palette.muted, width=w - (cx - x) - 10)
        cx += item_w
    return cy - y + line_h


def legend_height(c: Canvas, w: float, items: Sequence[tuple[str, QColor]]) -> float:
    size = 7.5
    lines, cx = 1, 0.0
    for label, _ in items:
        item_w = 10 + c.width(label, size) + 14
        if cx > 0 and cx + item_w > w:
            lines, cx = lines + 1, 0.0
        cx += item_w
    return lines * size * 1.5


def _y_axis(
    c: Canvas, x: float, y: float, w: float, h: float, ticks: list[float], fmt: Fmt
) -> Callable[[float], float]:
    """Grid lines and labels; returns value → y."""
    low, high = ticks[0], ticks[-1]

    def to_y(v: float) -> float:
        return y + h - (v - low) / (high - low) * h

    for t in ticks:
        ty = to_y(t)
        c.line(x, ty, x + w, ty, Palette.rule if t != 0 else Palette.faint, 0.4)
        label = fmt(t)
        c.text(
            x - 4 - 60, ty - AXIS * 0.6, label, AXIS, color=Palette.muted, width=60, align="right"
        )
    return to_y


def axis_width(c: Canvas, ticks: list[float], fmt: Fmt) -> float:
    return max(c.width(fmt(t), AXIS) for t in ticks) + 6


def bar_chart(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    categories: Sequence[str],
    series: Sequence[Series],
    fmt: Fmt,
    *,
    tick_fmt: Fmt | None = None,
    threshold: float | None = None,
    threshold_label: str = "",
    bar_colors: Sequence[Sequence[QColor | None]] | None = None,
    show_values: bool = True,
    show_legend: bool = True,
) -> None:
    """Vertical bars, grouped by category (one bar per series)."""
    tick_fmt = tick_fmt or fmt
    values = [v for s in series for v in s.values if v is not None]
    if threshold is not None:
        values.append(threshold)
    ticks = nice_ticks(min(values, default=0.0), max(values, default=1.0))
    items = [(s.label, s.color) for s in series]
    leg_h = legend_height(c, w, items) + 4 if show_legend and len(series) > 1 else 0.0
    label_lines = 2
    label_h = AXIS * 1.2 * label_lines + 4
    ax_w = axis_width(c, ticks, tick_fmt)
    px, py, pw, ph = x + ax_w, y + leg_h + VALUE * 1.4, w - ax_w, h - leg_h - label_h - VALUE * 1.4
    if leg_h:
        legend(c, px, y, pw, items)
    to_y = _y_axis(c, px, py, pw, ph, ticks, tick_fmt)
    n = max(1, len(categories))
    group_w = pw / n
    inner = group_w * 0.78
    bar_w = inner / max(1, len(series))
    zero = to_y(0.0)
    for i, name in enumerate(categories):
        gx = px + i * group_w + (group_w - inner) / 2
        for j, s in enumerate(series):
            v = s.values[i] if i < len(s.values) else None
            if v is None:
                continue
            color = s.color
            if bar_colors is not None and bar_colors[j][i] is not None:
                color = bar_colors[j][i]  # type: ignore[assignment]
            top = to_y(v)
            bx = gx + j * bar_w
            c.rect(bx + 0.6, min(top, zero), bar_w - 1.2, abs(zero - top), fill=color)
            if show_values and bar_w >= c.width(fmt(v), VALUE) * 0.9:
                ty = top - VALUE * 1.3 if v >= 0 else top + 1
                c.text(bx, ty, fmt(v), VALUE, color=Palette.ink, width=bar_w, align="center")
        lines = c.wrap(name, group_w - 2, AXIS, max_lines=label_lines)
        for k, line in enumerate(lines):
            c.text(
                px + i * group_w + 1,
                py + ph + 3 + k * AXIS * 1.2,
                line,
                AXIS,
                color=Palette.muted,
                width=group_w - 2,
                align="center",
            )
    if threshold is not None:
        ty = to_y(threshold)
        c.line(px, ty, px + pw, ty, Palette.bad, 0.9, dash=True)
        if threshold_label:
            lw = c.width(threshold_label, AXIS) + 4
            c.rect(px + pw - lw, ty - AXIS * 1.45, lw, AXIS * 1.3, fill=Palette.white)
            c.text(px + pw - lw + 2, ty - AXIS * 1.4, threshold_label, AXIS, color=Palette.bad)


def hbar_chart(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    labels: Sequence[str],
    values: Sequence[float | None],
    fmt: Fmt,
    *,
    colors: Sequence[QColor] | None = None,
    color: QColor = Palette.abm,
    negative: QColor = Palette.bad,
    label_width: float | None = None,
) -> None:
    """Horizontal bars, one per label, value printed at the end of each bar; negative
    values go left of a zero line."""
    n = max(1, len(labels))
    row_h = h / n
    size = min(8.0, row_h * 0.62)
    lw = label_width or min(w * 0.34, max((c.width(lbl, size) for lbl in labels), default=40) + 6)
    vals = [v for v in values if v is not None]
    low, high = min(vals + [0.0]), max(vals + [0.0])
    value_w = max((c.width(fmt(v), size) for v in vals), default=20) + 6
    span_w = w - lw - value_w * (2 if low < 0 else 1)
    span = (high - low) or 1.0
    zero_x = x + lw + (value_w if low < 0 else 0) + (-low) / span * span_w
    for i, (label, v) in enumerate(zip(labels, values, strict=False)):
        ry = y + i * row_h
        c.text(x, ry + (row_h - size * 1.2) / 2, label, size, width=lw - 6)
        if v is None:
            c.text(zero_x + 3, ry + (row_h - size * 1.2) / 2, "—", size, color=Palette.muted)
            continue
        bar_color = colors[i] if colors is not None else (negative if v < 0 else color)
        length = abs(v) / span * span_w
        bx = zero_x if v >= 0 else zero_x - length
        c.rect(bx, ry + row_h * 0.18, max(length, 0.6), row_h * 0.64, fill=bar_color)
        text = fmt(v)
        tw = c.width(text, size) + 3
        tx = bx + length + 3 if v >= 0 else bx - tw
        c.text(tx, ry + (row_h - size * 1.2) / 2, text, size, color=Palette.ink)
    c.line(zero_x, y, zero_x, y + n * row_h, Palette.faint, 0.5)


def funnel(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    stages: Sequence[str],
    entered: Sequence[int],
    rates: Sequence[str],
    captions: Sequence[str],
) -> None:
    """A funnel: one centred bar per stage, its width proportional to the deals that
    entered it, the stage's name on the left and its conversion rate on the right."""
    n = max(1, len(stages))
    row_h = h / n
    size = min(8.5, row_h * 0.36)
    name_w = max((c.width(s, size, True) for s in stages), default=60) + 10
    rate_w = max((c.width(r, size + 1, True) for r in rates), default=30) + 10
    bar_area = w - name_w - rate_w
    top = max(entered, default=1) or 1
    cx = x + name_w + bar_area / 2
    shades = [QColor(Palette.abm).lighter(100 + 12 * i) for i in range(n)]
    for i, (stage, count, rate, caption) in enumerate(
        zip(stages, entered, rates, captions, strict=False)
    ):
        ry = y + i * row_h
        bw = max(bar_area * count / top, 2.0)
        c.rect(cx - bw / 2, ry + row_h * 0.1, bw, row_h * 0.8, fill=shades[i], radius=2)
        c.text(x, ry + row_h / 2 - size * 0.65, stage, size, bold=True, width=name_w - 8)
        inside = c.width(caption, size) + 8 <= bw
        c.text(
            cx - bw / 2 if inside else cx + bw / 2 + 4,
            ry + row_h / 2 - size * 0.65,
            caption,
            size,
            color=Palette.white if inside else Palette.ink,
            width=bw if inside else bar_area / 2 - bw / 2 - 4,
            align="center" if inside else "left",
        )
        c.text(
            x + w - rate_w + 6,
            ry + row_h / 2 - (size + 1) * 0.65,
            rate,
            size + 1,
            bold=True,
            color=Palette.navy,
            width=rate_w - 6,
            align="right",
        )


def line_chart(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    x_labels: Sequence[str],
    series: Sequence[Series],
    fmt: Fmt,
    *,
    label_every: int | None = None,
) -> None:
    """Lines over a shared x axis (weeks); a legend on top."""
    items = [(s.label, s.color) for s in series]
    leg_h = legend_height(c, w, items) + 6
    values = [v for s in series for v in s.values if v is not None]
    ticks = nice_ticks(0.0, max(values, default=1.0))
    ax_w = axis_width(c, ticks, fmt)
    label_h = AXIS * 1.2 + 6
    px, py, pw, ph = x + ax_w, y + leg_h, w - ax_w - 4, h - leg_h - label_h
    legend(c, px, y, pw, items)
    to_y = _y_axis(c, px, py, pw, ph, ticks, fmt)
    n = len(x_labels)
    if n == 0:
        return
    step = pw / max(1, n - 1)

    def to_x(i: int) -> float:
        return px + (i * step if n > 1 else pw / 2)

    widest = max(c.width(lbl, AXIS) for lbl in x_labels) + 6
    every = label_every or max(1, math.ceil(widest / max(step, 0.01)))
    for i in range(0, n, every):
        c.line(to_x(i), py + ph, to_x(i), py + ph + 2, Palette.faint, 0.4)
        c.text(
            to_x(i) - widest / 2,
            py + ph + 4,
            x_labels[i],
            AXIS,
            color=Palette.muted,
            width=widest,
            align="center",
        )
    for s in series:
        points = [(to_x(i), to_y(v)) for i, v in enumerate(s.values) if v is not None]
        if len(points) > 1:
            c.polyline(points, s.color, 1.3)
        for px_, py_ in points if len(points) <= 1 else []:
            c.dot(px_, py_, 1.8, s.color)


def small_multiples(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    x_labels: Sequence[str],
    rows: Sequence[Series],
    note: Callable[[Series], str],
) -> None:
    """One weekly area chart per row, all on the same scale: the name on the left, a
    note (the peak) on the right, the week labels under the last row."""
    n = max(1, len(rows))
    axis_h = AXIS * 1.2 + 6
    row_h = (h - axis_h) / n
    size = 8.0
    label_w = min(w * 0.3, max((c.width(s.label, size, True) for s in rows), default=60) + 10)
    note_w = max((c.width(note(s), AXIS) for s in rows), default=30) + 8
    px, pw = x + label_w, w - label_w - note_w
    top = max((v or 0.0 for s in rows for v in s.values), default=1.0) or 1.0
    count = len(x_labels)
    step = pw / max(1, count - 1)

    def to_x(i: int) -> float:
        return px + (i * step if count > 1 else pw / 2)

    for r, s in enumerate(rows):
        ry = y + r * row_h
        base = ry + row_h - 3
        span = row_h - 8
        c.rect(px, ry + 2, pw, row_h - 4, fill=Palette.band)
        c.text(x, ry + row_h / 2 - size * 0.65, s.label, size, bold=True, width=label_w - 8)
        points = [(to_x(i), base - (v or 0.0) / top * span) for i, v in enumerate(s.values)]
        if points:
            area = [(points[0][0], base), *points, (points[-1][0], base)]
            fill = QColor(s.color)
            fill.setAlpha(70)
            c.polygon(area, fill)
            c.polyline(points, s.color, 1.0)
        c.text(
            px + pw + 6,
            ry + row_h / 2 - AXIS * 0.65,
            note(s),
            AXIS,
            color=Palette.muted,
            width=note_w - 6,
        )
    if count:
        widest = max(c.width(lbl, AXIS) for lbl in x_labels) + 8
        every = max(1, math.ceil(widest / max(step, 0.01)))
        ay = y + n * row_h + 2
        for i in range(0, count, every):
            c.line(to_x(i), ay - 2, to_x(i), ay, Palette.faint, 0.4)
            c.text(
                to_x(i) - widest / 2,
                ay + 1,
                x_labels[i],
                AXIS,
                color=Palette.muted,
                width=widest,
                align="center",
            )
