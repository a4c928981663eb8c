"""The account map tab: pick an account, see its buying committee.

For now the committee is a table (name, title, role, attitude, manager, empty
seats marked); the graphical org chart will take the right-hand side.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QItemSelection,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from abmdesk.services import records
from abmdesk.services.records import StakeholderRecord
from abmdesk.ui.changes import Changes
from abmdesk.ui.context import AppContext
from abmdesk.ui.labels import attitude_label, role_label, size_band_label
from abmdesk.ui.models import (
    KEY_ROLE,
    ChoiceListModel,
    Column,
    KeyListTableModel,
    italic_font,
    make_table_view,
    muted_brush,
    set_column_widths,
)


class StakeholdersModel(KeyListTableModel):
    columns = (
        Column("full_name", QT_TRANSLATE_NOOP("Columns", "Name")),
        Column("title", QT_TRANSLATE_NOOP("Columns", "Title"), tooltip=True),
        Column("role", QT_TRANSLATE_NOOP("Columns", "Role")),
        Column("attitude", QT_TRANSLATE_NOOP("Columns", "Attitude")),
        Column("reports_to", QT_TRANSLATE_NOOP("Columns", "Reports to")),
        Column("placeholder", QT_TRANSLATE_NOOP("Columns", "Seat")),
        Column("email", QT_TRANSLATE_NOOP("Columns", "Email")),
    )

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx.fmt, parent)
        self.ctx = ctx
        self.account_id: uuid.UUID | None = None
        self.sort_key, self.descending = "full_name", False
        self._muted = muted_brush()
        self._italic = italic_font()
        self.reload()

    def set_account(self, account_id: uuid.UUID | None) -> None:
        self.account_id = account_id
        self.reload()

    def fetch_keys(self) -> list[uuid.UUID]:
        if self.account_id is None:
            return []
        return records.stakeholder_keys(
            self.ctx.engine, self.account_id, sort=self.sort_key, descending=self.descending
        )

    def fetch_rows(self, keys: Sequence[uuid.UUID]) -> dict[uuid.UUID, StakeholderRecord]:
        return records.stakeholders_by_ids(self.ctx.engine, keys)

    def display(self, row: StakeholderRecord, key: str) -> str:
        if key == "role":
            return role_label(row.role)
        if key == "attitude":
            return attitude_label(row.attitude)
        if key == "reports_to":
            return row.reports_to_name or ""
        if key == "placeholder":
            return self.tr("Empty seat") if row.placeholder else self.tr("Identified")
        value = getattr(row, key)
        return "" if value is None else str(value)

    def raw(self, row: StakeholderRecord, key: str) -> object:
        if key == "reports_to":
            return row.reports_to_name
        return super().raw(row, key)

    def foreground(self, row: StakeholderRecord, key: str) -> QBrush | None:
        return self._muted if row.placeholder else None

    def font(self, row: StakeholderRecord, key: str) -> QFont | None:
        return self._italic if row.placeholder else None


class MapTab(QWidget):
    """Objectname ``mapTab``."""

    account_changed = Signal(object)  # uuid.UUID | None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapTab")
        self.ctx = ctx

        self.accounts = ChoiceListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.accounts)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        left = QWidget(self)
        self.search = QLineEdit(left)
        self.search.setObjectName("mapAccountSearch")
        self.search.setPlaceholderText(self.tr("Find an account…"))
        self.search.setClearButtonEnabled(True)
        self.account_list = QListView(left)
        self.account_list.setObjectName("mapAccountList")
        self.account_list.setModel(self.proxy)
        self.account_list.setUniformItemSizes(True)
        self.account_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.account_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.account_list, 1)

        right = QWidget(self)
        self.title = QLabel(right)
        self.title.setObjectName("mapAccountTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel(right)
        self.summary.setObjectName("mapAccountSummary")
        self.summary.setWordWrap(True)
        self.model = StakeholdersModel(ctx, self)
        self.view = make_table_view(self.model, "stakeholdersView", right)
        set_column_widths(
            self.view,
            {
                "full_name": 22,
                "title": 30,
                "role": 16,
                "attitude": 12,
                "reports_to": 22,
                "placeholder": 16,
            },
        )
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.view, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mapSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.returnPressed.connect(self._pick_first_match)
        self.account_list.selectionModel().selectionChanged.connect(self._on_selection)
        self._current: uuid.UUID | None = None
        self.reload_accounts()
        self._show_account(None)

    # --- accounts list ---------------------------------------------------------------

    def reload_accounts(self) -> None:
        keep = self._current if hasattr(self, "_current") else None
        choices = records.account_choices(self.ctx.engine)
        self.accounts.set_items([(c.id, c.name) for c in choices])
        if keep is not None and self.accounts.row_of_key(keep) >= 0:
            self.select_account(keep)
        else:
            self._show_account(None)

    def _pick_first_match(self) -> None:
        if self.proxy.rowCount() > 0:
            self.account_list.setCurrentIndex(self.proxy.index(0, 0))

    def select_account(self, account_id: uuid.UUID) -> None:
        row = self.accounts.row_of_key(account_id)
        if row < 0:
            return
        proxy_index = self.proxy.mapFromSource(self.accounts.index(row, 0))
        if not proxy_index.isValid():
            self.search.clear()
            proxy_index = self.proxy.mapFromSource(self.accounts.index(row, 0))
        self.account_list.setCurrentIndex(proxy_index)
        self.account_list.scrollTo(proxy_index)
        self._show_account(account_id)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._show_account(indexes[0].data(KEY_ROLE))

    def current_account(self) -> uuid.UUID | None:
        return self._current

    # --- the committee ------------------------------------------------------------

    def _show_account(self, account_id: uuid.UUID | None) -> None:
        account = records.get_account(self.ctx.engine, account_id) if account_id else None
        changed = (account.id if account else None) != self._current
        self._current = account.id if account else None
        self.model.set_account(self._current)
        if account is None:
            self.title.setText(self.tr("No account selected"))
            self.summary.setText(
                self.tr("Pick an account on the left to see its buying committee.")
            )
        else:
            self.title.setText(account.name)
            self.summary.setText(self._summary_text(account))
        if changed:
            self.account_changed.emit(self._current)

    def _summary_text(self, account: records.AccountRecord) -> str:
        fmt = self.ctx.fmt
        parts = []
        if account.sector:
            parts.append(account.sector)
        if account.employees is not None:
            parts.append(self.tr("%1 employees").replace("%1", fmt.integer(account.employees)))
        else:
            parts.append(self.tr("size %1").replace("%1", size_band_label(account.size_band)))
        if account.is_target:
            if account.target_since:
                parts.append(
                    self.tr("target account since %1").replace("%1", fmt.date(account.target_since))
                )
            else:
                parts.append(self.tr("target account"))
        total = self.model.rowCount()
        seats = sum(
            1 for r in range(total) if (row := self.model.row_at(r)) is not None and row.placeholder
        )
        people = self.tr("%Ln stakeholder(s)", "", total - seats)
        if seats:
            people += " · " + self.tr("%Ln empty seat(s)", "", seats)
        parts.append(people)
        return " · ".join(parts)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("accounts"):
            self.reload_accounts()
        elif changes.touches("stakeholders"):
            self._show_account(self._current)
