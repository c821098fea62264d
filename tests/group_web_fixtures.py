"""The participants' web server over real loopback HTTP, in the test's process.

`served` starts the server (`tutor.group.web.server.start`) for a hub on a free
port; a `TrainerSession` on the same temporary store moves the group, as the
trainer's program does from its own process. Both clocks are the test's.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

from tutor.core.content.loader import load_content
from tutor.group.session import TrainerSession
from tutor.group.web.hub import Hub
from tutor.group.web.server import start, stop
from tutor.group.wire import SessionContent
from tutor.store.group import SQLiteGroupStore

SHIPPED = load_content(None)
LESSON = SHIPPED.lesson("hoe-werkt-ketamine")
QUESTIONS = list(SHIPPED.quizzes[LESSON.id].questions)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@dataclass
class Served:
    store: SQLiteGroupStore
    session: TrainerSession
    hub: Hub
    url: str
    client: aiohttp.ClientSession
    clock: Clock
    guess_clock: Clock

    @property
    def code(self) -> str:
        return self.session.code

    async def join(self, token: str | None = None) -> str:
        async with self.client.post(
            f"{self.url}/api/join", json={"code": self.code, "token": token}
        ) as response:
            assert response.status == 200, await response.text()
            return str((await response.json())["token"])

    async def state(self, token: str) -> dict[str, object]:
        query = {"code": self.code, "token": token}
        async with self.client.get(f"{self.url}/api/state", params=query) as response:
            assert response.status == 200, await response.text()
            return dict(await response.json())

    async def answer(
        self, token: str, question: object, answer: object
    ) -> tuple[int, dict[str, object]]:
        body = {"code": self.code, "token": token, "question": question, "answer": answer}
        async with self.client.post(f"{self.url}/api/answer", json=body) as response:
            return response.status, dict(await response.json())

    def move(self) -> None:
        """Let the hub see the trainer's move now (its poll would within 0.1 s)."""
        self.hub.refresh()

    def go_to_question(self, index: int) -> None:
        while not (self.session.kind == "question" and self.session.index == index):
            assert self.session.next()
        self.move()


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[Served]:
    clock, guess_clock = Clock(), Clock()
    store = SQLiteGroupStore(tmp_path / "groups.sqlite3", clock=clock)
    session = TrainerSession(store, LESSON, QUESTIONS)
    hub = Hub(
        store,
        SessionContent(LESSON, QUESTIONS),
        session.code,
        clock=clock,
        guess_clock=guess_clock,
    )
    runner, port = await start(hub, "127.0.0.1", 0)
    client = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
    try:
        yield Served(store, session, hub, f"http://127.0.0.1:{port}", client, clock, guess_clock)
    finally:
        await client.close()
        await stop(runner)
        store.close()


def participants_in_store(store: SQLiteGroupStore, code: str) -> int:
    (count,) = store._db.execute(
        "SELECT COUNT(*) FROM participants WHERE code = ?", (code,)
    ).fetchone()
    return int(count)


async def read_states(response: aiohttp.ClientResponse, count: int) -> list[dict[str, object]]:
    """The next `count` state events of a stream."""
    states = []
    data = b""
    while len(states) < count:
        line = await asyncio.wait_for(response.content.readline(), 5)
        if not line:
            break
        if line.startswith(b"data: "):
            data = line[6:]
        elif line == b"\n" and data:
            states.append(json.loads(data))
            data = b""
    return states
