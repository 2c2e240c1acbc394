"""When a new top-level window first paints on an X server, seen from outside the process.

A second X client (this module, through ctypes: libX11 and libXdamage, no Python binding
needed) listens on the root window for new windows, asks the DAMAGE extension to report
each one's first drawing, and notes the moment of the first report. Qt's windows have no
server-side background (``XCB_BACK_PIXMAP_NONE``), so mapping one draws nothing: the
first damage is the first frame the application put on the screen (its first paint),
whatever toolkit or code path drew it. The app and its baseline are timed the same way,
and the app needs no probe of its own.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import select
import threading
import time
from dataclasses import dataclass, field

CREATE_NOTIFY = 16
MAP_NOTIFY = 19
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
DAMAGE_REPORT_NON_EMPTY = 3

# Windows smaller than this are not "the window" (a tray icon, a tooltip, a panel).
MIN_WIDTH, MIN_HEIGHT = 200, 150


class _XEvent(ctypes.Union):
    _fields_ = (("type", ctypes.c_int), ("pad", ctypes.c_long * 24))


class _XCreateWindowEvent(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("parent", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("border_width", ctypes.c_int),
        ("override_redirect", ctypes.c_int),
    )


class _XMapEvent(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    )


class _XRectangle(ctypes.Structure):
    _fields_ = (
        ("x", ctypes.c_short),
        ("y", ctypes.c_short),
        ("width", ctypes.c_ushort),
        ("height", ctypes.c_ushort),
    )


class _XDamageNotifyEvent(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("drawable", ctypes.c_ulong),
        ("damage", ctypes.c_ulong),
        ("level", ctypes.c_int),
        ("more", ctypes.c_int),
        ("timestamp", ctypes.c_ulong),
        ("area", _XRectangle),
        ("geometry", _XRectangle),
    )


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


def _ignore(_display: int | None, _event: int | None) -> int:
    """A window can be gone before its damage object is made: not fatal here."""
    return 0


_ignore_x_errors = _ERROR_HANDLER(_ignore)


def _load(name: str) -> ctypes.CDLL:
    path = ctypes.util.find_library(name)
    if path is None:
        raise RuntimeError(f"lib{name} is not installed (needed to see windows paint)")
    return ctypes.CDLL(path)


@dataclass
class Painted:
    """What the probe saw since ``reset`` (times in time.monotonic() seconds)."""

    mapped: float | None = None
    painted: float | None = None
    size: tuple[int, int] = (0, 0)
    windows: set[int] = field(default_factory=set)
    maps: dict[int, float] = field(default_factory=dict)


class PaintProbe:
    """Watches one X display from a thread of its own; ``wait_painted`` gives the moment
    the first window at least MIN_WIDTH x MIN_HEIGHT created since ``reset`` first drew."""

    def __init__(self, display: str) -> None:
        self._x = _load("X11")
        self._damage = _load("Xdamage")
        self._x.XOpenDisplay.restype = ctypes.c_void_p
        self._x.XOpenDisplay.argtypes = (ctypes.c_char_p,)
        self._x.XDefaultRootWindow.restype = ctypes.c_ulong
        self._x.XDefaultRootWindow.argtypes = (ctypes.c_void_p,)
        self._x.XSelectInput.argtypes = (ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long)
        self._x.XConnectionNumber.argtypes = (ctypes.c_void_p,)
        self._x.XPending.argtypes = (ctypes.c_void_p,)
        self._x.XNextEvent.argtypes = (ctypes.c_void_p, ctypes.POINTER(_XEvent))
        self._x.XSync.argtypes = (ctypes.c_void_p, ctypes.c_int)
        self._x.XFlush.argtypes = (ctypes.c_void_p,)
        self._x.XCloseDisplay.argtypes = (ctypes.c_void_p,)
        self._x.XSetErrorHandler.argtypes = (_ERROR_HANDLER,)
        self._damage.XDamageQueryExtension.argtypes = (
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
        )
        self._damage.XDamageCreate.restype = ctypes.c_ulong
        self._damage.XDamageCreate.argtypes = (ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int)
        self._x.XSetErrorHandler(_ignore_x_errors)
        self._display = self._x.XOpenDisplay(display.encode())
        if not self._display:
            raise RuntimeError(f"cannot open X display {display}")
        event_base, error_base = ctypes.c_int(), ctypes.c_int()
        if not self._damage.XDamageQueryExtension(
            self._display, ctypes.byref(event_base), ctypes.byref(error_base)
        ):
            raise RuntimeError(f"the X server on {display} has no DAMAGE extension")
        self._damage_notify = event_base.value
        root = self._x.XDefaultRootWindow(self._display)
        self._x.XSelectInput(self._display, root, SUBSTRUCTURE_NOTIFY_MASK)
        self._x.XSync(self._display, 0)
        self._lock = threading.Lock()
        self._seen = Painted()
        self._changed = threading.Condition(self._lock)
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="x-paint-probe", daemon=True)
        self._thread.start()

    def reset(self) -> None:
        """Forget what was seen: the next window counts (call just before spawning)."""
        with self._lock:
            self._seen = Painted()

    def wait_painted(self, timeout: float) -> Painted:
        deadline = time.monotonic() + timeout
        with self._changed:
            while self._seen.painted is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no window painted within {timeout:.0f} s")
                self._changed.wait(left)
            return self._seen

    def close(self) -> None:
        self._stop = True
        self._thread.join(timeout=5)
        self._x.XCloseDisplay(self._display)

    def __enter__(self) -> PaintProbe:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _run(self) -> None:
        connection = self._x.XConnectionNumber(self._display)
        event = _XEvent()
        while not self._stop:
            if not self._x.XPending(self._display):
                select.select([connection], [], [], 0.05)
                continue
            self._x.XNextEvent(self._display, ctypes.byref(event))
            self._handle(event, time.monotonic())

    def _handle(self, event: _XEvent, at: float) -> None:
        kind = event.type
        if kind == CREATE_NOTIFY:
            created = ctypes.cast(ctypes.byref(event), ctypes.POINTER(_XCreateWindowEvent))[0]
            with self._lock:
                self._seen.windows.add(created.window)
            self._damage.XDamageCreate(self._display, created.window, DAMAGE_REPORT_NON_EMPTY)
            self._x.XFlush(self._display)
        elif kind == MAP_NOTIFY:
            mapped = ctypes.cast(ctypes.byref(event), ctypes.POINTER(_XMapEvent))[0]
            with self._lock:
                if mapped.window in self._seen.windows:
                    self._seen.maps.setdefault(mapped.window, at)
        elif kind == self._damage_notify:
            damage = ctypes.cast(ctypes.byref(event), ctypes.POINTER(_XDamageNotifyEvent))[0]
            big = damage.geometry.width >= MIN_WIDTH and damage.geometry.height >= MIN_HEIGHT
            with self._changed:
                seen = self._seen
                if big and damage.drawable in seen.windows and seen.painted is None:
                    seen.painted = at
                    seen.mapped = seen.maps.get(damage.drawable)
                    seen.size = (damage.geometry.width, damage.geometry.height)
                    self._changed.notify_all()
