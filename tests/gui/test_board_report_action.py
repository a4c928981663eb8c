"""File ▸ Board report (PDF)…: the menu entry, the period it uses, the PDF written off
the GUI thread with a progress dialog, cancel and refusal writing nothing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFileDialog, QMessageBox

from abmdesk.ui import board_report


def test_menu_entry(window):
    action = window.findChild(object, "actionBoardReport")
    assert action is not None
    assert action in window.file_menu.actions()
    assert window.file_menu.actions().index(action) < window.file_menu.actions().index(
        window.quit_action
    )


def test_period_is_the_kpi_tab_one(window):
    start, end = dt.date(2026, 1, 1), dt.date(2026, 3, 31)
    window.kpi_tab.set_period(start, end)
    assert board_report.report_period(window) == (start, end)


def test_period_defaults_to_the_last_12_months():
    class NoTab:
        pass

    today = dt.date(2026, 12, 4)
    assert board_report.report_period(NoTab(), today) == (dt.date(2025, 12, 5), today)
    leap = dt.date(2028, 2, 29)
    assert board_report.report_period(NoTab(), leap) == (dt.date(2027, 3, 1), leap)


def test_writes_the_pdf_in_the_background(qtbot, window, tmp_path, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "rapport"  # ".pdf" is added
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "PDF"))
    )
    start, end = dt.date.today() - dt.timedelta(days=90), dt.date.today()
    window.kpi_tab.set_period(start, end)
    job = board_report.choose_and_write(window)
    assert job is not None and job.path == folder / "rapport.pdf"
    qtbot.waitUntil(lambda: job.summary is not None or job.error is not None, timeout=60_000)
    assert job.error is None
    assert job.path.read_bytes().startswith(b"%PDF")
    assert job.summary.pages >= 8
    assert "rapport.pdf" in window.statusBar().currentMessage()
    assert sorted(p.name for p in folder.iterdir()) == ["rapport.pdf"]


def test_cancel_writes_nothing(qtbot, window, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    start, end = dt.date.today() - dt.timedelta(days=90), dt.date.today()
    job = board_report.write_report(window, folder / "r.pdf", start, end)
    assert job is not None
    job.dialog.canceled.emit()  # the Cancel button
    assert job.task.is_cancelled()
    assert window.runner.wait(60_000)
    qtbot.wait(50)
    assert not list(folder.iterdir())
    assert job.summary is None and job.error is None
    assert window.statusBar().currentMessage() == "Board report cancelled."


def test_unwritable_folder_is_refused(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: shown.append(a)))
    job = board_report.write_report(
        window, tmp_path / "missing" / "r.pdf", dt.date(2026, 1, 1), dt.date(2026, 3, 31)
    )
    assert job is None
    assert shown and "does not exist" in shown[0][2]
