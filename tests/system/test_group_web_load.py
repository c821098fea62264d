"""Load: 200 open streams and a flood of bad requests while the trainer keeps moving.

The participants' server runs as its own process (`python -m tutor.group.web`), as
`tutor trainer` starts it; the trainer's Textual screen runs in yet another
process and only talks to the store, so here a `TrainerSession` in the test
process stands for it: it moves the group on a fixed beat and each of its store
writes is timed. Bounded: loopback only, about ten seconds of flood.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from pathlib import Path

import aiohttp

from test_group_web_process import Server, free_port
from tutor.core.content.loader import load_content
from tutor.group.session import TrainerSession
from tutor.group.wire import SessionContent, shared_state
from tutor.store.group import SQLiteGroupStore

SHIPPED = load_content(None)
LESSON = SHIPPED.lesson("hoe-werkt-ketamine")
QUESTIONS = list(SHIPPED.quizzes[LESSON.id].questions)
STREAMS = 200
MOVES = 12
BEAT = 0.6
"""Seconds between two moves of the trainer."""
PUSH_LIMIT = 5.0
"""Every good stream must show every move within this time (a loaded 2-core machine)."""
WRITE_LIMIT = 1.0
"""No store write of the trainer may take longer than this."""


def view_key(shared: dict[str, object]) -> str:
    """A shared view without the trainer's away flag, to compare positions by."""
    return json.dumps({k: v for k, v in shared.items() if k != "away"}, sort_keys=True)


class Follower:
    """One good participant: when each view reached its stream."""

    def __init__(self) -> None:
        self.arrived: dict[str, float] = {}

    async def follow(self, client: aiohttp.ClientSession, url: str) -> None:
        async with client.get(url, timeout=aiohttp.ClientTimeout(total=None)) as response:
            assert response.status == 200
            async for line in response.content:
                if line.startswith(b"data: "):
                    shared = json.loads(line[6:])["shared"]
                    self.arrived.setdefault(view_key(shared), time.monotonic())


async def flood(url: str, code: str, stop: asyncio.Event, statuses: Counter[str]) -> None:
    """Bad requests of every kind, from two other loopback addresses, until `stop`."""
    host, port = url.removeprefix("http://").split(":")
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"

    async def http(address: str) -> None:
        connector = aiohttp.TCPConnector(limit=0, local_addr=(address, 0), force_close=True)
        async with aiohttp.ClientSession(connector=connector) as client:
            requests = [
                ("post", "/api/join", {"json": {"code": wrong}}),
                ("post", "/api/join", {"data": b"{not json"}),
                ("post", "/api/answer", {"data": b"x" * 20_000}),
                ("get", f"/api/events?code={code}&token=nobody", {}),
                ("get", "/api/state?code=%ff%00&token=" + "t" * 2000, {}),
                ("delete", "/api/join", {}),
                ("get", "/nowhere", {}),
            ]
            while not stop.is_set():
                for method, path, extra in requests:
                    try:
                        async with client.request(method, url + path, **extra) as response:
                            statuses[str(response.status)] += 1
                    except aiohttp.ClientError:
                        statuses["closed"] += 1

    async def raw() -> None:
        while not stop.is_set():
            try:
                reader, writer = await asyncio.open_connection(host, int(port))
                writer.write(b"\x16\x03\x01 not http at all\r\n\r\n")
                await writer.drain()
                reply = await asyncio.wait_for(reader.read(100), 5)
                statuses[reply.split(b" ", 2)[1].decode() if reply else "closed"] += 1
                writer.close()
            except (OSError, TimeoutError):
                statuses["closed"] += 1

    async def idle() -> None:
        """Connections that never send a request (they close after the keep-alive time)."""
        writers = []
        for _ in range(300):
            _, writer = await asyncio.open_connection(host, int(port))
            writers.append(writer)
        await stop.wait()
        for writer in writers:
            writer.close()

    await asyncio.gather(
        *(http(address) for address in ("127.0.0.2", "127.0.0.3") for _ in range(3)),
        *(raw() for _ in range(2)),
        idle(),
    )


async def test_streams_keep_up_under_a_flood_of_bad_requests(tmp_path: Path) -> None:
    path = tmp_path / "groups.sqlite3"
    store = SQLiteGroupStore(path)
    session = TrainerSession(store, LESSON, QUESTIONS)
    server = Server(path, session.code, free_port())
    try:
        port = await asyncio.to_thread(server.port)
        url = f"http://127.0.0.1:{port}"
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=connector) as client:
            tokens = []
            for _ in range(STREAMS):
                async with client.post(f"{url}/api/join", json={"code": session.code}) as r:
                    tokens.append((await r.json())["token"])
            followers = [Follower() for _ in tokens]
            readers = [
                asyncio.create_task(
                    f.follow(client, f"{url}/api/events?code={session.code}&token={t}")
                )
                for f, t in zip(followers, tokens, strict=True)
            ]
            while not all(f.arrived for f in followers):
                await asyncio.sleep(0.05)
            stop = asyncio.Event()
            statuses: Counter[str] = Counter()
            flooding = asyncio.create_task(flood(url, session.code, stop, statuses))
            await asyncio.sleep(1.0)  # the flood is on
            content = SessionContent(LESSON, QUESTIONS)
            moves: list[tuple[str, float]] = []
            writes: list[float] = []
            for _ in range(MOVES):
                started = time.monotonic()
                assert session.next()
                writes.append(time.monotonic() - started)
                view = shared_state(content, session.code, session.position, away=False)
                moves.append((view_key(json.loads(json.dumps(view))), started))
                store.touch_trainer(session.code)  # the trainer's heartbeat
                await asyncio.sleep(BEAT)
            last = moves[-1][0]
            deadline = time.monotonic() + PUSH_LIMIT
            while time.monotonic() < deadline and not all(last in f.arrived for f in followers):
                await asyncio.sleep(0.05)
            stop.set()
            await asyncio.wait_for(flooding, 30)
            for reader in readers:
                reader.cancel()
            delays = [
                follower.arrived.get(place, float("inf")) - moved
                for follower in followers
                for place, moved in moves
            ]
            assert max(delays) <= PUSH_LIMIT, sorted(delays)[-5:]
            assert max(writes) <= WRITE_LIMIT, writes
            assert statuses, "the flood sent nothing"
            good = {s for s in statuses if s.startswith("4")}
            assert set(statuses) - good <= {"closed"}, statuses
            assert "429" in statuses and "413" in statuses and "404" in statuses, statuses
            assert sum(statuses[s] for s in good) > 100, statuses
            async with client.post(f"{url}/api/join", json={"code": session.code}) as r:
                assert r.status == 200  # and the session is still open to the right code
        session.end()
        assert await asyncio.to_thread(server.process.wait, 15) == 0
        log = server.stop()
        assert "Traceback" not in log
        assert len(log.splitlines()) <= 200, log[-2000:]
    finally:
        server.stop()
        store.close()
