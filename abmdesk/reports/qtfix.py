"""Keep ``None`` alive under PySide6 6.12 on CPython 3.11 (for the report's painting).

PySide6-Essentials 6.12.0 built for CPython 3.11 returns ``None`` from every void
method (``QPainter.setPen``, ``QPointF.setY``…) without taking a reference to it: each
call takes one reference away, and CPython 3.11 aborts ("Fatal Python error:
none_dealloc") when the count reaches 0 — a board report makes tens of thousands of
such calls. From CPython 3.12 on, ``None`` is immortal and the bug does not matter.

Like 3.12, the guard gives ``None`` a huge reference count once (2⁶⁰). It is a no-op
on 3.12 and later and with bindings that do not have the bug. (The GUI's org chart
has the same guard; the report cannot import the GUI package.)
"""

from __future__ import annotations

import ctypes
import sys
import threading

_SPARE = 1 << 60
_lock = threading.Lock()
_done = False


def pyside_drops_none() -> bool:
    """True when a void PySide6 call takes a reference away from ``None``."""
    from PySide6.QtCore import QSize

    size = QSize()
    before = sys.getrefcount(None)
    for _ in range(8):
        size.setWidth(1)
    return sys.getrefcount(None) < before


def keep_none_alive() -> None:
    """Idempotent; call before any heavy Qt use."""
    global _done
    with _lock:
        if _done:
            return
        _done = True
        if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
            return
        if pyside_drops_none():
            refcount = ctypes.c_ssize_t.from_address(id(None))
            refcount.value += _SPARE
