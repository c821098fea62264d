"""The kiosk's log file for staff: crashes with their traceback, restarts.

Written only when something goes wrong, to `kiosk.log` in `tutor.core.paths.state_dir()`;
never to the screen. Never imports Textual. `logging.handlers.RotatingFileHandler` moves a
full log to `kiosk.log.1`, so a crash loop cannot fill the disk.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from tutor.core import paths
from tutor.core.text import kiosk as text

LOG_FILE = "kiosk.log"
MAX_BYTES = 1_000_000  # then the log moves to kiosk.log.1 (one old log is kept)
_FORMAT = logging.Formatter("[%(asctime)s] %(message)s", datefmt="%Y-%m-%d %H:%M:%S")
_ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class _QuietHandler(RotatingFileHandler):
    """A rotating log file that stays silent when it cannot write."""

    def handleError(self, record: logging.LogRecord) -> None:
        """Drop the record: the default prints to stderr, which is the kiosk's screen."""


def log_path() -> Path:
    """Where the log is written."""
    return paths.state_dir() / LOG_FILE


def write(message: str, exc_info: _ExcInfo | None = None) -> None:
    """Append a timestamped message (and a traceback); never raises.

    A log must not crash the kiosk. The file is opened for each message, as the
    state folder may change between calls (tests) and messages are rare.
    """
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _QuietHandler(path, maxBytes=MAX_BYTES, backupCount=1, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(_FORMAT)
    try:
        handler.handle(logging.makeLogRecord({"msg": message.rstrip(), "exc_info": exc_info}))
    finally:
        handler.close()


def write_exception(error: BaseException) -> None:
    """Log an error with its full traceback."""
    write(text.LOG_CRASH, (type(error), error, error.__traceback__))
