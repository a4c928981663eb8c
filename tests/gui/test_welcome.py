"""First run: the welcome dialog's three ways in, called directly."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from abmdesk.services import records
from abmdesk.services.database import is_empty
from abmdesk.services.settings import load_settings
from abmdesk.ui.welcome import ImportCancelled, WelcomeDialog, needs_welcome

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def dialog(qtbot, tmp_path):
    path = tmp_path / "first" / "abmdesk.db"
    path.parent.mkdir()
    assert needs_welcome(path)
    dlg = WelcomeDialog(path)
    qtbot.addWidget(dlg)
    yield dlg
    if dlg.engine is not None:
        dlg.engine.dispose()


def _finish(qtbot, dlg):
    with qtbot.waitSignal(dlg.work_finished, timeout=60_000) as blocker:
        pass
    return blocker.args


def test_empty_database(dialog):
    dialog.user_name.setText("Claire Martin")
    dialog.choose_empty()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.db_path.exists() and not needs_welcome(dialog.db_path)
    assert is_empty(dialog.engine)
    assert load_settings(dialog.engine).user_name == "Claire Martin"


def test_demo_in_the_background(qtbot, dialog):
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.choose_demo()
    assert dialog.is_busy() and not dialog.demo_button.isEnabled()
    assert dialog.progress is not None and dialog.progress.isVisible()
    choice, error = _finish(qtbot, dialog)
    assert (choice, error) == ("demo", "")
    assert dialog.result() == dialog.DialogCode.Accepted
    assert records.count_accounts(dialog.engine) == 80
    assert dialog.progress is None


def test_import_a_bundle(qtbot, dialog):
    dialog.choose_import(FIXTURES / "bundle_rich")
    assert _finish(qtbot, dialog) == ["import", ""]
    assert dialog.result() == dialog.DialogCode.Accepted
    assert records.count_accounts(dialog.engine) > 0
    assert dialog.report.files


def test_a_bad_bundle_leaves_an_empty_database_and_one_line(qtbot, dialog, tmp_path):
    bad = tmp_path / "bad"
    shutil.copytree(FIXTURES / "bundle_rich", bad)
    (bad / "accounts.csv").write_text("name,employees\nAcme,beaucoup\n", encoding="utf-8")
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.choose_import(bad)
    choice, error = _finish(qtbot, dialog)
    assert choice == "import" and "accounts.csv" in error and "\n" not in error
    assert dialog.message.text() == error and dialog.isVisible()
    assert dialog.result() != dialog.DialogCode.Accepted and not dialog.is_busy()
    assert is_empty(dialog.engine)
    # Another choice is still possible.
    dialog.choose_empty()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_cancel_stops_the_import(qtbot, dialog, monkeypatch):
    from abmdesk.services import bundle

    calls = []

    def slow_import(engine, folder, progress=None):
        for rows in range(0, 10_000_000, 1000):
            calls.append(rows)
            progress("interactions.csv", rows)
            time.sleep(0.005)
        raise AssertionError("never cancelled")

    monkeypatch.setattr(bundle, "import_bundle", slow_import)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.choose_import(FIXTURES / "bundle_rich")
    qtbot.waitUntil(lambda: len(calls) > 3)
    qtbot.waitUntil(lambda: "interactions.csv" in dialog.progress.labelText())
    from PySide6.QtWidgets import QPushButton

    dialog.progress.findChild(QPushButton).click()  # Cancel
    choice, error = _finish(qtbot, dialog)
    assert choice == "import" and "cancel" in error.lower()
    assert is_empty(dialog.engine) and dialog.isVisible()
    assert issubclass(ImportCancelled, Exception)


def test_closing_without_a_choice_leaves_no_file(dialog):
    dialog.reject()
    assert dialog.engine is None and not dialog.db_path.exists()


def test_closing_after_a_failed_import_removes_the_empty_file(qtbot, dialog, tmp_path):
    (tmp_path / "bad2").mkdir()
    (tmp_path / "bad2" / "accounts.csv").write_text("employees\n3\n", encoding="utf-8")
    dialog.choose_import(tmp_path / "bad2")
    _finish(qtbot, dialog)
    assert dialog.db_path.exists()
    dialog.reject()
    assert not dialog.db_path.exists()
