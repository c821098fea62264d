"""Keeps the kiosk on screen: runs the app in a child process and restarts it after a crash.

The supervisor itself ignores Ctrl+C, Ctrl+Z and Ctrl+\\ (they could reach it as
signals in the moment between two children), clears the screen while it restarts,
and stops only when the child ends with code 0 (the right PIN).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

from tutor.core.text import kiosk as text
from tutor.kiosk import crashlog
from tutor.kiosk.child import EXIT_NO_PIN, EXIT_RIGHT_PIN, FAULT_ENV

FIRST_DELAY = 0.5
MAX_DELAY = 2.0  # the issue: back on screen within 2 s
STABLE_AFTER = 60.0  # a child that ran this long resets the delay
CLEAR_SCREEN = "\x1b[?25l\x1b[2J\x1b[H"  # hide the cursor, clear, home


def child_command(content_root: Path | None, *, idle: float, stats: bool) -> list[str]:
    """The command line of the kiosk app process."""
    command = [sys.executable, "-m", "tutor", "kiosk", "--child", "--idle", repr(idle)]
    if stats:
        command.append("--stats")
    if content_root is not None:
        command += ["--content", str(Path(content_root).resolve())]
    return command


def supervise(
    command: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    out: TextIO = sys.stdout,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    """Run `command` until it exits 0; restart it (within 2 s) whenever it exits otherwise.

    Args:
        command: The child's command line (`child_command`).
        env: The child's environment; default: this process's.
        out: The terminal, for the message shown during a restart.
        sleep: `time.sleep` (tests pass a fake).
        clock: Monotonic seconds.

    Returns:
        0 after the right PIN; the child's code if no PIN is set.
    """
    child_env = dict(os.environ if env is None else env)
    child_env.pop("TEXTUAL_ALLOW_SIGNALS", None)
    previous = _ignore_keyboard_signals()
    child: subprocess.Popen[bytes] | None = None

    def stop(signum: int, _frame: FrameType | None) -> None:
        if child is not None and child.poll() is None:
            child.terminate()
        raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            previous[name] = signal.signal(getattr(signal, name), stop)
    delay: float | None = None
    try:
        while True:
            started = clock()
            child = subprocess.Popen(list(command), env=child_env)
            code = child.wait()
            if code in (EXIT_RIGHT_PIN, EXIT_NO_PIN):
                return code
            crashlog.write(text.LOG_RESTART.format(code=code))
            child_env.pop(FAULT_ENV, None)  # an injected fault hits the first child only
            ran_long = clock() - started > STABLE_AFTER
            delay = FIRST_DELAY if delay is None or ran_long else min(delay * 2, MAX_DELAY)
            out.write(f"{CLEAR_SCREEN}{text.RESTARTING}\n")
            out.flush()
            sleep(delay)
    finally:
        for name, handler in previous.items():
            signal.signal(getattr(signal, name), handler)


def _ignore_keyboard_signals() -> dict[str, Any]:
    previous: dict[str, Any] = {}
    for name in ("SIGINT", "SIGQUIT", "SIGTSTP"):
        if hasattr(signal, name):
            previous[name] = signal.signal(getattr(signal, name), signal.SIG_IGN)
    return previous
