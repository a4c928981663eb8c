"""File ▸ Board report (PDF)…: choose a file, write the report off the GUI thread.

The period is the KPI tab's (its filters of segment, sector… do not apply: the board
report covers the whole business), else the last 12 months. The report is written by
``abmdesk.reports.board.build_report`` in the window's task runner, with a progress
dialog whose Cancel stops the worker at its next step (nothing is left on disk).
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QProgressDialog


def report_period(window: Any, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The KPI tab's period when it has a valid one, else the last 12 months."""
    today = today or dt.date.today()
    tab = getattr(window, "kpi_tab", None)
    period = getattr(tab, "period", None)
    if callable(period):
        try:
            start, end = period()
        except (TypeError, ValueError):
            start = end = None
        if isinstance(start, dt.date) and isinstance(end, dt.date) and start <= end:
            return start, end
    try:
        start = today.replace(year=today.year - 1) + dt.timedelta(days=1)
    except ValueError:  # 29 February
        start = today.replace(year=today.year - 1, day=28) + dt.timedelta(days=1)
    return start, today


def report_language() -> str:
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def default_file_name(start: dt.date, end: dt.date, lang: str) -> str:
    stem = "Rapport au conseil" if lang == "fr" else "Board report"
    return f"{stem} {start.isoformat()} – {end.isoformat()}.pdf"


class BoardReportJob:
    """One report being written: the progress dialog and the worker task."""

    def __init__(self, window: QMainWindow, path: Path, start: dt.date, end: dt.date) -> None:
        self.window = window
        self.path = path
        self.period = (start, end)
        self.lang = report_language()
        self.task: Any = None
        self.summary: Any = None
        self.error: BaseException | None = None
        self._fraction = 0.0
        self._lock = threading.Lock()
        self.dialog = QProgressDialog(
            QCoreApplication.translate("BoardReportAction", "Writing the board report…"),
            QCoreApplication.translate("BoardReportAction", "Cancel"),
            0,
            100,
            window,
        )
        self.dialog.setObjectName("boardReportProgress")
        self.dialog.setWindowTitle(
            QCoreApplication.translate("BoardReportAction", "Board report (PDF)")
        )
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.dialog.setValue(0)
        self.dialog.canceled.connect(self.cancel)
        self.timer = QTimer(window)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._show_progress)

    def start(self) -> None:
        from abmdesk.reports.board import ReportCancelled, build_report
        from abmdesk.reports.fonts import register_fonts

        register_fonts()  # on the GUI thread, before the worker paints
        engine = self.window.ctx.engine  # type: ignore[attr-defined]
        start, end = self.period

        def work(task: Any) -> Any:
            def progress(fraction: float) -> None:
                if task.is_cancelled():
                    raise ReportCancelled("cancelled")
                with self._lock:
                    self._fraction = fraction

            return build_report(engine, start, end, self.path, self.lang, progress)

        runner = self.window.runner  # type: ignore[attr-defined]
        self.task = runner.submit(
            work, on_done=self._done, on_error=self._failed, name="board-report", pass_task=True
        )
        self.timer.start()

    def _show_progress(self) -> None:
        with self._lock:
            fraction = self._fraction
        self.dialog.setValue(min(99, round(100 * fraction)))

    def _finish(self) -> None:
        self.timer.stop()
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
        self._finish()
        self.window.statusBar().showMessage(
            QCoreApplication.translate("BoardReportAction", "Board report cancelled."), 5000
        )

    def _done(self, summary: Any) -> None:
        self.summary = summary
        self._finish()
        message = (
            QCoreApplication.translate("BoardReportAction", "Board report written: %1 (%2 pages).")
            .replace("%1", str(summary.path))
            .replace("%2", QLocale().toString(int(summary.pages)))
        )
        self.window.statusBar().showMessage(message, 10000)

    def _failed(self, exc: BaseException) -> None:
        self.error = exc
        self._finish()
        QMessageBox.warning(
            self.window,
            QCoreApplication.translate("BoardReportAction", "Board report (PDF)"),
            QCoreApplication.translate(
                "BoardReportAction", "The board report could not be written:\n%1"
            ).replace("%1", str(exc)),
        )


def choose_and_write(window: QMainWindow) -> BoardReportJob | None:
    """Ask for the PDF file, then write the report in the background."""
    start, end = report_period(window)
    lang = report_language()
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = str(Path(folder or Path.home()) / default_file_name(start, end, lang))
    path, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("BoardReportAction", "Board report (PDF)"),
        suggested,
        QCoreApplication.translate("BoardReportAction", "PDF documents (*.pdf)"),
    )
    if not path:
        return None
    return write_report(window, Path(path), start, end)


def write_report(
    window: QMainWindow, path: Path, start: dt.date, end: dt.date
) -> BoardReportJob | None:
    """Write the report to ``path`` (``.pdf`` added when missing); refused at once with one
    clear message when the folder cannot be written."""
    from abmdesk.reports.board import ReportError, check_output

    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        check_output(path)
    except ReportError as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("BoardReportAction", "Board report (PDF)"), str(exc)
        )
        return None
    job = BoardReportJob(window, path, start, end)
    window._board_report_job = job  # type: ignore[attr-defined]  # kept alive while it runs
    job.start()
    return job


def add_board_report_action(window: QMainWindow, menu: QMenu) -> QAction:
    """The ``actionBoardReport`` entry, added to ``menu`` (the File menu)."""
    action = QAction(
        QCoreApplication.translate("BoardReportAction", "&Board report (PDF)…"), window
    )
    action.setObjectName("actionBoardReport")
    tip = QCoreApplication.translate(
        "BoardReportAction", "Write the board-meeting report of the KPI tab's period as a PDF"
    )
    action.setStatusTip(tip)
    action.setToolTip(tip)
    action.triggered.connect(lambda: choose_and_write(window))
    menu.addAction(action)
    return action
