"""The accounts tab: every account, searchable and filtered in SQL, read lazily; create,
edit and delete (undoable), and a side panel with the selected account's figures."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from abmdesk import domain
from abmdesk.errors import AbmError
from abmdesk.services import accounts as account_service
from abmdesk.services import records
from abmdesk.services.accounts import AccountFilter, AccountInput, AccountInsight
from abmdesk.services.records import AccountRecord
from abmdesk.services.settings import load_settings
from abmdesk.ui import account_dialogs, sparkline
from abmdesk.ui.account_dialogs import AccountDialog, field_error_text
from abmdesk.ui.changes import Changes
from abmdesk.ui.context import AppContext
from abmdesk.ui.labels import size_band_label, trend_label
from abmdesk.ui.models import (
    KEY_ROLE,
    Column,
    KeyListTableModel,
    make_table_view,
    set_column_widths,
)
from abmdesk.ui.sparkline import Sparkline

RISK_STYLE = "color: #b00020; font-weight: bold;"
OK_STYLE = "color: #1b5e20;"
MUTED_STYLE = "color: #666666;"

#: What deleting an account changes: the account and everything that cascades.
ACCOUNT_CASCADE = Changes(
    accounts=True, stakeholders=True, interactions=True, deals=True, contracts=True, costs=True
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
        self.filter = AccountFilter()
        self.sort_key, self.descending = "name", False
        self.reload()

    # The first window's API: a search text and a "targets only" switch.
    @property
    def search(self) -> str:
        return self.filter.search

    @search.setter
    def search(self, text: str) -> None:
        self.filter = _replace(self.filter, search=text)

    @property
    def targets_only(self) -> bool:
        return self.filter.target is True

    @targets_only.setter
    def targets_only(self, value: bool) -> None:
        self.filter = _replace(self.filter, target=True if value else None)

    def fetch_keys(self) -> list[uuid.UUID]:
        return account_service.account_keys(
            self.ctx.engine, self.filter, sort=self.sort_key, descending=self.descending
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


def _replace(filt: AccountFilter, **changes: Any) -> AccountFilter:
    from dataclasses import replace

    return replace(filt, **changes)


class _TargetsOnly:
    """The first window's ``targets_only`` check box, now the target filter's first two
    choices: ``setChecked(True)`` picks "Target accounts", ``False`` "All accounts"."""

    def __init__(self, combo: QComboBox) -> None:
        self._combo = combo

    def setChecked(self, checked: bool) -> None:  # noqa: N802 (the QCheckBox API)
        self._combo.setCurrentIndex(self._combo.findData("yes" if checked else "any"))

    def isChecked(self) -> bool:  # noqa: N802
        return self._combo.currentData() == "yes"


class AccountPanel(QFrame):
    """The selected account's figures (objectName ``accountPanel``), computed off the
    GUI thread by ``account_insight``; ``insight_shown`` follows each update."""

    insight_shown = Signal(object)  # AccountInsight | None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.ctx = ctx
        self.account_id: uuid.UUID | None = None
        self.insight: AccountInsight | None = None
        self._task: Any = None
        self._generation = 0
        self.labels: dict[str, QLabel] = {}

        self.title = QLabel(self)
        self.title.setObjectName("accountPanelTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("accountPanelSubtitle")
        self.subtitle.setStyleSheet(MUTED_STYLE)
        self.subtitle.setWordWrap(True)

        self.sparkline = Sparkline(self)
        self.sparkline_caption = QLabel(self.tr("Points per week, last 12 weeks"), self)
        self.sparkline_caption.setStyleSheet(MUTED_STYLE)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self._section(self.tr("Engagement")))
        layout.addLayout(
            self._form(
                [
                    ("score", self.tr("Score:")),
                    ("trend", self.tr("Trend:")),
                ]
            )
        )
        layout.addWidget(self.sparkline)
        layout.addWidget(self.sparkline_caption)
        layout.addWidget(self._section(self.tr("Buying committee")))
        layout.addLayout(
            self._form(
                [
                    ("identified", self.tr("Identified:")),
                    ("engaged", self.tr("Engaged:")),
                    ("roles", self.tr("Role coverage:")),
                    ("risk", self.tr("Risk:")),
                ]
            )
        )
        layout.addWidget(self._section(self.tr("Pipeline and value")))
        layout.addLayout(
            self._form(
                [
                    ("open_deals", self.tr("Open deals:")),
                    ("base_arr", self.tr("Annual revenue:")),
                    ("clv", self.tr("Lifetime value:")),
                ]
            )
        )
        layout.addStretch(1)
        self.empty_label = QLabel(self.tr("Select an account to see its figures."), self)
        self.empty_label.setObjectName("accountPanelEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(MUTED_STYLE)
        layout.insertWidget(0, self.empty_label)
        self._set_visible(False)

    def _section(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 10, 0, 2)
        self._sections = [*getattr(self, "_sections", []), label]
        return label

    def _form(self, rows: list[tuple[str, str]]) -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(4)
        for key, text in rows:
            value = QLabel(self)
            value.setObjectName(f"accountPanel_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.labels[key] = value
            caption = QLabel(text, self)
            self._captions = [*getattr(self, "_captions", []), caption]
            form.addRow(caption, value)
        return form

    def _set_visible(self, visible: bool) -> None:
        for widget in [
            self.title,
            self.subtitle,
            self.sparkline,
            self.sparkline_caption,
            *getattr(self, "_sections", []),
            *getattr(self, "_captions", []),
            *self.labels.values(),
        ]:
            widget.setVisible(visible)
        self.empty_label.setVisible(not visible)

    def show_account(self, account_id: uuid.UUID | None) -> None:
        """Compute and show ``account_id``'s figures (None: clear the panel)."""
        self.account_id = account_id
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None
        if account_id is None:
            self.insight = None
            self._set_visible(False)
            self.insight_shown.emit(None)
            return
        generation = self._generation
        engine = self.ctx.engine

        warm = self.sparkline.plot is None

        def compute() -> AccountInsight:
            insight = account_service.account_insight(engine, account_id)
            if warm:
                sparkline.warm_up()
            return insight

        self._task = self.ctx.runner.submit(
            compute,
            on_done=lambda result: self._on_done(generation, result),
            on_error=lambda exc: self._on_error(generation, exc),
            name="account-insight",
        )

    def refresh(self) -> None:
        self.show_account(self.account_id)

    def _on_error(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._task = None
        self.insight = None
        self._set_visible(False)
        if not isinstance(exc, AbmError):
            self.empty_label.setText(self.tr("The figures could not be computed."))
        self.insight_shown.emit(None)

    def _on_done(self, generation: int, insight: AccountInsight) -> None:
        if generation != self._generation:
            return
        self._task = None
        self.insight = insight
        self._show(insight)
        self.insight_shown.emit(insight)

    def _show(self, i: AccountInsight) -> None:
        fmt = self.ctx.fmt
        self._set_visible(True)
        self.title.setText(i.name)
        self.subtitle.setText(
            self.tr("ABM target account") if i.is_target else self.tr("Not an ABM target")
        )
        labels = self.labels
        labels["score"].setText(
            self.tr("%1 points (last %2 days)")
            .replace("%1", fmt.integer(i.score))
            .replace("%2", fmt.integer(self._window_days()))
        )
        arrows = {"rising": "▲", "falling": "▼", "flat": "▶"}
        labels["trend"].setText(
            self.tr("%1 %2 — %3 points in the last 4 weeks, %4 in the 4 before")
            .replace("%1", arrows.get(i.trend, ""))
            .replace("%2", trend_label(i.trend))
            .replace("%3", fmt.integer(i.last4))
            .replace("%4", fmt.integer(i.prev4))
        )
        values = [v for _, v in i.weeks]
        self.sparkline.set_values([w for w, _ in i.weeks], values)
        self.sparkline.setToolTip(
            "\n".join(
                self.tr("Week %1: %2 points").replace("%1", w[-2:]).replace("%2", fmt.integer(v))
                for w, v in i.weeks
            )
        )
        labels["identified"].setText(
            self.tr("%1 — %2 of %3 people")
            .replace("%1", fmt.percent(i.identified_coverage, 0))
            .replace("%2", fmt.integer(i.identified))
            .replace("%3", fmt.integer(i.committee_size))
        )
        labels["engaged"].setText(
            self.tr("%1 — %2 of %3 people")
            .replace("%1", fmt.percent(i.engaged_coverage, 0))
            .replace("%2", fmt.integer(i.engaged))
            .replace("%3", fmt.integer(i.committee_size))
        )
        labels["roles"].setText(
            self.tr("%1 — %2 of 4 key roles engaged")
            .replace("%1", fmt.percent(i.role_coverage, 0))
            .replace("%2", fmt.integer(round(i.role_coverage * 4)))
        )
        if i.at_risk:
            labels["risk"].setText(self.tr("At risk: too few people engaged"))
            labels["risk"].setStyleSheet(RISK_STYLE)
        elif i.is_target:
            labels["risk"].setText(self.tr("Covered"))
            labels["risk"].setStyleSheet(OK_STYLE)
        else:
            labels["risk"].setText(self.tr("Not assessed (not a target)"))
            labels["risk"].setStyleSheet(MUTED_STYLE)
        labels["open_deals"].setText(
            self.tr("%Ln deal(s) — %1", "", i.open_deals).replace(
                "%1", fmt.money_cents(i.open_amount_cents, 0)
            )
        )
        if i.base_arr > 0:
            labels["base_arr"].setText(
                self.tr("%1 a year, upsell %2")
                .replace("%1", fmt.money(i.base_arr))
                .replace("%2", fmt.percent(i.upsell_rate, 0))
            )
        else:
            labels["base_arr"].setText(self.tr("No active contract"))
        labels["clv"].setText(
            self.tr("%1 (over %2 years)")
            .replace("%1", fmt.money(i.clv))
            .replace("%2", fmt.number(i.retention_years, 1).removesuffix(",0").removesuffix(".0"))
        )

    def _window_days(self) -> int:
        try:
            return load_settings(self.ctx.engine).engagement_window_days
        except AbmError:
            return int(domain.DEFAULT_SETTINGS["engagement_window_days"])  # type: ignore[call-overload]


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

        self.target_filter = QComboBox(self)
        self.target_filter.setObjectName("accountsTargetFilter")
        self.target_filter.addItem(self.tr("All accounts"), "any")
        self.target_filter.addItem(self.tr("Target accounts"), "yes")
        self.target_filter.addItem(self.tr("Not targets"), "no")
        self.targets_only = _TargetsOnly(self.target_filter)
        self.tier_filter = self._filter_combo("accountsTierFilter", self.tr("All tiers"))
        self.sector_filter = self._filter_combo("accountsSectorFilter", self.tr("All sectors"))
        self.size_filter = self._filter_combo("accountsSizeFilter", self.tr("All sizes"))
        for band in domain.SIZE_BANDS:
            label = size_band_label(band)
            if band != "unknown":
                label = self.tr("%1 employees").replace("%1", band.replace("-", "–"))
            self.size_filter.addItem(label, band)
        self.owner_filter = self._filter_combo("accountsOwnerFilter", self.tr("All owners"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("accountsCount")

        self.new_button = QPushButton(self.tr("&New account…"), self)
        self.new_button.setObjectName("accountsNew")
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setObjectName("accountsEdit")
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setObjectName("accountsDelete")
        self.map_button = QPushButton(self.tr("Open the &map"), self)
        self.map_button.setObjectName("accountsOpenMap")
        self.new_button.clicked.connect(self.new_account)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.map_button.clicked.connect(self._open_map)

        search_bar = QHBoxLayout()
        search_bar.addWidget(self.search, 1)
        search_bar.addWidget(self.new_button)
        search_bar.addWidget(self.edit_button)
        search_bar.addWidget(self.delete_button)
        search_bar.addWidget(self.map_button)
        filter_bar = QHBoxLayout()
        filter_label = QLabel(self.tr("Filters:"), self)
        filter_bar.addWidget(filter_label)
        for combo in (
            self.target_filter,
            self.tier_filter,
            self.sector_filter,
            self.size_filter,
            self.owner_filter,
        ):
            filter_bar.addWidget(combo)
        self.clear_filters_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_filters_button.setObjectName("accountsClearFilters")
        self.clear_filters_button.clicked.connect(self.clear_filters)
        filter_bar.addWidget(self.clear_filters_button)
        filter_bar.addStretch(1)
        filter_bar.addWidget(self.count_label)

        self.view = make_table_view(self.model, "accountsView", self)
        set_column_widths(
            self.view,
            {
                "name": 30,
                "sector": 22,
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
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._after_reset)

        self.panel = AccountPanel(ctx, self)
        scroll = QScrollArea(self)
        scroll.setObjectName("accountPanelScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.panel)
        scroll.setMinimumWidth(300)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("accountsSplitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 360])
        self.splitter.setCollapsible(0, False)

        layout = QVBoxLayout(self)
        layout.addLayout(search_bar)
        layout.addLayout(filter_bar)
        layout.addWidget(self.splitter, 1)

        self._actions()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        for combo in (
            self.target_filter,
            self.tier_filter,
            self.sector_filter,
            self.size_filter,
            self.owner_filter,
        ):
            combo.currentIndexChanged.connect(self._apply_filter)
        self._fill_filter_options()
        self._update_count()
        self._update_buttons()

    # --- building -----------------------------------------------------------------

    def _filter_combo(self, name: str, all_text: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(all_text, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMaxVisibleItems(20)
        return combo

    def _actions(self) -> None:
        def action(name: str, text: str, slot: Any, keys: Any) -> QAction:
            a = QAction(text, self)
            a.setObjectName(name)
            if isinstance(keys, QKeySequence.StandardKey):
                a.setShortcuts(keys)
            elif keys:
                a.setShortcut(QKeySequence(keys))
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            a.triggered.connect(slot)
            self.view.addAction(a)
            return a

        self.new_action = action(
            "actionNewAccount",
            self.tr("New account…"),
            self.new_account,
            QKeySequence.StandardKey.New,
        )
        self.edit_action = action("actionEditAccount", self.tr("Edit…"), self.edit_selected, "F2")
        self.delete_action = action(
            "actionDeleteAccount",
            self.tr("Delete"),
            self.delete_selected,
            QKeySequence.StandardKey.Delete,
        )
        self.map_action = action("actionOpenMap", self.tr("Open the map"), self._open_map, None)

    def _fill_filter_options(self) -> None:
        try:
            options = account_service.filter_options(self.ctx.engine)
        except AbmError:
            return
        for combo, values in (
            (self.tier_filter, options.tiers),
            (self.sector_filter, options.sectors),
            (self.owner_filter, options.owners),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(value, value)
            index = combo.findData(current) if current is not None else 0
            if index < 0:  # the value is gone: keep it shown, it still filters
                combo.addItem(current, current)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self._options = options

    # --- filters ------------------------------------------------------------------

    def current_filter(self) -> AccountFilter:
        target = {"yes": True, "no": False}.get(self.target_filter.currentData())
        return AccountFilter(
            search=self.search.text(),
            target=target,
            tier=self.tier_filter.currentData(),
            sector=self.sector_filter.currentData(),
            size_band=self.size_filter.currentData(),
            owner=self.owner_filter.currentData(),
        )

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        selected = self.current_account()
        self.model.filter = self.current_filter()
        self.model.reload()
        if selected is not None:
            self.select_account(selected)

    def clear_filters(self) -> None:
        for combo in (
            self.target_filter,
            self.tier_filter,
            self.sector_filter,
            self.size_filter,
            self.owner_filter,
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._apply_filter()

    def _after_reset(self) -> None:
        self._update_count()
        self._update_buttons()
        if self.current_account() is None and self.panel.account_id is not None:
            self.panel.show_account(None)

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%Ln account(s)", "", self.model.rowCount()))

    def _update_buttons(self) -> None:
        has = self.current_account() is not None
        for widget in (self.edit_button, self.delete_button, self.map_button):
            widget.setEnabled(has)
        for action in (
            getattr(self, "edit_action", None),
            getattr(self, "delete_action", None),
            getattr(self, "map_action", None),
        ):
            if action is not None:
                action.setEnabled(has)

    # --- selection ----------------------------------------------------------------

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()
        account_id = self.current_account()
        if account_id != self.panel.account_id:
            self.panel.show_account(account_id)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE)
        if key is not None:
            self.account_activated.emit(key)

    def _open_map(self) -> None:
        key = self.current_account()
        if key is not None:
            self.account_activated.emit(key)

    def _context_menu(self, pos: Any) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.new_action)
        if self.current_account() is not None:
            menu.addAction(self.edit_action)
            menu.addAction(self.map_action)
            menu.addSeparator()
            menu.addAction(self.delete_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("accounts"):
            self._fill_filter_options()
            selected = self.current_account()
            self.model.reload()
            if selected is not None:
                self.select_account(selected)
        if self.panel.account_id is not None and changes.touches(
            "accounts", "stakeholders", "interactions", "deals", "contracts", "settings"
        ):
            self.panel.refresh()

    def select_account(self, account_id: uuid.UUID) -> None:
        row = self.model.row_of_key(account_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def current_account(self) -> uuid.UUID | None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            return rows[0].data(KEY_ROLE)
        return None

    # --- edits --------------------------------------------------------------------

    def _dialog(self, record: AccountRecord | None, submit: Any) -> AccountDialog:
        options = getattr(self, "_options", None)
        try:
            settings = load_settings(self.ctx.engine)
            committee, retention = settings.default_committee_size, settings.default_retention_years
        except AbmError:
            committee, retention = 6, 5.0
        return AccountDialog(
            submit,
            record,
            sectors=options.sectors if options else (),
            tiers=options.tiers if options else (),
            owners=options.owners if options else (),
            default_committee_size=committee,
            default_retention_years=retention,
            parent=self,
        )

    def create_account(self, data: AccountInput) -> AccountRecord:
        """Create an account as an undoable edit (ids kept across undo and redo)."""
        engine = self.ctx.engine
        new_id = uuid.uuid4()
        record = self.ctx.edit(
            self.tr("New account %1").replace("%1", data.name.strip()),
            lambda: account_service.create_account(engine, data, account_id=new_id),
            lambda rec: lambda: account_service.delete_account(engine, rec.id),
            ACCOUNT_CASCADE,
            self,
        )
        self.select_account(record.id)
        return record

    def update_account(self, account_id: uuid.UUID, data: AccountInput) -> Any:
        engine = self.ctx.engine
        edit = self.ctx.edit(
            self.tr("Edit account %1").replace("%1", data.name.strip()),
            lambda: account_service.update_account(engine, account_id, data),
            lambda e: (
                lambda: account_service.update_account(
                    engine, account_id, AccountInput.from_record(e.before)
                )
            ),
            Changes(accounts=True, deals=True),
            self,
        )
        self.select_account(account_id)
        return edit

    def delete_account(self, account_id: uuid.UUID) -> Any:
        """Delete as an undoable edit: undo restores the snapshot with the same ids."""
        engine = self.ctx.engine
        record = records.get_account(engine, account_id)
        name = record.name if record else ""
        return self.ctx.edit(
            self.tr("Delete account %1").replace("%1", name),
            lambda: account_service.delete_account(engine, account_id),
            lambda snap: lambda: account_service.restore_account(engine, snap),
            ACCOUNT_CASCADE,
            self,
        )

    def new_account(self) -> AccountDialog:
        dialog = self._dialog(None, self.create_account)
        with contextlib.suppress(AbmError):  # who uses this laptop owns what they create
            dialog.owner.setEditText(load_settings(self.ctx.engine).user_name)
        dialog.open()
        return dialog

    def edit_selected(self) -> AccountDialog | None:
        account_id = self.current_account()
        if account_id is None:
            return None
        record = records.get_account(self.ctx.engine, account_id)
        if record is None:
            return None
        dialog = self._dialog(record, lambda data: self.update_account(account_id, data))
        dialog.open()
        return dialog

    def delete_selected(self) -> bool:
        account_id = self.current_account()
        if account_id is None:
            return False
        record = records.get_account(self.ctx.engine, account_id)
        if record is None:
            return False
        deps = account_service.account_dependents(self.ctx.engine, account_id)
        if not account_dialogs.ask_delete_account(self, record.name, deps):
            return False
        row = self.model.row_of_key(account_id)
        try:
            self.delete_account(account_id)
        except AbmError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("Delete an account"), field_error_text(exc))
            return False
        if self.model.rowCount():
            self.view.selectRow(min(max(row, 0), self.model.rowCount() - 1))
        return True
