"""The accounts tab: create, edit and delete with undo and redo, validation, filters,
and the side panel's figures (equal to compute_kpis for that account)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QMainWindow, QTabWidget

from abmdesk.services import accounts as account_service
from abmdesk.services.database import open_db
from abmdesk.services.kpis import compute_kpis
from abmdesk.services.records import account_choices, get_account
from abmdesk.ui import account_dialogs
from abmdesk.ui.accounts_tab import AccountsTab
from abmdesk.ui.context import AppContext
from abmdesk.ui.formatting import Formatter
from abmdesk.ui.tasks import TaskRunner


class Harness(QMainWindow):
    """The tab in a window of its own, with the window's undo stack and announce."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.runner = TaskRunner(self)
        self.ctx = AppContext(
            engine=open_db(path), db_path=path, fmt=Formatter(), runner=self.runner
        )
        self.ctx.undo_stack.setParent(self)
        self.tabs = QTabWidget(self)
        self.tab = AccountsTab(self.ctx, self.tabs)
        self.tabs.addTab(self.tab, "Accounts")
        self.setCentralWidget(self.tabs)
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.announced: list = []
        self.ctx.announce = self._announce

    def _announce(self, changes) -> None:
        self.announced.append(changes)
        self.tab.on_changes(changes)

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


def _names(tab: AccountsTab) -> list[str]:
    model = tab.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _fill(dialog: account_dialogs.AccountDialog, **values) -> None:
    for key, value in values.items():
        widget = getattr(dialog, key)
        if key in ("sector", "tier", "owner"):
            widget.setEditText(value)
        elif key == "is_target":
            widget.setChecked(value)
        elif hasattr(widget, "setValue"):
            widget.setValue(value)
        else:
            widget.setText(value)


def test_model_passes_the_tester_with_filters(qtmodeltester, harness):
    tab = harness.tab
    qtmodeltester.check(tab.model)
    assert tab.model.rowCount() == 3
    tab.target_filter.setCurrentIndex(tab.target_filter.findData("no"))
    assert _names(tab) == ["Boulangeries Dupont"]
    tab.target_filter.setCurrentIndex(tab.target_filter.findData("yes"))
    assert _names(tab) == ["Acme Industries", "Cabinet Lefèvre"]
    tab.tier_filter.setCurrentIndex(tab.tier_filter.findData("A"))
    assert _names(tab) == ["Acme Industries"]
    qtmodeltester.check(tab.model)
    tab.clear_filters()
    tab.size_filter.setCurrentIndex(tab.size_filter.findData("10-49"))
    assert _names(tab) == ["Boulangeries Dupont"]
    tab.size_filter.setCurrentIndex(tab.size_filter.findData("unknown"))
    assert _names(tab) == ["Cabinet Lefèvre"]
    tab.clear_filters()
    tab.sector_filter.setCurrentIndex(tab.sector_filter.findData("Industrie"))
    assert _names(tab) == ["Acme Industries"]
    tab.clear_filters()
    tab.owner_filter.setCurrentIndex(tab.owner_filter.findData("Hugo Bernard"))
    assert _names(tab) == ["Boulangeries Dupont"]
    assert "1" in tab.count_label.text()
    tab.clear_filters()
    assert tab.model.rowCount() == 3
    tab.targets_only.setChecked(True)  # the first window's handle still works
    assert tab.model.rowCount() == 2


def test_create_edit_delete_with_undo_and_redo(qtbot, harness, monkeypatch):
    tab, stack, engine = harness.tab, harness.ctx.undo_stack, harness.ctx.engine
    dialog = tab.new_account()
    _fill(
        dialog,
        name="  Dupont Frères ",
        domain="WWW.Dupont-Freres.FR",
        sector="Négoce",
        employees=12,
        committee_size=4,
        retention=3.5,
    )
    dialog.is_target.setChecked(True)
    assert dialog.target_since.date().toPython() == dt.date.today()  # ticking proposes today
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    created = dialog.result_value
    assert created.name == "Dupont Frères" and created.domain == "dupont-freres.fr"
    assert created.target_since == dt.date.today() and created.retention_years == 3.5
    assert "Dupont Frères" in _names(tab) and tab.current_account() == created.id
    assert harness.announced[-1].accounts

    edit = tab.edit_selected()
    assert edit.name.text() == "Dupont Frères" and edit.employees.value() == 12
    _fill(edit, name="Dupont & Fils", employees=15)
    edit.accept()
    assert get_account(engine, created.id).name == "Dupont & Fils"

    asked: list = []

    def confirm(parent, name, deps):
        asked.append((name, deps))
        return True

    monkeypatch.setattr(account_dialogs, "ask_delete_account", confirm)
    assert tab.delete_selected()
    assert asked[0][0] == "Dupont & Fils" and asked[0][1].total == 0
    assert get_account(engine, created.id) is None

    stack.undo()  # the deletion
    assert get_account(engine, created.id).name == "Dupont & Fils"
    stack.undo()  # the edit
    assert get_account(engine, created.id).name == "Dupont Frères"
    stack.undo()  # the creation
    assert get_account(engine, created.id) is None and tab.model.rowCount() == 3
    stack.redo()
    stack.redo()
    assert get_account(engine, created.id).employees == 15  # the same id all along
    stack.redo()
    assert get_account(engine, created.id) is None


