"""File → Export…: one table to CSV (French Excel or plain), Excel XLSX or vCard.

The export runs in the window's task runner with a progress bar and a cancel button;
it calls the same service as ``abmdesk export --format csv|xlsx|vcard``. Column names
and stored keys (roles, stages, types…) are written in the user's language unless
"technical names" is ticked (the native bundle's keys, for re-importing elsewhere).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, QStandardPaths, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from abmdesk import domain
from abmdesk.services import exports
from abmdesk.ui import labels
from abmdesk.ui.context import AppContext
from abmdesk.ui.tasks import Task

# Format choices: (key, service format, separator, file suffix).
FORMATS: tuple[tuple[str, str, str, str], ...] = (
    ("csv_semicolon", "csv", ";", ".csv"),
    ("csv_comma", "csv", ",", ".csv"),
    ("xlsx", "xlsx", ";", ".xlsx"),
    ("vcard", "vcard", ";", ".vcf"),
)


class ExportCancelled(Exception):
    """Raised in the worker by the progress callback once the user cancels."""


class _Progress(QObject):
    """Emitted from the worker thread, received on the GUI thread."""

    rows = Signal(int)


#: The last choices of this session (table, format, folder): the next export starts there.
_LAST: dict[str, Any] = {}


class ExportDialog(QDialog):
    """ObjectNames: ``exportWhat``, ``exportFormat``, ``exportPath``, ``exportBrowse``,
    ``exportTechnical``, ``exportProgress``, ``exportStatus``, ``exportStart``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.last_result: exports.ExportResult | None = None
        self._progress = _Progress(self)
        self._progress.rows.connect(self._on_rows)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self.setMinimumWidth(560)

        self.what = QComboBox(self)
        self.what.setObjectName("exportWhat")
        for key, text in (
            ("accounts", self.tr("Accounts")),
            ("stakeholders", self.tr("Stakeholders (contacts)")),
            ("interactions", self.tr("Interactions")),
            ("deals", self.tr("Deals")),
        ):
            self.what.addItem(text, key)
        self.format = QComboBox(self)
        self.format.setObjectName("exportFormat")
        format_texts = {
            "csv_semicolon": self.tr("CSV for Excel in French (separator ;)"),
            "csv_comma": self.tr("CSV, separator , (other tools)"),
            "xlsx": self.tr("Excel workbook (.xlsx)"),
            "vcard": self.tr("vCard address book (.vcf), stakeholders only"),
        }
        for key, *_ in FORMATS:
            self.format.addItem(format_texts[key], key)
        self.path = QLineEdit(self)
        self.path.setObjectName("exportPath")
        self.path.setClearButtonEnabled(True)
        self.browse = QPushButton(self.tr("Browse…"), self)
        self.browse.setObjectName("exportBrowse")
        self.browse.clicked.connect(self.choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        self.technical = QCheckBox(
            self.tr("Technical column names and values (to import into another tool)"), self
        )
        self.technical.setObjectName("exportTechnical")

        form = QFormLayout()
        form.addRow(self.tr("&Data:"), self.what)
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("File:"), path_row)
        form.addRow("", self.technical)

        self.bar = QProgressBar(self)
        self.bar.setObjectName("exportProgress")
        self.bar.setValue(0)
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.start = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start.setObjectName("exportStart")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("exportClose")
        self.start.clicked.connect(self.start_export)
        self.close_button.clicked.connect(self.cancel_or_close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        for box, key in ((self.format, "format"), (self.what, "what")):
            index = box.findData(_LAST.get(key))
            if index >= 0:
                box.setCurrentIndex(index)
        self.what.currentIndexChanged.connect(self._on_choice)
        self.format.currentIndexChanged.connect(self._on_choice)
        self._on_choice()
        # The size is fixed before the dialog is shown: room for a two-line message, and
        # no size constraint pushed onto the native window afterwards (offscreen warns).
        self.status.setMinimumHeight(2 * self.status.fontMetrics().lineSpacing())
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        hint = self.sizeHint().expandedTo(self.minimumSize())
        self.setMinimumSize(hint)
        self.resize(hint)

    # --- choices ----------------------------------------------------------------------

    def _format(self) -> tuple[str, str, str, str]:
        key = self.format.currentData()
        return next(f for f in FORMATS if f[0] == key)

    def _default_name(self) -> str:
        names = {
            "accounts": self.tr("accounts"),
            "stakeholders": self.tr("stakeholders"),
            "interactions": self.tr("interactions"),
            "deals": self.tr("deals"),
        }
        return names[self.what.currentData()] + self._format()[3]

    def _folder(self) -> Path:
        current = self.path.text().strip()
        if current:
            return Path(current).expanduser().parent
        if _LAST.get("folder") and Path(_LAST["folder"]).is_dir():
            return Path(_LAST["folder"])
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs) if docs and Path(docs).is_dir() else Path.home()

    def _on_choice(self) -> None:
        vcard = self.format.currentData() == "vcard"
        if vcard and self.what.currentData() != "stakeholders":
            self.what.blockSignals(True)
            self.what.setCurrentIndex(self.what.findData("stakeholders"))
            self.what.blockSignals(False)
        self.technical.setEnabled(not vcard)
        self.path.setText(str(self._folder() / self._default_name()))
        self.status.clear()
        self._idle_bar()

    def _idle_bar(self) -> None:
        self.bar.setValue(0)
        self.bar.setTextVisible(False)

    def choose_path(self) -> None:
        suffix = self._format()[3]
        filters = {
            ".csv": self.tr("CSV files (*.csv)"),
            ".xlsx": self.tr("Excel workbooks (*.xlsx)"),
            ".vcf": self.tr("vCard files (*.vcf)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path.text(), filters[suffix]
        )
        if path:
            if not Path(path).suffix:
                path += suffix
            self.path.setText(path)

    # --- labels -----------------------------------------------------------------------

    def headers(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"),
            "domain": self.tr("Domain"),
            "sector": self.tr("Sector"),
            "employees": self.tr("Employees"),
            "country": self.tr("Country"),
            "tier": self.tr("Tier"),
            "is_target": self.tr("Target account"),
            "target_since": self.tr("Target since"),
            "committee_size": self.tr("Committee size"),
            "retention_years": self.tr("Retention (years)"),
            "owner": self.tr("Owner"),
            "account": self.tr("Account"),
            "full_name": self.tr("Full name"),
            "title": self.tr("Job title"),
            "email": self.tr("E-mail"),
            "phone": self.tr("Phone"),
            "role": self.tr("Role"),
            "attitude": self.tr("Attitude"),
            "reports_to": self.tr("Reports to"),
            "placeholder": self.tr("Empty seat"),
            "type": self.tr("Type"),
            "occurred_at": self.tr("Date"),
            "stakeholder": self.tr("Stakeholder"),
            "stakeholder_email": self.tr("Stakeholder e-mail"),
            "duration_minutes": self.tr("Duration (min)"),
            "logged_by": self.tr("Logged by"),
            "notes": self.tr("Notes"),
            "created_at": self.tr("Created on"),
            "amount": self.tr("Amount"),
            "status": self.tr("Status"),
            "stage": self.tr("Stage"),
            "closed_at": self.tr("Closed on"),
        }

    def value_labels(self) -> dict[str, dict[str, str]]:
        yes_no = {"true": self.tr("Yes"), "false": self.tr("No")}
        return {
            "role": {k: labels.role_label(k) for k in domain.ROLES},
            "attitude": {k: labels.attitude_label(k) for k in domain.ATTITUDES},
            "status": {k: labels.status_label(k) for k in domain.DEAL_STATUSES},
            "stage": {k: labels.stage_label(k) for k in domain.STAGES},
            "type": {k: labels.type_label(k) for k in domain.DEFAULT_INTERACTION_TYPES},
            "is_target": yes_no,
            "placeholder": yes_no,
        }

    # --- running ----------------------------------------------------------------------

    def is_running(self) -> bool:
        return self.task is not None

    def start_export(self) -> None:
        if self.is_running():
            return
        text = self.path.text().strip()
        if not text:
            self.status.setText(self.tr("Choose the file to write."))
            return
        path = Path(text).expanduser()
        if path.is_dir():
            self.status.setText(self.tr("This is a folder: give the name of the file to write."))
            return
        _, fmt, sep, _suffix = self._format()
        what = self.what.currentData()
        technical = self.technical.isChecked() or fmt == "vcard"
        headers = None if technical else self.headers()
        values = self.value_labels() if not technical or fmt == "vcard" else None
        if fmt == "vcard":
            values = {"role": self.value_labels()["role"]}
        engine = self.ctx.engine
        sheet = None if technical else self.what.currentText()[:31]
        try:
            total = exports.count_rows(engine, what)
        except Exception:  # noqa: BLE001 - the export itself will say what is wrong
            total = 0
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(0)
        self.bar.setTextVisible(True)
        self.status.setText(self.tr("Exporting…"))
        self._set_running(True)
        progress = self._progress

        def run(task: Task) -> exports.ExportResult:
            def report(rows: int) -> None:
                if task.is_cancelled():
                    raise ExportCancelled
                progress.rows.emit(rows)

            return exports.export_table(
                engine,
                what,
                path,
                fmt,
                sep=sep,
                headers=headers,
                value_labels=values,
                sheet=sheet,
                progress=report,
            )

        self.task = self.ctx.runner.submit(
            run, on_done=self._on_done, on_error=self._on_error, name="export", pass_task=True
        )

    def _set_running(self, running: bool) -> None:
        for widget in (self.what, self.format, self.path, self.browse, self.technical):
            widget.setEnabled(not running)
        if not running:
            self.technical.setEnabled(self.format.currentData() != "vcard")
        self.start.setEnabled(not running)
        self.close_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    def _on_rows(self, rows: int) -> None:
        if self.is_running():
            self.bar.setValue(min(rows, self.bar.maximum()))

    def _on_done(self, result: exports.ExportResult) -> None:
        self.task = None
        _LAST.update(
            what=self.what.currentData(),
            format=self.format.currentData(),
            folder=str(result.path.parent),
        )
        self.last_result = result
        self._set_running(False)
        self.bar.setValue(self.bar.maximum())
        count = QLocale().toString(result.rows)
        if result.format == "vcard":
            message = self.tr("%1 cards written to %2")
        else:
            message = self.tr("%1 rows written to %2")
        self.status.setText(message.replace("%1", count).replace("%2", str(result.path)))

    def _on_error(self, exc: BaseException) -> None:
        self.task = None
        self._set_running(False)
        self._idle_bar()
        self.status.setText(self.tr("The export failed: %1").replace("%1", str(exc)))

    def cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()  # the worker stops at its next batch; the old file stays
            self.task = None
            self._set_running(False)
            self._idle_bar()
            self.status.setText(self.tr("Export cancelled: no file was written."))
            return
        self.reject()

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None
        super().reject()
