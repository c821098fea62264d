"""A real `tutor trainer` with its participants' server: join over HTTP, crash, resume, end.

The trainer runs on a pseudo-terminal, its server as the separate process it
starts; a participant talks HTTP to it as a phone does.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import GOOD_ROOT
from test_kill import Terminal
from tutor.group.web.marker import running_port


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def post(url: str, body: dict[str, object]) -> tuple[int, dict[str, object]]:
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def state(base: str, code: str, token: str) -> dict[str, object]:
    with urllib.request.urlopen(f"{base}api/state?code={code}&token={token}", timeout=5) as r:
        data: dict[str, object] = json.loads(r.read())
    return data


def wait_until(check: object, timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        assert time.monotonic() < end, "timed out"
        time.sleep(0.1)


def test_a_crashed_trainer_resumes_and_the_group_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TUTOR_DATA_DIR", str(tmp_path))
    port = free_port()
    args = ["trainer", "--content", str(GOOD_ROOT), "--lesson", "mini-les", "--local"]
    args += ["--port", str(port)]
    trainer = Terminal(tmp_path, args, size=(120, 35))
    base = f"http://127.0.0.1:{port}/"
    try:
        trainer.wait_for_output(base.encode(), 0)
        code = re.search(rb"Code (\d{6})", bytes(trainer.output))
        assert code is not None
        session = code.group(1).decode()
        status, joined = post(base + "api/join", {"code": session})
        assert status == 200
        token = str(joined["token"])
        mark = len(trainer.output)
        trainer.send("\x1b[C")  # → : the first step
        trainer.wait_for_output(b"Stap 1 van", mark)
        wait_until(lambda: state(base, session, token)["shared"]["kind"] == "step")  # type: ignore[index]

        trainer.kill()  # kill -9: the session is not ended, the server goes on
        assert running_port(session) == port  # the server still runs
        shared = state(base, session, token)["shared"]
        assert shared["kind"] == "step"  # type: ignore[index]
        wait_until(lambda: state(base, session, token)["shared"]["away"], timeout=20)  # type: ignore[index]

        trainer = Terminal(tmp_path, args, size=(120, 35))
        trainer.wait_for_output(session.encode(), 0)  # "Doorgaan met sessie <code>"
        trainer.send("d")
        trainer.wait_for_output(b"Stap 1 van", 0)
        wait_until(lambda: not state(base, session, token)["shared"]["away"])  # type: ignore[index]
        status, again = post(base + "api/join", {"code": session, "token": token})
        assert status == 200 and again["token"] == token  # same slot

        # The server itself killed with -9: the trainer starts it again on the same port,
        # and the participant's token still holds their place.
        marker = json.loads((tmp_path / f"group-server-{session}.json").read_text())
        os.kill(int(marker["pid"]), signal.SIGKILL)

        def back() -> bool:
            try:
                return state(base, session, token)["shared"]["kind"] == "step"  # type: ignore[index]
            except OSError:
                return False

        wait_until(back, timeout=20)

        trainer.send("qq")
        wait_until(lambda: state(base, session, token)["shared"]["kind"] == "ended")  # type: ignore[index]

        def server_gone() -> bool:
            try:
                urllib.request.urlopen(base, timeout=1)
            except OSError:
                return True
            return False

        wait_until(server_gone, timeout=15)
    finally:
        try:
            os.kill(trainer.pid, signal.SIGKILL)
        except OSError:
            pass
