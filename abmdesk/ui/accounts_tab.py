"""The accounts tab: every account, searchable, sorted in SQL, read lazily."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from abmdesk.services import records
from abmdesk.services.records import AccountRecord
from abmdesk.ui.changes import Changes
from abmdesk.ui.context import AppContext
from abmdesk.ui.labels import size_band_label
from abmdesk.ui.models import (
    KEY_ROLE,
    Column,
    KeyListTableModel,
    make_table_view,
    set_column_widths,
)


class AccountsModel(KeyListTableModel):
    columns = (
        Column("name", QT_TRANSLATE_NOOP("Columns", "Name")),
        Column("sector", QT_TRANSLATE_NOOP("Columns", "Sector")),
        Column("size_band", QT_TRANSLATE_NOOP("Columns", "Size band"), align="center"),
        Column("employees", QT_TRANSLATE_NOOP("Columns", "Employees"), align="right"),
        Column("tier", QT_TRANSLATE_NOOP("Columns", "Tier"), align="center"),
        Column("is_target", QT_TRANSLATE_NOOP("Columns", "Target"), align="center"),
        Column("target_since", QT_TRANSLATE_NOOP("Columns", "Target since"), align="right"),
        Column("owner", QT_TRANSLATE_NOOP("Columns", "Owner")),
        Column("country", QT_TRANSLATE_NOOP("Columns", "Country")),
        Column("domain", QT_TRANSLATE_NOOP("Columns", "Domain")),
    )

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx.fmt, parent)
        self.ctx = ctx
        self.search = ""
        self.targets_only = False
        self.sort_key, self.descending = "name", False
        self.reload()

    def fetch_keys(self) -> list[uuid.UUID]:
        return records.account_keys(
            self.ctx.engine,
            search=self.search,
            targets_only=self.targets_only,
            sort=self.sort_key,
            descending=self.descending,
        )

    def fetch_rows(self, keys: Sequence[uuid.UUID]) -> dict[uuid.UUID, AccountRecord]:
        return records.accounts_by_ids(self.ctx.engine, keys)

    def display(self, row: AccountRecord, key: str) -> str:
        fmt = self.fmt
        if key == "size_band":
            return size_band_label(row.size_band)
        if key == "employees":
            return fmt.integer(row.employees)
        if key == "is_target":
            return fmt.yes_no(row.is_target)
        if key == "target_since":
            return fmt.date(row.target_since)
        value = getattr(row, key)
        return "" if value is None else str(value)

    def raw(self, row: AccountRecord, key: str) -> object:
        if key == "size_band":
            return row.employees
        return super().raw(row, key)


class AccountsTab(QWidget):
    """Objectname ``accountsTab``; double-click an account to open its map."""

    account_activated = Signal(object)  # uuid.UUID

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsTab")
        self.ctx = ctx
        self.model = AccountsModel(ctx, self)

        self.search = QLineEdit(self)
        self.search.setObjectName("accountsSearch")
        self.search.setPlaceholderText(self.tr("Search by name, domain, sector or owner…"))
        self.search.setClearButtonEnabled(True)
        self.targets_only = QCheckBox(self.tr("Target accounts only"), self)
        self.targets_only.setObjectName("accountsTargetsOnly")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("accountsCount")

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.targets_only)
        bar.addStretch(0)
        bar.addWidget(self.count_label)

        self.view = make_table_view(self.model, "accountsView", self)
        set_column_widths(
            self.view,
            {
                "name": 34,
                "sector": 26,
                "size_band": 10,
                "employees": 10,
                "tier": 6,
                "is_target": 7,
                "target_since": 12,
                "owner": 16,
                "country": 10,
            },
        )
        self.view.doubleClicked.connect(self._on_double_clicked)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.targets_only.toggled.connect(self._apply_filter)
        self.model.modelReset.connect(self._update_count)
        self._update_count()

    def _apply_filter(self) -> None:
        self.model.search = self.search.text()
        self.model.targets_only = self.targets_only.isChecked()
        self.model.reload()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%Ln account(s)", "", self.model.rowCount()))

    def _on_double_clicked(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE)
        if key is not None:
            self.account_activated.emit(key)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("accounts"):
            self.model.reload()

    def select_account(self, account_id: uuid.UUID) -> None:
        row = self.model.row_of_key(account_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def current_account(self) -> uuid.UUID | None:
        index = self.view.currentIndex()
        return index.data(KEY_ROLE) if index.isValid() else None
