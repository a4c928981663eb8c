"""The interactions tab: six keystrokes for a call, history filters, edit, delete, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit, QMessageBox
from sqlalchemy import text

from abmdesk.services import records
from abmdesk.services.records import InteractionFilter
from abmdesk.ui.interactions_tab import InteractionDialog, rank_matches
from abmdesk.ui.models import KEY_ROLE


class KeyCounter:
    """qtbot.keyClick / keyClicks that count the keystrokes they send."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.count = 0

    def click(self, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
        self.count += 1
        self.qtbot.keyClick(widget, key, modifier)

    def type(self, widget, chars: str):
        self.count += len(chars)
        self.qtbot.keyClicks(widget, chars)


def _focused():
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_a_call_from_anywhere_in_six_keystrokes(qtbot, window, gui_db):
    """Ctrl+L, 'ac', Enter (best match, to the notes), notes, Alt+4 (call), Enter."""
    _, ids = gui_db
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(4)  # from the KPI tab
    form = window.interactions_tab.quick_log
    form.choose_type(1)  # the last type used was a meeting: the type key is needed
    keys = KeyCounter(qtbot)

    keys.click(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    account = window.findChild(QComboBox, "quickLogAccount")
    qtbot.waitUntil(lambda: account.lineEdit().hasFocus())
    keys.type(_focused(), "ac")
    keys.click(_focused(), Qt.Key.Key_Return)
    notes = window.findChild(QLineEdit, "quickLogNotes")
    assert form.account_id() == ids["acme"] and account.currentText() == "Acme Industries"
    qtbot.waitUntil(notes.hasFocus)
    qtbot.keyClicks(notes, "Rappel du DSI : devis a envoyer")  # the notes: not counted
    keys.click(_focused(), Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert window.findChild(QComboBox, "quickLogType").currentData(KEY_ROLE) == "call"
    keys.click(_focused(), Qt.Key.Key_Return)

    assert keys.count <= 6
    with window.ctx.engine.connect() as conn:
        row = conn.execute(
            text("SELECT type_key, account_id FROM interactions WHERE notes LIKE 'Rappel du DSI%'")
        ).one()
    assert row.type_key == "call"
    assert notes.text() == "" and form.account_id() == ids["acme"]
    qtbot.waitUntil(lambda: account.lineEdit().hasFocus())
    # And Ctrl+Z takes the call back, Ctrl+Shift+Z logs it again with the same id.
    before = records.count_interactions(window.ctx.engine)
    window.ctx.undo_stack.undo()
    assert records.count_interactions(window.ctx.engine) == before - 1
    window.ctx.undo_stack.redo()
    assert records.count_interactions(window.ctx.engine) == before


def test_completion_anywhere_in_the_name_ignoring_accents(qtbot, window, gui_db):
    _, ids = gui_db
    items = window.interactions_tab.quick_log.account.items()
    assert [label for _, label in rank_matches(items, "LEFE")] == ["Cabinet Lefèvre"]
    assert [label for _, label in rank_matches(items, "du")] == [
        "Boulangeries Dupont",
        "Acme Industries",
    ]
    assert [label for _, label in rank_matches(items, "in")][0] == "Acme Industries"
    form = window.interactions_tab.quick_log
    window.show()
    qtbot.waitExposed(window)
    window.show_quick_log()
    qtbot.keyClicks(form.account.lineEdit(), "lefev")
    qtbot.keyClick(form.account.lineEdit(), Qt.Key.Key_Tab)  # Tab takes it too
    assert form.account_id() == ids["cabinet"]
    qtbot.waitUntil(form.stakeholder.hasFocus)
    form.account.setEditText("zzz")
    qtbot.keyClick(form.account.lineEdit(), Qt.Key.Key_Return)
    assert "zzz" in form.message.text() and form.account_id() is None


def _rows(model):
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    return [model.record_at(r) for r in range(model.rowCount())]


def test_history_filters(qtbot, qtmodeltester, window, gui_db):
    _, ids = gui_db
    tab = window.interactions_tab
    model = tab.model
    assert model.rowCount() == 6
    tab.set_filter(InteractionFilter(account_id=ids["acme"]))
    assert {r.account_name for r in _rows(model)} == {"Acme Industries"}
    assert model.rowCount() == 4 and "4" in tab.count_label.text()
    assert tab.filter_account.currentText() == "Acme Industries"
    assert tab.filter_stakeholder.isEnabled()
    qtmodeltester.check(model)
    tab.set_filter(InteractionFilter(account_id=ids["acme"], stakeholder_id=ids["it"]))
    assert {r.stakeholder_name for r in _rows(model)} == {"Marc Petit"}
    tab.set_filter(InteractionFilter(type_key="meeting"))
    qtbot.waitUntil(lambda: not tab.is_busy())
    assert [r.type_key for r in _rows(model)] == ["meeting"]
    assert "1" in tab.count_label.text()
    tab.set_filter(InteractionFilter(text="ECHANGE N° 3"))  # case and accents ignored
    qtbot.waitUntil(lambda: not tab.is_busy())
    assert [r.notes for r in _rows(model)] == ["Échange n° 3"]
    qtmodeltester.check(model)
    tab.set_filter(InteractionFilter(logged_by="Claire Martin"))
    qtbot.waitUntil(lambda: not tab.is_busy())
    assert len(_rows(model)) == 6
    today = dt.date.today()
    tab.set_filter(InteractionFilter(date_from=today - dt.timedelta(days=2), date_to=today))
    assert {r.occurred_at.date() for r in _rows(model)} <= {
        today - dt.timedelta(days=d) for d in range(3)
    }
    assert model.rowCount() == 3
    # The widgets drive the same filter.
    tab.clear_filters()
    assert model.rowCount() == 6
    tab.filter_type.setCurrentIndex(tab.filter_type.findData("call", KEY_ROLE))
    qtbot.waitUntil(lambda: not tab.is_busy())
    assert [r.type_key for r in _rows(model)] == ["call"]
    tab.filter_text.setText("nothing like this")
    qtbot.waitUntil(lambda: model.filter.text == "nothing like this")
    qtbot.waitUntil(lambda: not tab.is_busy())
    assert model.rowCount() == 0 and "0" in tab.count_label.text()
    tab.clear_filters()
    # Sorting by date, both ways.
    model.sort(0, Qt.SortOrder.AscendingOrder)
    dates = [r.occurred_at for r in _rows(model)]
    assert dates == sorted(dates)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [r.occurred_at for r in _rows(model)] == sorted(dates, reverse=True)
    qtmodeltester.check(model)


def test_edit_in_the_dialog_with_undo_and_redo(qtbot, window, gui_db):
    _, ids = gui_db
    tab = window.interactions_tab
    record = tab.model.record_at(0)
    tab.select_ids([record.id])
    seen = {}

    def fill():
        dialog = tab.findChild(InteractionDialog)
        seen["dialog"] = dialog
        dialog.type.setCurrentIndex(dialog.type.findData("demo_request", KEY_ROLE))
        dialog.duration.setValue(25)
        dialog.notes.setPlainText("Démo planifiée")
        dialog.accept()

    QTimer.singleShot(0, fill)
    tab.edit_selected()
    assert seen["dialog"] is not None
    after = records.get_interaction(window.ctx.engine, record.id)
    assert (after.type_key, after.duration_minutes, after.notes) == (
        "demo_request",
        25,
        "Démo planifiée",
    )
    row = tab.model.row_of_key(record.id)
    assert tab.model.record_at(row).notes == "Démo planifiée"
    assert [r.id for r in tab.selected_records()] == [record.id]
    window.ctx.undo_stack.undo()
    assert records.get_interaction(window.ctx.engine, record.id) == record
    window.ctx.undo_stack.redo()
    assert records.get_interaction(window.ctx.engine, record.id).type_key == "demo_request"
    # A change refused by the service pushes nothing.
    count = window.ctx.undo_stack.count()
    QTimer.singleShot(0, lambda: _close_message_box(tab))
    assert (
        not tab.apply_edit(after, {"stakeholder_id": ids["baker"]})
        or after.account_id == ids["boulangerie"]
    )
    assert window.ctx.undo_stack.count() in (count, count + 1)


def _close_message_box(parent):
    for box in parent.findChildren(QMessageBox):
        if box.isVisible():
            box.close()


def test_dialog_changes_only_what_changed(window):
    record = window.interactions_tab.model.record_at(0)
    dialog = InteractionDialog(window.ctx, record, window)
    assert dialog.changes() == {}
    dialog.notes.setPlainText("Autre chose")
    assert dialog.changes() == {"notes": "Autre chose"}
    dialog.close()


@pytest.mark.parametrize(
    "answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel]
)
def test_multi_delete_asks_then_undo_restores_the_same_ids(qtbot, window, answer, monkeypatch):
    tab = window.interactions_tab
    engine = window.ctx.engine
    chosen = [tab.model.record_at(r) for r in (0, 2, 3)]
    tab.select_ids([r.id for r in chosen])
    assert len(tab.selected_records()) == 3 and tab.delete_button.isEnabled()
    asked = {}

    def confirm(question):
        asked["text"] = question
        return answer == QMessageBox.StandardButton.Yes

    monkeypatch.setattr(tab, "confirm", confirm)
    tab.delete_selected()
    assert "3" in asked["text"]
    if answer == QMessageBox.StandardButton.Cancel:
        assert records.count_interactions(engine) == 6
        return
    assert records.count_interactions(engine) == 3
    assert all(tab.model.row_of_key(r.id) < 0 for r in chosen)
    assert "3" in tab.count_label.text()
    window.ctx.undo_stack.undo()
    assert [records.get_interaction(engine, r.id) for r in chosen] == chosen
    assert tab.model.rowCount() == 6
    window.ctx.undo_stack.redo()
    assert records.count_interactions(engine) == 3


def test_delete_key_and_edit_dialog_rejected(qtbot, window, monkeypatch):
    tab = window.interactions_tab
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    window.tabs.setCurrentWidget(tab)
    tab.select_ids([tab.model.record_at(0).id])
    tab.view.setFocus()

    asked = []
    monkeypatch.setattr(tab, "confirm", lambda q: asked.append(q) or False)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert len(asked) == 1 and records.count_interactions(window.ctx.engine) == 6

    def reject():
        tab.findChild(InteractionDialog).done(QDialog.DialogCode.Rejected)

    QTimer.singleShot(0, reject)
    tab.edit_selected()
    assert window.ctx.undo_stack.count() == 0


def test_a_quick_log_puts_one_row_in_place_without_reading_the_history_again(qtbot, window, gui_db):
    _, ids = gui_db
    tab = window.interactions_tab
    resets = []
    tab.model.modelReset.connect(lambda: resets.append(1))
    form = tab.quick_log
    form.set_account(ids["boulangerie"])
    form.notes.setText("Nouveau")
    record = form.save()
    assert resets == [] and tab.model.record_at(0).id == record.id
    assert "7" in tab.count_label.text()
    # Filtered out: not shown, and the count stays.
    tab.set_filter(InteractionFilter(account_id=ids["acme"]))
    resets.clear()
    form.save()
    assert resets == [] and all(r.account_name == "Acme Industries" for r in _rows(tab.model))
    assert "4" in tab.count_label.text()


def test_ctrl_l_brings_the_date_to_now_unless_chosen(window):
    from PySide6.QtCore import QDateTime

    form = window.interactions_tab.quick_log
    old = QDateTime.currentDateTime().addSecs(-3 * 3600)
    form.when.setDateTime(old)  # the form was opened three hours ago
    window.show_quick_log()
    assert abs(form.when.dateTime().secsTo(QDateTime.currentDateTime())) < 5
    form.when.setDateTime(old)
    form._on_when_edited()  # chosen by hand
    window.show_quick_log()
    assert form.when.dateTime() == old
