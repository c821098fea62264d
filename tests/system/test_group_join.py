"""`tutor join` as a participant runs it: a real terminal, talking HTTP to a real server process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import GOOD_ROOT, PROJECT
from test_kill import Terminal
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
    argv = ["--content", str(GOOD_ROOT), "join", "--url", url, "--code", session.code]
    terminal = Terminal(Path(os.environ["TUTOR_DATA_DIR"]), argv)
    try:
        at = terminal.wait_for_output(gs.JOIN_BUTTON.encode(), 0)
        assert url.encode() in terminal.output, "the join screen says which address"
        terminal.send("\r")  # the code is filled in; the name may stay empty
        at = terminal.wait_for_output(b"Wacht tot de trainer begint", at)
        session.next()
        at = terminal.wait_for_output(LESSON.steps[0].title.encode(), at)
        while session.kind != "question":
            session.next()
        at = terminal.wait_for_output(f"Vraag 1 van {len(QUESTIONS)}".encode(), at)
        terminal.send("1")
        end = time.monotonic() + TIMEOUT
        while session.store.answer_count(session.code, 0) != 1:
            assert time.monotonic() < end, "the answer did not arrive"
            time.sleep(0.05)
        session.end()
        terminal.wait_for_output(gs.END_TITLE.encode(), at)
        terminal.send("\x11")  # Ctrl+Q
        assert terminal.close() == 0
    finally:
        if terminal.output and b"Traceback" in terminal.output:
            raise AssertionError(terminal.output.decode("utf-8", "replace")[-2000:])
