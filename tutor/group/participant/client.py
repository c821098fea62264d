"""The terminal participant's side of the group protocol (the phone page speaks the same).

`ParticipantClient` joins a session over HTTP and keeps the token it gets, so a
reconnect keeps the participant's slot and answers; `updates()` reads the
server-sent events and yields every view, says when the stream dropped and
reconnects by itself with backoff (a network switch or a restarted server: same
address, same token, same session); `answer()` posts an answer (sending it
twice is harmless). Refusals carry the server's Dutch message. Everything read
is bounded: response bodies, event lines and events, and every wait.

The server's `retry:` hint is for browsers' EventSource; this client backs off
by itself. No Textual here: the app turns what this yields into screens.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
from collections.abc import AsyncGenerator, AsyncIterable
from dataclasses import dataclass
from typing import Any

import aiohttp

from tutor.core.content.guard import escape_controls
from tutor.core.text import group as gs
from tutor.store.group import (
    MAX_INDEX,
    MAX_LESSON_ID_LENGTH,
    MAX_TOKEN_LENGTH,
    Position,
    PositionKind,
)

MAX_EVENT_BYTES = 256 * 1024
"""The largest event (and line) accepted from the stream; a step is a few KB."""
MAX_BODY_BYTES = 64 * 1024
"""The largest answer to a request (join, state, answer) that is read."""
MAX_MESSAGE_CHARS = 300
CONNECT_SECONDS = 5.0
REQUEST_SECONDS = 10.0
SILENCE_SECONDS = 40.0
"""A stream without a byte for this long is dead (the server pings every 15 s)."""
FIRST_RETRY = 0.5
LAST_RETRY = 5.0
MAX_REJOINS = 3
"""Rejoins in a row after "unknown token" before giving up."""
_KINDS: dict[str, PositionKind] = {
    "lobby": "lobby",
    "step": "step",
    "question": "question",
    "review": "review",
    "summary": "summary",
    "ended": "summary",
}
"""The kinds a pushed state may have, as positions (an ended session is at its summary)."""
_TRANSIENT = frozenset({"busy", "limited", "server"})


class ConnectionProblem(Exception):
    """The server could not be reached, went silent, or sent something unreadable."""


class ServerRefused(Exception):
    """The server said no; `message` is its Dutch text for the participant.

    Attributes:
        reason: The protocol's reason ("unknown", "ended", "too_late", ...).
        message: What to show, in Dutch.
        status: The HTTP status.
    """

    def __init__(self, reason: str, message: str, status: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.message = message
        self.status = status

    @property
    def transient(self) -> bool:
        """Whether trying again later may work (busy, too many tries, a server error)."""
        return self.reason in _TRANSIENT or self.status >= 500


@dataclass(frozen=True)
class SessionView:
    """What one pushed `state` says, checked and typed.

    Attributes:
        lesson_id: The session's lesson ("" when the server did not say).
        position: Where the group is (`ended` when the session is over).
        away: Whether the trainer's program has not been heard of for a while.
        answer: This participant's stored answer to the question on screen (JSON), or None.
        score: "Jij had 3 van 5 vragen goed" at the end, else "".
    """

    lesson_id: str
    position: Position
    away: bool = False
    answer: object = None
    score: str = ""


@dataclass(frozen=True)
class Update:
    """The stream brought a new view."""

    view: SessionView


@dataclass(frozen=True)
class Lost:
    """The stream dropped; the client is trying again."""


@dataclass(frozen=True)
class Closed:
    """Following is over for good (the session is gone); `message` says why, in Dutch."""

    message: str


def _index(value: object) -> int:
    if type(value) is int and 0 <= value <= MAX_INDEX:
        return value
    return 0


def _text(value: object, limit: int = MAX_MESSAGE_CHARS) -> str:
    return escape_controls(value[:limit]) if isinstance(value, str) else ""


def parse_view(data: object) -> SessionView:
    """A `state` object as a `SessionView`; `ConnectionProblem` if it is not one."""
    if not isinstance(data, dict) or not isinstance(data.get("shared"), dict):
        raise ConnectionProblem("state")
    shared: dict[str, Any] = data["shared"]
    mine = data.get("mine")
    mine = mine if isinstance(mine, dict) else {}
    kind = shared.get("kind")
    ended = kind == "ended"
    where: PositionKind = _KINDS.get(kind, "lobby") if isinstance(kind, str) else "lobby"
    question = shared.get("question")
    revealed = where == "question" and isinstance(question, dict) and question.get("revealed")
    lesson_id = shared.get("lesson_id")
    if not isinstance(lesson_id, str) or len(lesson_id) > MAX_LESSON_ID_LENGTH:
        lesson_id = ""
    position = Position(
        lesson_id,
        where,
        _index(shared.get("index")),
        _index(shared.get("sub")),
        revealed=revealed is True,
        ended=ended,
    )
    return SessionView(
        lesson_id,
        position,
        away=shared.get("away") is True,
        answer=mine.get("answer"),
        score=_text(mine.get("score")),
    )


def _view_of(text: str) -> SessionView:
    try:
        return parse_view(json.loads(text))
    except (ValueError, RecursionError):
        raise ConnectionProblem("state") from None


async def read_events(
    chunks: AsyncIterable[bytes], limit: int = MAX_EVENT_BYTES
) -> AsyncGenerator[tuple[str, str], None]:
    """Server-sent events as (event name, data); `ConnectionProblem` past `limit` bytes."""
    pending = bytearray()
    name, size = "", 0
    data: list[str] = []
    async for chunk in chunks:
        pending += chunk
        start = 0
        while (end := pending.find(b"\n", start)) >= 0:
            line = bytes(pending[start:end]).rstrip(b"\r").decode("utf-8", "replace")
            start = end + 1
            if not line:
                if data:
                    yield name or "message", "\n".join(data)
                name, data, size = "", [], 0
                continue
            field, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if field == "event":
                name = value[:64]
            elif field == "data":
                size += len(value) + 1
                if size > limit:
                    raise ConnectionProblem("event too large")
                data.append(value)
        del pending[:start]
        if len(pending) > limit:
            raise ConnectionProblem("line too long")


class ParticipantClient:
    """One participant of one session on the trainer's server.

    Args:
        base: The server's address, ending in "/" (see `address.parse_address`).
        first_retry: Seconds before the first reconnect; doubled up to `last_retry`.
        last_retry: The longest wait between reconnects.

    Attributes:
        code: The session code once joined.
        token: This participant's identity on the server, kept for every reconnect.
    """

    def __init__(
        self, base: str, *, first_retry: float = FIRST_RETRY, last_retry: float = LAST_RETRY
    ) -> None:
        self.base = base if base.endswith("/") else f"{base}/"
        self.first_retry = first_retry
        self.last_retry = last_retry
        self.code = ""
        self.token: str | None = None
        self._http: aiohttp.ClientSession | None = None

    def _session(self) -> aiohttp.ClientSession:
        if self._http is None or self._http.closed:
            timeout = aiohttp.ClientTimeout(total=REQUEST_SECONDS, connect=CONNECT_SECONDS)
            self._http = aiohttp.ClientSession(timeout=timeout)
        return self._http

    async def close(self) -> None:
        """Close the connections (the token stays, for a later join)."""
        if self._http is not None:
            await self._http.close()
            self._http = None

    # Requests ----------------------------------------------------------------

    async def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        """One request; its JSON answer, `ServerRefused` or `ConnectionProblem`."""
        try:
            async with self._session().request(method, self.base + path, **kwargs) as response:
                body = await _read_body(response)
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            raise ConnectionProblem(type(error).__name__) from None
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            data = None
        if response.status >= 400:
            raise _refusal(response.status, data, self.base)
        if data is None:
            raise ServerRefused("odd", gs.JOIN_ODD_SERVER.format(url=self.base), response.status)
        return data

    async def join(self, code: str) -> str:
        """Join session `code` (with the kept token, the same slot); return the token."""
        body: dict[str, str] = {"code": code}
        if self.token is not None and code == self.code:
            body["token"] = self.token
        data = await self._request("POST", "api/join", json=body)
        token = data.get("token") if isinstance(data, dict) else None
        if not isinstance(token, str) or not 0 < len(token) <= MAX_TOKEN_LENGTH:
            raise ServerRefused("odd", gs.JOIN_ODD_SERVER.format(url=self.base), 200)
        self.code, self.token = code, token
        return token

    def _identity(self) -> dict[str, str]:
        return {"code": self.code, "token": self.token or ""}

    async def state(self) -> SessionView:
        """The participant's view now, once."""
        return parse_view(await self._request("GET", "api/state", params=self._identity()))

    async def answer(self, question: int, answer: object) -> object:
        """Give the answer (JSON; None takes it back) to question `question`; return it stored."""
        body = {**self._identity(), "question": question, "answer": answer}
        data = await self._request("POST", "api/answer", json=body)
        return data.get("answer") if isinstance(data, dict) else None

    # The stream --------------------------------------------------------------

    async def _views(self) -> AsyncGenerator[SessionView, None]:
        """The views of one event stream, until it ends or breaks."""
        timeout = aiohttp.ClientTimeout(
            total=None, connect=CONNECT_SECONDS, sock_read=SILENCE_SECONDS
        )
        try:
            async with self._session().get(
                self.base + "api/events",
                params=self._identity(),
                timeout=timeout,
                headers={"Accept": "text/event-stream"},
            ) as response:
                if response.status != 200:
                    body = await _read_body(response)
                    try:
                        data = json.loads(body.decode("utf-8"))
                    except (UnicodeDecodeError, ValueError, RecursionError):
                        data = None
                    raise _refusal(response.status, data, self.base)
                events = read_events(response.content.iter_any())
                async with contextlib.aclosing(events):
                    async for name, text in events:
                        if name == "state":
                            yield _view_of(text)
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            raise ConnectionProblem(type(error).__name__) from None

    async def updates(self) -> AsyncGenerator[Update | Lost | Closed, None]:
        """Follow the session: every view, `Lost` when the stream drops, `Closed` at a dead end.

        Ends after the view of the ended session, or after `Closed`. Reconnects with the
        same token; an "unknown token" (the server forgot it) rejoins, keeping the slot
        when the session's store still knows it.
        """
        delay = self.first_retry
        lost = False
        rejoins = 0
        while True:
            try:
                async with contextlib.aclosing(self._views()) as views:
                    async for view in views:
                        delay, lost, rejoins = self.first_retry, False, 0
                        yield Update(view)
                        if view.position.ended:
                            return
            except ServerRefused as refused:
                problem = refused
                if refused.reason == "unknown" and rejoins < MAX_REJOINS:
                    rejoins += 1
                    rejoined = await self._rejoin()
                    if rejoined is None:
                        continue
                    problem = rejoined
                if not problem.transient:
                    # The stream's "unknown" names no code: say the connection is gone.
                    unknown = problem is refused and refused.reason == "unknown"
                    yield Closed(gs.PARTICIPANT_LOST if unknown else problem.message)
                    return
            except ConnectionProblem:
                pass
            if not lost:
                lost = True
                yield Lost()
            await asyncio.sleep(delay * random.uniform(0.8, 1.2))  # noqa: S311 - spreads retries
            delay = min(delay * 2, self.last_retry)

    async def _rejoin(self) -> ServerRefused | None:
        """Join again with the kept token; the refusal if that did not work (None: joined)."""
        try:
            await self.join(self.code)
        except ServerRefused as refused:
            return refused
        except ConnectionProblem:
            return ServerRefused("server", gs.CONNECTION_LOST, 0)
        return None


async def _read_body(response: aiohttp.ClientResponse) -> bytes:
    """The response's body, at most `MAX_BODY_BYTES` (`ConnectionProblem` beyond)."""
    if response.content_length is not None and response.content_length > MAX_BODY_BYTES:
        raise ConnectionProblem("body too large")
    body = bytearray()
    async for chunk in response.content.iter_any():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise ConnectionProblem("body too large")
    return bytes(body)


def _refusal(status: int, data: object, base: str) -> ServerRefused:
    """The server's refusal with its Dutch message (a general one if it gave none)."""
    if isinstance(data, dict) and isinstance(data.get("error"), str):
        reason = data["error"][:40]
        message = _text(data.get("message")) or gs.JOIN_ODD_SERVER.format(url=base)
        return ServerRefused(reason, message, status)
    reason = "server" if status >= 500 else "odd"
    return ServerRefused(reason, gs.JOIN_ODD_SERVER.format(url=base), status)