def test_delete_says_what_goes_and_undo_restores_it(qtbot, harness, gui_db, monkeypatch):
    _, ids = gui_db
    tab, engine = harness.tab, harness.ctx.engine
    before = account_service.account_dependents(engine, ids["acme"])
    question, details = account_dialogs.delete_account_message("Acme Industries", before)
    assert "Acme Industries" in question
    # English is the source language: plurals read "(s)" without a catalogue.
    assert "3 stakeholder" in details and "4 interaction" in details and "1 deal" in details
    assert "contract" not in details
    monkeypatch.setattr(account_dialogs, "ask_delete_account", lambda *a: False)
    tab.select_account(ids["acme"])
    assert not tab.delete_selected()  # cancelled: nothing happens
    assert get_account(engine, ids["acme"]) is not None
    monkeypatch.setattr(account_dialogs, "ask_delete_account", lambda *a: True)
    assert tab.delete_selected()
    assert account_service.account_dependents(engine, ids["acme"]).total == 0
    harness.ctx.undo_stack.undo()
    assert account_service.account_dependents(engine, ids["acme"]) == before


def test_duplicate_name_is_refused_with_a_clear_message(qtbot, harness):
    tab = harness.tab
    dialog = tab.new_account()
    _fill(dialog, name="acme industries")
    dialog.accept()
    assert dialog.isVisible() and dialog.result_value is None
    assert dialog.message.isVisibleTo(dialog)
    assert "Acme Industries" in dialog.message.text()
    assert "already taken" in dialog.message.text()
    assert harness.ctx.undo_stack.count() == 0
    _fill(dialog, name="")
    dialog.accept()
    assert "required" in dialog.message.text()
    dialog.reject()


def test_side_panel_figures_equal_compute_kpis(qtbot, harness, gui_db):
    _, ids = gui_db
    tab = harness.tab
    panel = tab.panel
    with qtbot.waitSignal(panel.insight_shown, timeout=5000) as blocker:
        tab.select_account(ids["acme"])
    insight = blocker.args[0]
    assert insight is not None and insight.account_id == ids["acme"]
    start, end = insight.period
    kpis = compute_kpis(harness.ctx.engine, start, end)
    eng = next(a for a in kpis["engagement"]["accounts"] if a["account"] == "Acme Industries")
    cov = next(a for a in kpis["coverage"]["accounts"] if a["account"] == "Acme Industries")
    life = next(a for a in kpis["clv"]["accounts"] if a["account"] == "Acme Industries")
    assert insight.score == eng["score"] and insight.trend == eng["trend"]
    assert {w: p for w, p in insight.weeks if p} == eng["weekly"]
    assert insight.identified_coverage == cov["identified_coverage"]
    assert insight.engaged_coverage == cov["engaged_coverage"]
    assert insight.role_coverage == cov["role_coverage"]
    assert insight.at_risk == cov["at_risk"]
    assert insight.clv == life["clv"]
    assert (insight.open_deals, insight.open_amount_cents) == (1, 4_500_000)
    assert panel.labels["score"].text().startswith(f"{eng['score']} ")
    assert panel.sparkline.values == [p for _, p in insight.weeks]
    assert panel.sparkline.plot is not None  # pyqtgraph, created when needed
    # A new interaction refreshes the panel.
    with qtbot.waitSignal(panel.insight_shown, timeout=5000):
        from abmdesk.services.interactions import log_interaction
        from abmdesk.ui.changes import Changes

        log_interaction(harness.ctx.engine, ids["acme"], "meeting", dt.datetime.now())
        harness.ctx.announce(Changes(interactions=True))
    assert panel.insight.score == insight.score + 50
    with qtbot.waitSignal(panel.insight_shown, timeout=5000) as cleared:
        tab.view.clearSelection()
    assert cleared.args[0] is None and not panel.title.isVisible()


def test_every_account_choice_gets_a_panel(qtbot, harness):
    tab = harness.tab
    for choice in account_choices(harness.ctx.engine):
        with qtbot.waitSignal(tab.panel.insight_shown, timeout=5000) as blocker:
            tab.select_account(choice.id)
        assert blocker.args[0].name == choice.name


def test_screenshot_in_french(qtbot, harness, gui_db, french_locale, tmp_path):
    _, ids = gui_db
    harness.resize(1440, 900)
    harness.show()
    qtbot.waitExposed(harness)
    with qtbot.waitSignal(harness.tab.panel.insight_shown, timeout=5000):
        harness.tab.select_account(ids["acme"])
    image = harness.grab()
    assert image.width() == 1440
    assert image.save(str(tmp_path / "accounts.png"))
    harness.tab.view.setFocus()
    qtbot.keyClick(harness.tab.view, Qt.Key.Key_F2)
    dialogs = [d for d in harness.tab.findChildren(account_dialogs.AccountDialog) if d.isVisible()]
    assert dialogs and dialogs[0].name.text() == "Acme Industries"
    dialogs[0].reject()


def test_in_the_main_window_edits_go_on_its_undo_stack(qtbot, window, gui_db, monkeypatch):
    """The real window: its Edit menu's Undo takes back an account deletion, and the
    pipeline tab (which shows account names) follows."""
    _, ids = gui_db
    tab = window.accounts_tab
    assert tab.objectName() == "accountsTab" and window.pipeline_tab.objectName() == "pipelineTab"
    monkeypatch.setattr(account_dialogs, "ask_delete_account", lambda *a: True)
    tab.select_account(ids["boulangerie"])
    deals_before = window.pipeline_tab.model.rowCount()
    assert tab.delete_selected()
    assert get_account(window.ctx.engine, ids["boulangerie"]) is None
    assert window.pipeline_tab.model.rowCount() == deals_before - 1
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert get_account(window.ctx.engine, ids["boulangerie"]).name == "Boulangeries Dupont"
    assert window.pipeline_tab.model.rowCount() == deals_before
    window.redo_action.trigger()
    assert get_account(window.ctx.engine, ids["boulangerie"]) is None
