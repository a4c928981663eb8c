"""Undo and redo: every edit is a QUndoCommand made of two service calls.

The edit is done first, outside the stack, so that a refused edit (a reporting
cycle, a missing name) shows its message and leaves nothing on the stack; the
command is then pushed as already done. Undo and redo call services again and
announce what changed, so the views reload only what they show.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from abmdesk.errors import AbmError
from abmdesk.ui.changes import Changes

log = logging.getLogger("abmdesk.ui.undo")


class OperationCommand(QUndoCommand):
    """``do`` and ``undo`` are service calls; ``changes`` says what they touch."""

    def __init__(
        self,
        text: str,
        do: Callable[[], Any],
        undo: Callable[[], Any],
        changes: Changes,
        announce: Callable[[Changes], None],
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._changes = changes
        self._announce = announce
        self._widget = parent_widget
        self._done = True  # pushed after the edit was made

    def _call(self, fn: Callable[[], Any]) -> None:
        try:
            fn()
        except AbmError as exc:
            log.warning("undo/redo refused: %s", exc)
            QMessageBox.warning(self._widget, self.text(), str(exc))
            self.setObsolete(True)
        self._announce(self._changes)

    def redo(self) -> None:
        if self._done:  # the first redo is the push: the edit is already made
            self._done = False
            return
        self._call(self._do)

    def undo(self) -> None:
        self._call(self._undo)


def run_edit(
    stack: QUndoStack,
    text: str,
    do: Callable[[], Any],
    undo: Callable[[], Any],
    changes: Changes,
    announce: Callable[[Changes], None],
    parent_widget: QWidget | None = None,
) -> Any:
    """Do an edit now and put it on the undo stack; raises AbmError when refused.

    ``undo`` may be built from the result of ``do``: pass ``undo`` as a callable
    taking that result by closing over a holder, or use :func:`run_edit_with_result`.
    """
    result = do()
    stack.push(OperationCommand(text, do, undo, changes, announce, parent_widget))
    announce(changes)
    return result


def run_edit_with_result(
    stack: QUndoStack,
    text: str,
    do: Callable[[], Any],
    undo_from: Callable[[Any], Callable[[], Any]],
    changes: Changes,
    announce: Callable[[Changes], None],
    parent_widget: QWidget | None = None,
) -> Any:
    """Like :func:`run_edit` when undoing needs what ``do`` returned (a new id, a
    snapshot of deleted rows); a redo calls ``do`` again and keeps its new result."""
    holder: dict[str, Any] = {"result": do()}

    def redo() -> None:
        holder["result"] = do()

    def undo() -> None:
        undo_from(holder["result"])()

    stack.push(OperationCommand(text, redo, undo, changes, announce, parent_widget))
    announce(changes)
    return holder["result"]
