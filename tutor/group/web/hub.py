"""The live state of one group session inside the participants' server.

The hub follows the trainer (it reads the session's position from the group
store a few times a second), keeps the JSON every participant is sent, wakes
the open event streams when something changes, and writes answers to the store
in batches so hundreds arriving at once cost one transaction. No web framework
here: `server.py` turns HTTP into calls on the hub.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from tutor.core.questions import decode_response
from tutor.group.answers import encode_response
from tutor.group.wire import SessionContent, State, own_state, shared_state
from tutor.store.group import (
    EndedSession,
    ExpiredSession,
    GroupStore,
    GroupStoreError,
    InvalidInput,
    Position,
    SessionFull,
    StoreFailure,
    UnknownSession,
    normalise_code,
)

POLL_SECONDS = 0.1
"""How often the trainer's position is read from the store."""
AWAY_AFTER = 8.0
"""The trainer counts as away when its program has not been heard of for this long."""
AWAY_LIMIT = 15 * 60.0
"""After this long without the trainer the server ends the session and stops."""
BATCH_SECONDS = 0.005
"""Answers arriving within this time are written in one transaction."""
MAX_FAILED_CODES = 10
"""Wrong codes one client address may try per `FAILED_WINDOW` seconds."""
FAILED_WINDOW = 60.0
MAX_TRACKED_CLIENTS = 10_000


class JoinRefused(Exception):
    """A join or stream that is refused; `reason` says why (the server maps it to HTTP)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class CodeGuessLimit:
    """Counts wrong codes per client address; too many within a minute are refused.

    Args:
        clock: Seconds (monotonic); tests pass their own.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}

    def blocked(self, client: str) -> bool:
        """Whether this address used up its wrong codes for now."""
        failures = self._failures.get(client)
        if not failures:
            return False
        cutoff = self._clock() - FAILED_WINDOW
        while failures and failures[0] < cutoff:
            failures.popleft()
        return len(failures) >= MAX_FAILED_CODES

    def failed(self, client: str) -> None:
        """Note one wrong code from this address."""
        if client not in self._failures and len(self._failures) >= MAX_TRACKED_CLIENTS:
            # Forget the oldest address; its count starts again (memory stays bounded).
            self._failures.pop(next(iter(self._failures)))
        failures = self._failures.setdefault(client, deque(maxlen=MAX_FAILED_CODES))
        failures.append(self._clock())


@dataclass
class _Pending:
    token: str
    index: int
    text: str | None
    done: asyncio.Future[GroupStoreError | None] = field(repr=False)


