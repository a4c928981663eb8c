"""The pipeline board: a column per stage, open deals as cards, drag a card to move it.

Each column is a ``QListView`` over a ``StageColumnModel`` (a list model: thousands of
cards cost nothing until they are painted) drawn by ``CardDelegate``. A drop does not
move anything itself: the column model's ``dropMimeData`` emits ``deal_dropped(deal_id,
stage)``, the pipeline tab records the stage change through the service (an undoable
edit), and the board reloads. ``drop_deal`` is the same path without the mouse.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from abmdesk import domain
from abmdesk.services.pipeline import BoardDeal
from abmdesk.ui.formatting import Formatter
from abmdesk.ui.labels import stage_label
from abmdesk.ui.models import KEY_ROLE

MIME_TYPE = "application/x-abmdesk-deal"
DEAL_ROLE = Qt.ItemDataRole.UserRole + 2  # the BoardDeal itself

_Index = QModelIndex | QPersistentModelIndex

STAGE_COLORS = {
    "discovery": QColor(96, 125, 139),
    "first_meeting": QColor(30, 136, 229),
    "qualified": QColor(0, 137, 123),
    "proposal": QColor(251, 140, 0),
    "negotiation": QColor(142, 36, 170),
}


class StageColumnModel(QAbstractListModel):
    """The open deals of one stage (deals with no stage yet go in the first column)."""

    deal_dropped = Signal(object, str)  # deal id, this column's stage

    def __init__(self, stage: str, fmt: Formatter, parent: Any = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.fmt = fmt
        self._deals: list[BoardDeal] = []
        self.now = dt.datetime.now()

    def set_deals(self, deals: Sequence[BoardDeal], now: dt.datetime | None = None) -> None:
        self.beginResetModel()
        self._deals = list(deals)
        self.now = now or dt.datetime.now()
        self.endResetModel()

    def deals(self) -> list[BoardDeal]:
        return list(self._deals)

    def row_of(self, deal_id: uuid.UUID) -> int:
        for i, deal in enumerate(self._deals):
            if deal.id == deal_id:
                return i
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._deals)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._deals):
            return None
        deal = self._deals[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{deal.account_name} — {deal.name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(deal)
        if role == KEY_ROLE:
            return deal.id
        if role == DEAL_ROLE:
            return deal
        return None

    def tooltip(self, deal: BoardDeal) -> str:
        fmt = self.fmt
        lines = [
            f"<b>{_esc(deal.name)}</b>",
            _esc(deal.account_name),
            fmt.money_cents(deal.amount_cents) or "—",
            self.tr("Opened on %1").replace("%1", fmt.date(deal.created_at.date())),
        ]
        if deal.owner:
            lines.append(self.tr("Owner: %1").replace("%1", _esc(deal.owner)))
        if deal.stage is None:
            lines.append(self.tr("No stage recorded yet"))
        return "<br>".join(lines)

    def days_text(self, deal: BoardDeal) -> str:
        days = deal.days_in_stage(self.now)
        if deal.stage is None:
            return self.tr("%n day(s) open, no stage yet", "", days)
        return self.tr("%n day(s) in this stage", "", days)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            deal = self._deals[rows[0]]
            mime.setData(MIME_TYPE, QByteArray(f"{deal.id}|{self.stage}".encode()))
        return mime

    @staticmethod
    def decode(mime: QMimeData) -> tuple[uuid.UUID, str] | None:
        if mime is None or not mime.hasFormat(MIME_TYPE):
            return None
        try:
            deal, _, source = bytes(mime.data(MIME_TYPE).data()).decode().partition("|")
            return uuid.UUID(deal), source
        except ValueError:
            return None

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: _Index,
    ) -> bool:
        decoded = self.decode(data)
        if decoded is None:
            return False
        deal_id, _source = decoded
        return self.row_of(deal_id) < 0  # not onto its own column

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: _Index,
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        decoded = self.decode(data)
        assert decoded is not None
        self.deal_dropped.emit(decoded[0], self.stage)
        # Nothing moves here: the board reloads once the stage change is recorded, and
        # returning False keeps the source view from removing its row.
        return False


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CardDelegate(QStyledItemDelegate):
    """A deal card: account (bold), deal name, amount, days in the stage."""

    HEIGHT_LINES = 3
    MARGIN = 6
    PAD = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        fm = QFontMetrics(option.font)
        height = self.HEIGHT_LINES * fm.lineSpacing() + 2 * self.PAD + 2 * self.MARGIN
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        deal: BoardDeal | None = index.data(DEAL_ROLE)
        if deal is None:
            return
        model = index.model()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(self.MARGIN, self.MARGIN // 2, -self.MARGIN, -self.MARGIN // 2)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        border = palette.color(QPalette.ColorRole.Highlight) if selected else QColor(200, 200, 200)
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 6, 6)
        stage = getattr(model, "stage", "discovery")
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(STAGE_COLORS.get(stage, QColor(120, 120, 120)))
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), 5, rect.height()), 2, 2)

        inner = rect.adjusted(self.PAD + 4, self.PAD, -self.PAD, -self.PAD)
        fm = QFontMetrics(option.font)
        line = fm.lineSpacing()
        text_color = palette.color(QPalette.ColorRole.Text)
        bold = QFont(option.font)
        bold.setBold(True)
        bfm = QFontMetrics(bold)
        fmt: Formatter = model.fmt  # type: ignore[attr-defined]
        amount = fmt.money_cents(deal.amount_cents, 0) or "—"
        amount_width = bfm.horizontalAdvance(amount) + 8

        painter.setFont(bold)
        painter.setPen(text_color)
        top = QRect(inner.left(), inner.top(), inner.width() - amount_width, line)
        painter.drawText(
            top,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            bfm.elidedText(deal.account_name, Qt.TextElideMode.ElideRight, top.width()),
        )
        painter.drawText(
            QRect(inner.right() - amount_width, inner.top(), amount_width, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            amount,
        )
        painter.setFont(option.font)
        second = QRect(inner.left(), inner.top() + line, inner.width(), line)
        painter.drawText(
            second,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(deal.name, Qt.TextElideMode.ElideRight, second.width()),
        )
        painter.setPen(QColor(110, 110, 110))
        third = QRect(inner.left(), inner.top() + 2 * line, inner.width(), line)
        days = model.days_text(deal)  # type: ignore[attr-defined]
        painter.drawText(
            third,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(days, Qt.TextElideMode.ElideRight, third.width()),
        )
        painter.restore()


class CardListView(QListView):
    """A column's list; counts the drags it starts (what a mouse drag test can see on
    platforms without drag and drop, like offscreen, where ``QDrag.exec`` returns at once)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drags_started = 0

    def startDrag(self, supportedActions: Qt.DropAction) -> None:  # noqa: N803
        self.drags_started += 1
        super().startDrag(supportedActions)


