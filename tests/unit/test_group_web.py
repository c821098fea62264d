"""Joining, wrong codes, answers and malformed requests, over real loopback HTTP.

Clients connect from 127.0.0.1 or 127.0.0.2 (both loopback) where the wrong-code
limit needs two addresses. The server and the trainer: see `group_web_fixtures`.
"""

from __future__ import annotations

import asyncio
import json
import logging

import aiohttp
import pytest

from group_web_fixtures import QUESTIONS, Served, participants_in_store, served
from tutor.core.text import group as gs
from tutor.group.web.hub import FAILED_WINDOW, MAX_FAILED_CODES, Hub
from tutor.group.web.server import MAX_BODY_BYTES
from tutor.store.group import SESSION_LIFETIME

TYPES = sorted({q.type for q in QUESTIONS})
OTHER = "127.0.0.2"
__all__ = ["served"]


# Joining and rejoining --------------------------------------------------------------


async def test_reloads_keep_one_slot(served: Served) -> None:
    token = await served.join()
    for _ in range(5):  # the page reloads and sends the token it kept
        assert await served.join(token) == token
    assert participants_in_store(served.store, served.code) == 1
    assert served.hub.participant_count == 1


async def test_one_answer_per_identity_even_after_rejoin(served: Served) -> None:
    token = await served.join()
    served.go_to_question(0)
    assert (await served.answer(token, 0, 0))[0] == 200
    for pick in (1, 0, 2):
        assert await served.join(token) == token
        status, body = await served.answer(token, 0, pick)
        assert status == 200 and body == {"ok": True, "answer": pick}
    assert served.session.answer_count() == (1, 0)
    mine = (await served.state(token))["mine"]
    assert mine == {"answer": 2}


async def test_a_restarted_server_knows_the_old_token(served: Served) -> None:
    token = await served.join()
    served.go_to_question(0)
    await served.answer(token, 0, 1)
    fresh = Hub(served.store, served.hub.content, served.code, clock=served.clock)
    assert fresh.join("127.0.0.1", served.code, token) == token
    assert fresh.state(token)["mine"] == {"answer": 1}
    assert served.session.answer_count() == (1, 0)


# Wrong codes ------------------------------------------------------------------------


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


async def test_wrong_codes_are_limited_per_address(served: Served) -> None:
    kept = await served.join()  # already in the session, from the address that will guess
    other = aiohttp.ClientSession(connector=aiohttp.TCPConnector(local_addr=(OTHER, 0)))
    url = f"{served.url}/api/join"
    try:
        early = None
        async with other.post(url, json={"code": served.code}) as response:
            early = (await response.json())["token"]
        for _ in range(MAX_FAILED_CODES):
            async with other.post(url, json={"code": wrong(served.code)}) as response:
                assert response.status == 404
        async with other.post(url, json={"code": wrong(served.code)}) as response:
            assert response.status == 429
            assert response.headers["Retry-After"]
            body = await response.json()
            assert body == {"error": "limited", "message": gs.WEB_TOO_MANY_TRIES}
        # The right code is refused too, so a guesser cannot tell it from a wrong one ...
        async with other.post(url, json={"code": served.code}) as response:
            assert response.status == 429
        # ... but a participant who is in the session, behind that address, is not locked out.
        query = {"code": served.code, "token": early}
        async with other.get(f"{served.url}/api/state", params=query) as response:
            assert response.status == 200
        # Another address may still join, and a kept token still works from here.
        assert await served.join(kept) == kept
        assert await served.join() != kept
        served.guess_clock.now += FAILED_WINDOW + 1
        async with other.post(url, json={"code": served.code}) as response:
            assert response.status == 200
    finally:
        await other.close()


async def test_a_code_is_refused_after_the_session_ended(served: Served) -> None:
    token = await served.join()
    served.session.end()
    served.move()
    async with served.client.post(f"{served.url}/api/join", json={"code": served.code}) as r:
        assert r.status == 410
        assert (await r.json())["message"] == gs.JOIN_ENDED.format(code=served.code)
    # Someone already in the session still gets the end view (with the open questions).
    query = {"code": served.code, "token": token}
    async with served.client.get(f"{served.url}/api/state", params=query) as r:
        assert r.status == 200
        assert (await r.json())["shared"]["kind"] == "ended"
    stranger = {"code": served.code, "token": "x" * 22}
    async with served.client.get(f"{served.url}/api/state", params=stranger) as r:
        assert r.status == 404


