"""File → Export…: the dialog exports in the background, with progress and cancel."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

from abmdesk.interop.formats import vcard
from abmdesk.services import exports
from abmdesk.ui import export_dialog


@pytest.fixture(autouse=True)
def fresh_session():
    export_dialog._LAST.clear()
    yield
    export_dialog._LAST.clear()


def _open_dialog(qtbot, window):
    action = window.findChild(type(window.export_action), "actionExport")
    assert action in window.file_menu.actions()
    action.trigger()
    dialog = window.export_dialog
    qtbot.waitExposed(dialog)
    return dialog


def _choose(dialog, what: str, fmt: str, path: Path) -> None:
    fmt_box = dialog.findChild(QComboBox, "exportFormat")
    fmt_box.setCurrentIndex(fmt_box.findData(fmt))
    what_box = dialog.findChild(QComboBox, "exportWhat")
    what_box.setCurrentIndex(what_box.findData(what))
    dialog.findChild(QLineEdit, "exportPath").setText(str(path))


def test_export_accounts_for_french_excel(qtbot, window, tmp_path):
    dialog = _open_dialog(qtbot, window)
    out = tmp_path / "comptes.csv"
    _choose(dialog, "accounts", "csv_semicolon", out)
    qtbot.mouseClick(dialog.findChild(QPushButton, "exportStart"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=10_000)
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0][:3] == ["Name", "Domain", "Sector"]  # labels, in the GUI's language
    acme = next(r for r in rows if r[0] == "Acme Industries")
    assert acme[6] == "Yes"
    assert "3 rows written to" in dialog.status.text()
    assert dialog.bar.value() == dialog.bar.maximum()
    dialog.reject()
    again = _open_dialog(qtbot, window)  # the next export starts where this one ended
    assert again.what.currentData() == "accounts"
    assert again.format.currentData() == "csv_semicolon"
    assert again.path.text() == str(tmp_path / "accounts.csv")
    again.reject()


def test_vcard_means_stakeholders_and_technical_names(qtbot, window, tmp_path):
    dialog = _open_dialog(qtbot, window)
    out = tmp_path / "contacts.vcf"
    _choose(dialog, "deals", "xlsx", out)
    dialog.format.setCurrentIndex(dialog.format.findData("vcard"))
    dialog.path.setText(str(out))
    assert dialog.what.currentData() == "stakeholders"
    assert not dialog.technical.isEnabled()
    assert dialog.path.text() == str(out)
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=10_000)
    names = {c.full_name for c in vcard.read(out).contacts}
    assert "Sophie Laurent" in names
    out = tmp_path / "affaires.xlsx"
    _choose(dialog, "deals", "xlsx", out)
    dialog.technical.setChecked(True)
    dialog.last_result = None
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=10_000)
    from openpyxl import load_workbook

    ws = load_workbook(out).active
    assert next(ws.values)[:2] == ("account", "name")


def test_cancel_keeps_the_old_file(qtbot, window, tmp_path, monkeypatch):
    release = threading.Event()
    real = exports.export_table

    def slow(*args, progress=None, **kwargs):
        def waiting(rows: int) -> None:
            release.wait(5)
            progress(rows)

        return real(*args, progress=waiting, **kwargs)

    monkeypatch.setattr(exports, "export_table", slow)
    dialog = _open_dialog(qtbot, window)
    out = tmp_path / "interactions.csv"
    out.write_text("ancien", encoding="utf-8")
    _choose(dialog, "interactions", "csv_comma", out)
    dialog.start_export()
    assert dialog.is_running() and not dialog.start.isEnabled()
    assert dialog.close_button.text() == "Cancel"
    dialog.cancel_or_close()
    release.set()
    window.runner.wait(10_000)
    assert out.read_text(encoding="utf-8") == "ancien"
    assert "cancelled" in dialog.status.text()
    assert dialog.start.isEnabled() and dialog.close_button.text() == "Close"


def test_errors_are_shown_in_the_dialog(qtbot, window, tmp_path):
    dialog = _open_dialog(qtbot, window)
    _choose(dialog, "accounts", "csv_comma", tmp_path / "nowhere" / "a.csv")
    dialog.start_export()
    qtbot.waitUntil(lambda: "failed" in dialog.status.text(), timeout=10_000)
    assert "no such folder" in dialog.status.text()
    dialog.path.setText(str(tmp_path))
    dialog.start_export()
    assert "folder" in dialog.status.text() and not dialog.is_running()
