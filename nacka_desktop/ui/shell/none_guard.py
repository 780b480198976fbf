"""A guard against a reference-counting bug of PySide6 6.12 on Python 3.11.

Some PySide6 calls give back `None` without taking a reference to it: each model reset loses
two, each repaint of a table about one (measured with `sys.getrefcount(None)`). After a few
tens of thousands of them, in an hour of ordinary work or one benchmark run, Python frees
`None` itself and aborts: "Fatal Python error: none_dealloc". Python 3.12 made `None`
immortal, so the bug is harmless there; on 3.11 we do the same by hand, giving `None` a
reference count no process can use up. `None` is never freed in a running interpreter, so
nothing else changes.
"""

from __future__ import annotations

import ctypes
import sys

_ENOUGH = 1 << 60


def make_none_immortal() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    # In CPython 3.11 an object starts with its reference count (Py_ssize_t ob_refcnt).
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _ENOUGH:
        refcount.value += _ENOUGH
