"""The terminal participant's HTTP client: addresses, the event stream, a hostile server."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from tutor.core.text import group as gs
from tutor.group.participant.address import (
    MAX_ADDRESS_LENGTH,
    BadAddress,
    JoinAddress,
    announced_address,
    parse_address,
)
from tutor.group.participant.client import (
    MAX_EVENT_BYTES,
    Closed,
    ConnectionProblem,
    Lost,
    ParticipantClient,
    ServerRefused,
    Update,
    parse_view,
    read_events,
)


def test_addresses() -> None:
    assert parse_address("http://192.168.1.20:8000/") == JoinAddress("http://192.168.1.20:8000/")
    assert parse_address(" http://laptop:8000 ") == JoinAddress("http://laptop:8000/")
    # The QR code's link fills in the code.
    qr = parse_address("http://192.168.1.20:8000/?code=123456")
    assert qr == JoinAddress("http://192.168.1.20:8000/", "123456")
    # Behind a reverse proxy, the API lives under the path.
    assert parse_address("https://groep.example/tutor").base == "https://groep.example/tutor/"
    for bad in (
        "",
        "ftp://laptop/",
        "laptop:8000",
        "http://",
        "http://laptop:99999/",
        "http://laptop:0/",
        "http://wie:geheim@laptop/",
        "http://lap top/",
        "http://laptop/\x1b[2J",
        "http://laptop/" + "a" * MAX_ADDRESS_LENGTH,
    ):
        with pytest.raises(BadAddress):
            parse_address(bad)


def test_an_address_announced_on_every_network_is_reached_on_loopback() -> None:
    assert announced_address("http://0.0.0.0:8123/") == JoinAddress("http://127.0.0.1:8123/")
    assert announced_address("http://[::]:8123/") == JoinAddress("http://[::1]:8123/")
    assert announced_address("https://groep.example/") == JoinAddress("https://groep.example/")
    assert announced_address(None) is None
    assert announced_address("tutor serve") is None


async def chunks(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


async def events_of(*parts: bytes, limit: int = MAX_EVENT_BYTES) -> list[tuple[str, str]]:
    return [event async for event in read_events(chunks(*parts), limit)]


async def test_events_are_read_across_chunks() -> None:
    stream = (
        b'retry: 2000\n\n: ping\n\nevent: state\ndata: {"a":\n',
        b"data: 1}\r\n\r\nevent: state\ndata:2\n\n",
        b"data: no end",
    )
    assert await events_of(*stream) == [("state", '{"a":\n1}'), ("state", "2")]


async def test_events_are_bounded() -> None:
    with pytest.raises(ConnectionProblem):
        await events_of(b"event: state\n", b"data: " + b"x" * 2000 + b"\n", limit=1000)
    with pytest.raises(ConnectionProblem):  # one endless line
        await events_of(b"data: ", *[b"x" * 600] * 3, limit=1000)
    with pytest.raises(ConnectionProblem):  # many data lines of one event
        await events_of(*[b"data: " + b"x" * 100 + b"\n"] * 20, limit=1000)


def test_a_state_is_checked() -> None:
    view = parse_view(
        {
            "v": 3,
            "shared": {
                "kind": "question",
                "lesson_id": "mini-les",
                "index": 2,
                "sub": True,
                "away": 1,
                "question": {"revealed": True},
            },
            "mine": {"answer": [1], "score": "\x1b]0;titel\x07"},
        }
    )
    assert (view.lesson_id, view.position.kind, view.position.index) == ("mini-les", "question", 2)
    assert view.position.sub == 0, "a bool is not an index"
    assert view.position.revealed and not view.away
    assert view.answer == [1]
    assert "\x1b" not in view.score
    ended = parse_view({"shared": {"kind": "ended", "lesson_id": "mini-les", "index": 4}})
    assert ended.position.ended and ended.position.kind == "summary"
    odd = parse_view({"shared": {"kind": "dansen", "index": -1, "lesson_id": "x" * 500}})
    assert (odd.position.kind, odd.position.index, odd.lesson_id) == ("lobby", 0, "")
    for bad in (None, [], {"shared": "step"}):
        with pytest.raises(ConnectionProblem):
            parse_view(bad)


async def test_a_hostile_or_odd_server_is_survived(unused_tcp_port: int) -> None:
    """A huge event drops the stream (and it reconnects); an HTML error page is a Dutch message."""
    connections: list[str] = []

    async def join(request: web.Request) -> web.Response:
        return web.json_response({"token": "t" * 20})

    async def events(request: web.Request) -> web.StreamResponse:
        connections.append(request.query.get("token", ""))
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        if len(connections) == 1:
            await response.write(b"event: state\ndata: " + b"x" * (MAX_EVENT_BYTES + 10) + b"\n\n")
        else:
            state = {"shared": {"kind": "ended", "lesson_id": "mini-les"}, "mine": {}}
            await response.write(f"event: state\ndata: {json.dumps(state)}\n\n".encode())
        return response

    async def answer(request: web.Request) -> web.Response:
        return web.Response(status=502, text="<html>Bad Gateway</html>", content_type="text/html")

    app = web.Application()
    app.router.add_post("/api/join", join)
    app.router.add_get("/api/events", events)
    app.router.add_post("/api/answer", answer)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", unused_tcp_port).start()
    client = ParticipantClient(f"http://127.0.0.1:{unused_tcp_port}", first_retry=0.01)
    try:
        assert await client.join("123456") == "t" * 20
        updates = [update async for update in client.updates()]
        assert isinstance(updates[0], Lost)
        assert isinstance(updates[1], Update) and updates[1].view.position.ended
        assert connections == ["t" * 20] * 2, "the same token on the reconnect"
        with pytest.raises(ServerRefused) as refused:
            await client.answer(0, [1])
        assert refused.value.transient
        assert refused.value.message == gs.JOIN_ODD_SERVER.format(url=client.base)
    finally:
        await client.close()
        await runner.cleanup()


async def test_a_session_that_is_gone_closes_the_stream(unused_tcp_port: int) -> None:
    async def events(request: web.Request) -> web.Response:
        body = {"error": "ended", "message": gs.JOIN_ENDED.format(code="123456")}
        return web.json_response(body, status=410)

    app = web.Application()
    app.router.add_get("/api/events", events)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", unused_tcp_port).start()
    client = ParticipantClient(f"http://127.0.0.1:{unused_tcp_port}/")
    client.code, client.token = "123456", "t" * 20
    try:
        updates = [update async for update in client.updates()]
        assert updates == [Closed(gs.JOIN_ENDED.format(code="123456"))]
    finally:
        await client.close()
        await runner.cleanup()