class StageColumn(QFrame):
    """A stage's title, its count and total, and its cards."""

    def __init__(self, stage: str, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"boardColumn_{stage}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.stage = stage
        self.fmt = fmt
        self.model = StageColumnModel(stage, fmt, self)
        self.title = QLabel(stage_label(stage), self)
        self.title.setObjectName(f"boardTitle_{stage}")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        color = STAGE_COLORS.get(stage, QColor(120, 120, 120))
        self.title.setStyleSheet(f"color: {color.name()};")
        self.summary = QLabel(self)
        self.summary.setObjectName(f"boardSummary_{stage}")
        self.summary.setStyleSheet("color: #555555;")
        self.view = CardListView(self)
        self.view.setObjectName(f"boardList_{stage}")
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Static first: setMovement turns dragging and drops off for Static lists.
        self.view.setMovement(QListView.Movement.Static)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.viewport().setAcceptDrops(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.viewport().setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

    def set_deals(self, deals: Sequence[BoardDeal], now: dt.datetime) -> None:
        self.model.set_deals(deals, now)
        total = sum(d.amount_cents or 0 for d in deals)
        self.summary.setText(
            self.tr("%Ln deal(s) · %1", "", len(deals)).replace(
                "%1", self.fmt.money_cents(total, 0)
            )
        )


class PipelineBoard(QWidget):
    """Objectname ``pipelineBoard``: five stage columns of open deals."""

    deal_dropped = Signal(object, str)  # deal id, target stage
    deal_activated = Signal(object)  # deal id (double-click)
    selection_changed = Signal()

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pipelineBoard")
        self.columns: dict[str, StageColumn] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for stage in domain.STAGES:
            column = StageColumn(stage, fmt, self)
            column.model.deal_dropped.connect(self.deal_dropped)
            column.view.doubleClicked.connect(
                lambda index: self.deal_activated.emit(index.data(KEY_ROLE))
            )
            column.view.selectionModel().selectionChanged.connect(
                lambda *_a, stage=stage: self._on_selected(stage)
            )
            self.columns[stage] = column
            layout.addWidget(column, 1)
        self._selected_stage: str | None = None

    def set_deals(self, deals: Sequence[BoardDeal], now: dt.datetime | None = None) -> None:
        now = now or dt.datetime.now()
        selected = self.selected_deal()
        by_stage: dict[str, list[BoardDeal]] = {s: [] for s in domain.STAGES}
        for deal in deals:
            by_stage.get(deal.stage or domain.STAGES[0], by_stage[domain.STAGES[0]]).append(deal)
        for stage, column in self.columns.items():
            column.set_deals(by_stage[stage], now)
        if selected is not None:
            self.select_deal(selected)

    def column(self, stage: str) -> StageColumn:
        return self.columns[stage]

    def stage_of(self, deal_id: uuid.UUID) -> str | None:
        for stage, column in self.columns.items():
            if column.model.row_of(deal_id) >= 0:
                return stage
        return None

    def card_rect(self, deal_id: uuid.UUID) -> tuple[QListView, QRect] | None:
        """The view showing the card and the card's rectangle in its viewport."""
        for column in self.columns.values():
            row = column.model.row_of(deal_id)
            if row >= 0:
                index = column.model.index(row)
                column.view.scrollTo(index)
                return column.view, column.view.visualRect(index)
        return None

    def drop_deal(self, deal_id: uuid.UUID, stage: str) -> bool:
        """What dropping the deal's card on ``stage``'s column does (without the mouse)."""
        source = self.stage_of(deal_id)
        if source is None:
            return False
        mime = self.columns[source].model.mimeData(
            [self.columns[source].model.index(self.columns[source].model.row_of(deal_id))]
        )
        target = self.columns[stage].model
        if not target.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex()):
            return False
        target.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
        return True

    def _on_selected(self, stage: str) -> None:
        view = self.columns[stage].view
        if view.selectionModel().hasSelection():
            self._selected_stage = stage
            for other, column in self.columns.items():
                if other != stage:
                    column.view.selectionModel().blockSignals(True)
                    column.view.clearSelection()
                    column.view.selectionModel().blockSignals(False)
        self.selection_changed.emit()

    def selected_deal(self) -> uuid.UUID | None:
        for column in self.columns.values():
            rows = column.view.selectionModel().selectedIndexes()
            if rows:
                return rows[0].data(KEY_ROLE)
        return None

    def select_deal(self, deal_id: uuid.UUID) -> bool:
        for column in self.columns.values():
            row = column.model.row_of(deal_id)
            if row >= 0:
                column.view.setCurrentIndex(column.model.index(row))
                return True
        return False

    def deal_count(self) -> int:
        return sum(c.model.rowCount() for c in self.columns.values())
