"""Integration: `tutor serve` serves the participant's app to a browser, on loopback only."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import aiohttp
import pytest

from conftest import PROJECT
from tutor.group.serve import is_loopback, join_command, public_url
from tutor.store.group import SQLiteGroupStore

START_TIMEOUT = 20.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def served() -> Iterator[tuple[int, subprocess.Popen[str]]]:
    """`python -m tutor serve` on a free loopback port, stopped afterwards."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "tutor", "serve", "--port", str(port)],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        yield port, server
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def get_page(port: int) -> tuple[int, str]:
    """GET the start page, retrying until the server answers or the time is up."""
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                return response.status, response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


async def first_screen(port: int, wanted: bytes, timeout: float = START_TIMEOUT) -> bool:
    """Open the app's websocket as the browser does; True once `wanted` was drawn."""
    url = f"http://127.0.0.1:{port}/ws?width=80&height=24"
    async with aiohttp.ClientSession() as client, client.ws_connect(url) as socket_:
        await socket_.send_json(["resize", {"width": 80, "height": 24}])
        seen = b""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                message = await asyncio.wait_for(socket_.receive(), 0.5)
            except TimeoutError:
                continue
            if message.type == aiohttp.WSMsgType.BINARY:
                seen += message.data
                if wanted in seen:
                    return True
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                return False
    return False


async def test_serve_answers_with_the_join_app(served: tuple[int, subprocess.Popen[str]]) -> None:
    port, server = served
    status, page = await asyncio.to_thread(get_page, port)
    assert status == 200
    assert f"ws://127.0.0.1:{port}/ws" in page
    assert 'lang="nl"' in page and "Beginnen" in page
    assert "fonts.googleapis" not in page, "no requests to third parties"
    # The trainer's app finds the address in the shared store.
    store, deadline = SQLiteGroupStore(), time.monotonic() + 5
    while store.announced_address() is None and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    assert store.announced_address() == f"http://127.0.0.1:{port}"
    # A browser session starts `tutor join`: its first screen asks for the code.
    assert await first_screen(port, b"Meedoen")
    server.send_signal(signal.SIGTERM)
    output, _ = await asyncio.to_thread(server.communicate, timeout=10)
    assert f"Deelnemers openen in hun browser: http://127.0.0.1:{port}" in output
    assert store.announced_address() is None


def test_loopback_by_default_and_addresses() -> None:
    from tutor.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0")
    assert public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert public_url("::1", 8000) == "http://[::1]:8000"
    assert public_url("0.0.0.0", 80, "https://groep.example/") == "https://groep.example"
    command = join_command(PROJECT / "tests" / "fixtures" / "good")
    assert command.startswith(sys.executable) and command.endswith(" join")
    assert "--content" in command
