"""The kiosk's log file for staff: crashes with their traceback, restarts.

Written only when something goes wrong, to `kiosk.log` in `tutor.core.paths.state_dir()`;
never to the screen. Never imports Textual.
"""

from __future__ import annotations

import time
import traceback
from pathlib import Path

from tutor.core import paths
from tutor.core.text import kiosk as text

LOG_FILE = "kiosk.log"
MAX_BYTES = 1_000_000  # then the log moves to kiosk.log.1, so a crash loop cannot fill the disk


def log_path() -> Path:
    """Where the log is written."""
    return paths.state_dir() / LOG_FILE


def write(message: str) -> None:
    """Append a timestamped message; never raises (a log must not crash the kiosk)."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_BYTES:
            path.replace(path.with_name(LOG_FILE + ".1"))
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        with path.open("a", encoding="utf-8") as file:
            file.write(f"[{stamp}] {message.rstrip()}\n")
    except OSError:
        pass


def write_exception(error: BaseException) -> None:
    """Log an error with its full traceback."""
    lines = traceback.format_exception(type(error), error, error.__traceback__)
    write(f"{text.LOG_CRASH}\n{''.join(lines)}")
