"""The main window: SPEC 5 handles, menus, Ctrl+L, quick log, translations, state."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QToolBar,
)
from sqlalchemy import text

from abmdesk.services import records
from abmdesk.ui.changes import Changes
from abmdesk.ui.models import KEY_ROLE

TAB_NAMES = ["accountsTab", "mapTab", "interactionsTab", "pipelineTab", "kpiTab"]


def _tabs(window: QMainWindow) -> QTabWidget:
    tabs = window.centralWidget()
    assert isinstance(tabs, QTabWidget)
    return tabs


def _child(window, cls, name):
    widget = window.findChild(cls, name)
    assert widget is not None, name
    return widget


def test_window_and_tabs(window):
    assert isinstance(window, QMainWindow)
    assert window.objectName() == "MainWindow"
    assert not window.isVisible()
    tabs = _tabs(window)
    assert [tabs.widget(i).objectName() for i in range(tabs.count())] == TAB_NAMES


def test_quick_log_handles(window):
    tab = _child(window, object, "interactionsTab")
    account = tab.findChild(QComboBox, "quickLogAccount")
    assert account is not None and account.isEditable() and account.completer() is not None
    assert tab.findChild(QComboBox, "quickLogStakeholder") is not None
    assert tab.findChild(QComboBox, "quickLogType").count() >= 10
    when = tab.findChild(QDateTimeEdit, "quickLogWhen")
    assert abs(when.dateTime().secsTo(QDateTime.currentDateTime())) < 120
    assert tab.findChild(QSpinBox, "quickLogDuration") is not None
    notes = tab.findChild(QLineEdit, "quickLogNotes") or tab.findChild(
        QPlainTextEdit, "quickLogNotes"
    )
    assert notes is not None
    assert tab.findChild(QPushButton, "quickLogSave") is not None


def test_type_combo_shows_points(window):
    combo = window.findChild(QComboBox, "quickLogType")
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts[0].startswith("Meeting") and "50" in texts[0]
    assert combo.currentData(KEY_ROLE) == "call"


def test_menus_toolbar_and_shortcuts(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    undo = _child(window, object, "actionUndo")
    redo = _child(window, object, "actionRedo")
    assert undo.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)
    assert QKeySequence("Ctrl+Shift+Z") in redo.shortcuts()
    assert not undo.isEnabled()  # nothing to undo yet
    open_action = _child(window, object, "actionOpenDatabase")
    assert open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    quit_action = _child(window, object, "actionQuit")
    assert quit_action.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
    assert _child(window, object, "actionQuickLog").shortcut() == QKeySequence("Ctrl+L")
    assert _child(window, object, "actionAbout") is not None
    toolbars = window.findChildren(QToolBar)
    assert toolbars and all(t.objectName() for t in toolbars)


def test_ctrl_l_focuses_quick_log(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    tabs = _tabs(window)
    tabs.setCurrentIndex(0)
    accounts_view = window.accounts_tab.view
    accounts_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is accounts_view)
    qtbot.keyClick(accounts_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    account = window.findChild(QComboBox, "quickLogAccount")
    assert tabs.currentWidget().objectName() == "interactionsTab"
    qtbot.waitUntil(lambda: account.hasFocus())
    assert QApplication.focusWidget() in (account, account.lineEdit())


def test_ctrl_l_from_the_kpi_tab(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    tabs = _tabs(window)
    tabs.setCurrentIndex(4)
    date_from = window.findChild(object, "kpiFrom")
    date_from.setFocus()
    qtbot.waitUntil(lambda: date_from.hasFocus())
    qtbot.keyClick(date_from, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 2
    qtbot.waitUntil(lambda: window.findChild(QComboBox, "quickLogAccount").hasFocus())
    window.runner.wait(10_000)


def test_ctrl_l_on_a_window_not_shown(qtbot, window):
    tabs = _tabs(window)
    tabs.setCurrentIndex(3)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentWidget().objectName() == "interactionsTab"


def _history_count(window) -> int:
    return records.count_interactions(window.ctx.engine)


def test_quick_log_save(qtbot, window, gui_db):
    _, ids = gui_db
    window.show()
    qtbot.waitExposed(window)
    window.show_quick_log()
    form = window.interactions_tab.quick_log
    account = window.findChild(QComboBox, "quickLogAccount")
    stakeholder = window.findChild(QComboBox, "quickLogStakeholder")
    kind = window.findChild(QComboBox, "quickLogType")
    notes = window.findChild(QLineEdit, "quickLogNotes")
    duration = window.findChild(QSpinBox, "quickLogDuration")
    before = _history_count(window)

    qtbot.keyClicks(account.lineEdit(), "acme industries")
    assert form.account_id() == ids["acme"]
    # Only Acme's identified people (the empty seat is not offered).
    people = [stakeholder.itemData(i, KEY_ROLE) for i in range(stakeholder.count())]
    assert people == [None, ids["it"], ids["ceo"]]
    stakeholder.setCurrentIndex(1)
    kind.setCurrentIndex(kind.findData("meeting", KEY_ROLE))
    duration.setValue(45)
    notes.setText("Atelier de cadrage")
    qtbot.mouseClick(window.findChild(QPushButton, "quickLogSave"), Qt.MouseButton.LeftButton)

    assert _history_count(window) == before + 1
    with window.ctx.engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT type_key, duration_minutes, notes FROM interactions "
                "WHERE notes = 'Atelier de cadrage'"
            )
        ).one()
    assert tuple(row) == ("meeting", 45, "Atelier de cadrage")
    model = window.interactions_tab.model
    assert model.index(0, model.column_index("notes")).data() == "Atelier de cadrage"
    assert model.index(0, model.column_index("stakeholder")).data() == "Marc Petit"
    assert account.currentText() == "Acme Industries"
    assert form.account_id() == ids["acme"]
    assert notes.text() == ""
    qtbot.waitUntil(lambda: account.hasFocus())
    count = window.findChild(object, "historyCount")
    assert str(before + 1) in count.text()


def test_enter_saves_and_keeps_the_account(qtbot, window, gui_db):
    _, ids = gui_db
    window.show()
    qtbot.waitExposed(window)
    window.show_quick_log()
    form = window.interactions_tab.quick_log
    form.set_account(ids["boulangerie"])
    notes = window.findChild(QLineEdit, "quickLogNotes")
    before = _history_count(window)
    notes.setFocus()
    qtbot.keyClicks(notes, "Appel de suivi")
    qtbot.keyClick(notes, Qt.Key.Key_Return)
    assert _history_count(window) == before + 1
    assert form.account_id() == ids["boulangerie"]
    assert notes.text() == ""
    qtbot.keyClick(notes, Qt.Key.Key_Enter)  # with empty notes: still a valid interaction
    assert _history_count(window) == before + 2
    account = window.findChild(QComboBox, "quickLogAccount")
    qtbot.waitUntil(lambda: account.hasFocus())
    qtbot.keyClick(account, Qt.Key.Key_Return)  # Enter in the account field saves too
    assert _history_count(window) == before + 3


def test_quick_log_refuses_unknown_account(qtbot, window):
    form = window.interactions_tab.quick_log
    before = _history_count(window)
    form.account.setEditText("Nobody SARL")
    assert form.save() is None
    assert _history_count(window) == before
    assert "Nobody SARL" in window.findChild(object, "quickLogMessage").text()
    form.account.setEditText("")
    assert form.save() is None
    assert _history_count(window) == before


def test_changes_reload_only_named_tabs(qtbot, window, gui_db, monkeypatch):
    calls = []
    for name in ("accounts_tab", "pipeline_tab"):
        model = getattr(window, name).model
        monkeypatch.setattr(model, "reload", lambda name=name: calls.append(name))
    window.apply_changes(Changes(interactions=True))
    assert calls == []
    window.apply_changes(Changes(deals=True))
    assert calls == ["pipeline_tab"]
    calls.clear()
    window.apply_changes(Changes(accounts=True))
    assert sorted(calls) == ["accounts_tab", "pipeline_tab"]


def test_double_click_account_opens_its_map(qtbot, window, gui_db):
    _, ids = gui_db
    window.accounts_tab.account_activated.emit(ids["acme"])
    assert _tabs(window).currentWidget().objectName() == "mapTab"
    assert window.map_tab.current_account() == ids["acme"]
    model = window.map_tab.model
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["DAF — inconnu", "Marc Petit", "Sophie Laurent"]
    seat = model.index(0, model.column_index("placeholder"))
    assert seat.data() == "Empty seat" and seat.data(Qt.ItemDataRole.UserRole) is True
    role = model.index(2, model.column_index("role"))
    assert role.data() == "Decision maker" and role.data(Qt.ItemDataRole.UserRole) == (
        "decision_maker"
    )
    assert model.index(1, model.column_index("reports_to")).data() == "Sophie Laurent"


def test_map_search_filters_accounts(qtbot, window):
    tab = window.map_tab
    tab.search.setText("boul")
    assert tab.proxy.rowCount() == 1
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert tab.title.text() == "Boulangeries Dupont"


def test_open_another_database(qtbot, window, tmp_path):
    other = tmp_path / "other.db"
    assert window.open_database(other)
    assert window.accounts_tab.model.rowCount() == 0
    assert window.interactions_tab.model.rowCount() == 0
    assert "other.db" in window.windowTitle()


def test_window_state_is_saved_apart(qtbot, gui_db):
    from abmdesk.app import create_main_window
    from abmdesk.ui.main_window import window_settings

    path, _ = gui_db
    first = create_main_window(path)
    qtbot.addWidget(first)
    first.resize(1000, 700)
    _tabs(first).setCurrentIndex(3)
    first.close()
    settings = window_settings()
    assert Path(settings.fileName()).name == "window.ini"
    assert settings.value("window/geometry") is not None
    second = create_main_window(path)
    qtbot.addWidget(second)
    assert _tabs(second).currentIndex() == 3
    # Column layout comes back, the sort order does not (tables open in their usual order).
    view = second.accounts_tab.view
    second.accounts_tab.model.sort(3, Qt.SortOrder.DescendingOrder)
    view.horizontalHeader().setSortIndicator(3, Qt.SortOrder.DescendingOrder)
    second.close()
    third = create_main_window(path)
    qtbot.addWidget(third)
    assert third.accounts_tab.model.sort_key == "name"
    assert third.accounts_tab.view.horizontalHeader().sortIndicatorSection() == 0
    third.close()


@pytest.fixture
def french(monkeypatch, tmp_path):
    """The compiled French catalogue installed (and removed afterwards)."""
    from abmdesk import app, paths
    from abmdesk.tools import translations

    try:
        translations.compile_ts(translations.ts_path("fr"), tmp_path / "abmdesk_fr.qm")
    except FileNotFoundError as exc:  # pragma: no cover
        pytest.skip(f"lrelease unavailable: {exc}")
    monkeypatch.setattr(paths, "translations_dir", lambda: tmp_path)
    previous = QLocale()
    installed = app.install_translators(QCoreApplication.instance(), "fr")
    yield installed
    app.remove_translators(QCoreApplication.instance(), installed)
    QLocale.setDefault(previous)


def test_french_translation_changes_the_tab_titles(qtbot, gui_db, french):
    from abmdesk.app import create_main_window

    assert len(french) == 2  # Qt's own qtbase_fr and ours
    path, _ = gui_db
    win = create_main_window(path)
    qtbot.addWidget(win)
    tabs = _tabs(win)
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert titles == ["Comptes", "Cartographie", "Interactions", "Pipeline", "Indicateurs"]
    assert [a.text() for a in win.menuBar().actions()] == [
        "&Fichier",
        "É&dition",
        "&Affichage",
        "Aid&e",
    ]
    assert win.findChild(QPushButton, "quickLogSave").text() == "Enregistrer"
    model = win.accounts_tab.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Nom"
    since = model.index(0, model.column_index("target_since"))
    assert since.data() == "07/03/2025" and since.data(Qt.ItemDataRole.UserRole) == "2025-03-07"
    deals = win.pipeline_tab.model
    amounts = {deals.index(r, deals.column_index("amount")).data() for r in range(2)}
    normalized = {a.replace("\u202f", " ").replace("\u00a0", " ") for a in amounts}
    assert normalized == {"45 000,00 €", "1 234,50 €"}
    stage = deals.index(0, deals.column_index("current_stage"))
    assert stage.data() in ("Proposition", "Négociation")
    win.close()


def test_english_is_the_source_language(qtbot, gui_db):
    from abmdesk.app import install_translators

    previous = QLocale()
    try:
        assert install_translators(QCoreApplication.instance(), "en") == []
        assert QLocale().language() == QLocale.Language.English
    finally:
        QLocale.setDefault(previous)


def test_history_shows_newest_first(window):
    model = window.interactions_tab.model
    raw = [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]
    assert raw == sorted(raw, reverse=True)
    assert dt.datetime.fromisoformat(raw[0]).date() == dt.date.today()


def test_start_up_imports_neither_pandas_nor_pyqtgraph(tmp_path, gui_db):
    """The window appears fast: the heavy libraries load only when the KPIs are computed."""
    import os
    import subprocess
    import sys

    path, _ = gui_db
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from abmdesk.app import create_main_window\n"
        f"w = create_main_window({str(path)!r})\n"
        "w.show(); app.processEvents()\n"
        "print(sorted(m for m in ('pandas', 'pyqtgraph', 'numpy') if m in sys.modules))\n"
        "w.runner.shutdown()\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ABMDESK_DATA_DIR=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"
