"""The trainer away, event streams and the server's log, over real loopback HTTP.

The server and the trainer: see `group_web_fixtures`.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import aiohttp
import pytest

from group_web_fixtures import LESSON, QUESTIONS, Clock, Served, read_states, served
from tutor.group.session import TrainerSession
from tutor.group.web import hub as hub_module
from tutor.group.web.hub import AWAY_AFTER, Hub
from tutor.group.wire import SessionContent
from tutor.store.group import SQLiteGroupStore

__all__ = ["served"]


# The trainer away -------------------------------------------------------------------


async def test_a_fresh_session_is_not_away_and_stays_open(tmp_path: Path) -> None:
    """A session the trainer has not moved yet has no heartbeat: not 'away since 1970'."""
    store = SQLiteGroupStore(tmp_path / "groups.sqlite3")
    session = TrainerSession(store, LESSON, QUESTIONS)
    hub = Hub(store, SessionContent(LESSON, QUESTIONS), session.code)
    follow = asyncio.create_task(hub.follow(poll_seconds=0.01))
    await asyncio.sleep(0.1)
    assert not hub.ended and not hub.away
    assert hub.state(hub.join("10.0.0.1", session.code, None))["shared"]["away"] is False  # type: ignore[index]
    follow.cancel()
    store.close()


async def test_the_trainer_away_and_back(served: Served) -> None:
    token = await served.join()
    served.session.next()
    served.move()
    assert not served.hub.away
    served.clock.now += AWAY_AFTER - 1
    served.move()
    assert (await served.state(token))["shared"]["away"] is False  # type: ignore[index]
    served.clock.now += 2
    served.move()
    assert (await served.state(token))["shared"]["away"] is True  # type: ignore[index]
    served.store.touch_trainer(served.code)
    served.move()
    assert (await served.state(token))["shared"]["away"] is False  # type: ignore[index]


async def test_the_server_ends_a_session_whose_trainer_is_gone(served: Served) -> None:
    served.session.next()
    served.clock.now += hub_module.AWAY_LIMIT + 1
    await asyncio.wait_for(served.hub.follow(poll_seconds=0.01), 5)
    assert served.hub.ended
    assert served.store.position(served.code).ended


# Streams ----------------------------------------------------------------------------


async def wait_until(check: object, timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():  # type: ignore[operator]
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def test_streams_push_every_change_and_end_with_their_connection(served: Served) -> None:
    follow = asyncio.create_task(served.hub.follow(poll_seconds=0.02))
    tokens = [await served.join() for _ in range(3)]
    clients = [aiohttp.ClientSession() for _ in tokens]
    try:
        streams = []
        for client, token in zip(clients, tokens, strict=True):
            query = {"code": served.code, "token": token}
            response = await client.get(f"{served.url}/api/events", params=query)
            assert response.headers["Content-Type"].startswith("text/event-stream")
            streams.append(response)
        for response in streams:
            assert (await read_states(response, 1))[0]["shared"]["kind"] == "lobby"  # type: ignore[index]
        assert served.hub.stream_count == 3
        await wait_until(lambda: served.store.connected_count(served.code) == 3)
        served.session.next()
        for response in streams:
            assert (await read_states(response, 1))[0]["shared"]["kind"] == "step"  # type: ignore[index]
        streams[0].close()
        await clients[0].close()
        await wait_until(lambda: served.hub.stream_count == 2)
        await wait_until(lambda: served.store.connected_count(served.code) == 2)
        for client in clients[1:]:
            await client.close()
        await wait_until(lambda: served.hub.stream_count == 0)
        await wait_until(lambda: served.store.connected_count(served.code) == 0)
    finally:
        for client in clients:
            await client.close()
        follow.cancel()


async def test_one_participant_cannot_hold_every_stream(served: Served) -> None:
    token = await served.join()
    query = {"code": served.code, "token": token}
    client = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))
    try:
        first = await client.get(f"{served.url}/api/events", params=query)
        await read_states(first, 1)
        others = [
            await client.get(f"{served.url}/api/events", params=query)
            for _ in range(hub_module.MAX_STREAMS_PER_TOKEN)
        ]
        assert served.hub.stream_count == hub_module.MAX_STREAMS_PER_TOKEN
        assert await asyncio.wait_for(first.content.read(), 5) == b""  # the oldest was ended
        for response in others:
            assert len(await read_states(response, 1)) == 1
    finally:
        await client.close()
    await wait_until(lambda: served.hub.stream_count == 0)


async def test_the_stream_says_the_end_and_closes(served: Served) -> None:
    token = await served.join()
    query = {"code": served.code, "token": token}
    response = await served.client.get(f"{served.url}/api/events", params=query)
    await read_states(response, 1)
    served.session.end()
    served.move()
    (last,) = await read_states(response, 1)
    assert last["shared"]["kind"] == "ended"  # type: ignore[index]
    assert await asyncio.wait_for(response.content.read(), 5) == b""
    response.close()


async def test_a_stored_answer_reaches_the_participants_streams(served: Served) -> None:
    """The answer's reply confirms it at once; the streams (another tab) follow shortly."""
    token = await served.join()
    served.go_to_question(0)
    query = {"code": served.code, "token": token}
    response = await served.client.get(f"{served.url}/api/events", params=query)
    (first,) = await read_states(response, 1)
    assert first["mine"] == {"answer": None}
    started = asyncio.get_running_loop().time()
    assert (await served.answer(token, 0, 1))[0] == 200
    (echo,) = await read_states(response, 1)
    assert echo["mine"] == {"answer": 1}
    assert asyncio.get_running_loop().time() - started < hub_module.ECHO_LIMIT + 0.5
    response.close()


async def test_an_unchanged_stream_gets_a_ping(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hub_module, "PING_SECONDS", 0.1)
    follow = asyncio.create_task(served.hub.follow(poll_seconds=0.02))
    token = await served.join()
    query = {"code": served.code, "token": token}
    response = await served.client.get(f"{served.url}/api/events", params=query)
    try:
        await read_states(response, 1)
        line = b""
        while not line.startswith(b":"):
            line = await asyncio.wait_for(response.content.readline(), 2)
        assert line == b": ping\n"
    finally:
        response.close()
        follow.cancel()


def test_the_log_has_a_budget() -> None:
    """A flood of bad requests cannot fill the trainer's disk: what is left out is counted."""
    from tutor.group.web.server import LogBudget

    clock = Clock(0.0)
    budget = LogBudget(lines=3, window=60.0, clock=clock)
    records = [
        logging.LogRecord("x", logging.INFO, "", 0, f"line {n}", None, None) for n in range(6)
    ]
    assert [budget.filter(r) for r in records[:5]] == [True, True, True, False, False]
    clock.now = 61.0
    assert budget.filter(records[5])
    assert records[5].getMessage() == "(2 log lines left out) line 5"
