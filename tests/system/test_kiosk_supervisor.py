"""The real `tutor kiosk` in a pseudo-terminal: crash restart, real control keys, PIN exit.

Runs the supervisor and its child processes as a staff member would start them,
with a fault injected through `TUTOR_KIOSK_FAULT` in the first child.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import GOOD_ROOT, PROJECT
from tutor.kiosk import crashlog
from tutor.kiosk.child import FAULT_ENV
from tutor.kiosk.pin import hash_pin, save_pin
from tutor.kiosk.supervisor import MAX_DELAY, child_command, supervise

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")

INVITE = "Raak het scherm aan"
ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][A-Z0-9]|\x1b[=>]")


class Terminal:
    """A pseudo-terminal running one command, with everything it printed so far."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.master = master
        self.process = subprocess.Popen(
            command,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=PROJECT,
            start_new_session=True,
        )
        os.close(slave)
        self.raw = bytearray()
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            with self.lock:
                self.raw += data

    @property
    def text(self) -> str:
        """The output with escape sequences removed."""
        with self.lock:
            return ANSI.sub("", self.raw.decode("utf-8", "replace"))

    def wait_for(self, check: Callable[[str], bool], timeout: float = 30.0) -> float:
        """Wait until `check(text)`; return the time it became true."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if check(self.text):
                return time.monotonic()
            if self.process.poll() is not None:
                break
            time.sleep(0.02)
        raise AssertionError(f"not seen in time; output ends with: {self.text[-800:]!r}")

    def send(self, data: str) -> None:
        os.write(self.master, data.encode())

    def close(self) -> None:
        """Stop the supervisor and its kiosk child (they share a new process group)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        os.close(self.master)


@pytest.fixture
def terminal_env() -> dict[str, str]:
    save_pin(hash_pin("2468"))
    env = dict(os.environ)
    env.update({"TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"})
    env.pop("TEXTUAL_ALLOW_SIGNALS", None)
    return env


def test_crash_is_logged_restarted_and_only_the_pin_ends_it(terminal_env: dict[str, str]) -> None:
    terminal_env[FAULT_ENV] = "after-start"
    command = [sys.executable, "-m", "tutor", "kiosk", "--idle", "60", "--content", str(GOOD_ROOT)]
    terminal = Terminal(command, terminal_env)
    try:
        terminal.wait_for(lambda text: INVITE in text)
        crashed = terminal.wait_for(lambda text: "Even geduld" in text)
        back = terminal.wait_for(lambda text: INVITE in text.split("Even geduld")[-1])
        print(f"\nback on screen {back - crashed:.2f} s after the crash")
        assert back - crashed < MAX_DELAY + 3  # restart delay <= 2 s, plus start-up on a busy CI
        log = crashlog.log_path().read_text(encoding="utf-8")
        assert "Traceback (most recent call last)" in log
        assert "RuntimeError: fault injected" in log and "opnieuw gestart" in log
        assert "Traceback" not in terminal.text and "RuntimeError" not in terminal.text

        # Real control keys through the terminal driver: nothing ends or suspends the kiosk.
        for key in ("\x03", "\x1a", "\x1c", "\x04", "\x10", "q", "\x1b"):
            terminal.send(key)
            time.sleep(0.15)
        time.sleep(0.5)
        assert terminal.process.poll() is None
        assert log == crashlog.log_path().read_text(encoding="utf-8")  # no new crash

        before = len(terminal.text)
        terminal.send("\x11")  # Ctrl+Q
        terminal.wait_for(lambda text: "Pincode" in text[before:])
        terminal.send("2468\r")
        assert terminal.process.wait(timeout=15) == 0
    finally:
        terminal.close()


def test_a_fault_before_the_app_starts_is_logged_and_restarted() -> None:
    """The supervisor loop itself, with a child that fails before Textual even starts."""
    save_pin(hash_pin("2468"))
    env = dict(os.environ, **{FAULT_ENV: "before-app"})
    code = (
        "import os, sys\n"
        "from tutor.kiosk.child import run_child\n"
        f"sys.exit(run_child(None, idle=60, stats=False) if os.environ.get('{FAULT_ENV}') else 0)\n"
    )
    sleeps: list[float] = []

    class Out:
        text = ""

        def write(self, data: str) -> None:
            self.text += data

        def flush(self) -> None:
            pass

    out = Out()
    assert supervise([sys.executable, "-c", code], env=env, out=out, sleep=sleeps.append) == 0  # type: ignore[arg-type]
    assert sleeps == [0.5]  # restarted once, after half a second
    assert "Even geduld" in out.text
    log = crashlog.log_path().read_text(encoding="utf-8")
    assert "RuntimeError: fault injected with TUTOR_KIOSK_FAULT=before-app" in log


def test_child_command_passes_the_options(tmp_path: Path) -> None:
    command = child_command(tmp_path, idle=30.0, stats=True)
    assert command[1:] == [
        "-m",
        "tutor",
        "kiosk",
        "--child",
        "--idle",
        "30.0",
        "--stats",
        "--content",
        str(tmp_path.resolve()),
    ]
