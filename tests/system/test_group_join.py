"""`tutor join` as a participant runs it: a real terminal, talking HTTP to a real server process."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import socket
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import GOOD_ROOT, PROJECT
from tutor.core.content.loader import load_content
from tutor.core.text import group as gs
from tutor.group.session import TrainerSession
from tutor.store.group import SQLiteGroupStore, default_path

GOOD = load_content(GOOD_ROOT)
LESSON = GOOD.lesson("mini-les")
QUESTIONS = GOOD.quizzes["mini-les"].questions
TIMEOUT = 20.0


def tutor(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tutor", *args],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )


def test_join_needs_an_address_and_says_so_in_dutch() -> None:
    result = tutor("join")  # nothing announced on this computer
    assert result.returncode == 2
    assert result.stderr.strip() == gs.JOIN_NO_URL
    for bad in ("ftp://192.168.1.20/", "192.168.1.20:8000", "http://x/" + "a" * 400):
        result = tutor("join", "--url", bad)
        assert result.returncode == 2
        assert "is geen geldig adres" in result.stderr
        assert "Traceback" not in result.stderr
    help_text = tutor("join", "--help").stdout
    assert "het adres op het scherm van de trainer" in help_text
    assert "QR-code" in help_text


def test_without_url_the_local_server_is_used() -> None:
    from tutor.group.commands import _local_server
    from tutor.group.participant.address import JoinAddress

    assert _local_server() is None
    assert not default_path().exists(), "asking does not create the group store"
    store = SQLiteGroupStore()
    store.announce_address("http://0.0.0.0:8123/")
    assert _local_server() == JoinAddress("http://127.0.0.1:8123/")
    store.close()


class Terminal:
    """A command on a pseudo-terminal of 80×24, with its output collected."""

    def __init__(self, argv: list[str]) -> None:
        env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(PROJECT)}
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            os.chdir(PROJECT)
            os.execve(sys.executable, [sys.executable, *argv], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
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
        os.write(self.fd, keys.encode())

    def wait_for(self, text: str, after: int = 0) -> int:
        """Wait until `text` was drawn after byte `after`; return where the output is now."""
        end = time.monotonic() + TIMEOUT
        while text.encode() not in self.output[after:]:
            assert time.monotonic() < end, f"{text!r} not shown"
            time.sleep(0.05)
        return len(self.output)

    def close(self) -> int:
        """Stop the program; its exit status."""
        end = time.monotonic() + 10
        while time.monotonic() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.05)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
        return -9


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[TrainerSession, str]]:
    """A trainer's session and its participants' server (`python -m tutor.group.web`)."""
    db = tmp_path / "groups.sqlite3"
    store = SQLiteGroupStore(db)
    session = TrainerSession(store, LESSON, QUESTIONS)
    store.touch_trainer(session.code)
    process = subprocess.Popen(
        [sys.executable, "-m", "tutor.group.web", "--code", session.code, "--host", "127.0.0.1"]
        + ["--port", str(free_port()), "--tries", "20", "--content", str(GOOD_ROOT)]
        + ["--store", str(db)],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )
    try:
        assert process.stdout is not None
        ready = process.stdout.readline().split()
        assert ready[0] == "READY", ready
        yield session, f"http://127.0.0.1:{ready[1]}/"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        store.close()


def test_join_over_http_in_a_terminal(server: tuple[TrainerSession, str]) -> None:
    session, url = server
    argv = ["-m", "tutor", "--content", str(GOOD_ROOT), "join", "--url", url]
    terminal = Terminal([*argv, "--code", session.code])
    try:
        at = terminal.wait_for(gs.JOIN_BUTTON)
        assert url.encode() in terminal.output, "the join screen says which address"
        terminal.send("\r")  # the code is filled in; the name may stay empty
        at = terminal.wait_for("Wacht tot de trainer begint", at)
        session.next()
        at = terminal.wait_for(LESSON.steps[0].title, at)
        while session.kind != "question":
            session.next()
        at = terminal.wait_for(f"Vraag 1 van {len(QUESTIONS)}", at)
        terminal.send("1")
        end = time.monotonic() + TIMEOUT
        while session.store.answer_count(session.code, 0) != 1:
            assert time.monotonic() < end, "the answer did not arrive"
            time.sleep(0.05)
        session.end()
        terminal.wait_for(gs.END_TITLE, at)
        terminal.send("\x11")  # Ctrl+Q
        assert terminal.close() == 0
    finally:
        if terminal.output and b"Traceback" in terminal.output:
            raise AssertionError(terminal.output.decode("utf-8", "replace")[-2000:])
