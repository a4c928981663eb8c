"""The pipeline tab: deals in a table and on a board, stage change by drag and drop
(recorded, undone, redone), won with its contract, deals and costs edited with undo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QLayout, QMainWindow, QMessageBox, QTabWidget
from sqlalchemy import func, select

from abmdesk.db.engine import read_session
from abmdesk.db.models import Contract, StageChange
from abmdesk.services import pipeline as pipeline_service
from abmdesk.services.database import open_db
from abmdesk.ui.context import AppContext
from abmdesk.ui.formatting import Formatter
from abmdesk.ui.pipeline_board import StageColumnModel
from abmdesk.ui.pipeline_tab import PipelineTab
from abmdesk.ui.tasks import TaskRunner


class Harness(QMainWindow):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.runner = TaskRunner(self)
        self.ctx = AppContext(
            engine=open_db(path), db_path=path, fmt=Formatter(), runner=self.runner
        )
        self.ctx.undo_stack.setParent(self)
        self.tabs = QTabWidget(self)
        self.tab = PipelineTab(self.ctx, self.tabs)
        self.tabs.addTab(self.tab, "Pipeline")
        self.setCentralWidget(self.tabs)
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.ctx.announce = self.tab.on_changes

    def close_all(self) -> None:
        self.runner.shutdown()
        self.close()
        self.ctx.engine.dispose()


@pytest.fixture
def harness(qtbot, gui_db):
    path, _ids = gui_db
    h = Harness(path)
    qtbot.addWidget(h)
    yield h
    h.close_all()


def _stage_changes(engine, deal_id) -> list[tuple[str, dt.datetime]]:
    with read_session(engine) as s:
        return [
            (r.stage, r.entered_at)
            for r in s.execute(
                select(StageChange)
                .where(StageChange.deal_id == deal_id)
                .order_by(StageChange.entered_at)
            ).scalars()
        ]


def _contracts(engine) -> int:
    with read_session(engine) as s:
        return s.execute(select(func.count()).select_from(Contract)).scalar_one()


def test_models_pass_the_tester(qtbot, qtmodeltester, harness):
    tab = harness.tab
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.costs_model)
    with qtbot.waitSignal(tab.board_reloaded, timeout=3000):
        tab.show_board()
    for column in tab.board.columns.values():
        qtmodeltester.check(column.model)
    assert tab.board.deal_count() == 1  # the open deal; the won one is not on the board
    assert tab.board.stage_of(next(iter(pipeline_service.board_deals(harness.ctx.engine))).id)


def test_drop_on_the_board_records_the_stage_change_and_undo_removes_it(qtbot, harness, gui_db):
    _, ids = gui_db
    tab, engine, stack = harness.tab, harness.ctx.engine, harness.ctx.undo_stack
    with qtbot.waitSignal(tab.board_reloaded, timeout=3000):
        tab.show_board()
    board = tab.board
    assert board.stage_of(ids["deal"]) == "proposal"
    before = _stage_changes(engine, ids["deal"])
    with qtbot.waitSignal(tab.board_reloaded, timeout=3000):
        assert board.drop_deal(ids["deal"], "negotiation")
    after = _stage_changes(engine, ids["deal"])
    assert len(after) == len(before) + 1
    stage, entered = after[-1]
    assert stage == "negotiation"
    assert abs((entered - dt.datetime.now()).total_seconds()) < 10  # at that moment
    assert board.stage_of(ids["deal"]) == "negotiation"
    assert board.column("negotiation").model.deals()[0].days_in_stage() == 0
    assert not board.drop_deal(ids["deal"], "negotiation")  # onto its own column: nothing
    with qtbot.waitSignal(tab.board_reloaded, timeout=3000):
        stack.undo()
    assert _stage_changes(engine, ids["deal"]) == before
    assert board.stage_of(ids["deal"]) == "proposal"
    with qtbot.waitSignal(tab.board_reloaded, timeout=3000):
        stack.redo()
    assert _stage_changes(engine, ids["deal"]) == after  # the same moment again
    assert board.stage_of(ids["deal"]) == "negotiation"


def test_column_models_take_the_cards_mime_data(qtbot, harness, gui_db):
    """What a real drop hands the target column: the source model's mime data."""
    _, ids = gui_db
    tab, engine = harness.tab, harness.ctx.engine
    with qtbot.waitSignal(tab.board_reloaded, timeout=3000):
        tab.show_board()
    board = tab.board
    source = board.column("proposal").model
    mime = source.mimeData([source.index(source.row_of(ids["deal"]))])
    assert StageColumnModel.decode(mime) == (ids["deal"], "proposal")
    target = board.column("first_meeting").model
    action, root = Qt.DropAction.MoveAction, QModelIndex()
    assert not source.canDropMimeData(mime, action, -1, 0, root)  # its own column
    assert not target.canDropMimeData(QMimeData(), action, -1, 0, root)  # other data
    assert target.canDropMimeData(mime, action, -1, 0, root)
    with qtbot.waitSignal(tab.board_reloaded, timeout=3000):
        # False: the source view keeps its row; the board reloads from the database.
        assert target.dropMimeData(mime, action, -1, 0, root) is False
    assert _stage_changes(engine, ids["deal"])[-1][0] == "first_meeting"
    assert board.stage_of(ids["deal"]) == "first_meeting"


