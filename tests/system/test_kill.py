"""A real `tutor` process killed with SIGKILL mid-lesson loses nothing already answered."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import sqlite3
import struct
import sys
import termios
import threading
import time
from pathlib import Path

from conftest import GOOD_ROOT, PROJECT
from tutor.store.progress import FILE_NAME

RIGHT = "\x1b[C"


class Terminal:
    """`python -m tutor` on a pseudo-terminal, with its output collected."""

    def __init__(
        self, data_dir: Path, args: list[str] | None = None, size: tuple[int, int] = (80, 24)
    ) -> None:
        env = {
            **os.environ,
            "TUTOR_DATA_DIR": str(data_dir),
            "TERM": "xterm-256color",
            "PYTHONPATH": str(PROJECT),
        }
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            os.chdir(PROJECT)
            argv = args if args is not None else ["--content", str(GOOD_ROOT)]
            os.execve(sys.executable, [sys.executable, "-m", "tutor", *argv], env)
        width, height = size
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        self.output = bytearray()
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def send(self, keys: str) -> None:
        for key in keys if not keys.startswith("\x1b") else [keys]:
            os.write(self.fd, key.encode())
            time.sleep(0.15)

    def wait_for_output(self, text: bytes, after: int, timeout: float = 20) -> int:
        """Wait until `text` was drawn after byte `after`; return where the output is now."""
        end = time.monotonic() + timeout
        while text not in self.output[after:]:
            assert time.monotonic() < end, f"{text!r} not shown"
            time.sleep(0.05)
        return len(self.output)

    def close(self, timeout: float = 10) -> int:
        """Wait for the program to stop by itself (else kill it); its exit status."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.05)
        self.kill()
        return -9

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def count(db: Path, sql: str) -> int:
    connection = sqlite3.connect(db)
    try:
        return int(connection.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # table not there yet
    finally:
        connection.close()


def wait_for_count(db: Path, sql: str, expected: int, timeout: float = 20) -> None:
    end = time.monotonic() + timeout
    while not (db.exists() and count(db, sql) >= expected):
        assert time.monotonic() < end, f"{sql} never reached {expected}"
        time.sleep(0.05)


def test_kill_9_mid_lesson_keeps_every_answer(tmp_path: Path) -> None:
    db = tmp_path / FILE_NAME
    terminal = Terminal(tmp_path)
    try:
        terminal.wait_for_output(b"Stoppen", after=0)
        time.sleep(1.0)  # the content is validated just after the first frame
        terminal.send("1")
        wait_for_count(db, "SELECT COUNT(*) FROM lesson_progress", 1)
        terminal.send(RIGHT)
        terminal.send(RIGHT)  # past the last step: the first question
        terminal.send("1")
        terminal.send("\r")  # first answer
        wait_for_count(db, "SELECT COUNT(*) FROM answers", 1)
        terminal.send("\r")  # next question
        mark = len(terminal.output)
        terminal.send("1")
        terminal.send("\r")  # second answer: kill as soon as its feedback shows
        terminal.wait_for_output(b"artikel", after=mark)
    finally:
        terminal.kill()
    assert count(db, "SELECT COUNT(*) FROM answers") == 2
    assert count(db, "SELECT MAX(step) FROM lesson_progress") == 1
