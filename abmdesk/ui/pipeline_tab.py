"""The pipeline tab: deals as a table or as a board of stages, won/lost with the
contract, and the costs list. Every edit is undoable (``ctx.edit``) and calls the
services of ``abmdesk.services.pipeline``."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from abmdesk import domain
from abmdesk.errors import AbmError
from abmdesk.services import pipeline as pipeline_service
from abmdesk.services import records
from abmdesk.services.pipeline import ContractInput, CostInput, CostRecord, DealInput
from abmdesk.services.records import DealRecord
from abmdesk.services.settings import load_settings
from abmdesk.ui.account_dialogs import field_error_text
from abmdesk.ui.changes import Changes
from abmdesk.ui.context import AppContext
from abmdesk.ui.deal_dialogs import (
    CloseDealDialog,
    CostDialog,
    DealDialog,
    category_text,
    program_text,
)
from abmdesk.ui.labels import stage_label, status_label
from abmdesk.ui.models import (
    KEY_ROLE,
    Column,
    KeyListTableModel,
    make_table_view,
    set_column_widths,
)
from abmdesk.ui.pipeline_board import PipelineBoard

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


class CostsModel(KeyListTableModel):
    columns = (
        Column("date", QT_TRANSLATE_NOOP("Columns", "Date"), align="right"),
        Column("amount", QT_TRANSLATE_NOOP("Columns", "Amount"), align="right"),
        Column("program", QT_TRANSLATE_NOOP("Columns", "Programme")),
        Column("category", QT_TRANSLATE_NOOP("Columns", "Category")),
        Column("account", QT_TRANSLATE_NOOP("Columns", "Account")),
        Column("description", QT_TRANSLATE_NOOP("Columns", "Description"), tooltip=True),
    )

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx.fmt, parent)
        self.ctx = ctx
        self.search = ""
        self.program: str | None = None
        self.sort_key, self.descending = "date", True
        self.reload()

    def fetch_keys(self) -> list[uuid.UUID]:
        return pipeline_service.cost_keys(
            self.ctx.engine,
            search=self.search,
            program=self.program,
            sort=self.sort_key,
            descending=self.descending,
        )

    def fetch_rows(self, keys: Sequence[uuid.UUID]) -> dict[uuid.UUID, CostRecord]:
        return pipeline_service.costs_by_ids(self.ctx.engine, keys)

    def display(self, row: CostRecord, key: str) -> str:
        if key == "date":
            return self.fmt.date(row.date)
        if key == "amount":
            return self.fmt.money_cents(row.amount_cents)
        if key == "program":
            return program_text(row.program)
        if key == "category":
            return category_text(row.category)
        if key == "account":
            return row.account_name or ""
        if key == "description":
            return " ".join((row.description or "").split())
        return ""

    def raw(self, row: CostRecord, key: str) -> object:
        values: dict[str, object] = {
            "date": row.date.isoformat(),
            "amount": row.amount_cents,
            "program": row.program,
            "category": row.category,
            "account": row.account_name,
            "description": row.description,
        }
        return values.get(key)


def _user_name(ctx: AppContext) -> str:
    try:
        return load_settings(ctx.engine).user_name
    except AbmError:
        return ""


def _button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    return button


class PipelineTab(QWidget):
    """Objectname ``pipelineTab``."""

    board_reloaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pipelineTab")
        self.ctx = ctx
        self.model = DealsModel(ctx, self)
        self.costs_model = CostsModel(ctx, self)
        self._board_dirty = True
        self._table_dirty = False
        self._board_generation = 0
        self._board_task: Any = None

        self.sections = QTabWidget(self)
        self.sections.setObjectName("pipelineSections")
        self.sections.addTab(self._deals_page(), self.tr("Deals"))
        self.sections.addTab(self._costs_page(), self.tr("Costs"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sections)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.status.currentIndexChanged.connect(self._apply_filter)
        self.model.modelReset.connect(self._update_summary)
        self.model.modelReset.connect(self._update_buttons)
        self._cost_timer = QTimer(self)
        self._cost_timer.setSingleShot(True)
        self._cost_timer.setInterval(200)
        self._cost_timer.timeout.connect(self._apply_cost_filter)
        self.cost_search.textChanged.connect(self._cost_timer.start)
        self.cost_program.currentIndexChanged.connect(self._apply_cost_filter)
        self.costs_model.modelReset.connect(self._update_cost_summary)
        self.costs_model.modelReset.connect(self._update_buttons)
        self._update_summary()
        self._update_cost_summary()
        self._update_buttons()

    # --- building -----------------------------------------------------------------

    def _deals_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("pipelineDealsPage")
        self.search = QLineEdit(page)
        self.search.setObjectName("dealsSearch")
        self.search.setPlaceholderText(self.tr("Search by deal or account…"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(page)
        self.status.setObjectName("dealsStatus")
        self.status.addItem(self.tr("All deals"), None)
        for key in domain.DEAL_STATUSES:
            self.status.addItem(status_label(key), key)
        self.status_caption = QLabel(self.tr("&Status:"), page)
        self.status_caption.setBuddy(self.status)
        self.summary = QLabel(page)
        self.summary.setObjectName("dealsSummary")

        self.table_mode = QToolButton(page)
        self.table_mode.setObjectName("pipelineTableMode")
        self.table_mode.setText(self.tr("&Table"))
        self.board_mode = QToolButton(page)
        self.board_mode.setObjectName("pipelineBoardMode")
        self.board_mode.setText(self.tr("&Board"))
        self.mode_group = QButtonGroup(page)
        for k, button in enumerate((self.table_mode, self.board_mode)):
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.mode_group.addButton(button, k)
        self.table_mode.setChecked(True)
        self.mode_group.idToggled.connect(self._on_mode)

        self.new_deal_button = _button(self.tr("&New deal…"), "dealsNew", page)
        self.edit_deal_button = _button(self.tr("&Edit…"), "dealsEdit", page)
        self.won_button = _button(self.tr("&Won…"), "dealsWon", page)
        self.lost_button = _button(self.tr("&Lost…"), "dealsLost", page)
        self.delete_deal_button = _button(self.tr("&Delete"), "dealsDelete", page)
        self.new_deal_button.clicked.connect(self.new_deal)
        self.edit_deal_button.clicked.connect(self.edit_selected_deal)
        self.won_button.clicked.connect(lambda: self.close_selected_deal("won"))
        self.lost_button.clicked.connect(lambda: self.close_selected_deal("lost"))
        self.delete_deal_button.clicked.connect(self.delete_selected_deal)

        bar = QHBoxLayout()
        bar.addWidget(self.table_mode)
        bar.addWidget(self.board_mode)
        bar.addSpacing(8)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status_caption)
        bar.addWidget(self.status)
        bar.addSpacing(8)
        for button in (
            self.new_deal_button,
            self.edit_deal_button,
            self.won_button,
            self.lost_button,
            self.delete_deal_button,
        ):
            bar.addWidget(button)

        self.view = make_table_view(self.model, "dealsView", page)
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
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected_deal())
        self.board = PipelineBoard(self.ctx.fmt, page)
        self.board.deal_dropped.connect(self._on_deal_dropped)
        self.board.deal_activated.connect(lambda _d: self.edit_selected_deal())
        self.board.selection_changed.connect(self._update_buttons)
        self.stack = QStackedWidget(page)
        self.stack.setObjectName("pipelineStack")
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.board)
        for widget in (self.view, self.board):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._deal_menu)
        for column in self.board.columns.values():
            column.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            column.view.customContextMenuRequested.connect(
                lambda pos, v=column.view: self._deal_menu(pos, v)
            )

        self.deal_actions = self._make_actions(
            page,
            [
                (
                    "actionNewDeal",
                    self.tr("New deal…"),
                    self.new_deal,
                    QKeySequence.StandardKey.New,
                ),
                ("actionEditDeal", self.tr("Edit…"), self.edit_selected_deal, "F2"),
                (
                    "actionDeleteDeal",
                    self.tr("Delete"),
                    self.delete_selected_deal,
                    QKeySequence.StandardKey.Delete,
                ),
            ],
        )

        footer = QHBoxLayout()
        self.board_hint = QLabel(
            self.tr("Drag a card to another column to record a stage change (Ctrl+Z undoes it)."),
            page,
        )
        self.board_hint.setStyleSheet("color: #666666;")
        self.board_hint.hide()
        footer.addWidget(self.board_hint)
        footer.addStretch(1)
        footer.addWidget(self.summary)

        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addLayout(footer)
        return page

    def _costs_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("pipelineCostsPage")
        self.cost_search = QLineEdit(page)
        self.cost_search.setObjectName("costsSearch")
        self.cost_search.setPlaceholderText(self.tr("Search by description or account…"))
        self.cost_search.setClearButtonEnabled(True)
        self.cost_program = QComboBox(page)
        self.cost_program.setObjectName("costsProgram")
        self.cost_program.addItem(self.tr("All programmes"), None)
        for key in domain.COST_PROGRAMS:
            self.cost_program.addItem(program_text(key), key)
        self.cost_summary = QLabel(page)
        self.cost_summary.setObjectName("costsSummary")
        self.new_cost_button = _button(self.tr("&New cost…"), "costsNew", page)
        self.edit_cost_button = _button(self.tr("&Edit…"), "costsEdit", page)
        self.delete_cost_button = _button(self.tr("&Delete"), "costsDelete", page)
        self.new_cost_button.clicked.connect(self.new_cost)
        self.edit_cost_button.clicked.connect(self.edit_selected_cost)
        self.delete_cost_button.clicked.connect(self.delete_selected_cost)
        bar = QHBoxLayout()
        bar.addWidget(self.cost_search, 1)
        bar.addWidget(self.cost_program)
        bar.addSpacing(8)
        for button in (self.new_cost_button, self.edit_cost_button, self.delete_cost_button):
            bar.addWidget(button)
        self.costs_view = make_table_view(self.costs_model, "costsView", page)
        set_column_widths(
            self.costs_view,
            {
                "date": 11,
                "amount": 14,
                "program": 19,
                "category": 14,
                "account": 30,
            },
        )
        self.costs_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.costs_view.doubleClicked.connect(lambda _i: self.edit_selected_cost())
        self.cost_actions = self._make_actions(
            page,
            [
                (
                    "actionNewCost",
                    self.tr("New cost…"),
                    self.new_cost,
                    QKeySequence.StandardKey.New,
                ),
                ("actionEditCost", self.tr("Edit…"), self.edit_selected_cost, "F2"),
                (
                    "actionDeleteCost",
                    self.tr("Delete"),
                    self.delete_selected_cost,
                    QKeySequence.StandardKey.Delete,
                ),
            ],
        )
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.cost_summary)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.costs_view, 1)
        layout.addLayout(footer)
        return page

    def _make_actions(self, page: QWidget, specs: list[tuple[str, str, Any, Any]]) -> list[QAction]:
        out = []
        for name, text, slot, keys in specs:
            action = QAction(text, page)
            action.setObjectName(name)
            if isinstance(keys, QKeySequence.StandardKey):
                action.setShortcuts(keys)
            else:
                action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            page.addAction(action)
            out.append(action)
        return out

    # --- modes and filters --------------------------------------------------------

    def board_shown(self) -> bool:
        return self.stack.currentWidget() is self.board

    def show_board(self, board: bool = True) -> None:
        (self.board_mode if board else self.table_mode).setChecked(True)

    def _on_mode(self, button_id: int, checked: bool) -> None:
        if not checked:
            return
        board = button_id == 1
        self.stack.setCurrentWidget(self.board if board else self.view)
        self.status.setEnabled(not board)
        self.status_caption.setEnabled(not board)
        self.board_hint.setVisible(board)
        if board and self._board_dirty:
            self.reload_board()
        if not board and self._table_dirty:
            self._table_dirty = False
            self.model.reload()
        self._update_summary()
        self._update_buttons()

    def reload_board(self) -> None:
        """Read the open deals in the background (≈0.1 s for 4 000 of them), then show
        them; a newer reload supersedes an older one still running."""
        self._board_generation += 1
        generation = self._board_generation
        if self._board_task is not None:
            self._board_task.cancel()
        engine, search = self.ctx.engine, self.search.text()
        self._board_dirty = False

        def done(deals: list[pipeline_service.BoardDeal]) -> None:
            if generation != self._board_generation:
                return
            self._board_task = None
            self.board.set_deals(deals)
            self._update_summary()
            self._update_buttons()
            self.board_reloaded.emit()

        def failed(exc: BaseException) -> None:
            if generation == self._board_generation:
                self._board_task = None
                self._board_dirty = True
                QMessageBox.warning(self, self.tr("Pipeline"), str(exc))

        self._board_task = self.ctx.runner.submit(
            lambda: pipeline_service.board_deals(engine, search),
            on_done=done,
            on_error=failed,
            name="board",
        )

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.status = self.status.currentData()
        self.model.search = self.search.text()
        if self.board_shown():
            self._table_dirty = True
            self.reload_board()
        else:
            self.model.reload()
            self._board_dirty = True

    def _apply_cost_filter(self) -> None:
        self._cost_timer.stop()
        self.costs_model.search = self.cost_search.text()
        self.costs_model.program = self.cost_program.currentData()
        self.costs_model.reload()

    def _update_summary(self) -> None:
        summary = records.deal_summary(self.ctx.engine)
        if self.board_shown():
            shown = self.tr("%Ln open deal(s) on the board", "", self.board.deal_count())
        else:
            shown = self.tr("%Ln deal(s)", "", self.model.rowCount())
        pipeline = self.tr("open pipeline: %1 (%Ln deal(s))", "", summary.open_count).replace(
            "%1", self.ctx.fmt.money_cents(summary.open_amount_cents, 0)
        )
        self.summary.setText(f"{shown} · {pipeline}")

    def _update_cost_summary(self) -> None:
        s = pipeline_service.cost_summary(self.ctx.engine)
        shown = self.tr("%Ln cost(s) shown", "", self.costs_model.rowCount())
        totals = (
            self.tr("all costs: %1, of which ABM programme: %2")
            .replace("%1", self.ctx.fmt.money_cents(s.total_cents, 0))
            .replace("%2", self.ctx.fmt.money_cents(s.abm_cents, 0))
        )
        self.cost_summary.setText(f"{shown} · {totals}")

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("deals", "accounts"):
            if self.board_shown():  # the hidden table reloads when it is shown again
                self._table_dirty = True
                self.reload_board()
            else:
                self.model.reload()
                self._board_dirty = True
        if changes.touches("costs", "accounts"):
            self.costs_model.reload()

    # --- selection ----------------------------------------------------------------

    def current_deal(self) -> uuid.UUID | None:
        if self.board_shown():
            return self.board.selected_deal()
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(KEY_ROLE) if rows else None

    def current_cost(self) -> uuid.UUID | None:
        rows = self.costs_view.selectionModel().selectedRows()
        return rows[0].data(KEY_ROLE) if rows else None

    def select_deal(self, deal_id: uuid.UUID) -> None:
        if self.board_shown():
            self.board.select_deal(deal_id)
            return
        row = self.model.row_of_key(deal_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def _update_buttons(self, *_args: Any) -> None:
        deal_id = self.current_deal()
        deal = pipeline_service.get_deal(self.ctx.engine, deal_id) if deal_id else None
        has = deal is not None
        is_open = has and deal.status == "open"  # type: ignore[union-attr]
        self.edit_deal_button.setEnabled(has)
        self.delete_deal_button.setEnabled(has)
        self.won_button.setEnabled(is_open)
        self.lost_button.setEnabled(is_open)
        self.deal_actions[1].setEnabled(has)
        self.deal_actions[2].setEnabled(has)
        has_cost = self.current_cost() is not None
        self.edit_cost_button.setEnabled(has_cost)
        self.delete_cost_button.setEnabled(has_cost)
        self.cost_actions[1].setEnabled(has_cost)
        self.cost_actions[2].setEnabled(has_cost)

    def _deal_menu(self, pos: Any, view: Any = None) -> None:
        view = view or self.view
        index = view.indexAt(pos)
        if index.isValid():
            view.setCurrentIndex(index)
            if view is self.view:
                self.view.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.deal_actions[0])
        deal_id = self.current_deal()
        if deal_id is not None:
            menu.addAction(self.deal_actions[1])
            deal = pipeline_service.get_deal(self.ctx.engine, deal_id)
            if deal is not None and deal.status == "open":
                menu.addAction(self.tr("Won…"), lambda: self.close_selected_deal("won"))
                menu.addAction(self.tr("Lost…"), lambda: self.close_selected_deal("lost"))
                stages = menu.addMenu(self.tr("Move to stage"))
                for stage in domain.STAGES:
                    action = stages.addAction(
                        stage_label(stage), lambda s=stage, d=deal_id: self._move(d, s)
                    )
                    action.setEnabled(stage != deal.current_stage)
            menu.addSeparator()
            menu.addAction(self.deal_actions[2])
        menu.exec(view.viewport().mapToGlobal(pos))

    # --- deal edits ---------------------------------------------------------------

    def _warn(self, title: str, exc: AbmError) -> None:
        QMessageBox.warning(self, title, field_error_text(exc))

    def create_deal(self, data: DealInput) -> DealRecord:
        engine = self.ctx.engine
        new_id = uuid.uuid4()
        record = self.ctx.edit(
            self.tr("New deal %1").replace("%1", data.name.strip()),
            lambda: pipeline_service.create_deal(engine, data, deal_id=new_id),
            lambda rec: lambda: pipeline_service.delete_deal(engine, rec.id),
            Changes(deals=True),
            self,
        )
        self.select_deal(record.id)
        return record

    def update_deal(self, deal_id: uuid.UUID, data: DealInput) -> Any:
        engine = self.ctx.engine
        edit = self.ctx.edit(
            self.tr("Edit deal %1").replace("%1", data.name.strip()),
            lambda: pipeline_service.update_deal(engine, deal_id, data),
            lambda e: (
                lambda: pipeline_service.update_deal(
                    engine, deal_id, pipeline_service.deal_input(e.before)
                )
            ),
            Changes(deals=True),
            self,
        )
        self.select_deal(deal_id)
        return edit

    def delete_deal(self, deal_id: uuid.UUID) -> Any:
        engine = self.ctx.engine
        deal = pipeline_service.get_deal(engine, deal_id)
        return self.ctx.edit(
            self.tr("Delete deal %1").replace("%1", deal.name if deal else ""),
            lambda: pipeline_service.delete_deal(engine, deal_id),
            lambda snap: lambda: pipeline_service.restore_deal(engine, snap),
            Changes(deals=True),
            self,
        )

    def move_deal(
        self, deal_id: uuid.UUID, stage: str, at: dt.datetime | None = None
    ) -> pipeline_service.StageMove:
        """Record the stage change now (undo deletes it; redo records the same moment)."""
        engine = self.ctx.engine
        when = at or pipeline_service.now()
        change_id = uuid.uuid4()
        deal = pipeline_service.get_deal(engine, deal_id)
        return self.ctx.edit(
            self.tr("Move %1 to %2")
            .replace("%1", deal.name if deal else "")
            .replace("%2", stage_label(stage)),
            lambda: pipeline_service.move_deal_to_stage(
                engine, deal_id, stage, when, stage_change_id=change_id
            ),
            lambda move: lambda: pipeline_service.delete_stage_change(engine, move.stage_change_id),
            Changes(deals=True),
            self,
        )

    def _move(self, deal_id: uuid.UUID, stage: str) -> None:
        try:
            self.move_deal(deal_id, stage)
        except AbmError as exc:
            self._warn(self.tr("Move a deal"), exc)
            return
        self.select_deal(deal_id)

    def _on_deal_dropped(self, deal_id: uuid.UUID, stage: str) -> None:
        # After the drag has finished: the view must not be reset inside its own drop.
        QTimer.singleShot(0, lambda: self._move(deal_id, stage))

    def close_deal(
        self,
        deal_id: uuid.UUID,
        status: str,
        day: dt.date | dt.datetime,
        amount_cents: int | None,
        contract: ContractInput | None = None,
    ) -> pipeline_service.DealClosing:
        engine = self.ctx.engine
        contract_id = uuid.uuid4()
        deal = pipeline_service.get_deal(engine, deal_id)
        name = deal.name if deal else ""
        text = (self.tr("Won: %1") if status == "won" else self.tr("Lost: %1")).replace("%1", name)
        return self.ctx.edit(
            text,
            lambda: pipeline_service.close_deal(
                engine, deal_id, status, day, amount_cents, contract, contract_id=contract_id
            ),
            lambda closing: lambda: pipeline_service.reopen_deal(engine, closing),
            Changes(deals=True, contracts=contract is not None),
            self,
        )

    def _accounts(self) -> list[records.AccountChoice]:
        return records.account_choices(self.ctx.engine)

    def new_deal(self) -> DealDialog:
        dialog = DealDialog(
            self.create_deal,
            self._accounts(),
            currency_symbol=self.ctx.fmt.currency_symbol,
            parent=self,
        )
        dialog.owner.setText(_user_name(self.ctx))  # who uses this laptop
        dialog.open()
        return dialog

    def edit_selected_deal(self) -> DealDialog | None:
        deal_id = self.current_deal()
        deal = pipeline_service.get_deal(self.ctx.engine, deal_id) if deal_id else None
        if deal is None:
            return None
        dialog = DealDialog(
            lambda data: self.update_deal(deal.id, data),
            self._accounts(),
            deal,
            currency_symbol=self.ctx.fmt.currency_symbol,
            parent=self,
        )
        dialog.open()
        return dialog

    def close_selected_deal(self, status: str) -> CloseDealDialog | None:
        deal_id = self.current_deal()
        deal = pipeline_service.get_deal(self.ctx.engine, deal_id) if deal_id else None
        if deal is None or deal.status != "open":
            return None
        kind = pipeline_service.default_contract_kind(
            self.ctx.engine, deal.account_id, dt.date.today()
        )
        dialog = CloseDealDialog(
            lambda st, day, amount, contract: self.close_deal(deal.id, st, day, amount, contract),
            deal,
            status,
            default_kind=kind,
            currency_symbol=self.ctx.fmt.currency_symbol,
            parent=self,
        )
        dialog.open()
        return dialog

    def delete_selected_deal(self) -> bool:
        deal_id = self.current_deal()
        deal = pipeline_service.get_deal(self.ctx.engine, deal_id) if deal_id else None
        if deal is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Delete a deal"),
            self.tr("Delete the deal “%1” with %2 and its stage history?")
            .replace("%1", deal.name)
            .replace("%2", deal.account_name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.delete_deal(deal.id)
        except AbmError as exc:
            self._warn(self.tr("Delete a deal"), exc)
            return False
        return True

    # --- cost edits ---------------------------------------------------------------

    def create_cost(self, data: CostInput) -> CostRecord:
        engine = self.ctx.engine
        new_id = uuid.uuid4()
        record = self.ctx.edit(
            self.tr("New cost"),
            lambda: pipeline_service.create_cost(engine, data, cost_id=new_id),
            lambda rec: lambda: pipeline_service.delete_cost(engine, rec.id),
            Changes(costs=True),
            self,
        )
        self._select_cost(record.id)
        return record

    def update_cost(self, cost_id: uuid.UUID, data: CostInput) -> Any:
        engine = self.ctx.engine
        edit = self.ctx.edit(
            self.tr("Edit cost"),
            lambda: pipeline_service.update_cost(engine, cost_id, data),
            lambda e: (
                lambda: pipeline_service.update_cost(
                    engine, cost_id, pipeline_service.cost_input(e.before)
                )
            ),
            Changes(costs=True),
            self,
        )
        self._select_cost(cost_id)
        return edit

    def delete_cost(self, cost_id: uuid.UUID) -> CostRecord:
        engine = self.ctx.engine
        return self.ctx.edit(
            self.tr("Delete cost"),
            lambda: pipeline_service.delete_cost(engine, cost_id),
            lambda rec: (
                lambda: pipeline_service.create_cost(
                    engine, pipeline_service.cost_input(rec), cost_id=rec.id
                )
            ),
            Changes(costs=True),
            self,
        )

    def _select_cost(self, cost_id: uuid.UUID) -> None:
        row = self.costs_model.row_of_key(cost_id)
        if row >= 0:
            self.costs_view.selectRow(row)
            self.costs_view.scrollTo(self.costs_model.index(row, 0))

    def new_cost(self) -> CostDialog:
        dialog = CostDialog(
            self.create_cost,
            self._accounts(),
            currency_symbol=self.ctx.fmt.currency_symbol,
            parent=self,
        )
        dialog.open()
        return dialog

    def edit_selected_cost(self) -> CostDialog | None:
        cost_id = self.current_cost()
        record = (
            pipeline_service.costs_by_ids(self.ctx.engine, [cost_id]).get(cost_id)
            if cost_id
            else None
        )
        if record is None:
            return None
        dialog = CostDialog(
            lambda data: self.update_cost(record.id, data),
            self._accounts(),
            record,
            currency_symbol=self.ctx.fmt.currency_symbol,
            parent=self,
        )
        dialog.open()
        return dialog

    def delete_selected_cost(self) -> bool:
        cost_id = self.current_cost()
        if cost_id is None:
            return False
        row = self.costs_model.row_of_key(cost_id)
        try:
            self.delete_cost(cost_id)  # undoable: no confirmation for one cost line
        except AbmError as exc:
            self._warn(self.tr("Delete cost"), exc)
            return False
        if self.costs_model.rowCount():
            self.costs_view.selectRow(min(max(row, 0), self.costs_model.rowCount() - 1))
        return True
