"""A small page-flow engine over QPainter: measured text, blocks, tables, page breaks.

Everything is laid out in points (1/72 inch) and painted in device pixels, so text
is measured with the PDF device's own font metrics at full resolution (no rounding
of font sizes). Pages are first laid out as lists of drawing operations, then
painted, so the footer knows the page count ("Page 3 / 12").

Text never overflows: single-line cells are elided with "…", paragraphs are wrapped
on word boundaries (no-break spaces keep ``1 234 €`` together), and a table that does
not fit goes on with its header repeated on the next page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice, QPainter, QPen, QPolygonF

# A4 in points.
PAGE_W = 595.28
PAGE_H = 841.89


class Palette:
    ink = QColor("#1d2733")
    muted = QColor("#5f6b7a")
    faint = QColor("#9aa5b1")
    rule = QColor("#d5dce4")
    band = QColor("#f1f4f8")
    navy = QColor("#1f3a5f")
    abm = QColor("#2e6fba")
    non_abm = QColor("#e39b3b")
    all = QColor("#7f8c9a")
    good = QColor("#2e8b57")
    bad = QColor("#c0392b")
    bad_light = QColor("#f6d5d1")
    white = QColor("#ffffff")
    series = (
        QColor("#2e6fba"),
        QColor("#e39b3b"),
        QColor("#2e8b57"),
        QColor("#8e44ad"),
        QColor("#c0392b"),
        QColor("#16a085"),
    )


def _qcolor(color: QColor | str | None) -> QColor | None:
    if color is None:
        return None
    return color if isinstance(color, QColor) else QColor(color)


class Canvas:
    """Drawing in points on a paint device; ``scaled`` gives a zoomed view (org charts)."""

    def __init__(
        self,
        device: QPaintDevice,
        family: str,
        painter: QPainter | None = None,
        *,
        origin: tuple[float, float] = (0.0, 0.0),
        scale: float = 1.0,
    ) -> None:
        self.device = device
        self.family = family
        self.painter = painter
        self.k = device.logicalDpiY() / 72.0
        self.origin = origin
        self.scale = scale
        self._fonts: dict[tuple[float, bool, bool], tuple[QFont, QFontMetricsF]] = {}

    def scaled(self, x: float, y: float, scale: float) -> Canvas:
        """A view whose (0, 0) is (x, y) here and whose units are ``scale`` of these."""
        ox, oy = self.origin
        view = Canvas(
            self.device,
            self.family,
            self.painter,
            origin=(ox + x * self.scale, oy + y * self.scale),
            scale=self.scale * scale,
        )
        return view

    # --- fonts and measures ----------------------------------------------------------

    def _font(self, size: float, bold: bool = False, italic: bool = False):
        key = (size, bold, italic)
        found = self._fonts.get(key)
        if found is None:
            font = QFont(self.family)
            font.setPointSizeF(size * self.scale)
            font.setBold(bold)
            font.setItalic(italic)
            font.setKerning(True)
            for tag in ("liga", "clig", "dlig"):  # "ffi" stays three letters: searchable text
                font.setFeature(QFont.Tag(tag), 0)
            found = (font, QFontMetricsF(font, self.device))
            self._fonts[key] = found
        return found

    def _unit(self) -> float:
        return self.k * self.scale

    def width(self, text: str, size: float, bold: bool = False, italic: bool = False) -> float:
        return self._font(size, bold, italic)[1].horizontalAdvance(text) / self._unit()

    def line_height(self, size: float, bold: bool = False) -> float:
        return self._font(size, bold)[1].height() / self._unit()

    def ascent(self, size: float, bold: bool = False) -> float:
        return self._font(size, bold)[1].ascent() / self._unit()

    def elide(
        self, text: str, width: float, size: float, bold: bool = False, italic: bool = False
    ) -> str:
        if self.width(text, size, bold, italic) <= width:
            return text
        metrics = self._font(size, bold, italic)[1]
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width * self._unit())

    def wrap(
        self,
        text: str,
        width: float,
        size: float,
        bold: bool = False,
        italic: bool = False,
        max_lines: int | None = None,
    ) -> list[str]:
        """Lines of ``text`` that fit ``width`` (breaks at ordinary spaces and after
        hyphens only); a word wider than the line is elided. ``\\n`` starts a new line."""
        lines: list[str] = []
        for part in text.split("\n"):
            words = part.split(" ")
            line = ""
            for word in words:
                candidate = word if not line else f"{line} {word}"
                if self.width(candidate, size, bold, italic) <= width:
                    line = candidate
                    continue
                if line:
                    lines.append(line)
                line = (
                    word
                    if self.width(word, size, bold, italic) <= width
                    else self.elide(word, width, size, bold, italic)
                )
            lines.append(line)
        if max_lines is not None and len(lines) > max_lines:
            kept = lines[:max_lines]
            kept[-1] = self.elide(kept[-1] + " " + " ".join(lines[max_lines:]), width, size, bold)
            if not kept[-1].endswith("…"):
                kept[-1] = self.elide(kept[-1] + " …", width, size, bold)
            lines = kept
        return lines

    def text_height(
        self, text: str, width: float, size: float, bold: bool = False, leading: float = 1.25
    ) -> float:
        return len(self.wrap(text, width, size, bold)) * size * leading

    # --- drawing ---------------------------------------------------------------------

    def _pt(self, x: float, y: float) -> QPointF:
        ox, oy = self.origin
        k = self.k
        return QPointF((ox + x * self.scale) * k, (oy + y * self.scale) * k)

    def _rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        u = self._unit()
        return QRectF(self._pt(x, y), QRectF(0, 0, w * u, h * u).size())

    def _pen(self, color: QColor | str | None, width: float, dash: bool = False) -> QPen:
        if color is None:
            return QPen(Qt.PenStyle.NoPen)
        pen = QPen(_qcolor(color))
        pen.setWidthF(max(width * self._unit(), 0.1))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        if dash:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float = 9,
        *,
        bold: bool = False,
        italic: bool = False,
        color: QColor | str = Palette.ink,
        width: float | None = None,
        align: str = "left",
    ) -> None:
        """One line whose top is ``y``; elided to ``width`` and aligned in it."""
        p = self.painter
        assert p is not None, "measure-only canvas"
        font, metrics = self._font(size, bold, italic)
        shown = text if width is None else self.elide(text, width, size, bold, italic)
        dx = 0.0
        if width is not None and align != "left":
            spare = max(0.0, width - self.width(shown, size, bold, italic))
            dx = spare if align == "right" else spare / 2
        p.setFont(font)
        p.setPen(self._pen(color, 0.5))
        base = self._pt(x + dx, y)
        base.setY(base.y() + metrics.ascent())
        p.drawText(base, shown)

    def paragraph(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        size: float = 9,
        *,
        bold: bool = False,
        italic: bool = False,
        color: QColor | str = Palette.ink,
        leading: float = 1.25,
        align: str = "left",
        max_lines: int | None = None,
    ) -> float:
        """Wrapped text from ``y``; returns its height."""
        lines = self.wrap(text, width, size, bold, italic, max_lines)
        step = size * leading
        for i, line in enumerate(lines):
            self.text(
                x,
                y + i * step,
                line,
                size,
                bold=bold,
                italic=italic,
                color=color,
                width=width,
                align=align,
            )
        return len(lines) * step

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        fill: QColor | str | None = None,
        stroke: QColor | str | None = None,
        stroke_width: float = 0.5,
        radius: float = 0.0,
        dash: bool = False,
    ) -> None:
        p = self.painter
        assert p is not None
        p.setPen(self._pen(stroke, stroke_width, dash))
        fill_color = _qcolor(fill)
        p.setBrush(fill_color if fill_color is not None else Qt.BrushStyle.NoBrush)
        r = self._rect(x, y, w, h)
        if radius:
            u = self._unit()
            p.drawRoundedRect(r, radius * u, radius * u)
        else:
            p.drawRect(r)

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        color: QColor | str = Palette.rule,
        width: float = 0.5,
        dash: bool = False,
    ) -> None:
        p = self.painter
        assert p is not None
        p.setPen(self._pen(color, width, dash))
        p.drawLine(self._pt(x1, y1), self._pt(x2, y2))

    def polyline(
        self, points: Sequence[tuple[float, float]], color: QColor | str, width: float = 1.0
    ) -> None:
        p = self.painter
        assert p is not None
        pen = self._pen(color, width)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPolyline(QPolygonF([self._pt(x, y) for x, y in points]))

    def polygon(
        self,
        points: Sequence[tuple[float, float]],
        fill: QColor | str,
        stroke: QColor | str | None = None,
    ) -> None:
        p = self.painter
        assert p is not None
        p.setPen(self._pen(stroke, 0.5))
        p.setBrush(_qcolor(fill))
        p.drawPolygon(QPolygonF([self._pt(x, y) for x, y in points]))

    def dot(self, x: float, y: float, r: float, fill: QColor | str) -> None:
        p = self.painter
        assert p is not None
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_qcolor(fill))
        u = self._unit()
        p.drawEllipse(self._pt(x, y), r * u, r * u)


def _text_op(
    x: float, y: float, text: str, size: float, bold: bool, color: QColor, width: float, col
) -> Callable[[Canvas], None]:  # noqa: ANN001
    return lambda c: c.text(x, y, text, size, bold=bold, color=color, width=width, align=col.align)


# --- the flow of pages ----------------------------------------------------------------

Draw = Callable[[Canvas], None]


@dataclass
class Column:
    title: str
    weight: float = 1.0
    align: str = "left"
    #: Cells may wrap on two lines (else they are elided on one).
    wrap: bool = False


@dataclass
class Page:
    ops: list[Draw] = field(default_factory=list)
    section: str = ""


class Doc:
    """Lays blocks out top to bottom, page after page, then paints them."""

    def __init__(
        self,
        canvas: Canvas,
        *,
        margins: tuple[float, float, float, float] = (48, 58, 48, 56),
        header: Callable[[Canvas, int, int, Page], None] | None = None,
    ) -> None:
        self.c = canvas
        self.left, self.top, self.right, self.bottom = margins
        self.width = PAGE_W - self.left - self.right
        self.limit = PAGE_H - self.bottom
        self.pages: list[Page] = [Page()]
        self.y = self.top
        self.header = header
        self.section = ""
        #: (page, ops count after it, height, redraw at y) of the last heading drawn.
        self._pending_heading: tuple | None = None

    # --- flow ------------------------------------------------------------------------

    @property
    def page(self) -> Page:
        return self.pages[-1]

    @property
    def page_number(self) -> int:
        return len(self.pages)

    def new_page(self) -> None:
        if not self.page.ops and self.y == self.top:
            self.page.section = self.section
            return
        carried = None
        pending = self._pending_heading
        if pending is not None and pending[0] is self.page and pending[1] == len(self.page.ops):
            carried = pending  # a heading must not stay alone at the foot of a page
            self.page.ops.pop()
        self._pending_heading = None
        self.pages.append(Page(section=self.section))
        self.y = self.top
        if carried is not None:
            _, _, height, redraw = carried
            y = self.y
            self.draw(lambda c: redraw(c, y))
            self.y += height

    def room(self) -> float:
        return self.limit - self.y

    def ensure(self, height: float) -> None:
        if height > self.room():
            self.new_page()

    def draw(self, op: Draw) -> None:
        self.page.ops.append(op)

    def block(self, height: float, paint: Callable[[Canvas, float, float, float], None]) -> None:
        """A block of fixed ``height`` drawn by ``paint(canvas, x, y, width)``."""
        self.ensure(height)
        x, y, w = self.left, self.y, self.width
        self.draw(lambda c: paint(c, x, y, w))
        self.y += height

    def space(self, height: float) -> None:
        self.y = min(self.y + height, self.limit)

    def heading(
        self, text: str, size: float = 15, *, keep: float = 120, color: QColor = Palette.navy
    ) -> None:
        """A title kept on the page with at least ``keep`` points of what follows."""
        lines = self.c.wrap(text, self.width, size, True)
        height = len(lines) * size * 1.2 + size * 0.45
        self.ensure(height + keep)
        x, w = self.left, self.width

        def redraw(c: Canvas, y: float) -> None:
            c.paragraph(x, y, w, text, size, bold=True, color=color, leading=1.2)

        y = self.y
        self.draw(lambda c: redraw(c, y))
        self.y += height
        self._pending_heading = (self.page, len(self.page.ops), height, redraw)

    def paragraph(
        self,
        text: str,
        size: float = 9.5,
        *,
        color: QColor | str = Palette.ink,
        bold: bool = False,
        italic: bool = False,
        indent: float = 0.0,
        after: float = 6.0,
        leading: float = 1.3,
    ) -> None:
        """Wrapped text; split across pages line by line when needed."""
        width = self.width - indent
        lines = self.c.wrap(text, width, size, bold, italic)
        step = size * leading
        for line in lines:
            self.ensure(step)
            x, y = self.left + indent, self.y
            self.draw(
                lambda c, x=x, y=y, line=line: c.text(
                    x, y, line, size, bold=bold, italic=italic, color=color, width=width
                )
            )
            self.y += step
        self.y += after

    def bullets(self, items: Sequence[str], size: float = 9.5, after: float = 6.0) -> None:
        for item in items:
            width = self.width - 12
            lines = self.c.wrap(item, width, size)
            step = size * 1.3
            self.ensure(step * min(2, len(lines)))
            first = True
            for line in lines:
                self.ensure(step)
                x, y = self.left, self.y
                if first:
                    self.draw(lambda c, x=x, y=y: c.dot(x + 3, y + size * 0.62, 1.6, Palette.navy))
                    first = False
                self.draw(
                    lambda c, x=x, y=y, line=line, width=width: c.text(
                        x + 12, y, line, size, width=width
                    )
                )
                self.y += step
            self.y += 2
        self.y += after

    def table(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        *,
        size: float = 8.5,
        row_colors: Sequence[QColor | None] | None = None,
        cell_colors: dict[tuple[int, int], QColor] | None = None,
        bold_rows: set[int] | None = None,
        after: float = 10.0,
        empty: str = "",
        keep_together: int = 12,
    ) -> None:
        """A table with a wrapped header row; cells on one line (elided); rows go on to
        the next page with the header repeated."""
        c = self.c
        pad_x, pad_y = 4.0, 3.2
        widths = self._column_widths(columns, rows, size, pad_x)
        xs = [self.left]
        for w in widths[:-1]:
            xs.append(xs[-1] + w)
        head_lines = [
            c.wrap(col.title, w - 2 * pad_x, size, True)
            for col, w in zip(columns, widths, strict=False)
        ]
        head_step = size * 1.2
        head_h = max(len(lines) for lines in head_lines) * head_step + 2 * pad_y
        line_step = size * 1.25
        row_h = line_step + 2 * pad_y
        bold_rows = bold_rows or set()
        cells_lines: list[list[list[str]]] = [
            [
                c.wrap(cell, w - 2 * pad_x, size, r in (bold_rows or set()), max_lines=2)
                if col.wrap
                else [cell]
                for cell, col, w in zip(row, columns, widths, strict=False)
            ]
            for r, row in enumerate(rows)
        ]
        heights = [
            max((len(lines) for lines in row_lines), default=1) * line_step + 2 * pad_y
            for row_lines in cells_lines
        ]
        cell_colors = cell_colors or {}

        def header() -> None:
            y0 = self.y
            self.draw(lambda c, y0=y0: c.rect(self.left, y0, self.width, head_h, fill=Palette.navy))
            for col, x, w, lines in zip(columns, xs, widths, head_lines, strict=False):
                for i, line in enumerate(lines):
                    yy = y0 + pad_y + i * head_step
                    self.draw(
                        lambda c, x=x, w=w, yy=yy, line=line, col=col: c.text(
                            x + pad_x,
                            yy,
                            line,
                            size,
                            bold=True,
                            color=Palette.white,
                            width=w - 2 * pad_x,
                            align=col.align,
                        )
                    )
            self.y += head_h

        whole = head_h + (sum(heights) if heights else row_h)
        if len(rows) <= keep_together and whole <= self.limit - self.top:
            self.ensure(whole)  # a short table is never split
        else:
            self.ensure(head_h + (sum(heights[:3]) if heights else row_h))
        header()
        if not rows and empty:
            self.ensure(row_h)
            y0 = self.y
            self.draw(
                lambda c, y0=y0: c.text(
                    self.left + pad_x, y0 + pad_y, empty, size, italic=True, color=Palette.muted
                )
            )
            self.y += row_h
        for r, row_lines in enumerate(cells_lines):
            rh = heights[r]
            if rh > self.room():
                self.new_page()
                header()
            y0 = self.y
            if r % 2 == 1:
                self.draw(
                    lambda c, y0=y0, rh=rh: c.rect(self.left, y0, self.width, rh, fill=Palette.band)
                )
            color = (row_colors[r] if row_colors and r < len(row_colors) else None) or Palette.ink
            bold = r in bold_rows
            cells = zip(row_lines, columns, xs, widths, strict=False)
            for k, (lines, col, x, w) in enumerate(cells):
                cell_color = cell_colors.get((r, k), color)
                for i, line in enumerate(lines):
                    yy = y0 + pad_y + i * line_step
                    self.draw(
                        _text_op(x + pad_x, yy, line, size, bold, cell_color, w - 2 * pad_x, col)
                    )
            self.y += rh
        y_end = self.y
        self.draw(lambda c, y_end=y_end: c.line(self.left, y_end, self.left + self.width, y_end))
        self.y += after

    def _column_widths(
        self, columns: Sequence[Column], rows: Sequence[Sequence[str]], size: float, pad: float
    ) -> list[float]:
        """Each column as wide as its longest header word and cells need; the room left
        goes to the columns by weight; when it does not fit, text columns (left-aligned)
        give way first and elide."""
        c = self.c
        need, full = [], []
        for k, col in enumerate(columns):
            words = max((c.width(w, size, True) for w in col.title.split()), default=0.0)
            cells = max((c.width(row[k], size) for row in rows if k < len(row)), default=0.0)
            full.append(max(words, cells) + 2 * pad + 1)
            if col.wrap:  # two lines: half the longest cell, at least its longest word
                longest = max(
                    (c.width(w, size) for row in rows if k < len(row) for w in row[k].split()),
                    default=0.0,
                )
                cells = max(longest, cells * 0.55)
            need.append(max(words, cells) + 2 * pad + 1)
        total_w = self.width
        weights = [col.weight for col in columns]
        if sum(full) <= total_w:  # everything on one line, the rest shared by weight
            spare, share = total_w - sum(full), sum(weights)
            return [f + spare * wt / share for f, wt in zip(full, weights, strict=False)]
        spare = total_w - sum(need)
        if spare >= 0:  # wrapping columns get what is left, towards their one-line width
            grow = [f - n for f, n in zip(full, need, strict=False)]
            wanted = sum(grow) or 1.0
            return [n + spare * g / wanted for n, g in zip(need, grow, strict=False)]
        flexible = [k for k, col in enumerate(columns) if col.align == "left"]
        fixed = sum(n for k, n in enumerate(need) if k not in flexible)
        room = total_w - fixed
        if flexible and room > 40 * len(flexible):
            wanted = sum(need[k] for k in flexible)
            return [need[k] * room / wanted if k in flexible else need[k] for k in range(len(need))]
        share = sum(weights)
        return [total_w * wt / share for wt in weights]

    # --- painting --------------------------------------------------------------------

    def paint(
        self, writer, painter: QPainter, on_page: Callable[[int], None] | None = None
    ) -> None:
        """Paint every page on ``painter`` (begun on ``writer``), new pages in between."""
        canvas = Canvas(self.c.device, self.c.family, painter)
        total = len(self.pages)
        for number, page in enumerate(self.pages, start=1):
            if number > 1:
                writer.newPage()
            for op in page.ops:
                op(canvas)
            if self.header is not None:
                self.header(canvas, number, total, page)
            if on_page is not None:
                on_page(number)
