"""What every tab shares: the open database, the formatter and the task runner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtGui import QUndoStack
from sqlalchemy import Engine

from abmdesk.ui.changes import Changes
from abmdesk.ui.formatting import Formatter
from abmdesk.ui.tasks import TaskRunner


@dataclass
class AppContext:
    """Mutable on purpose: opening another database swaps ``engine`` and ``db_path``."""

    engine: Engine
    db_path: Path
    fmt: Formatter
    runner: TaskRunner
    #: The window's one undo stack: every edit of every tab goes on it.
    undo_stack: QUndoStack = field(default_factory=QUndoStack)
    #: Tell every tab what an operation changed (the main window's apply_changes).
    announce: Callable[[Changes], None] = lambda _changes: None

    def edit(
        self,
        text: str,
        do: Callable[[], Any],
        undo_from: Callable[[Any], Callable[[], Any]],
        changes: Changes,
        parent_widget: Any = None,
    ) -> Any:
        """Make an undoable edit: ``do`` now, ``undo_from(result)`` on Ctrl+Z.

        Raises AbmError (nothing pushed) when the service refuses the edit.
        """
        from abmdesk.ui.undo import run_edit_with_result

        return run_edit_with_result(
            self.undo_stack, text, do, undo_from, changes, self.announce, parent_widget
        )
