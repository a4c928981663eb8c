"""First run: no database yet at the default place. Start empty, with the demo, or by
importing a native bundle folder (SPEC 2).

The database file is created only once a choice is made. The demo and the import
run off the GUI thread behind a ``QProgressDialog``; the import can be cancelled
(its progress callback raises, and the all-or-nothing import writes nothing). A
failed or cancelled import leaves an empty database and the dialog open, with the
one-line reason, so that another choice can be made. Closing the dialog before any
data went in removes the empty file again: the next start welcomes again.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from abmdesk.paths import APP_NAME
from abmdesk.ui.tasks import TaskRunner


class ImportCancelled(Exception):
    """Raised from the import's progress callback when Cancel is pressed."""


class _Progress(QObject):
    """Carries progress from the worker thread to the GUI thread (queued signal)."""

    changed = Signal(str, int)


class WelcomeDialog(QDialog):
    """Objectname ``welcomeDialog``; after ``exec()``, ``engine`` is the open database
    (None when the dialog was closed without a choice)."""

    # Emitted when the chosen work ended: (choice, error message or "").
    work_finished = Signal(str, str)

    def __init__(self, db_path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Welcome to ABM Desk"))
        self.db_path = Path(db_path)
        self.engine: Engine | None = None
        self.choice = ""
        self.report: Any = None
        self.runner = TaskRunner(self)
        self.progress: QProgressDialog | None = None
        self._cancel = threading.Event()
        self._busy = False

        title = QLabel(self.tr("<h2>Welcome to ABM Desk</h2>"), self)
        intro = QLabel(
            self.tr(
                "Your accounts, buying committees, interactions and deals will live in one "
                "file on this computer:<br><tt>%1</tt><br>How do you want to start?"
            ).replace("%1", str(self.db_path)),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty_button = QCommandLinkButton(
            self.tr("Start with an empty database"),
            self.tr("Create your target accounts and their committees yourself."),
            self,
        )
        self.empty_button.setObjectName("welcomeEmpty")
        self.demo_button = QCommandLinkButton(
            self.tr("Explore the demo"),
            self.tr(
                "A French B2B firm's 18 months of ABM: 80 accounts, their committees, "
                "10 000 interactions, deals and costs. Ready in a few seconds."
            ),
            self,
        )
        self.demo_button.setObjectName("welcomeDemo")
        self.import_button = QCommandLinkButton(
            self.tr("Import a bundle folder…"),
            self.tr(
                "A folder of ABM Desk CSV files (accounts.csv, stakeholders.csv, "
                "interactions.csv…), exported from another computer or prepared by hand."
            ),
            self,
        )
        self.import_button.setObjectName("welcomeImport")
        self.user_name = QLineEdit(self)
        self.user_name.setObjectName("welcomeUserName")
        self.user_name.setPlaceholderText(self.tr("First and last name (optional)"))
        name_row = QHBoxLayout()
        name_label = QLabel(self.tr("&Your name, logged with each interaction:"), self)
        name_label.setBuddy(self.user_name)
        name_row.addWidget(name_label)
        name_row.addWidget(self.user_name, 1)
        self.message = QLabel(self)
        self.message.setObjectName("welcomeMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(name_row)
        layout.addSpacing(8)
        layout.addWidget(self.empty_button)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.import_button)
        layout.addWidget(self.message)
        layout.addStretch(1)
        # No layout constraint pushed onto the native window (offscreen warns).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(560, 400)
        self.resize(640, 420)

        self.empty_button.clicked.connect(self.choose_empty)
        self.demo_button.clicked.connect(self.choose_demo)
        self.import_button.clicked.connect(lambda: self.choose_import())

    # --- the database -----------------------------------------------------------------

    def _open(self) -> Engine | None:
        if self.engine is None:
            from abmdesk.errors import AbmError
            from abmdesk.services.database import open_db

            try:
                self.engine = open_db(self.db_path)
            except AbmError as exc:
                self._fail(self.tr("This database cannot be opened: %1").replace("%1", str(exc)))
                return None
        name = self.user_name.text().strip()
        if name:
            from abmdesk.services.settings import set_setting

            set_setting(self.engine, "user_name", name)
        return self.engine

    def _fail(self, text: str) -> None:
        self.message.setText(" ".join(text.split()))  # one line
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.empty_button, self.demo_button, self.import_button):
            button.setEnabled(not busy)

    def is_busy(self) -> bool:
        return self._busy

    # --- the three choices --------------------------------------------------------------

    def choose_empty(self) -> None:
        self.choice = "empty"
        if self._open() is not None:
            self.work_finished.emit("empty", "")
            self.accept()

    def choose_demo(self) -> None:
        engine = self._open()
        if engine is None:
            return
        self.choice = "demo"
        self.message.clear()
        self._set_busy(True)
        self.progress = self._progress_dialog(self.tr("Creating the demo data…"), cancel=False)

        def generate() -> Any:
            from abmdesk.services.demo import generate_demo

            return generate_demo(engine, size="small", seed=1)

        self.runner.submit(
            generate,
            on_done=lambda result: self._done("demo", result),
            on_error=lambda exc: self._error("demo", exc),
            name="welcome-demo",
        )

    def choose_import(self, folder: str | Path | None = None) -> None:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Choose the folder of the bundle"), str(Path.home())
            )
            if not folder:
                return
        engine = self._open()
        if engine is None:
            return
        self.choice = "import"
        self.message.clear()
        self._set_busy(True)
        self._cancel.clear()
        self.progress = self._progress_dialog(self.tr("Importing %1…").replace("%1", str(folder)))
        relay = _Progress(self)
        relay.changed.connect(self._on_progress)
        cancel = self._cancel

        def progress(name: str, rows: int) -> None:
            if cancel.is_set():
                raise ImportCancelled()
            relay.changed.emit(name, rows)

        def run() -> Any:
            from abmdesk.services.bundle import import_bundle

            return import_bundle(engine, Path(folder), progress=progress)

        self.runner.submit(
            run,
            on_done=lambda report: self._done("import", report),
            on_error=lambda exc: self._error("import", exc),
            name="welcome-import",
        )

    def cancel_import(self) -> None:
        """Cancel pressed: the import stops at its next progress call, writing nothing."""
        self._cancel.set()
        if self.progress is not None:
            self.progress.setLabelText(self.tr("Cancelling…"))

    # --- progress and the end of the work ----------------------------------------------

    def _progress_dialog(self, text: str, *, cancel: bool = True) -> QProgressDialog:
        dialog = QProgressDialog(text, self.tr("Cancel") if cancel else "", 0, 0, self)
        dialog.setObjectName("welcomeProgress")
        dialog.setWindowTitle(APP_NAME)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancel:
            dialog.setCancelButton(None)
        dialog.canceled.disconnect()  # do not just hide: ask the import to stop
        dialog.canceled.connect(self.cancel_import)
        dialog.setMinimumWidth(420)
        dialog.show()
        return dialog

    def _on_progress(self, name: str, rows: int) -> None:
        if self.progress is not None and not self._cancel.is_set():
            self.progress.setLabelText(
                self.tr("%1: %2 rows read").replace("%1", name).replace("%2", _int(rows))
            )

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, choice: str, result: Any) -> None:
        self._close_progress()
        self._set_busy(False)
        self.report = result
        self.work_finished.emit(choice, "")
        self.accept()

    def _error(self, choice: str, exc: BaseException) -> None:
        self._close_progress()
        if isinstance(exc, ImportCancelled):
            text = self.tr("Import cancelled: nothing was written, the database is empty.")
        else:
            text = self.tr("Not imported: %1").replace("%1", str(exc) or type(exc).__name__)
            if choice == "demo":
                text = self.tr("The demo data could not be created: %1").replace("%1", str(exc))
        self._fail(text)
        self.work_finished.emit(choice, self.message.text())

    def reject(self) -> None:
        if self._busy:
            if self.choice == "import":
                self.cancel_import()
            return  # the work ends first
        self.runner.shutdown()
        self._remove_if_empty()
        super().reject()

    def done(self, result: int) -> None:
        self.runner.shutdown()
        super().done(result)

    def _remove_if_empty(self) -> None:
        """Closed without data: take the new empty file away again."""
        if self.engine is None:
            return
        from abmdesk.services.database import is_empty

        try:
            empty = is_empty(self.engine)
        finally:
            self.engine.dispose()
        self.engine = None
        if empty:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.db_path}{suffix}").unlink(missing_ok=True)


def _int(value: int) -> str:
    from PySide6.QtCore import QLocale

    return QLocale().toString(int(value))


def first_run(db_path: str | Path, parent: QWidget | None = None) -> Engine | None:
    """Show the welcome dialog; the open database, or None when it was closed."""
    dialog = WelcomeDialog(db_path, parent)
    dialog.exec()
    engine = dialog.engine if dialog.result() == QDialog.DialogCode.Accepted else None
    dialog.deleteLater()
    return engine


# For app.py: True when the welcome dialog should be shown before the main window.
def needs_welcome(db_path: str | Path) -> bool:
    return not Path(db_path).exists()
