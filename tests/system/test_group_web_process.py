"""`python -m tutor.group.web` as the trainer starts it: its own process, on loopback.

The trainer side is a `TrainerSession` on a temporary store in this process (the
trainer's Textual screen runs in its own process too and only talks to the store).
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import PROJECT
from tutor.core.content.loader import load_content
from tutor.group.session import TrainerSession
from tutor.group.web.__main__ import LINGER_SECONDS
from tutor.store.group import SQLiteGroupStore

SHIPPED = load_content(None)
LESSON = SHIPPED.lesson("hoe-werkt-ketamine")
QUESTIONS = list(SHIPPED.quizzes[LESSON.id].questions)
START_SECONDS = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """One server process and what it printed."""

    def __init__(self, store: Path, code: str, port: int, tries: int = 1) -> None:
        env = {**os.environ, "PYTHONPATH": str(PROJECT), "PYTHONUNBUFFERED": "1"}
        command = [sys.executable, "-m", "tutor.group.web", "--code", code]
        command += ["--host", "127.0.0.1", "--port", str(port), "--tries", str(tries)]
        command += ["--store", str(store)]
        # Its log goes to a file, as the trainer's does: a pipe nobody reads would fill.
        self.log = tempfile.TemporaryFile("w+")
        self.process = subprocess.Popen(
            command,
            cwd=PROJECT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
        )

    def first_line(self) -> str:
        """The READY or ERROR line (or '' when the process ended without one)."""
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], START_SECONDS)
        assert ready, "the server said nothing"
        return self.process.stdout.readline().strip()

    def port(self) -> int:
        line = self.first_line()
        assert line.startswith("READY "), (line, self.stop())
        return int(line.split()[1])

    def stop(self) -> str:
        """Stop the process if it still runs; return its log."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate(timeout=10)
        self.log.seek(0)
        return self.log.read()


@pytest.fixture
def trainer(tmp_path: Path) -> Iterator[tuple[SQLiteGroupStore, TrainerSession, Path]]:
    path = tmp_path / "groups.sqlite3"
    store = SQLiteGroupStore(path)
    yield store, TrainerSession(store, LESSON, QUESTIONS), path
    store.close()


@pytest.fixture
def servers() -> Iterator[list[Server]]:
    started: list[Server] = []
    yield started
    for server in started:
        server.stop()


def call(port: int, path: str, body: object = None) -> tuple[int, dict[str, object]]:
    """One request; its status and JSON."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def test_serves_and_stops_by_itself_after_the_end(trainer, servers) -> None:  # type: ignore[no-untyped-def]
    store, session, path = trainer
    server = Server(path, session.code, free_port())
    servers.append(server)
    port = server.port()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/?code={session.code}") as page:
        assert page.status == 200 and b'lang="nl"' in page.read()
    status, body = call(port, "/api/join", {"code": session.code})
    assert status == 200 and body["token"]
    session.end()
    started = time.monotonic()
    assert server.process.wait(timeout=LINGER_SECONDS + 5) == 0
    assert time.monotonic() - started < LINGER_SECONDS + 3
    assert "Traceback" not in server.stop()


def test_stops_on_sigterm(trainer, servers) -> None:  # type: ignore[no-untyped-def]
    _, session, path = trainer
    server = Server(path, session.code, free_port())
    servers.append(server)
    server.port()
    started = time.monotonic()
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(timeout=5) == 0
    assert time.monotonic() - started < 3
    assert "Traceback" not in server.stop()


def test_a_busy_port_makes_it_try_the_next_or_say_so(trainer, servers) -> None:  # type: ignore[no-untyped-def]
    _, session, path = trainer
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        alone = Server(path, session.code, taken, tries=1)
        servers.append(alone)
        assert alone.first_line() == "ERROR port"
        assert alone.process.wait(timeout=10) == 2
        further = Server(path, session.code, taken, tries=5)
        servers.append(further)
        port = further.port()
        assert taken < port < taken + 5
        assert call(port, "/api/join", {"code": session.code})[0] == 200


def test_after_kill_9_a_restarted_server_keeps_tokens_and_answers(trainer, servers) -> None:  # type: ignore[no-untyped-def]
    store, session, path = trainer
    first = Server(path, session.code, free_port())
    servers.append(first)
    port = first.port()
    token = call(port, "/api/join", {"code": session.code})[1]["token"]
    while session.kind != "question":
        session.next()
    deadline = time.monotonic() + 5
    body = {"code": session.code, "token": token, "question": 0, "answer": 1}
    while (status := call(port, "/api/answer", body)[0]) == 409:  # until its poll sees the move
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert status == 200
    first.process.send_signal(signal.SIGKILL)
    first.process.wait(timeout=5)
    second = Server(path, session.code, port)
    servers.append(second)
    assert second.port() == port
    query = f"/api/state?code={session.code}&token={token}"
    status, state = call(port, query)
    assert status == 200 and state["mine"] == {"answer": 1}
    assert call(port, "/api/join", {"code": session.code, "token": token})[1]["token"] == token
    assert call(port, "/api/answer", {**body, "answer": 2})[0] == 200
    assert session.answer_count() == (1, 0)


@pytest.mark.parametrize("arguments", [["--port", "99999"], ["--port", "x"], ["--tries", "0"]])
def test_bad_arguments_get_a_usage_line_not_a_traceback(arguments: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tutor.group.web", "--code", "123456", *arguments],
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "usage:" in result.stderr and "Traceback" not in result.stderr


def test_malformed_requests_cost_one_log_line_each(trainer, servers) -> None:  # type: ignore[no-untyped-def]
    _, session, path = trainer
    server = Server(path, session.code, free_port())
    servers.append(server)
    port = server.port()
    garbage = [
        b"GET / HTTP/9.9\r\n\r\n",
        b"POST /api/join HTTP/1.1\r\nContent-Length: x\r\n\r\n",
        b"GET / HTTP/1.1\r\nX: " + b"y" * 20000 + b"\r\n\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 40,
        b"GET /nowhere%0aTraceback HTTP/1.1\r\nConnection: close\r\n\r\n",
    ]
    for data in garbage:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
            raw.sendall(data)
            status = raw.recv(100).split(b" ", 2)[1]
            assert status.startswith(b"4"), data
    server.process.send_signal(signal.SIGTERM)
    server.process.wait(timeout=5)
    err = server.stop()
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) <= len(garbage), lines
    assert not any(line.startswith(("Traceback", "  File")) for line in lines), err


def test_a_trainer_that_stopped_reading_does_not_stop_the_server(trainer, servers) -> None:  # type: ignore[no-untyped-def]
    """The trainer's program may be gone before READY: the participants are served anyway."""
    _, session, path = trainer
    port = free_port()
    server = Server(path, session.code, port)
    servers.append(server)
    assert server.process.stdout is not None
    server.process.stdout.close()
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            status, _ = call(port, "/api/join", {"code": session.code})
            break
        except OSError:
            assert server.process.poll() is None, server.stop()
            assert time.monotonic() < deadline
            time.sleep(0.1)
    assert status == 200
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(timeout=5) == 0
    assert "Traceback" not in server.stop()
