"""Preferences: every setting of SPEC 1 in one dialog, saved in one transaction."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer

from abmdesk.services.kpis import compute_kpis
from abmdesk.services.settings import load_settings
from abmdesk.ui.settings_dialog import SettingsDialog


def _score(engine, name: str) -> int:
    today = dt.date.today()
    result = compute_kpis(engine, today - dt.timedelta(days=365), today)
    return next(a["score"] for a in result["engagement"]["accounts"] if a["account"] == name)


def test_points_in_the_dialog_change_the_engagement_score(qtmodeltester, window):
    engine = window.ctx.engine
    before = _score(engine, "Boulangeries Dupont")
    announced = []
    window.changes_applied.connect(announced.append)
    dialog = SettingsDialog(window.ctx, window)
    qtmodeltester.check(dialog.points_model)
    assert dialog.points_model.points_of("meeting") == 50
    assert dialog.points_model.set_points("meeting", 80)
    dialog.accept()
    assert load_settings(engine).points["meeting"] == 80
    # gui_db: one meeting with Boulangeries Dupont today (interaction 0).
    assert _score(engine, "Boulangeries Dupont") == before + 30
    assert announced and announced[-1].settings
    # The quick log shows the new points at once.
    combo = window.interactions_tab.quick_log.type
    assert "80" in combo.itemText(0)


def test_every_setting_and_a_new_type(qtmodeltester, window):
    engine = window.ctx.engine
    dialog = SettingsDialog(window.ctx, window)
    dialog.committee.setValue(8)
    dialog.window_days.setValue(60)
    dialog.retention.setValue(4.5)
    dialog.hourly.setValue(42.5)
    dialog.risk.setValue(25)
    dialog.currency.setCurrentText("chf")
    dialog.user_name.setText("Claire Martin")
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.new_key.setText("trade_show")
    dialog.new_label.setText("Salon professionnel")
    dialog.new_points.setValue(25)
    assert dialog.add_type()
    assert not dialog.add_type()  # empty key refused
    dialog.new_key.setText("trade_show")
    assert not dialog.add_type() and "trade_show" in dialog.message.text()
    qtmodeltester.check(dialog.points_model)
    dialog.accept()
    s = load_settings(engine)
    assert (s.default_committee_size, s.engagement_window_days) == (8, 60)
    assert (s.default_retention_years, s.staff_hourly_cost) == (4.5, 42.5)
    assert s.coverage_risk_threshold == 0.25 and s.currency == "CHF"
    assert s.user_name == "Claire Martin" and s.language == "fr"
    assert s.points["trade_show"] == 25
    assert window.ctx.fmt.currency == "CHF"
    types = window.interactions_tab.quick_log.type
    assert any("Salon professionnel" in types.itemText(i) for i in range(types.count()))
    # Nothing changed: nothing written, nothing announced.
    announced = []
    window.changes_applied.connect(announced.append)
    again = SettingsDialog(window.ctx, window)
    assert again.values() == {}
    again.accept()
    assert announced == []


def test_a_bad_value_keeps_the_dialog_open_and_writes_nothing(window):
    engine = window.ctx.engine
    dialog = SettingsDialog(window.ctx, window)
    dialog.committee.setValue(9)
    dialog.currency.setCurrentText("E1")
    dialog.accept()
    assert "currency" in dialog.message.text()
    assert load_settings(engine).default_committee_size == 6  # all or nothing


def test_the_menu_entry_opens_it(qtbot, window):
    action = window.findChild(type(window.settings_action), "actionSettings")
    assert action is window.settings_action and action in window.edit_menu.actions()
    seen = {}

    def close():
        dialog = window.findChild(SettingsDialog)
        seen["title"] = dialog.windowTitle()
        dialog.reject()

    QTimer.singleShot(0, close)
    assert window.show_settings() is False
    assert seen["title"] == "Preferences"
