"""The account map tab: pick an account (searchable), edit its buying committee.

The committee is drawn as an org chart (``abmdesk.ui.orgchart``): drag a card onto
another to change its manager, add reports and peers from the context menu or the
keyboard (Insert, Shift+Insert), delete (Delete), edit in the side panel (F2), fill
empty seats (double-click), draw influence lines; a header gives the account's
coverage (SPEC 3.2). Every edit is a service call put on the window's undo stack.
A list view of the same people (the lazy ``StakeholdersModel``) is one click away.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QItemSelection,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from abmdesk.errors import AbmError
from abmdesk.services import records
from abmdesk.services import stakeholders as svc
from abmdesk.services.records import StakeholderRecord
from abmdesk.services.stakeholders import ChartPerson, OrgChart, ReportingCycleError
from abmdesk.ui.changes import Changes
from abmdesk.ui.context import AppContext
from abmdesk.ui.labels import attitude_label, role_label
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
from abmdesk.ui.orgchart import export
from abmdesk.ui.orgchart.panel import InfluenceDialog, PersonDialog, PersonPanel
from abmdesk.ui.orgchart.scene import CardItem, InfluenceItem, OrgChartScene
from abmdesk.ui.orgchart.view import OrgChartView

#: How many of a person's interactions the side panel lists.
PANEL_INTERACTIONS = 100

RED = "color: #C0392B; font-weight: bold"
GREEN = "color: #1E8449"


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
    chart_reloaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapTab")
        self.ctx = ctx
        self.chart: OrgChart | None = None
        self._current: uuid.UUID | None = None
        self.last_message = ""

        # --- left: the searchable account picker ---------------------------------------
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
        left.setMinimumWidth(180)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.account_list, 1)

        # --- centre: title, coverage header, tools, chart or list ------------------------
        centre = QWidget(self)
        self.title = QLabel(centre)
        self.title.setObjectName("mapAccountTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel(centre)
        self.summary.setObjectName("mapAccountSummary")
        self.summary.setWordWrap(True)
        self.identified_label = QLabel(centre)
        self.identified_label.setObjectName("mapIdentified")
        self.engaged_label = QLabel(centre)
        self.engaged_label.setObjectName("mapEngaged")
        self.roles_label = QLabel(centre)
        self.roles_label.setObjectName("mapRoleCoverage")
        self.risk_label = QLabel(centre)
        self.risk_label.setObjectName("mapAtRisk")
        header = QHBoxLayout()
        header.setSpacing(18)
        for label in (
            self.identified_label,
            self.engaged_label,
            self.roles_label,
            self.risk_label,
        ):
            header.addWidget(label)
        header.addStretch(1)

        self.scene = OrgChartScene(ctx.fmt, self)
        self.chart_view = OrgChartView(self.scene, centre)
        self.model = StakeholdersModel(ctx, self)
        self.view = make_table_view(self.model, "stakeholdersView", centre)
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
        self.stack = QStackedWidget(centre)
        self.stack.setObjectName("mapStack")
        self.stack.addWidget(self.chart_view)
        self.stack.addWidget(self.view)
        self.toolbar = QToolBar(centre)
        self.toolbar.setObjectName("mapToolBar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._create_actions()

        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.title)
        centre_layout.addWidget(self.summary)
        centre_layout.addLayout(header)
        centre_layout.addWidget(self.toolbar)
        centre_layout.addWidget(self.stack, 1)

        # --- right: the person panel --------------------------------------------------------
        self.panel = PersonPanel(ctx.fmt, self)
        self.panel.setMinimumWidth(300)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mapSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setCollapsible(2, False)
        self.splitter.setSizes([240, 860, 340])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.returnPressed.connect(self._pick_first_match)
        self.account_list.selectionModel().selectionChanged.connect(self._on_selection)
        self.scene.selectionChanged.connect(self._on_card_selection)
        self.scene.reparent_requested.connect(self.change_manager)
        self.scene.card_activated.connect(self._activate_card)
        self.scene.context_requested.connect(self._card_menu)
        self.scene.influence_context_requested.connect(self._influence_menu)
        self.panel.apply_requested.connect(self.edit_person)
        self.panel.fill_requested.connect(self._fill_dialog)
        self.view.doubleClicked.connect(self._list_activated)
        self.view.selectionModel().currentRowChanged.connect(self._list_current)
        self.reload_accounts()
        self._show_account(None)

    # --- actions ---------------------------------------------------------------------------

    def _make_action(
        self,
        name: str,
        text: str,
        slot: Callable[[], Any],
        shortcuts: Sequence[QKeySequence | str] = (),
        *,
        on: QWidget | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            # Delete, Insert, Enter act on the chart only (not while typing a name).
            action.setShortcutContext(
                Qt.ShortcutContext.WidgetShortcut
                if on is not None
                else Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        (on or self).addAction(action)
        return action

    def _create_actions(self) -> None:
        v = self.chart_view
        self.add_report_action = self._make_action(
            "mapAddReport",
            self.tr("Add a &report"),
            self._on_add_report,
            ["Insert"],
            on=v,
            tip=self.tr("Add someone who reports to the selected person (Insert)"),
        )
        self.add_peer_action = self._make_action(
            "mapAddPeer",
            self.tr("Add a &peer"),
            self._on_add_peer,
            ["Shift+Insert", "Ctrl+Insert"],
            on=v,
            tip=self.tr("Add someone with the same manager (Shift+Insert)"),
        )
        self.add_top_action = self._make_action(
            "mapAddPerson",
            self.tr("&Add a person"),
            self._on_add_top,
            tip=self.tr("Add someone who reports to no one on this map"),
        )
        self.edit_action = self._make_action(
            "mapEdit",
            self.tr("&Edit"),
            self._on_edit,
            ["F2", "Return", "Enter"],
            on=v,
            tip=self.tr("Edit the selected person (F2), or fill the selected seat"),
        )
        self.delete_action = self._make_action(
            "mapDelete",
            self.tr("&Delete…"),
            self._on_delete,
            [QKeySequence(QKeySequence.StandardKey.Delete)],
            on=v,
            tip=self.tr("Delete the selected person; their reports move up (Delete)"),
        )
        self.influence_action = self._make_action(
            "mapAddInfluence",
            self.tr("&Influence on…"),
            self._on_add_influence,
            tip=self.tr("Draw a dashed line: the selected person has sway over someone"),
        )
        self.top_level_action = self._make_action(
            "mapTopLevel",
            self.tr("Report to &no one"),
            self._on_top_level,
        )
        self.zoom_in_action = self._make_action("mapZoomIn", "+", v.zoom_in, ["Ctrl++", "Ctrl+="])
        self.zoom_out_action = self._make_action("mapZoomOut", "−", v.zoom_out, ["Ctrl+-"])
        self.fit_action = self._make_action("mapFit", self.tr("&Fit"), v.fit, ["Ctrl+0"])
        self.export_png_action = self._make_action(
            "mapExportPng", self.tr("Export as &PNG…"), lambda: self._ask_export("png")
        )
        self.export_pdf_action = self._make_action(
            "mapExportPdf", self.tr("Export as P&DF…"), lambda: self._ask_export("pdf")
        )
        self.zoom_in_action.setToolTip(self.tr("Zoom in (+, Ctrl+wheel)"))
        self.zoom_out_action.setToolTip(self.tr("Zoom out (−, Ctrl+wheel)"))
        self.fit_action.setToolTip(self.tr("Show the whole map (Ctrl+0)"))

        bar = self.toolbar
        self.chart_button = QToolButton(bar)
        self.chart_button.setObjectName("mapShowChart")
        self.chart_button.setText(self.tr("Org chart"))
        self.list_button = QToolButton(bar)
        self.list_button.setObjectName("mapShowList")
        self.list_button.setText(self.tr("List"))
        group = QButtonGroup(self)
        for i, button in enumerate((self.chart_button, self.list_button)):
            button.setCheckable(True)
            group.addButton(button, i)
            bar.addWidget(button)
        self.chart_button.setChecked(True)
        group.idClicked.connect(self.stack.setCurrentIndex)
        bar.addSeparator()
        for action in (self.add_top_action, self.add_report_action, self.add_peer_action):
            bar.addAction(action)
        bar.addSeparator()
        for action in (self.zoom_out_action, self.zoom_in_action, self.fit_action):
            bar.addAction(action)
        bar.addSeparator()
        export_button = QToolButton(bar)
        export_button.setObjectName("mapExport")
        export_button.setText(self.tr("Export"))
        export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(export_button)
        menu.addAction(self.export_png_action)
        menu.addAction(self.export_pdf_action)
        export_button.setMenu(menu)
        bar.addWidget(export_button)

    # --- the account list -----------------------------------------------------------------

    def reload_accounts(self) -> None:
        keep = self._current
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

    # --- showing an account -------------------------------------------------------------------

    def _show_account(self, account_id: uuid.UUID | None) -> None:
        account = records.get_account(self.ctx.engine, account_id) if account_id else None
        new = account.id if account else None
        changed = new != self._current
        self._current = new
        self.model.set_account(self._current)
        if account is None:
            self.title.setText(self.tr("No account selected"))
            self.summary.setText(
                self.tr("Pick an account on the left to see its buying committee.")
            )
        else:
            self.title.setText(account.name)
        self.reload_chart(fit=changed)
        if account is not None:
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
            parts.append(self.tr("size unknown"))
        if account.is_target:
            if account.target_since:
                parts.append(
                    self.tr("target account since %1").replace("%1", fmt.date(account.target_since))
                )
            else:
                parts.append(self.tr("target account"))
        people = self.chart.people if self.chart else ()
        seats = sum(1 for p in people if p.placeholder)
        text = self.tr("%Ln stakeholder(s)", "", len(people) - seats)
        if seats:
            text += " · " + self.tr("%Ln empty seat(s)", "", seats)
        parts.append(text)
        return " · ".join(parts)

    def reload_chart(self, *, fit: bool = False) -> None:
        """Read the chart again (one account: a few ms) and redraw it, keeping the
        selection, the zoom and the scroll position unless ``fit``."""
        keep = self.selected_id()
        keep_seat = None
        card = self.scene.selected_card()
        if card is not None and card.virtual_role:
            keep_seat = card.virtual_role
        if self._current is None:
            self.chart = None
        else:
            try:
                self.chart = svc.org_chart(self.ctx.engine, self._current)
            except AbmError:
                self.chart = None
        center = self.chart_view.mapToScene(self.chart_view.viewport().rect().center())
        self.scene.blockSignals(True)
        self.scene.set_chart(self.chart)
        self.scene.blockSignals(False)
        self._show_figures()
        if fit:
            self.chart_view.fit()
        else:
            self.chart_view.centerOn(center)
        if keep is not None and keep in self.scene.cards:
            self.scene.select_key(keep)
        elif keep_seat is not None and keep_seat in self.scene.seats:
            self.scene.seats[keep_seat].setSelected(True)
        self._on_card_selection()
        self.chart_reloaded.emit()

    def _show_figures(self) -> None:
        fmt = self.ctx.fmt
        labels = (self.identified_label, self.engaged_label, self.roles_label, self.risk_label)
        if self.chart is None:
            for label in labels:
                label.hide()
            self.chart_view.set_legend([])
            return
        f = self.chart.figures
        threshold = f.risk_threshold

        def show(label: QLabel, text: str, ratio: float | None, tip: str) -> None:
            label.setText(text)
            label.setToolTip(tip)
            low = ratio is not None and ratio < threshold
            label.setStyleSheet(RED if low else "")
            label.setProperty("belowThreshold", low)
            label.show()

        of = self.tr("%1: %2 of %3 (%4)")
        show(
            self.identified_label,
            of.replace("%1", self.tr("Identified"))
            .replace("%2", fmt.integer(f.identified))
            .replace("%3", fmt.integer(f.committee_size))
            .replace("%4", fmt.percent(f.identified_coverage, 0)),
            f.identified_coverage,
            self.tr("Identified people ÷ committee size"),
        )
        show(
            self.engaged_label,
            of.replace("%1", self.tr("Engaged"))
            .replace("%2", fmt.integer(f.engaged))
            .replace("%3", fmt.integer(f.committee_size))
            .replace("%4", fmt.percent(f.engaged_coverage, 0)),
            f.engaged_coverage,
            self.tr(
                "People with an interaction worth points in the last %n day(s)",
                "",
                self.chart.window_days,
            ),
        )
        held = round(f.role_coverage * 4)
        show(
            self.roles_label,
            of.replace("%1", self.tr("Roles covered"))
            .replace("%2", fmt.integer(held))
            .replace("%3", fmt.integer(4))
            .replace("%4", fmt.percent(f.role_coverage, 0)),
            f.role_coverage,
            self.tr("Decision maker, sponsor, influencer, end user: held by an engaged person"),
        )
        if f.at_risk:
            self.risk_label.setText(
                self.tr("⚠ At risk (threshold %1)").replace("%1", fmt.percent(threshold, 0))
            )
            self.risk_label.setStyleSheet(RED)
        elif f.is_target:
            self.risk_label.setText(
                self.tr("Coverage sufficient (threshold %1)").replace(
                    "%1", fmt.percent(threshold, 0)
                )
            )
            self.risk_label.setStyleSheet(GREEN)
        else:
            self.risk_label.setText(self.tr("Not a target account"))
            self.risk_label.setToolTip(self.tr("The risk applies to target accounts only"))
            self.risk_label.setStyleSheet("")
        self.risk_label.show()
        self.chart_view.set_legend(
            [
                ("role", role, role_label(role))
                for role in ("decision_maker", "sponsor", "influencer", "end_user", "other")
            ]
            + [("influence", None, self.tr("influence")), ("seat", None, self.tr("empty seat"))]
        )

    # --- selection and the panel ---------------------------------------------------------------

    def selected_id(self) -> uuid.UUID | None:
        card = self.scene.selected_card()
        return card.key if card is not None else None

    def select_person(self, key: uuid.UUID | None) -> None:
        card = self.scene.select_key(key)
        if card is not None:
            self.chart_view.ensureVisible(card, 40, 40)

    def person(self, key: uuid.UUID | None) -> ChartPerson | None:
        card = self.scene.cards.get(key) if key is not None else None
        return card.person if card is not None else None

    def _on_card_selection(self) -> None:
        card = self.scene.selected_card()
        person = card.person if card is not None else None
        people = self.chart.people if self.chart else ()
        if person is None:
            self.panel.show_person(None, people, [], 0)
            if card is not None and card.virtual_role:
                self.panel.heading.setText(card.name_text)
                self.panel.empty.setText(
                    self.tr(
                        "Nobody on this map holds this required role. Double-click the "
                        "card (or press Enter) to name the person."
                    )
                )
            else:
                self.panel.empty.setText(
                    self.tr("Select a card to edit the person and see their interactions.")
                )
        else:
            interactions = (
                []
                if person.placeholder
                else svc.stakeholder_interactions(
                    self.ctx.engine, person.id, limit=PANEL_INTERACTIONS
                )
            )
            total = len(interactions)
            if total >= PANEL_INTERACTIONS:
                total = svc.count_stakeholder_interactions(self.ctx.engine, person.id)
            self.panel.show_person(person, people, interactions, total)
        has_person = person is not None
        for action in (
            self.add_report_action,
            self.add_peer_action,
            self.delete_action,
            self.influence_action,
        ):
            action.setEnabled(has_person)
        self.edit_action.setEnabled(card is not None)

    def _list_current(self, current: Any, _previous: Any) -> None:
        """A row picked in the list selects the same person on the chart (and the panel)."""
        if current.isValid():
            self.select_person(current.data(KEY_ROLE))

    def _list_activated(self, index: Any) -> None:
        key = index.data(KEY_ROLE)
        self.stack.setCurrentIndex(0)
        self.chart_button.setChecked(True)
        self.select_person(key)

    # --- messages and questions (tests replace these) ----------------------------------------

    def show_message(self, text: str) -> None:
        self.last_message = text
        QMessageBox.warning(self, self.tr("Account map"), text)

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Account map"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_person(
        self, title: str, *, fill: bool = False, initial: dict[str, Any] | None = None
    ) -> dict[str, Any] | None:
        dialog = PersonDialog(title, self, fill=fill, initial=initial)
        return dialog.values() if dialog.exec() else None

    def ask_influence(self, source: ChartPerson) -> tuple[uuid.UUID, str] | None:
        people = [
            (p.id, p.full_name)
            for p in sorted(self.chart.people if self.chart else (), key=lambda p: p.full_name)
            if p.id != source.id
        ]
        dialog = InfluenceDialog(source.full_name, people, self)
        if not dialog.exec():
            return None
        key, label = dialog.chosen()
        return (key, label) if key is not None else None

    def _message_for(self, exc: AbmError) -> str:
        if isinstance(exc, ReportingCycleError):
            if len(exc.chain) <= 1:
                return self.tr("%1 cannot report to themselves.").replace("%1", exc.person)
            return (
                self.tr("%1 already reports to %2: %3. The change would make a loop.")
                .replace("%1", exc.manager)
                .replace("%2", exc.person)
                .replace("%3", " → ".join(exc.chain))
            )
        return str(exc)

    # --- edits (each one a service call on the undo stack) ---------------------------------------

    def _edit(
        self,
        text: str,
        do: Callable[[], Any],
        undo_from: Callable[[Any], Callable[[], Any]],
        changes: Changes | None = None,
    ) -> Any:
        try:
            return self.ctx.edit(
                text, do, undo_from, changes or Changes(stakeholders=True), parent_widget=self
            )
        except AbmError as exc:
            self.show_message(self._message_for(exc))
            return None

    def add_person(
        self,
        values: dict[str, Any],
        *,
        manager_id: uuid.UUID | None = None,
        peer_of: uuid.UUID | None = None,
    ) -> uuid.UUID | None:
        """Create a person (a report of ``manager_id``, a peer of ``peer_of``, or top level)."""
        if self._current is None:
            return None
        account, engine, new_id = self._current, self.ctx.engine, uuid.uuid4()
        fields = {k: values.get(k) for k in svc.EDITABLE if k in values}
        name = fields.pop("full_name", "") or ""
        result = self._edit(
            self.tr("Add %1").replace("%1", name.strip()),
            lambda: svc.create_stakeholder(
                engine,
                account,
                name,
                manager_id=manager_id,
                peer_of=peer_of,
                stakeholder_id=new_id,
                **fields,  # type: ignore[arg-type]
            ),
            lambda rec: lambda: svc.delete_stakeholder(engine, rec.id),
        )
        if result is None:
            return None
        self.select_person(new_id)
        return new_id

    def change_manager(self, child_id: uuid.UUID, manager_id: uuid.UUID | None) -> bool:
        """``child_id`` now reports to ``manager_id`` (a drop, the panel, the menu)."""
        engine = self.ctx.engine
        child = self.person(child_id)
        manager = self.person(manager_id)
        if manager is not None:
            text = self.tr("%1 reports to %2").replace("%1", child.full_name if child else "")
            text = text.replace("%2", manager.full_name)
        else:
            text = self.tr("%1 reports to no one").replace("%1", child.full_name if child else "")
        result = self._edit(
            text,
            lambda: svc.set_manager(engine, child_id, manager_id),
            lambda change: lambda: svc.set_manager(engine, child_id, change.old_manager_id),
        )
        return result is not None

    def edit_person(
        self, key: uuid.UUID, changes: dict[str, Any], manager: object = "same"
    ) -> bool:
        """Field changes and, unless ``manager`` is "same", a new manager: one undo step."""
        engine = self.ctx.engine
        person = self.person(key)
        name = person.full_name if person else ""
        stack = self.ctx.undo_stack
        both = bool(changes) and manager != "same"
        if both:
            stack.beginMacro(self.tr("Edit %1").replace("%1", name))
        ok = True
        try:
            if changes:
                ok = (
                    self._edit(
                        self.tr("Edit %1").replace("%1", name),
                        lambda: svc.update_stakeholder(engine, key, **changes),
                        lambda change: lambda: svc.restore_fields(engine, change.before),
                    )
                    is not None
                )
            if ok and manager != "same":
                ok = self.change_manager(key, manager)  # type: ignore[arg-type]
        finally:
            if both:
                stack.endMacro()
        return ok

    def delete_person(self, key: uuid.UUID, *, ask: bool = True) -> bool:
        person = self.person(key)
        if person is None or self.chart is None:
            return False
        reports = [p for p in self.chart.people if p.manager_id == key]
        if ask:
            text = self.tr("Delete %1 from this map?").replace("%1", person.full_name)
            if reports:
                boss = self.person(person.manager_id)
                if boss is not None:
                    text += "\n" + self.tr(
                        "Their %n report(s) will then report to %1.", "", len(reports)
                    ).replace("%1", boss.full_name)
                else:
                    text += "\n" + self.tr(
                        "Their %n report(s) will move to the top level.", "", len(reports)
                    )
            if not person.placeholder:
                text += "\n" + self.tr("Their interactions stay on the account.")
            if not self.confirm(text):
                return False
        engine = self.ctx.engine
        result = self._edit(
            self.tr("Delete %1").replace("%1", person.full_name),
            lambda: svc.delete_stakeholder(engine, key),
            lambda snapshot: lambda: svc.restore_stakeholder(engine, snapshot),
            Changes(stakeholders=True, interactions=True),
        )
        return result is not None

    def fill_seat(self, key: uuid.UUID, values: dict[str, Any]) -> bool:
        """An empty seat becomes the person named in ``values`` (name, email, title)."""
        engine = self.ctx.engine
        name = (values.get("full_name") or "").strip()
        result = self._edit(
            self.tr("Fill the seat with %1").replace("%1", name),
            lambda: svc.fill_seat(
                engine, key, name, email=values.get("email"), title=values.get("title")
            ),
            lambda change: lambda: svc.restore_fields(engine, change.before),
        )
        if result is not None:
            self.select_person(key)
        return result is not None

    def fill_role(self, role: str, values: dict[str, Any]) -> uuid.UUID | None:
        """A required role nobody held gets a person (top level)."""
        return self.add_person({**values, "role": role, "placeholder": False})

    def add_influence(
        self, source: uuid.UUID, target: uuid.UUID, label: str = ""
    ) -> uuid.UUID | None:
        engine, line_id = self.ctx.engine, uuid.uuid4()
        a, b = self.person(source), self.person(target)
        text = (
            self.tr("%1 influences %2")
            .replace("%1", a.full_name if a else "")
            .replace("%2", b.full_name if b else "")
        )
        result = self._edit(
            text,
            lambda: svc.add_influence(engine, source, target, label, line_id=line_id),
            lambda line: lambda: svc.remove_influence(engine, line.id),
        )
        return line_id if result is not None else None

    def remove_influence(self, line_id: uuid.UUID) -> bool:
        engine = self.ctx.engine
        result = self._edit(
            self.tr("Remove an influence line"),
            lambda: svc.remove_influence(engine, line_id),
            lambda line: lambda: svc.restore_influence(engine, line),
        )
        return result is not None

    # --- keyboard and menu handlers ---------------------------------------------------

    def _on_add_report(self) -> None:
        person = self.person(self.selected_id())
        if person is None:
            self._on_add_top()
            return
        values = self.ask_person(self.tr("New report to %1").replace("%1", person.full_name))
        if values:
            self.add_person(values, manager_id=person.id)

    def _on_add_peer(self) -> None:
        person = self.person(self.selected_id())
        if person is None:
            self._on_add_top()
            return
        values = self.ask_person(self.tr("New peer of %1").replace("%1", person.full_name))
        if values:
            self.add_person(values, peer_of=person.id)

    def _on_add_top(self) -> None:
        if self._current is None:
            return
        values = self.ask_person(self.tr("New person on the map"))
        if values:
            self.add_person(values)

    def _on_top_level(self) -> None:
        key = self.selected_id()
        if key is not None:
            self.change_manager(key, None)

    def _on_edit(self) -> None:
        card = self.scene.selected_card()
        if card is not None:
            self._activate_card(card)

    def _on_delete(self) -> None:
        key = self.selected_id()
        if key is not None:
            self.delete_person(key)

    def _on_add_influence(self) -> None:
        person = self.person(self.selected_id())
        if person is None:
            return
        chosen = self.ask_influence(person)
        if chosen is not None:
            self.add_influence(person.id, chosen[0], chosen[1])

    def _activate_card(self, card: CardItem) -> None:
        if card.virtual_role is not None:
            values = self.ask_person(
                self.tr("Who is the %1?").replace("%1", role_label(card.virtual_role).lower()),
                fill=True,
            )
            if values:
                self.fill_role(card.virtual_role, values)
        elif card.is_placeholder and card.key is not None:
            self._fill_dialog(card.key)
        else:
            self.panel.focus_name()

    def _fill_dialog(self, key: uuid.UUID) -> None:
        person = self.person(key)
        if person is None:
            return
        values = self.ask_person(
            self.tr("Fill the seat “%1”").replace("%1", person.full_name),
            fill=True,
            initial={"title": person.title},
        )
        if values:
            self.fill_seat(key, values)

    def _card_menu(self, card: CardItem | None, screen_pos: QPoint) -> None:
        self.card_menu(card).exec(screen_pos)

    def card_menu(self, card: CardItem | None) -> QMenu:
        """The context menu of a card (None: of the empty space)."""
        menu = QMenu(self)
        if card is None:
            menu.addAction(self.add_top_action)
            menu.addSeparator()
            menu.addAction(self.fit_action)
            menu.addAction(self.export_png_action)
            menu.addAction(self.export_pdf_action)
        elif card.person is None:
            fill = menu.addAction(self.tr("&Name this person…"))
            fill.triggered.connect(lambda: self._activate_card(card))
        else:
            person = card.person
            if person.placeholder:
                fill = menu.addAction(self.tr("&Fill this seat…"))
                fill.triggered.connect(lambda: self._fill_dialog(person.id))
            menu.addAction(self.edit_action)
            menu.addSeparator()
            menu.addAction(self.add_report_action)
            menu.addAction(self.add_peer_action)
            menu.addAction(self.influence_action)
            if person.manager_id is not None:
                menu.addAction(self.top_level_action)
            lines = [
                line
                for line in (self.chart.influences if self.chart else ())
                if line.from_id == person.id
            ]
            for line in lines:
                target = self.person(line.to_id)
                if target is None:
                    continue
                remove = menu.addAction(
                    self.tr("Remove the influence on %1").replace("%1", target.full_name)
                )
                remove.triggered.connect(lambda _=False, i=line.id: self.remove_influence(i))
            menu.addSeparator()
            menu.addAction(self.delete_action)
        return menu

    def _influence_menu(self, item: InfluenceItem, screen_pos: QPoint) -> None:
        menu = QMenu(self)
        remove = menu.addAction(self.tr("Remove this influence line"))
        remove.triggered.connect(lambda: self.remove_influence(item.line.id))
        menu.exec(screen_pos)

    # --- export --------------------------------------------------------------------------------

    def _export_titles(self) -> tuple[str, str]:
        if self.chart is None:
            return "", ""
        title = self.tr("%1 — buying committee").replace("%1", self.chart.account_name)
        f = self.chart.figures
        fmt = self.ctx.fmt
        subtitle = (
            self.tr("As of %1 · identified %2 · engaged %3 · roles covered %4")
            .replace("%1", fmt.date(self.chart.as_of))
            .replace("%2", fmt.percent(f.identified_coverage, 0))
            .replace("%3", fmt.percent(f.engaged_coverage, 0))
            .replace("%4", fmt.percent(f.role_coverage, 0))
        )
        return title, subtitle

    def _exporting(self, write: Callable[[], Path]) -> Path:
        selected = self.scene.selectedItems()
        self.scene.clearSelection()
        try:
            return write()
        finally:
            for item in selected:
                item.setSelected(True)

    def export_png(self, path: str | Path) -> Path:
        """The current map as a PNG (written to a temp file, then renamed)."""
        title, subtitle = self._export_titles()
        return self._exporting(lambda: export.export_png(self.scene, path, title, subtitle))

    def export_pdf(self, path: str | Path) -> Path:
        """The current map on one A4 landscape page, fitted."""
        title, subtitle = self._export_titles()
        return self._exporting(lambda: export.export_pdf(self.scene, path, title, subtitle))

    def _ask_export(self, kind: str) -> None:
        if self.chart is None:
            return
        name = self.tr("%1 - account map").replace("%1", self.chart.account_name)
        suffix = ".png" if kind == "png" else ".pdf"
        filters = self.tr("PNG images (*.png)") if kind == "png" else self.tr("PDF files (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the map"), str(Path.home() / (name + suffix)), filters
        )
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            (self.export_png if kind == "png" else self.export_pdf)(path)
        except (AbmError, OSError) as exc:
            self.show_message(self.tr("The map could not be exported:\n%1").replace("%1", str(exc)))
            return
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("Map exported to %1").replace("%1", path), 5000)

    # --- refresh ------------------------------------------------------------------------

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("accounts"):
            self.reload_accounts()
        elif changes.touches("stakeholders", "interactions", "settings"):
            self.model.set_account(self._current)
            self.reload_chart()
            account = records.get_account(self.ctx.engine, self._current) if self._current else None
            if account is not None:
                self.summary.setText(self._summary_text(account))
