"""The Qt binding must not lose references to None, True or False.

PySide6-Essentials 6.12.0 for CPython 3.11 took one reference away from ``None`` on
every void call, and the process aborted ("none_dealloc") after a few thousand
calls: pyproject.toml pins below 6.12. This test fails if a binding with such a
bug is installed again.
"""

from __future__ import annotations

import sys


def test_void_calls_keep_none_true_and_false_alive():
    from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Signal

    class Emitter(QObject):
        fired = Signal()
        flag = Signal(bool)

    point, rect, size, emitter = QPointF(), QRectF(), QSize(), Emitter()
    emitter.flag.connect(lambda _on: None)
    before = [sys.getrefcount(x) for x in (None, True, False)]
    for i in range(500):
        point.setX(i)
        rect.setWidth(i)
        size.setHeight(i)
        size.isEmpty()
        rect.isNull()
        emitter.fired.emit()  # 6.12.0 returned True from emit() without a reference
        emitter.flag.emit(True)
    after = [sys.getrefcount(x) for x in (None, True, False)]
    # A leak-free binding leaves the counts where they were (a few references may
    # come and go with other objects); the broken one loses one per call (3 000 here).
    assert all(b - a < 100 for a, b in zip(after, before, strict=True)), (before, after)
