"""The org chart's view: Ctrl+wheel and +/− zoom, Ctrl+0 fit, drag on empty space pans."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

MIN_SCALE, MAX_SCALE = 0.05, 3.0
_ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
STEP = 1.2


class OrgChartView(QGraphicsView):
    zoom_changed = Signal(float)

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("mapChartView")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._auto_fit = True
        self._legend: list[tuple[str, str | None, str]] = []

    def set_legend(self, entries: list[tuple[str, str | None, str]]) -> None:
        """(kind, role, text) entries drawn in the bottom-left corner: role colours,
        the dashed influence line, the dashed empty seat."""
        self._legend = entries
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        if not self._legend:
            return
        from abmdesk.ui.orgchart.scene import INFLUENCE, NO_ROLE, ROLE_COLOURS, fonts

        painter.save()
        painter.resetTransform()
        font = fonts().small
        painter.setFont(font)
        m = QFontMetricsF(font)
        widths = [28 + m.horizontalAdvance(text) for _, _, text in self._legend]
        height = m.height() + 10
        box = QRectF(8, self.viewport().height() - height - 8, sum(widths) + 12, height)
        painter.setPen(QPen(QColor("#D5DAE0"), 1))
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(box, 5, 5)
        x = box.left() + 8
        cy = box.center().y()
        for (kind, role, text), width in zip(self._legend, widths, strict=True):
            if kind == "role":
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ROLE_COLOURS.get(role or "", NO_ROLE))
                painter.drawRoundedRect(QRectF(x, cy - 5, 18, 10), 4, 4)
            elif kind == "influence":
                painter.setPen(QPen(INFLUENCE, 1.6, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(x, cy), QPointF(x + 18, cy))
            else:
                painter.setPen(QPen(QColor("#7F8C8D"), 1.2, Qt.PenStyle.DashLine))
                painter.setBrush(QColor("#F6F7F9"))
                painter.drawRoundedRect(QRectF(x, cy - 6, 18, 12), 3, 3)
            painter.setPen(QColor("#1F2933"))
            painter.drawText(
                QRectF(x + 23, box.top(), width, box.height()),
                Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            x += width + 4
        painter.restore()

    def scale_factor(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        current = self.scale_factor()
        target = min(MAX_SCALE, max(MIN_SCALE, current * factor))
        if abs(target - current) < 1e-9:
            return
        self._auto_fit = False
        self.scale(target / current, target / current)
        self.zoom_changed.emit(self.scale_factor())

    def zoom_in(self) -> None:
        self.zoom_by(STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / STEP)

    def reset_zoom(self) -> None:
        self._auto_fit = False
        self.resetTransform()
        self.zoom_changed.emit(1.0)

    def fit(self) -> None:
        """The whole chart in view, never magnified above 100 %."""
        scene = self.scene()
        rect = scene.sceneRect() if scene is not None else QRectF()  # items + a margin
        self._auto_fit = True
        self.resetTransform()
        if rect.isEmpty() or not scene.items():
            self.zoom_changed.emit(1.0)
            return
        view = self.viewport().rect()
        factor = min(view.width() / rect.width(), view.height() / rect.height(), 1.0)
        factor = max(MIN_SCALE, factor)
        self.scale(factor, factor)
        self.centerOn(rect.center())
        self.zoom_changed.emit(self.scale_factor())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in _ARROWS and not event.modifiers() and self.move_selection(_ARROWS[key]):
            event.accept()
            return
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def move_selection(self, direction: tuple[int, int]) -> bool:
        """Select the nearest card in ``direction`` (dx, dy); True when one was found."""
        from abmdesk.ui.orgchart.scene import OrgChartScene

        scene = self.scene()
        if not isinstance(scene, OrgChartScene):
            return False
        cards = list(scene.all_cards())
        if not cards:
            return False
        current = scene.selected_card()
        if current is None:
            target = min(cards, key=lambda c: (c.pos().y(), c.pos().x()))
        else:
            here = current.sceneBoundingRect().center()
            dx, dy = direction
            best, best_score = None, None
            for card in cards:
                if card is current:
                    continue
                there = card.sceneBoundingRect().center()
                along = (there.x() - here.x()) * dx + (there.y() - here.y()) * dy
                if along <= 1:
                    continue
                across = abs((there.x() - here.x()) * dy) + abs((there.y() - here.y()) * dx)
                score = along + 2.5 * across
                if best_score is None or score < best_score:
                    best, best_score = card, score
            if best is None:
                return True  # at the edge: stay, but do not scroll instead
            target = best
        scene.clearSelection()
        target.setSelected(True)
        self.ensureVisible(target, 40, 40)
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit()
