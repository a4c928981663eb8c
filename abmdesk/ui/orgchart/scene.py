"""The org chart scene: a card per stakeholder, reporting lines, influence lines.

Cards paint themselves (no child items, texts elided once when built), all reporting
lines are one path item, so that 300 people paint in a few milliseconds. Dragging a
card onto another asks for a new manager (``reparent_requested``); the card always
snaps back, and the scene is rebuilt from the database once the change is made.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from abmdesk.services.stakeholders import ChartPerson, InfluenceRecord, OrgChart
from abmdesk.ui.formatting import Formatter
from abmdesk.ui.labels import attitude_label, role_label
from abmdesk.ui.orgchart.layout import TidyLayout

CARD_W, CARD_H = 228.0, 100.0
#: Four or more reports who manage no one are laid out as a grid, not a long row.
WRAP = 4

ROLE_COLOURS = {
    "decision_maker": QColor("#6C3FB5"),
    "sponsor": QColor("#1F6FB2"),
    "influencer": QColor("#D9822B"),
    "end_user": QColor("#2E8B57"),
    "other": QColor("#7F8C8D"),
}
NO_ROLE = QColor("#B4BCC2")
ATTITUDE_COLOURS = {
    "champion": QColor("#1E8449"),
    "supporter": QColor("#7CB342"),
    "neutral": QColor("#95A5A6"),
    "skeptic": QColor("#E67E22"),
    "blocker": QColor("#C0392B"),
}
ENGAGED = QColor("#1E8449")
INFLUENCE = QColor("#8E44AD")
TEXT = QColor("#1F2933")
MUTED = QColor("#66717C")
BORDER = QColor("#C3CAD1")
SELECTED = QColor("#2D7FF9")
DROP = QColor("#E67E22")
LINES = QColor("#8A96A3")


@dataclass(frozen=True)
class _Fonts:
    name: QFont
    body: QFont
    small: QFont
    chip: QFont


_FONTS: _Fonts | None = None


def fonts() -> _Fonts:
    global _FONTS
    if _FONTS is None:
        base = QFont()
        size = base.pointSizeF() if base.pointSizeF() > 0 else 9.0
        name = QFont(base)
        name.setPointSizeF(size + 1)
        name.setBold(True)
        body = QFont(base)
        body.setPointSizeF(size)
        small = QFont(base)
        small.setPointSizeF(size - 0.5)
        chip = QFont(base)
        chip.setPointSizeF(size - 1)
        chip.setBold(True)
        _FONTS = _Fonts(name, body, small, chip)
    return _FONTS


class CardItem(QGraphicsItem):
    """One stakeholder, an empty seat (``placeholder``) or a missing role (``virtual_role``)."""

    def __init__(
        self,
        person: ChartPerson | None,
        fmt: Formatter,
        *,
        virtual_role: str | None = None,
    ) -> None:
        super().__init__()
        self.person = person
        self.virtual_role = virtual_role
        self.key: uuid.UUID | None = person.id if person else None
        self.home = QPointF()
        self.drop_target = False
        self._press: QPointF | None = None
        flags = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
        if person is not None:
            flags |= QGraphicsItem.GraphicsItemFlag.ItemIsMovable
        self.setFlags(flags)
        self.setAcceptHoverEvents(False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._build_texts(fmt)

    # --- what the card says ------------------------------------------------------------

    @property
    def is_placeholder(self) -> bool:
        return self.person is not None and self.person.placeholder

    @property
    def is_seat(self) -> bool:
        """An empty seat or a missing role: dashed, filled in one step."""
        return self.virtual_role is not None or self.is_placeholder

    @property
    def role(self) -> str | None:
        return self.virtual_role if self.person is None else self.person.role

    def _build_texts(self, fmt: Formatter) -> None:
        f = fonts()
        inner = CARD_W - 26
        name_m, body_m, small_m = (
            QFontMetricsF(f.name),
            QFontMetricsF(f.body),
            QFontMetricsF(f.small),
        )
        p = self.person
        if p is None:
            name = QCoreApplication.translate("OrgChart", "%1 — to be identified").replace(
                "%1", role_label(self.virtual_role)
            )
            title = QCoreApplication.translate("OrgChart", "Required role that nobody holds")
            status = QCoreApplication.translate("OrgChart", "Double-click to fill this seat")
        else:
            name = p.full_name
            title = p.title or ""
            if p.placeholder:
                status = QCoreApplication.translate(
                    "OrgChart", "Empty seat · double-click to fill it"
                )
            else:
                status = (
                    QCoreApplication.translate("OrgChart", "Engaged")
                    if p.engaged
                    else QCoreApplication.translate("OrgChart", "Not engaged")
                )
                if p.last_interaction is not None:
                    status += " · " + fmt.date(p.last_interaction.date())
                else:
                    status += " · " + QCoreApplication.translate("OrgChart", "no contact yet")
        self.full_texts = (name, title, status)
        self.name_text = name_m.elidedText(name, Qt.TextElideMode.ElideRight, inner)
        self.title_text = body_m.elidedText(title, Qt.TextElideMode.ElideRight, inner)
        self.status_text = small_m.elidedText(status, Qt.TextElideMode.ElideRight, inner - 14)
        self.role_text = (
            role_label(self.role)
            if self.role
            else QCoreApplication.translate("OrgChart", "No role")
        )
        chip_m = QFontMetricsF(f.chip)
        self.chip_width = chip_m.horizontalAdvance(self.role_text) + 14
        attitude = p.attitude if p is not None else None
        if p is None or p.placeholder:
            self.attitude_text = ""
        else:
            self.attitude_text = (
                attitude_label(attitude)
                if attitude
                else QCoreApplication.translate("OrgChart", "Attitude unknown")
            )
            room = inner - self.chip_width - 24
            self.attitude_text = body_m.elidedText(
                self.attitude_text, Qt.TextElideMode.ElideRight, room
            )
        tip = [name]
        if title:
            tip.append(title)
        tip.append(self.role_text + (f" · {self.attitude_text}" if self.attitude_text else ""))
        if p is not None and p.email:
            tip.append(p.email)
        tip.append(status)
        self.setToolTip("\n".join(tip))

    # --- painting ----------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return QRectF(-2, -2, CARD_W + 4, CARD_H + 4)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0, 0, CARD_W, CARD_H))
        return path

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        rect = QRectF(0, 0, CARD_W, CARD_H)
        colour = ROLE_COLOURS.get(self.role or "", NO_ROLE)
        selected = self.isSelected()
        if self.drop_target:
            pen = QPen(DROP, 3)
        elif selected:
            pen = QPen(SELECTED, 2.5)
        else:
            pen = QPen(colour if self.is_seat else BORDER, 1.3)
        if self.is_seat:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        fill = QColor("#FFF4E5") if self.drop_target else QColor("#FFFFFF")
        if self.is_seat and not self.drop_target:
            fill = QColor("#F6F7F9")
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        if not self.is_seat:
            strip = QPainterPath()
            strip.addRoundedRect(QRectF(0.6, 0.6, 7, CARD_H - 1.2), 4, 4)
            painter.drawPath(strip)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < 0.3:  # too small to read: the shape and colour say enough
            painter.setBrush(QColor("#D5DAE0"))
            painter.drawRect(QRectF(16, 14, CARD_W * 0.6, 12))
            return
        f = fonts()
        x = 16.0
        painter.setPen(MUTED if self.is_seat else TEXT)
        name_font = QFont(f.name)
        name_font.setItalic(self.is_seat)
        painter.setFont(name_font)
        painter.drawText(
            QRectF(x, 7, CARD_W - x - 8, 20), Qt.AlignmentFlag.AlignVCenter, self.name_text
        )
        painter.setFont(f.body)
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(x, 27, CARD_W - x - 8, 18), Qt.AlignmentFlag.AlignVCenter, self.title_text
        )
        # Role chip and attitude.
        chip = QRectF(x, 50, self.chip_width, 18)
        painter.setPen(Qt.PenStyle.NoPen)
        if self.is_seat:
            painter.setBrush(QBrush(QColor(colour.red(), colour.green(), colour.blue(), 40)))
        else:
            painter.setBrush(colour)
        painter.drawRoundedRect(chip, 9, 9)
        painter.setFont(f.chip)
        painter.setPen(colour.darker(130) if self.is_seat else QColor("#FFFFFF"))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, self.role_text)
        if self.attitude_text:
            attitude = self.person.attitude if self.person else None
            ax = chip.right() + 10
            dot = QRectF(ax, 53, 12, 12)
            if attitude in ATTITUDE_COLOURS:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ATTITUDE_COLOURS[attitude])
                _attitude_icon(painter, dot, attitude)
            else:
                painter.setPen(QPen(MUTED, 1.2, Qt.PenStyle.DotLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(dot)
            painter.setFont(f.body)
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(ax + 16, 50, CARD_W - ax - 22, 18),
                Qt.AlignmentFlag.AlignVCenter,
                self.attitude_text,
            )
        # Engagement and the last interaction.
        sy = 77.0
        if not self.is_seat and self.person is not None:
            painter.setPen(Qt.PenStyle.NoPen if self.person.engaged else QPen(MUTED, 1.2))
            painter.setBrush(ENGAGED if self.person.engaged else Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QRectF(x, sy + 4, 9, 9))
            tx = x + 14
        else:
            tx = x
        painter.setFont(f.small)
        painter.setPen(ENGAGED.darker(110) if self.person and self.person.engaged else MUTED)
        painter.drawText(
            QRectF(tx, sy, CARD_W - tx - 8, 17), Qt.AlignmentFlag.AlignVCenter, self.status_text
        )

    # --- dragging onto another card ------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press = event.scenePos()
        self.home = self.pos()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)
        scene = self.scene()
        if isinstance(scene, OrgChartScene) and self.person is not None:
            self.setZValue(10)
            scene.drag_over(self, event.scenePos())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        scene = self.scene()
        moved = self._press is not None and (event.scenePos() - self._press).manhattanLength() > 6
        self._press = None
        if isinstance(scene, OrgChartScene) and moved and self.person is not None:
            scene.drop(self, event.scenePos())
        elif self.pos() != self.home:
            self.setPos(self.home)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene = self.scene()
        if isinstance(scene, OrgChartScene):
            scene.card_activated.emit(self)
        event.accept()

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        scene = self.scene()
        if isinstance(scene, OrgChartScene):
            if not self.isSelected():
                scene.clearSelection()
                self.setSelected(True)
            scene.context_requested.emit(self, event.screenPos())
        event.accept()


def _attitude_icon(painter: QPainter, rect: QRectF, attitude: str) -> None:
    """A small shape per attitude, so that it reads without colour too."""
    c = rect.center()
    r = rect.width() / 2
    if attitude == "champion":  # a star
        points = []
        for i in range(10):
            angle = -math.pi / 2 + i * math.pi / 5
            radius = r if i % 2 == 0 else r * 0.45
            points.append(
                QPointF(c.x() + radius * math.cos(angle), c.y() + radius * math.sin(angle))
            )
        painter.drawPolygon(QPolygonF(points))
    elif attitude == "supporter":  # up triangle
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(c.x(), c.y() - r),
                    QPointF(c.x() + r, c.y() + r * 0.8),
                    QPointF(c.x() - r, c.y() + r * 0.8),
                ]
            )
        )
    elif attitude == "neutral":  # a disc
        painter.drawEllipse(rect.adjusted(1, 1, -1, -1))
    elif attitude == "skeptic":  # down triangle
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(c.x() - r, c.y() - r * 0.8),
                    QPointF(c.x() + r, c.y() - r * 0.8),
                    QPointF(c.x(), c.y() + r),
                ]
            )
        )
    else:  # blocker: a square "stop"
        painter.drawRect(rect.adjusted(1, 1, -1, -1))


class InfluenceItem(QGraphicsItem):
    """A dashed, labelled arrow from one card to another (not a reporting line)."""

    def __init__(self, line: InfluenceRecord, source: CardItem, target: CardItem) -> None:
        super().__init__()
        self.line = line
        self.source, self.target = source, target
        self.label = line.label or ""
        self.setZValue(1)  # over the cards: the label must show
        self.setToolTip(
            QCoreApplication.translate("OrgChart", "%1 influences %2")
            .replace("%1", source.full_texts[0])
            .replace("%2", target.full_texts[0])
            + (f"\n{self.label}" if self.label else "")
        )
        self._build()

    def _build(self) -> None:
        a = self.source.sceneBoundingRect().adjusted(2, 2, -2, -2)
        b = self.target.sceneBoundingRect().adjusted(2, 2, -2, -2)
        ca, cb = a.center(), b.center()
        start, end = _edge_point(a, ca, cb), _edge_point(b, cb, ca)
        mid = (start + end) / 2
        dx, dy = end.x() - start.x(), end.y() - start.y()
        length = math.hypot(dx, dy) or 1.0
        bend = min(60.0, 0.2 * length)
        control = QPointF(mid.x() - dy / length * bend, mid.y() + dx / length * bend)
        path = QPainterPath(start)
        path.quadTo(control, end)
        self.path = path
        self.label_pos = path.pointAtPercent(0.5)
        tangent = QLineF(path.pointAtPercent(0.93), end)
        self.arrow = _arrow_head(end, tangent.angle())
        self.label_rect = QRectF()
        if self.label:
            m = QFontMetricsF(fonts().small)
            text = m.elidedText(self.label, Qt.TextElideMode.ElideRight, 180)
            self.label_text = text
            w, h = m.horizontalAdvance(text) + 10, m.height() + 4
            self.label_rect = QRectF(self.label_pos.x() - w / 2, self.label_pos.y() - h / 2, w, h)
        stroker = QPainterPathStroker()
        stroker.setWidth(8)
        self._shape = stroker.createStroke(path)
        self._shape.addPolygon(self.arrow)
        if self.label:
            self._shape.addRect(self.label_rect)
        self._bounds = self._shape.boundingRect().adjusted(-2, -2, 2, 2)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pen = QPen(QColor(INFLUENCE.red(), INFLUENCE.green(), INFLUENCE.blue(), 190), 1.8)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(INFLUENCE)
        painter.drawPolygon(self.arrow)
        if self.label:
            painter.setBrush(QColor("#FFFFFF"))
            painter.setPen(QPen(INFLUENCE, 1))
            painter.drawRoundedRect(self.label_rect, 4, 4)
            painter.setFont(fonts().small)
            painter.setPen(INFLUENCE.darker(130))
            painter.drawText(self.label_rect, Qt.AlignmentFlag.AlignCenter, self.label_text)


def _edge_point(rect: QRectF, inside: QPointF, toward: QPointF) -> QPointF:
    """Where the segment from ``inside`` (the centre) to ``toward`` leaves ``rect``."""
    dx, dy = toward.x() - inside.x(), toward.y() - inside.y()
    if dx == 0 and dy == 0:
        return inside
    tx = (rect.width() / 2) / abs(dx) if dx else math.inf
    ty = (rect.height() / 2) / abs(dy) if dy else math.inf
    t = min(tx, ty, 1.0)
    return QPointF(inside.x() + dx * t, inside.y() + dy * t)


def _arrow_head(tip: QPointF, angle_degrees: float, size: float = 10.0) -> QPolygonF:
    angle = math.radians(angle_degrees)
    back = QPointF(tip.x() - size * math.cos(angle), tip.y() + size * math.sin(angle))
    nx, ny = math.sin(angle) * size * 0.45, math.cos(angle) * size * 0.45
    return QPolygonF(
        [tip, QPointF(back.x() + nx, back.y() + ny), QPointF(back.x() - nx, back.y() - ny)]
    )


class OrgChartScene(QGraphicsScene):
    reparent_requested = Signal(object, object)  # child id, new manager id
    card_activated = Signal(object)  # CardItem (double-click)
    context_requested = Signal(object, object)  # CardItem | None, QPoint (screen)
    influence_context_requested = Signal(object, object)  # InfluenceItem, QPoint (screen)

    def __init__(self, fmt: Formatter, parent: object = None) -> None:
        super().__init__(parent)
        self.fmt = fmt
        self.cards: dict[uuid.UUID, CardItem] = {}
        self.seats: dict[str, CardItem] = {}  # virtual seats, by role
        self.influences: list[InfluenceItem] = []
        self.connectors: QGraphicsPathItem | None = None
        self.chart: OrgChart | None = None
        self._target: CardItem | None = None
        self.setBackgroundBrush(QColor("#FAFBFC"))

    # --- building -------------------------------------------------------------------------

    def set_chart(self, chart: OrgChart | None) -> None:
        """Rebuild every item from ``chart`` (None: empty)."""
        self.clearSelection()
        self.clear()
        self.cards, self.seats, self.influences = {}, {}, []
        self.connectors, self._target = None, None
        self.chart = chart
        if chart is None:
            self.setSceneRect(QRectF())
            return
        order: list[object] = []
        parent_of: dict[object, object] = {}
        for person in chart.people:
            card = CardItem(person, self.fmt)
            self.cards[person.id] = card
            order.append(person.id)
            parent_of[person.id] = person.manager_id
        for role in chart.missing_roles:
            self.seats[role] = CardItem(None, self.fmt, virtual_role=role)
        layout = TidyLayout(CARD_W, CARD_H, wrap=WRAP)
        result = layout.layout(parent_of, order)
        # Missing roles: a column of dashed cards to the right of the chart.
        seat_x = result.width + layout.root_gap if self.cards else 0.0
        for i, seat in enumerate(self.seats.values()):
            seat.setPos(seat_x, i * (CARD_H + layout.row_gap))
            seat.home = seat.pos()
            self.addItem(seat)
        path = QPainterPath()
        for (x1, y1), (x2, y2) in result.segments:
            path.moveTo(x1, y1)
            path.lineTo(x2, y2)
        self.connectors = QGraphicsPathItem(path)
        pen = QPen(LINES, 1.4)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.connectors.setPen(pen)
        self.connectors.setZValue(-1)
        self.addItem(self.connectors)
        for key, card in self.cards.items():
            x, y = result.positions[key]
            card.setPos(x, y)
            card.home = card.pos()
            self.addItem(card)
        for line in chart.influences:
            a, b = self.cards.get(line.from_id), self.cards.get(line.to_id)
            if a is not None and b is not None:
                item = InfluenceItem(line, a, b)
                self.influences.append(item)
                self.addItem(item)
        margin = 40
        self.setSceneRect(self.itemsBoundingRect().adjusted(-margin, -margin, margin, margin))

    def all_cards(self) -> Iterable[CardItem]:
        yield from self.cards.values()
        yield from self.seats.values()

    def selected_card(self) -> CardItem | None:
        for item in self.selectedItems():
            if isinstance(item, CardItem):
                return item
        return None

    def select_key(self, key: uuid.UUID | None) -> CardItem | None:
        self.clearSelection()
        card = self.cards.get(key) if key is not None else None
        if card is not None:
            card.setSelected(True)
        return card

    # --- drag and drop ----------------------------------------------------------------------

    def card_at(self, pos: QPointF, exclude: CardItem | None = None) -> CardItem | None:
        for item in self.items(pos):
            if isinstance(item, CardItem) and item is not exclude:
                return item
        return None

    def drag_over(self, card: CardItem, pos: QPointF) -> None:
        target = self.card_at(pos, card)
        if target is not None and target.person is None:
            target = None
        if target is not self._target:
            if self._target is not None:
                self._target.drop_target = False
                self._target.update()
            self._target = target
            if target is not None:
                target.drop_target = True
                target.update()

    def drop(self, card: CardItem, pos: QPointF) -> None:
        target = self.card_at(pos, card)
        if self._target is not None:
            self._target.drop_target = False
            self._target.update()
            self._target = None
        card.setPos(card.home)
        card.setZValue(0)
        if target is None or target.person is None or card.person is None:
            return
        if target.key == card.person.manager_id:
            return
        self.reparent_requested.emit(card.key, target.key)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        for item in self.items(event.scenePos()):
            if isinstance(item, CardItem):
                break
            if isinstance(item, InfluenceItem):
                self.influence_context_requested.emit(item, event.screenPos())
                event.accept()
                return
        super().contextMenuEvent(event)
        if not event.isAccepted():
            self.clearSelection()
            self.context_requested.emit(None, event.screenPos())
            event.accept()