async def test_a_code_is_refused_for_an_expired_session(served: Served) -> None:
    served.clock.now += SESSION_LIFETIME + 60
    served.move()
    async with served.client.post(f"{served.url}/api/join", json={"code": served.code}) as r:
        assert r.status == 410
        assert (await r.json())["error"] == "expired"


# Answers ----------------------------------------------------------------------------


def bad_answers(served: Served, index: int) -> list[object]:
    """Answers that do not fit question `index` (in the wire form's places)."""
    form = served.hub.content.form(served.code, index)
    count, rows = len(form.values), len(form.rows)
    deep: object = 0
    for _ in range(50):
        deep = [deep]
    common: list[object] = ["0", 1.5, {"a": 0}, deep, [[0]], "x" * 1000]
    if form.mode == "one":
        return [*common, True, False, -1, count, [0], 10**30]
    if form.mode == "many":
        return [*common, 0, True, [True], [-1], [count], [0] * (count + 1), [10**30]]
    if form.mode == "order":
        missing = list(range(count))[:-1]
        return [*common, missing, [0] * count, [True, *range(1, count)], [count, *range(1, count)]]
    return [*common, [0] * (rows - 1), [0] * (rows + 1), [count] * rows, [True] * rows, [-1] * rows]


def good_answer(served: Served, index: int) -> object:
    form = served.hub.content.form(served.code, index)
    count = len(form.values)
    if form.mode == "one":
        return count - 1
    if form.mode == "many":
        return [0, count - 1]
    if form.mode == "order":
        return list(reversed(range(count)))
    return [row % count for row in range(len(form.rows))]


@pytest.mark.parametrize("kind", TYPES)
async def test_answers_are_validated_for_every_question_type(served: Served, kind: str) -> None:
    index = next(i for i, q in enumerate(QUESTIONS) if q.type == kind)
    token = await served.join()
    served.go_to_question(index)
    for bad in bad_answers(served, index):
        status, body = await served.answer(token, index, bad)
        assert status == 400, (kind, bad, body)
        assert body["error"] == "invalid" and body["message"]
    good = good_answer(served, index)
    status, body = await served.answer(token, index, good)
    assert status == 200, body
    many = served.hub.content.form(served.code, index).mode == "many"
    assert body["answer"] == (sorted(good) if many else good)  # type: ignore[type-var]
    assert (await served.state(token))["mine"] == {"answer": body["answer"]}
    status, body = await served.answer(token, index, None)  # null takes it back
    assert status == 200 and body["answer"] is None
    assert served.session.answer_count() == (0, 0)


async def test_bad_answer_requests(served: Served) -> None:
    token = await served.join()
    served.go_to_question(1)
    url = f"{served.url}/api/answer"
    base = {"code": served.code, "token": token}
    cases: list[tuple[object, int]] = [
        ({**base, "question": True, "answer": 0}, 400),
        ({**base, "question": "1", "answer": 0}, 400),
        ({**base, "question": 1.0, "answer": 0}, 400),
        ({**base, "question": 1}, 400),  # no answer at all is not "take it back"
        ({**base, "question": 0, "answer": 0}, 409),  # not the question on screen
        ({**base, "question": 2, "answer": 0}, 409),
        ({**base, "question": 10**40, "answer": 0}, 409),
        ({**base, "token": "nobody", "question": 1, "answer": 0}, 404),
        ({**base, "token": ["x"], "question": 1, "answer": 0}, 404),
        ({**base, "code": "12", "question": 1, "answer": 0}, 400),
    ]
    for body, status in cases:
        async with served.client.post(url, json=body) as response:
            assert response.status == status, body
            assert (await response.json())["message"]
    huge = json.dumps({**base, "question": 1, "answer": "x" * MAX_BODY_BYTES})
    async with served.client.post(url, data=huge) as response:
        assert response.status == 413
    nested = "[" * 1500 + "]" * 1500
    deep = f'{{"code": "{served.code}", "answer": {nested}}}'
    async with served.client.post(url, data=deep) as response:
        assert response.status == 400
    served.session.reveal()
    served.move()
    status, body = await served.answer(token, 1, 0)
    assert status == 409 and body["error"] == "too_late"
    assert body["message"] == gs.PARTICIPANT_TOO_LATE


# Malformed requests -----------------------------------------------------------------


async def raw_exchange(url: str, data: bytes, timeout: float = 5.0) -> bytes:
    """Send raw bytes to the server; return what it answers until it closes (or `timeout`)."""
    host, port = url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(data)
    reply = b""
    try:
        await writer.drain()
        async with asyncio.timeout(timeout):
            while chunk := await reader.read(65536):
                reply += chunk
    except (TimeoutError, ConnectionError):
        pass
    finally:
        writer.close()
    return reply