def test_won_dialog_creates_the_contract_and_undo_reopens(qtbot, harness, gui_db):
    _, ids = gui_db
    tab, engine, stack = harness.tab, harness.ctx.engine, harness.ctx.undo_stack
    with qtbot.waitSignal(tab.board_reloaded, timeout=3000):
        tab.show_board()
    assert tab.board.select_deal(ids["deal"])
    assert tab.won_button.isEnabled()
    dialog = tab.close_selected_deal("won")
    assert dialog.amount.value() == 45_000.0
    assert dialog.contract_box.isChecked() and dialog.kind.currentData() == "new"
    assert dialog.annual.value() == 45_000.0  # default: the amount
    dialog.amount.setValue(42_000.5)
    assert dialog.annual.value() == 42_000.5  # follows the amount until changed
    assert dialog.start.date() == dialog.closed.date()  # default: the closing date
    dialog.has_end.setChecked(True)
    with qtbot.waitSignal(tab.board_reloaded, timeout=3000):
        dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    closing = dialog.result_value
    deal = pipeline_service.get_deal(engine, ids["deal"])
    assert deal.status == "won" and deal.amount_cents == 4_200_050
    assert closing.contract.kind == "new" and closing.contract.annual_value_cents == 4_200_050
    assert closing.contract.start_date == dt.date.today()
    assert closing.contract.end_date == dt.date.today() + dt.timedelta(days=365)
    assert _contracts(engine) == 1
    assert tab.board.deal_count() == 0  # a won deal leaves the board
    with qtbot.waitSignal(tab.board_reloaded, timeout=3000):
        stack.undo()
    assert pipeline_service.get_deal(engine, ids["deal"]).status == "open"
    assert _contracts(engine) == 0 and tab.board.deal_count() == 1
    with qtbot.waitSignal(tab.board_reloaded, timeout=3000):
        stack.redo()
    assert _contracts(engine) == 1
    assert pipeline_service.default_contract_kind(engine, deal.account_id, dt.date.today()) == (
        "upsell"
    )


def test_lost_dialog_has_no_contract(qtbot, harness, gui_db):
    _, ids = gui_db
    tab = harness.tab
    tab.select_deal(ids["deal"])
    dialog = tab.close_selected_deal("lost")
    assert not dialog.contract_box.isVisibleTo(dialog) and dialog.contract() is None
    dialog.accept()
    deal = pipeline_service.get_deal(harness.ctx.engine, ids["deal"])
    assert deal.status == "lost" and deal.closed_at.date() == dt.date.today()
    assert _contracts(harness.ctx.engine) == 0
    assert not tab.won_button.isEnabled()


