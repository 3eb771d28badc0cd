"""Keep None, True and False alive despite PySide6 6.12 dropping references on Python 3.11.

PySide6/shiboken6 6.12.0 releases one reference to `None` on every call of a Qt method
returning nothing (and, more rarely, to `True`/`False`). From Python 3.12 these objects
are immortal and nothing happens; on Python 3.11 the count reaches zero after a few
thousand calls and the interpreter aborts (« none_dealloc: deallocating None »), killing
the program in the middle of the agent's work. We give them a large reserve of references
at start-up, which is what Python 3.12 does for every such object.
"""

import ctypes
import sys

RESERVE = 1 << 40
_done = False


def protect_singletons() -> None:
    global _done
    if _done or sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE
    _done = True
