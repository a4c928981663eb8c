"""Keep ``None`` alive under PySide6 6.12 on CPython 3.11.

PySide6-Essentials 6.12.0 built for CPython 3.11 returns ``None`` from every void
method (``QPainter.setPen``, ``QWidget.resize``…) without taking a reference to it:
each call takes one reference away. CPython 3.11 aborts ("Fatal Python error:
none_dealloc") when ``None``'s count reaches 0 — after a few thousand Qt calls in a
small process, or a few repaints of a 300-card org chart. From CPython 3.12 on,
``None`` is immortal and the missing reference does not matter.

The guard gives ``None`` a huge reference count once (2⁶⁰: no program lives long
enough to spend it), which is what 3.12 does. It is a no-op on 3.12 and later, and
when the bindings do not have the bug.
"""

from __future__ import annotations

import ctypes
import sys

_SPARE = 1 << 60
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
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        _done = True
        return
    _done = True
    if pyside_drops_none():
        refcount = ctypes.c_ssize_t.from_address(id(None))
        refcount.value += _SPARE


keep_none_alive()
