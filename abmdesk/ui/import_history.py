"""File → Import history…: every import batch, and "Undo this import" for one of them.

The undo asks first, then runs ``abmdesk.services.imports.undo_import`` in the window's
task runner (one transaction) and announces what it changed so the tabs reload.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from abmdesk.errors import AbmError
from abmdesk.services import imports
from abmdesk.ui.context import AppContext
from abmdesk.ui.formatting import Formatter
from abmdesk.ui.import_wizard import (
    RowsModel,
    _one_line,
    _table,
    changes_of,
    format_label,
    kind_label,
)
from abmdesk.ui.tasks import Task


def confirm_undo(parent: QWidget | None, what: str) -> bool:
    """Ask before undoing the import ``what`` (its files, its date); tests replace this."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ImportHistory", "Undo this import"),
        QCoreApplication.translate(
            "ImportHistory",
            "Undo the import of %1?\n\nWhat it created is deleted and the values it changed "
            "are put back. People or accounts that gained interactions or other data since "
            "are kept.",
        ).replace("%1", what),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    undo = box.addButton(
        QCoreApplication.translate("ImportHistory", "Undo the import"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("ImportHistory", "Keep it"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is undo


def batch_description(files: Sequence[str], when: str = "") -> str:
    """« contacts.csv, carnet.vcf (04/12/2026 15:25) »: what the confirmation names."""
    names = ", ".join(files[:3])
    if len(files) > 3:
        names += QCoreApplication.translate("ImportHistory", " and %1 more").replace(
            "%1", str(len(files) - 3)
        )
    return f"{names} ({when})" if when else names


def undo_text(result: imports.UndoResult, fmt: Formatter) -> str:
    """« Import annulé. Supprimés : 3 comptes, 5 interlocuteurs. Rétablis : 1 compte. »"""
    names = {
        "accounts": kind_label("accounts").lower(),
        "stakeholders": kind_label("stakeholders").lower(),
        "deals": kind_label("deals").lower(),
        "interactions": QCoreApplication.translate("ImportHistory", "interactions"),
    }

    def listing(counts: dict[str, int]) -> str:
        parts = [f"{fmt.integer(n)} {names.get(t, t)}" for t, n in counts.items() if n]
        return ", ".join(parts) or QCoreApplication.translate("ImportHistory", "nothing")

    text = (
        QCoreApplication.translate("ImportHistory", "Import undone. Deleted: %1. Put back: %2.")
        .replace("%1", listing(result.deleted))
        .replace("%2", listing(result.restored))
    )
    if any(result.kept.values()):
        text += " " + QCoreApplication.translate(
            "ImportHistory", "Kept, as they changed or gained data since: %1."
        ).replace("%1", listing(result.kept))
    return text


def start_undo(
    ctx: AppContext,
    batch_id: uuid.UUID,
    on_done: Callable[[imports.UndoResult], None],
    on_error: Callable[[BaseException], None],
) -> Task:
    """Undo ``batch_id`` off the GUI thread; announce what changed, then ``on_done``."""
    engine = ctx.engine

    def done(result: imports.UndoResult) -> None:
        ctx.announce(changes_of(result.changed_tables))
        on_done(result)

    return ctx.runner.submit(
        lambda: imports.undo_import(engine, batch_id),
        on_done=done,
        on_error=on_error,
        name="import-undo",
    )


class ImportHistoryDialog(QDialog):
    """ObjectNames: ``importHistory`` (dialog), ``importBatches`` (table),
    ``importUndoBatch`` (button), ``importHistoryStatus`` (label)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.batches: list[imports.BatchInfo] = []
        self.last_undo: imports.UndoResult | None = None
        self.setObjectName("importHistory")
        self.setWindowTitle(self.tr("Import history"))
        intro = QLabel(
            self.tr(
                "Every import, newest first. Undoing one deletes what it created and puts "
                "back the values it changed."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.model = RowsModel(parent=self)
        self.view = _table("importBatches", self.model, self)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.selectionModel().selectionChanged.connect(self._update_button)
        self.status = QLabel(self)
        self.status.setObjectName("importHistoryStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(self)
        self.undo_button = QPushButton(self.tr("&Undo this import"), self)
        self.undo_button.setObjectName("importUndoBatch")
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("importHistoryClose")
        close.clicked.connect(self.reject)
        self.undo_button.clicked.connect(self.undo_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(760, 420)
        self.resize(980, 520)
        self.reload()

    def reload(self) -> None:
        try:
            self.batches = imports.list_batches(self.ctx.engine)
        except AbmError as exc:
            self.batches = []
            self.status.setText(_one_line(exc))
        fmt = self.ctx.fmt
        headers = [
            self.tr("Date"),
            self.tr("Format"),
            self.tr("Files"),
            self.tr("What it did"),
            self.tr("State"),
        ]
        rows, tips = [], []
        for b in self.batches:
            what = self._what(b.summary.get("counts", {}), fmt)
            if b.undone_at is not None:
                state = self.tr("Undone on %1").replace("%1", fmt.datetime(b.undone_at))
            else:
                state = self.tr("In place")
            formats = ", ".join(format_label(f) for f in b.format.split(",") if f)
            rows.append((fmt.datetime(b.created_at), formats, ", ".join(b.files), what, state))
            tips.append(self.tr("Batch %1").replace("%1", str(b.id)))
        self.model.set_rows(headers, rows, tips=tips)
        header = self.view.horizontalHeader()
        for column, width in enumerate((130, 170, 220, 300)):
            header.resizeSection(column, width)
        self.view.resizeRowsToContents()
        for row in range(len(rows)):
            self.view.setRowHeight(row, self.view.rowHeight(row) + 8)
        if rows:
            self.view.selectRow(0)
        self._update_button()

    def _what(self, counts: dict[str, Any], fmt: Formatter) -> str:
        parts = []
        for kind in imports.KINDS:
            c = counts.get(kind) or {}
            created, updated = c.get("created", 0), c.get("updated", 0)
            if not (created or updated):
                continue
            parts.append(
                self.tr("%1: %2 new, %3 updated")
                .replace("%1", kind_label(kind))
                .replace("%2", fmt.integer(created))
                .replace("%3", fmt.integer(updated))
            )
        return "\n".join(parts)

    def selected(self) -> imports.BatchInfo | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows or not (0 <= rows[0].row() < len(self.batches)):
            return None
        return self.batches[rows[0].row()]

    def select_batch(self, batch_id: uuid.UUID) -> None:
        for row, b in enumerate(self.batches):
            if b.id == batch_id:
                self.view.selectRow(row)

    def _update_button(self, *_args: object) -> None:
        batch = self.selected()
        self.undo_button.setEnabled(
            self.task is None and batch is not None and batch.undone_at is None
        )

    def undo_selected(self) -> None:
        batch = self.selected()
        if batch is None or batch.undone_at is not None or self.task is not None:
            return
        what = batch_description(batch.files, self.ctx.fmt.datetime(batch.created_at))
        if not confirm_undo(self, what):
            return
        self.status.setText(self.tr("Undoing the import…"))
        self.task = start_undo(self.ctx, batch.id, self._on_undone, self._on_error)
        self._update_button()

    def _on_undone(self, result: imports.UndoResult) -> None:
        self.task = None
        self.last_undo = result
        self.status.setText(undo_text(result, self.ctx.fmt))
        self.reload()
        self.select_batch(result.batch_id)

    def _on_error(self, exc: BaseException) -> None:
        self.task = None
        self.status.setText(_one_line(exc))
        self._update_button()

    def reject(self) -> None:
        # A running undo goes on (it is one transaction); its result is announced anyway.
        super().reject()