def status_of(reply: bytes) -> int:
    return int(reply.split(b" ", 2)[1]) if reply.startswith(b"HTTP/1.") else 0


async def test_malformed_requests_get_4xx_and_one_log_line(
    served: Served, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="aiohttp")
    caplog.set_level(logging.INFO, logger="tutor")
    host = b"Host: x\r\nConnection: close\r\n"
    join = b"POST /api/join HTTP/1.1\r\n" + host + b"Content-Type: application/json\r\n"
    code = served.code.encode()
    cases = {
        "bad json": join + b"Content-Length: 5\r\n\r\n{code",
        "json list": join + b"Content-Length: 2\r\n\r\n[]",
        "not utf-8": join + b"Content-Length: 4\r\n\r\n\xff\xfe\x00\x01",
        "length too short": join + b"Content-Length: 3\r\n\r\n" + b'{"code": "' + code + b'"}',
        "length not a number": join + b"Content-Length: abc\r\n\r\n{}",
        "length negative": join + b"Content-Length: -1\r\n\r\n{}",
        "length huge": join + b"Content-Length: 99999999999\r\n\r\n{}",
        "chunked huge": join
        + b"Transfer-Encoding: chunked\r\n\r\n"
        + b"".join(b"1000\r\n" + b"x" * 4096 + b"\r\n" for _ in range(3))
        + b"0\r\n\r\n",
        "unknown path": b"GET /etc/passwd HTTP/1.1\r\n" + host + b"\r\n",
        "dot dot": b"GET /static/../server.py HTTP/1.1\r\n" + host + b"\r\n",
        "unknown static": b"GET /static/app.py HTTP/1.1\r\n" + host + b"\r\n",
        "wrong method": b"DELETE /api/join HTTP/1.1\r\n" + host + b"\r\n",
        "get join": b"GET /api/join HTTP/1.1\r\n" + host + b"\r\n",
        "query garbage": b"GET /api/state?code=%ff%00%0a&token=%%%%&&&= HTTP/1.1\r\n"
        + host
        + b"\r\n",
        "query repeated": b"GET /api/events?code=1&code=2&token=" + b"t" * 5000 + b" HTTP/1.1\r\n"
        b"" + host + b"\r\n",
        "newline in path": b"GET /a%0aERROR%20fake HTTP/1.1\r\n" + host + b"\r\n",
        "long header": b"GET / HTTP/1.1\r\n" + host + b"X: " + b"y" * 20000 + b"\r\n\r\n",
        "not http": b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 40,
        "bad method": b"G\x00T / HTTP/1.1\r\n" + host + b"\r\n",
        "bad version": b"GET / HTTP/9.9\r\n" + host + b"\r\n",
        "no host, http/1.0 garbage": b"GET\r\n\r\n",
    }
    for name, data in cases.items():
        caplog.clear()
        reply = await raw_exchange(served.url, data)
        status = status_of(reply)
        assert 400 <= status < 500, (name, reply[:200])
        records = [r for r in caplog.records if r.name.startswith(("aiohttp", "tutor"))]
        assert len(records) <= 1, (name, [r.getMessage() for r in records])
        for record in records:
            assert record.exc_info is None and "\n" not in record.getMessage(), name
            assert "Traceback" not in record.getMessage(), name
    assert served.hub.participant_count == 0


async def test_a_body_that_never_arrives_times_out(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tutor.group.web import server

    monkeypatch.setattr(server, "BODY_SECONDS", 0.3)
    data = b"POST /api/join HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"
    reply = await raw_exchange(served.url, data)
    assert status_of(reply) == 408


async def test_behind_a_local_proxy_the_forwarded_address_is_counted(served: Served) -> None:
    """With --public-url behind a reverse proxy, every request comes from loopback."""
    url = f"{served.url}/api/join"
    guesser = {"X-Forwarded-For": "198.51.100.1, 203.0.113.5"}  # the proxy adds the last one
    for _ in range(MAX_FAILED_CODES):
        async with served.client.post(url, json={"code": wrong(served.code)}, headers=guesser) as r:
            assert r.status == 404
    async with served.client.post(url, json={"code": wrong(served.code)}, headers=guesser) as r:
        assert r.status == 429
    # Someone else in the room, through the same proxy, can still join.
    neighbour = {"X-Forwarded-For": "203.0.113.6"}
    async with served.client.post(url, json={"code": served.code}, headers=neighbour) as r:
        assert r.status == 200