class Hub:
    """One session as its participants see it.

    Args:
        store: The group store the trainer writes to.
        content: The session's lesson and questions.
        code: The session code.
        clock: The store's clock (seconds since the epoch).
    """

    def __init__(
        self,
        store: GroupStore,
        content: SessionContent,
        code: str,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.content = content
        self.code = normalise_code(code)
        self.clock = clock
        self.position = store.position(self.code)
        self.away = False
        self.expired = False
        self.version = 0
        self.guesses = CodeGuessLimit()
        self._shared = ""
        self._known: set[str] = set()
        self._answers: dict[str, dict[int, str]] = {}
        self._streams: dict[str, set[asyncio.Event]] = {}
        self._pending: list[_Pending] = []
        self._flush_scheduled = False
        self._reported_connected = -1
        self._rebuild()

    # Following the trainer ---------------------------------------------------

    def _rebuild(self) -> None:
        self.version += 1
        state = shared_state(self.content, self.code, self.position, away=self.away)
        self._shared = json.dumps(state, ensure_ascii=False, separators=(",", ":"))

    @property
    def ended(self) -> bool:
        """Whether the trainer ended the session (the streams close after saying so)."""
        return self.position.ended

    def refresh(self) -> bool:
        """Read the trainer's position; wake every stream if it changed. True on a change."""
        try:
            position = self.store.position(self.code)
        except StoreFailure:
            return False  # busy: the next poll tries again
        except (UnknownSession, ExpiredSession) as gone:
            self.expired = isinstance(gone, ExpiredSession)
            position = Position(self.position.lesson_id, "summary", ended=True)
        away = self.clock() - position.trainer_seen > AWAY_AFTER
        same = replace(position, trainer_seen=0.0) == replace(self.position, trainer_seen=0.0)
        if same and away == self.away:
            self.position = position
            return False
        self.position, self.away = position, away
        self._rebuild()
        self._wake_all()
        return True

    def trainer_gone_too_long(self) -> bool:
        """Whether the trainer has been away longer than `AWAY_LIMIT`."""
        return self.clock() - self.position.trainer_seen > AWAY_LIMIT

    async def follow(self, *, poll_seconds: float = POLL_SECONDS) -> None:
        """Follow the trainer until the session ends (run as a task)."""
        while not self.ended:
            self.refresh()
            self.report_connected()
            if self.trainer_gone_too_long():
                with contextlib.suppress(GroupStoreError):
                    self.store.end_session(self.code)
                self.refresh()
                break
            await asyncio.sleep(poll_seconds)
        self.report_connected()

    # Participants ------------------------------------------------------------

    def check_code(self, client: str, code_text: object, *, allow_ended: bool = False) -> None:
        """Raise `JoinRefused` unless `code_text` is this session's code; wrong codes count.

        With `allow_ended` an ended session passes (its participants still get the end view).
        """
        if self.guesses.blocked(client):
            raise JoinRefused("limited")
        try:
            code = normalise_code(code_text if isinstance(code_text, str) else "")
        except InvalidInput:
            raise JoinRefused("bad_code") from None
        if code != self.code:
            self.guesses.failed(client)
            raise JoinRefused("unknown")
        if self.ended and not allow_ended:
            raise JoinRefused("expired" if self.expired else "ended")

    def join(self, client: str, code_text: object, token: object) -> str:
        """Join (or, with a known token, rejoin) the session; return the participant's token."""
        self.check_code(client, code_text)
        if isinstance(token, str) and self.known(token):
            return token
        try:
            new = self.store.join(self.code)
        except EndedSession:
            raise JoinRefused("ended") from None
        except ExpiredSession:
            raise JoinRefused("expired") from None
        except SessionFull:
            raise JoinRefused("full") from None
        except GroupStoreError:
            raise JoinRefused("busy") from None
        self._known.add(new)
        self._answers[new] = {}
        return new

    def known(self, token: str) -> bool:
        """Whether `token` is a participant of this session (their answers are loaded)."""
        if token in self._known:
            return True
        try:
            if not self.store.rejoin(self.code, token):
                return False
            self._answers[token] = self.store.answers_of(self.code, token)
        except GroupStoreError:
            return False
        self._known.add(token)
        return True

    def state_for(self, token: str) -> str:
        """The JSON a participant is sent now: the shared view plus their own part."""
        own = own_state(self.content, self.position, self._answers.get(token, {}))
        mine = json.dumps(own, ensure_ascii=False, separators=(",", ":"))
        return f'{{"v":{self.version},"shared":{self._shared},"mine":{mine}}}'

    def state(self, token: str) -> State:
        """`state_for` as data (for tests and the terminal participant)."""
        parsed: State = json.loads(self.state_for(token))
        return parsed

    # Streams -----------------------------------------------------------------

    def open_stream(self, token: str) -> asyncio.Event:
        """Register an event stream of a participant; the event is set on every change."""
        event = asyncio.Event()
        self._streams.setdefault(token, set()).add(event)
        return event

    def close_stream(self, token: str, event: asyncio.Event) -> None:
        """Forget a closed event stream."""
        events = self._streams.get(token)
        if events is not None:
            events.discard(event)
            if not events:
                del self._streams[token]

    @property
    def connected(self) -> int:
        """How many participants have a stream open now."""
        return len(self._streams)

    @property
    def stream_count(self) -> int:
        """How many event streams are open (a participant may have two tabs)."""
        return sum(len(events) for events in self._streams.values())

    def report_connected(self) -> None:
        """Tell the trainer (through the store) how many participants are connected."""
        count = self.connected
        if count == self._reported_connected:
            return
        try:
            self.store.set_connected(self.code, count)
        except GroupStoreError:
            return
        self._reported_connected = count

    def _wake_all(self) -> None:
        for events in self._streams.values():
            for event in events:
                event.set()

    def _wake(self, token: str) -> None:
        for event in self._streams.get(token, ()):
            event.set()

    # Answers -----------------------------------------------------------------

    def validate_answer(self, token: str, index: object, answer: object) -> tuple[int, str | None]:
        """Check an answer against the question on screen; return (index, canonical JSON).

        Raises:
            JoinRefused: "unknown" for a token not in the session, "closed" when the
                question is not open (another question, or revealed), "invalid" for an
                answer that does not fit the question, "too_late" after the reveal.
        """
        if not self.known(token):
            raise JoinRefused("unknown")
        position = self.position
        if type(index) is not int or position.kind != "question" or index != position.index:
            raise JoinRefused("closed")
        if position.revealed or position.ended:
            raise JoinRefused("too_late")
        if index >= len(self.content.questions):
            raise JoinRefused("closed")
        if answer is None:
            return index, None
        question = self.content.questions[index]
        try:
            text = json.dumps(answer, separators=(",", ":"))
        except (TypeError, ValueError):
            raise JoinRefused("invalid") from None
        response = decode_response(question, text)
        if response is None:
            raise JoinRefused("invalid")
        return index, encode_response(response, question)

    async def submit(self, token: str, index: int, text: str | None) -> GroupStoreError | None:
        """Store an answer (None withdraws it); return the store's refusal, if any."""
        loop = asyncio.get_running_loop()
        pending = _Pending(token, index, text, loop.create_future())
        self._pending.append(pending)
        if not self._flush_scheduled:
            self._flush_scheduled = True
            loop.call_later(BATCH_SECONDS, self._flush)
        return await pending.done

    def _flush(self) -> None:
        self._flush_scheduled = False
        batch, self._pending = self._pending, []
        if not batch:
            return
        try:
            results = self.store.answer_many(self.code, [(p.token, p.index, p.text) for p in batch])
        except GroupStoreError as error:
            results = [error] * len(batch)
        for pending, result in zip(batch, results, strict=True):
            if result is None:
                answers = self._answers.setdefault(pending.token, {})
                if pending.text is None:
                    answers.pop(pending.index, None)
                else:
                    answers[pending.index] = pending.text
                self._wake(pending.token)
            if not pending.done.done():
                pending.done.set_result(result)
