"""The kiosk app process, started and restarted by the supervisor (`tutor kiosk --child`).

Every error, also one before the app runs, goes to the log with its traceback;
none is printed on the kiosk screen. Exit code 0 only after the right PIN.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import TYPE_CHECKING

from tutor.kiosk import crashlog

if TYPE_CHECKING:
    from tutor.store.kiosk_stats import KioskStats

EXIT_RIGHT_PIN = 0
EXIT_CRASH = 1
EXIT_NO_PIN = 3

FAULT_ENV = "TUTOR_KIOSK_FAULT"
"""Tests only: `before-app` or `after-start` make the kiosk fail on purpose (restart test)."""


def run_child(content_root: Path | None, *, idle: float, stats: bool) -> int:
    """Run the kiosk app until the right PIN; return the exit code for the supervisor."""
    # Before Textual takes the terminal (raw mode, no signals), Ctrl+C/Z/\ must not stop us.
    for name in ("SIGINT", "SIGQUIT", "SIGTSTP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    os.environ.pop("TEXTUAL_ALLOW_SIGNALS", None)
    try:
        return _run(content_root, idle=idle, stats=stats)
    except BaseException as error:  # noqa: B036 - anything at all: log it, let the supervisor restart
        crashlog.write_exception(error)
        return EXIT_CRASH


def _run(content_root: Path | None, *, idle: float, stats: bool) -> int:
    from tutor.kiosk.app import KioskApp
    from tutor.kiosk.pin import load_pin

    fault = os.environ.get(FAULT_ENV) or None
    if fault == "before-app":
        raise RuntimeError(f"fault injected with {FAULT_ENV}=before-app")
    pin = load_pin()
    if pin is None:
        return EXIT_NO_PIN
    app = KioskApp(
        content_root, pin=pin, idle=idle, stats=_open_stats() if stats else None, fault=fault
    )
    try:
        app.run()
    finally:
        if app.stats is not None:
            app.stats.close()
    return EXIT_RIGHT_PIN if app.pin_accepted and app.return_code == 0 else EXIT_CRASH


def _open_stats() -> KioskStats | None:
    from tutor.core.text import kiosk as text
    from tutor.store.db import StoreUnavailable
    from tutor.store.kiosk_stats import KioskStats

    try:
        return KioskStats.open()
    except StoreUnavailable as error:
        crashlog.write(text.LOG_STATS_OFF.format(error=error))
        return None
