"""The pipeline tab: deals with their current stage, filtered by status."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from abmdesk import domain
from abmdesk.services import records
from abmdesk.services.records import DealRecord
from abmdesk.ui.changes import Changes
from abmdesk.ui.context import AppContext
from abmdesk.ui.labels import stage_label, status_label
from abmdesk.ui.models import Column, KeyListTableModel, make_table_view, set_column_widths

_STATUS_COLORS = {"won": QColor(27, 94, 32), "lost": QColor(176, 0, 32)}


class DealsModel(KeyListTableModel):
    columns = (
        Column("account", QT_TRANSLATE_NOOP("Columns", "Account")),
        Column("name", QT_TRANSLATE_NOOP("Columns", "Deal")),
        Column("created_at", QT_TRANSLATE_NOOP("Columns", "Created"), align="right"),
        Column("amount", QT_TRANSLATE_NOOP("Columns", "Amount"), align="right"),
        Column("status", QT_TRANSLATE_NOOP("Columns", "Status")),
        Column("closed_at", QT_TRANSLATE_NOOP("Columns", "Closed"), align="right"),
        Column("current_stage", QT_TRANSLATE_NOOP("Columns", "Current stage")),
        Column("owner", QT_TRANSLATE_NOOP("Columns", "Owner")),
    )

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx.fmt, parent)
        self.ctx = ctx
        self.status: str | None = None
        self.search = ""
        self.sort_key, self.descending = "created_at", True
        self._brushes = {k: QBrush(c) for k, c in _STATUS_COLORS.items()}
        self.reload()

    def fetch_keys(self) -> list[uuid.UUID]:
        return records.deal_keys(
            self.ctx.engine,
            status=self.status,
            search=self.search,
            sort=self.sort_key,
            descending=self.descending,
        )

    def fetch_rows(self, keys: Sequence[uuid.UUID]) -> dict[uuid.UUID, DealRecord]:
        return records.deals_by_ids(self.ctx.engine, keys)

    def display(self, row: DealRecord, key: str) -> str:
        fmt = self.fmt
        if key == "account":
            return row.account_name
        if key == "name":
            return row.name
        if key == "created_at":
            return fmt.date(row.created_at.date())
        if key == "amount":
            return fmt.money_cents(row.amount_cents)
        if key == "status":
            return status_label(row.status)
        if key == "closed_at":
            return fmt.date(row.closed_at.date()) if row.closed_at else ""
        if key == "current_stage":
            return stage_label(row.current_stage)
        if key == "owner":
            return row.owner or ""
        return ""

    def raw(self, row: DealRecord, key: str) -> object:
        values: dict[str, object] = {
            "account": row.account_name,
            "name": row.name,
            "created_at": row.created_at.isoformat(timespec="seconds"),
            "amount": row.amount_cents,
            "status": row.status,
            "closed_at": row.closed_at.isoformat(timespec="seconds") if row.closed_at else None,
            "current_stage": row.current_stage,
            "owner": row.owner,
        }
        return values.get(key)

    def foreground(self, row: DealRecord, key: str) -> QBrush | None:
        return self._brushes.get(row.status) if key == "status" else None


class PipelineTab(QWidget):
    """Objectname ``pipelineTab``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pipelineTab")
        self.ctx = ctx
        self.model = DealsModel(ctx, self)

        self.search = QLineEdit(self)
        self.search.setObjectName("dealsSearch")
        self.search.setPlaceholderText(self.tr("Search by deal or account…"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.setObjectName("dealsStatus")
        self.status.addItem(self.tr("All deals"), None)
        for key in domain.DEAL_STATUSES:
            self.status.addItem(status_label(key), key)
        self.summary = QLabel(self)
        self.summary.setObjectName("dealsSummary")
        status_label_widget = QLabel(self.tr("&Status:"), self)
        status_label_widget.setBuddy(self.status)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(status_label_widget)
        bar.addWidget(self.status)
        bar.addStretch(0)
        bar.addWidget(self.summary)

        self.view = make_table_view(self.model, "dealsView", self)
        set_column_widths(
            self.view,
            {
                "account": 30,
                "name": 36,
                "created_at": 11,
                "amount": 14,
                "status": 9,
                "closed_at": 11,
                "current_stage": 22,
            },
        )
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.status.currentIndexChanged.connect(self._apply_filter)
        self.model.modelReset.connect(self._update_summary)
        self._update_summary()

    def _apply_filter(self) -> None:
        self.model.status = self.status.currentData()
        self.model.search = self.search.text()
        self.model.reload()

    def _update_summary(self) -> None:
        summary = records.deal_summary(self.ctx.engine)
        shown = self.tr("%Ln deal(s)", "", self.model.rowCount())
        pipeline = self.tr("open pipeline: %1 (%Ln deal(s))", "", summary.open_count).replace(
            "%1", self.ctx.fmt.money_cents(summary.open_amount_cents, 0)
        )
        self.summary.setText(f"{shown} · {pipeline}")

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("deals", "accounts"):
            self.model.reload()
