"""The undo infrastructure: an edit done now, undone and redone through services."""

from __future__ import annotations

from abmdesk.errors import ValidationError
from abmdesk.ui.changes import Changes


def test_edit_undo_redo_calls_services_and_announces(window):
    ctx = window.ctx
    log: list[str] = []
    announced: list[Changes] = []
    window.changes_applied.connect(announced.append)

    def do() -> int:
        log.append("do")
        return len(log)

    ctx.edit("Change", do, lambda n: lambda: log.append(f"undo {n}"), Changes(stakeholders=True))
    assert log == ["do"] and ctx.undo_stack.canUndo()
    ctx.undo_stack.undo()
    assert log == ["do", "undo 1"]
    ctx.undo_stack.redo()
    assert log == ["do", "undo 1", "do"]
    ctx.undo_stack.undo()
    assert log[-1] == "undo 3"  # the redo's own result is what undo takes back
    assert all(c.stakeholders for c in announced) and len(announced) == 4


def test_refused_edit_pushes_nothing(window):
    import pytest

    ctx = window.ctx

    def refuse() -> None:
        raise ValidationError("a reporting cycle")

    with pytest.raises(ValidationError):
        ctx.edit("Bad", refuse, lambda _r: lambda: None, Changes(stakeholders=True))
    assert ctx.undo_stack.count() == 0