def test_deal_create_edit_delete_with_undo(qtbot, harness, gui_db, monkeypatch):
    _, ids = gui_db
    tab, engine, stack = harness.tab, harness.ctx.engine, harness.ctx.undo_stack
    dialog = tab.new_deal()
    dialog.account.setEditText("acme industries")
    dialog.name.setText("ligne de production")
    dialog.accept()
    assert dialog.isVisible() and "already taken" in dialog.message.text()
    dialog.name.setText("Maintenance 2027")
    dialog.amount.setValue(1_234.5)
    dialog.accept()
    created = dialog.result_value
    assert created.amount_cents == 123_450 and created.current_stage == "discovery"
    assert tab.model.rowCount() == 3 and tab.current_deal() == created.id
    edit = tab.edit_selected_deal()
    edit.name.setText("Maintenance 2028")
    edit.accept()
    assert edit.message.text() == ""
    assert pipeline_service.get_deal(engine, created.id).name == "Maintenance 2028"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert tab.delete_selected_deal()
    assert pipeline_service.get_deal(engine, created.id) is None
    stack.undo()
    assert pipeline_service.get_deal(engine, created.id).name == "Maintenance 2028"
    stack.undo()
    stack.undo()
    assert pipeline_service.get_deal(engine, created.id) is None and tab.model.rowCount() == 2
    stack.redo()
    assert pipeline_service.get_deal(engine, created.id).current_stage == "discovery"


def test_costs_add_edit_delete_with_undo(qtbot, harness, gui_db):
    _, ids = gui_db
    tab, engine, stack = harness.tab, harness.ctx.engine, harness.ctx.undo_stack
    tab.sections.setCurrentIndex(1)
    assert tab.costs_model.rowCount() == 0
    dialog = tab.new_cost()
    dialog.amount.setValue(1_234.5)
    dialog.category.setCurrentIndex(dialog.category.findData("events"))
    dialog.account.setEditText("Nobody SARL")
    dialog.accept()
    assert dialog.isVisible() and dialog.message.text()
    dialog.account.setEditText("Acme Industries")
    dialog.description.setPlainText("Salon Industrie Lyon")
    dialog.accept()
    cost = dialog.result_value
    assert (cost.amount_cents, cost.program, cost.category) == (123_450, "abm", "events")
    assert cost.account_id == ids["acme"]
    model = tab.costs_model
    assert model.rowCount() == 1
    assert model.index(0, model.column_index("account")).data() == "Acme Industries"
    assert model.index(0, model.column_index("amount")).data(Qt.ItemDataRole.UserRole) == 123_450
    assert "1" in tab.cost_summary.text()
    edit = tab.edit_selected_cost()
    assert edit.amount.value() == 1_234.5
    edit.program.setCurrentIndex(edit.program.findData("other"))
    edit.account.setEditText("")
    edit.accept()
    changed = pipeline_service.costs_by_ids(engine, [cost.id])[cost.id]
    assert changed.program == "other" and changed.account_id is None
    assert tab.delete_selected_cost()
    assert model.rowCount() == 0
    stack.undo()
    assert pipeline_service.costs_by_ids(engine, [cost.id])[cost.id] == changed
    stack.undo()
    assert pipeline_service.costs_by_ids(engine, [cost.id])[cost.id] == cost
    stack.undo()
    assert model.rowCount() == 0
    stack.redo()
    assert model.rowCount() == 1


def test_board_in_french_looks_right(qtbot, harness, french_locale, tmp_path):
    tab = harness.tab
    harness.resize(1440, 900)
    harness.show()
    qtbot.waitExposed(harness)
    with qtbot.waitSignal(tab.board_reloaded, timeout=3000):
        tab.show_board()
    column = tab.board.column("proposal")
    text = column.summary.text().replace("\u202f", " ").replace("\u00a0", " ")
    assert "45 000 €" in text
    assert harness.grab().save(str(tmp_path / "board.png"))
    tab.show_board(False)
    assert tab.stack.currentWidget() is tab.view and tab.status.isEnabled()


def test_a_mouse_drag_on_a_card_starts_a_drag(qtbot, harness, gui_db):
    """A real press and move with the mouse starts the card's drag. The offscreen
    platform has no drag and drop (``QDrag.exec`` returns at once), so the drop itself
    is the column model's ``dropMimeData``, tested above."""
    _, ids = gui_db
    tab = harness.tab
    harness.resize(1440, 900)
    harness.show()
    qtbot.waitExposed(harness)
    with qtbot.waitSignal(tab.board_reloaded, timeout=3000):
        tab.show_board()
    view, rect = tab.board.card_rect(ids["deal"])
    assert view.dragEnabled() and view.viewport().acceptDrops()
    start = rect.center()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in (5, 20, 40):
        qtbot.mouseMove(view.viewport(), start + QPoint(step, step))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(40, 40))
    assert view.drags_started == 1
    assert tab.board.selected_deal() == ids["deal"]
