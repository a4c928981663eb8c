"""Run long work off the GUI thread, and get its result back on the GUI thread.

``TaskRunner.submit(fn, on_done=..., on_error=...)`` runs ``fn`` in a private
``QThreadPool`` and calls ``on_done(result)`` (or ``on_error(exception)``) on the
thread that owns the runner, through a queued signal. ``Task.cancel()`` drops the
result: Python threads cannot be stopped from outside, so a function that wants
to stop early is given the task (``pass_task=True``) and checks
``task.is_cancelled()``. ``shutdown()`` cancels everything and waits, so nothing
calls back into a window that is gone (after Orange's ``concurrent.py``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger("abmdesk.ui.tasks")


class Task:
    """A handle on submitted work."""

    def __init__(self, name: str = "") -> None:
        self.name = name
        self._cancelled = threading.Event()
        self._finished = threading.Event()

    def cancel(self) -> None:
        """Drop the result; a cooperative function may also stop early."""
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def is_finished(self) -> bool:
        return self._finished.is_set()

    def __repr__(self) -> str:
        return f"<Task {self.name or id(self)} cancelled={self.is_cancelled()}>"


class _Relay(QObject):
    """Lives on the GUI thread; worker threads emit, the GUI thread receives."""

    succeeded = Signal(object, object)
    failed = Signal(object, object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], task: Task, relay: _Relay, pass_task: bool) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._task = task
        self._relay = relay
        self._pass_task = pass_task

    def run(self) -> None:
        task = self._task
        try:
            if task.is_cancelled():
                result: Any = None
            else:
                result = self._fn(task) if self._pass_task else self._fn()
        except BaseException as exc:  # delivered to on_error on the GUI thread
            task._finished.set()
            self._relay.failed.emit(task, exc)
        else:
            task._finished.set()
            self._relay.succeeded.emit(task, result)


class TaskRunner(QObject):
    """A small pool of worker threads with results delivered by signal."""

    #: (task, result) after on_done ran; for tests and status displays.
    task_done = Signal(object, object)
    #: (task, exception) after on_error ran.
    task_failed = Signal(object, object)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.succeeded.connect(self._on_succeeded)
        self._relay.failed.connect(self._on_failed)
        self._callbacks: dict[Task, tuple[Callable[[Any], None] | None, Callable | None]] = {}

    def submit(
        self,
        fn: Callable[..., Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        name: str = "",
        pass_task: bool = False,
    ) -> Task:
        """Run ``fn()`` (or ``fn(task)``) in a worker thread."""
        task = Task(name)
        self._callbacks[task] = (on_done, on_error)
        self._pool.start(_Job(fn, task, self._relay, pass_task))
        return task

    def pending(self) -> list[Task]:
        return list(self._callbacks)

    def cancel_all(self) -> None:
        for task in self._callbacks:
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every worker is idle (True) or ``msecs`` passed (False)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 30_000) -> None:
        self.cancel_all()
        self._pool.waitForDone(msecs)
        self._callbacks.clear()

    @Slot(object, object)
    def _on_succeeded(self, task: Task, result: object) -> None:
        on_done, _ = self._callbacks.pop(task, (None, None))
        if task.is_cancelled():
            return
        if on_done is not None:
            on_done(result)
        self.task_done.emit(task, result)

    @Slot(object, object)
    def _on_failed(self, task: Task, exc: BaseException) -> None:
        _, on_error = self._callbacks.pop(task, (None, None))
        if task.is_cancelled():
            return
        if on_error is not None:
            on_error(exc)
        else:
            log.error("task %s failed", task, exc_info=exc)
        self.task_failed.emit(task, exc)
