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
    MAX_TOKEN_LENGTH,
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
ECHO_SECONDS = 0.05
"""A stored answer goes back to its participant's streams once answers are quiet this long ..."""
ECHO_LIMIT = 0.5
"""... but never later than this after it was stored (the answer's reply confirmed it already)."""
PING_SECONDS = 15.0
"""Every stream gets a comment this often, so proxies and phones keep it open."""
MAX_FAILED_CODES = 10
"""Wrong codes one client address may try per `FAILED_WINDOW` seconds."""
FAILED_WINDOW = 60.0
MAX_TRACKED_CLIENTS = 10_000
MAX_STREAMS_PER_TOKEN = 4
"""Open event streams one participant may have (tabs, a reconnect before the old one died)."""


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
        if not failures:
            del self._failures[client]
            return False
        return len(failures) >= MAX_FAILED_CODES

    def failed(self, client: str) -> None:
        """Note one wrong code from this address."""
        if client not in self._failures and len(self._failures) >= MAX_TRACKED_CLIENTS:
            # Forget the oldest address; its count starts again (memory stays bounded).
            self._failures.pop(next(iter(self._failures)))
        failures = self._failures.setdefault(client, deque(maxlen=MAX_FAILED_CODES))
        failures.append(self._clock())


class Stream:
    """One open event stream of a participant.

    Attributes:
        event: Set whenever the participant's view may have changed.
        dropped: Set when a newer stream of the same participant took this one's place.
    """

    __slots__ = ("event", "dropped")

    def __init__(self) -> None:
        self.event = asyncio.Event()
        self.dropped = False


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
        guess_clock: The wrong-code limit's clock (monotonic seconds).
    """

    def __init__(
        self,
        store: GroupStore,
        content: SessionContent,
        code: str,
        *,
        clock: Callable[[], float] = time.time,
        guess_clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.content = content
        self.code = normalise_code(code)
        self.clock = clock
        self.position = store.position(self.code)
        self._started = clock()
        self.away = False
        self.expired = False
        self.version = 0
        self.guesses = CodeGuessLimit(guess_clock)
        self._shared = ""
        self._known: set[str] = set()
        self._answers: dict[str, dict[int, str]] = {}
        self._streams: dict[str, list[Stream]] = {}
        self._stream_total = 0
        self._pending: list[_Pending] = []
        self._flush_scheduled = False
        self._echo: set[str] = set()
        self._echo_since: float | None = None
        self._echo_timer: asyncio.TimerHandle | None = None
        self._messages: dict[str, bytes] = {}
        self._mine: dict[str | None, str] = {}
        self._reported_connected = -1
        self._rebuild()

    # Following the trainer ---------------------------------------------------

    def _rebuild(self) -> None:
        self.version += 1
        state = shared_state(self.content, self.code, self.position, away=self.away)
        self._shared = json.dumps(state, ensure_ascii=False, separators=(",", ":"))
        self._messages.clear()
        self._mine.clear()

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
            position = replace(self.position, ended=True)
        away = self._trainer_silence(position) > AWAY_AFTER
        same = replace(position, trainer_seen=0.0) == replace(self.position, trainer_seen=0.0)
        if same and away == self.away:
            self.position = position
            return False
        self.position, self.away = position, away
        self._rebuild()
        self._wake_all()
        return True

    def _trainer_silence(self, position: Position) -> float:
        """Seconds since the trainer was last heard of.

        A session the trainer has not moved yet has no heartbeat (0): the trainer
        that just started this server counts as there from the server's start.
        """
        return self.clock() - max(position.trainer_seen, self._started)

    def trainer_gone_too_long(self) -> bool:
        """Whether the trainer has been away longer than `AWAY_LIMIT`."""
        return self._trainer_silence(self.position) > AWAY_LIMIT

    async def follow(self, *, poll_seconds: float = POLL_SECONDS) -> None:
        """Follow the trainer until the session ends (run as a task); ping the streams."""
        loop = asyncio.get_running_loop()
        pinged = loop.time()
        while not self.ended:
            self.refresh()
            self.report_connected()
            if loop.time() - pinged >= PING_SECONDS:
                pinged = loop.time()
                self._wake_all()  # a stream whose view did not change sends a ping
            if self.trainer_gone_too_long():
                with contextlib.suppress(GroupStoreError):
                    self.store.end_session(self.code)
                self.refresh()
                break
            await asyncio.sleep(poll_seconds)
        self.report_connected()

    # Participants ------------------------------------------------------------

    def check_code(
        self, client: str, code_text: object, token: object = None, *, allow_ended: bool = False
    ) -> None:
        """Raise `JoinRefused` unless `code_text` is this session's code; wrong codes count.

        An address that used up its wrong codes is refused for everything, so a
        guesser learns nothing, except participants who show their token with the
        right code: someone guessing behind the same address (a clinic's Wi-Fi, a
        proxy) does not lock out the people already in the session. With
        `allow_ended` an ended session passes (its participants still get the end view).
        """
        try:
            code = normalise_code(code_text if isinstance(code_text, str) else "")
        except InvalidInput:
            raise JoinRefused("bad_code") from None
        right = code == self.code
        if self.guesses.blocked(client) and not (right and self.known(token)):
            raise JoinRefused("limited")
        if not right:
            self.guesses.failed(client)
            raise JoinRefused("unknown")
        if self.expired:
            raise JoinRefused("expired")
        if self.ended and not allow_ended:
            raise JoinRefused("expired" if self.expired else "ended")

    def join(self, client: str, code_text: object, token: object) -> str:
        """Join (or, with a known token, rejoin) the session; return the participant's token."""
        self.check_code(client, code_text, token)
        if isinstance(token, str) and self.known(token):
            return token
        try:
            new = self.store.join(self.code)
        except EndedSession:
            raise JoinRefused("ended") from None
        except (ExpiredSession, UnknownSession):
            raise JoinRefused("expired") from None
        except SessionFull:
            raise JoinRefused("full") from None
        except GroupStoreError:
            raise JoinRefused("busy") from None
        self._known.add(new)
        self._answers[new] = {}
        return new

    def known(self, token: object) -> bool:
        """Whether `token` is a participant of this session (their answers are loaded)."""
        if not isinstance(token, str) or not 0 < len(token) <= MAX_TOKEN_LENGTH:
            return False
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

    @property
    def participant_count(self) -> int:
        """How many participants this server knows (joined or rejoined since it started)."""
        return len(self._known)

    def _own_json(self, token: str) -> str:
        """The participant's own part as JSON; at a question the same for the same answer."""
        answers = self._answers.get(token, {})
        position = self.position
        at_question = position.kind == "question" and not position.ended
        key = answers.get(position.index) if at_question else None
        if at_question and key in self._mine:
            return self._mine[key]
        own = own_state(self.content, self.code, position, answers)
        mine = json.dumps(own, ensure_ascii=False, separators=(",", ":"))
        if at_question:
            self._mine[key] = mine
        return mine

    def state_for(self, token: str) -> str:
        """The JSON a participant is sent now: the shared view plus their own part."""
        return f'{{"v":{self.version},"shared":{self._shared},"mine":{self._own_json(token)}}}'

    def message_for(self, token: str) -> bytes:
        """`state_for` as a server-sent event; built once for everyone who sees the same."""
        mine = self._own_json(token)
        message = self._messages.get(mine)
        if message is None:
            state = f'{{"v":{self.version},"shared":{self._shared},"mine":{mine}}}'
            message = f"event: state\ndata: {state}\n\n".encode()
            self._messages[mine] = message
        return message

    def state(self, token: str) -> State:
        """`state_for` as data (for tests and the terminal participant)."""
        parsed: State = json.loads(self.state_for(token))
        return parsed

    # Streams -----------------------------------------------------------------

    def open_stream(self, token: str) -> Stream:
        """Register an event stream of a participant; its event is set on every change.

        A participant has at most `MAX_STREAMS_PER_TOKEN` streams: a newer one drops
        the oldest (after a network switch the old connection is usually dead, and
        one token can never take every stream of the server).
        """
        streams = self._streams.setdefault(token, [])
        while len(streams) >= MAX_STREAMS_PER_TOKEN:
            oldest = streams.pop(0)
            self._stream_total -= 1
            oldest.dropped = True
            oldest.event.set()
        stream = Stream()
        streams.append(stream)
        self._stream_total += 1
        return stream

    def close_stream(self, token: str, stream: Stream) -> None:
        """Forget a closed event stream."""
        streams = self._streams.get(token)
        if streams is not None and stream in streams:
            streams.remove(stream)
            self._stream_total -= 1
            if not streams:
                del self._streams[token]

    @property
    def connected(self) -> int:
        """How many participants have a stream open now."""
        return len(self._streams)

    @property
    def stream_count(self) -> int:
        """How many event streams are open (a participant may have two tabs)."""
        return self._stream_total

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
        for streams in self._streams.values():
            for stream in streams:
                stream.event.set()

    def _wake(self, token: str) -> None:
        for stream in self._streams.get(token, ()):
            stream.event.set()

    # Answers -----------------------------------------------------------------

    def validate_answer(self, token: str, index: object, answer: object) -> tuple[int, str | None]:
        """Check an answer against the question on screen; return (index, canonical JSON).

        Raises:
            JoinRefused: "unknown" for a token not in the session, "invalid" for a
                question number that is not a number or an answer that does not fit
                the question, "closed" when that question is not on screen,
                "too_late" after the reveal.
        """
        if not self.known(token):
            raise JoinRefused("unknown")
        if type(index) is not int:
            raise JoinRefused("invalid")
        position = self.position
        if position.kind != "question" or index != position.index:
            raise JoinRefused("closed")
        if position.revealed or position.ended:
            raise JoinRefused("too_late")
        if index >= len(self.content.questions):
            raise JoinRefused("closed")
        if answer is None:
            return index, None
        question = self.content.questions[index]
        data = self.content.form(self.code, index).response(answer)
        response = None
        if data is not None:
            response = decode_response(question, json.dumps(data, separators=(",", ":")))
        if response is None:
            raise JoinRefused("invalid")
        return index, encode_response(response, question)

    def wire_answer(self, index: int, text: str | None) -> object:
        """A stored answer (the kind's JSON) as the participant's page knows it."""
        if text is None:
            return None
        return self.content.form(self.code, index).shown(json.loads(text))

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
                self._echo.add(pending.token)
            if not pending.done.done():
                pending.done.set_result(result)
        if self._echo:
            self._schedule_echo()

    def _schedule_echo(self) -> None:
        """Send stored answers back to their streams when the answers are quiet.

        In a burst (everybody answers at once) the streams wait, so that the CPU goes
        to storing answers and the trainer's count first; each answer's own reply
        already told its page that it arrived.
        """
        loop = asyncio.get_running_loop()
        now = loop.time()
        if self._echo_since is None:
            self._echo_since = now
        if self._echo_timer is not None:
            self._echo_timer.cancel()
        due = min(now + ECHO_SECONDS, self._echo_since + ECHO_LIMIT)
        self._echo_timer = loop.call_at(due, self._send_echo)

    def _send_echo(self) -> None:
        tokens, self._echo = self._echo, set()
        self._echo_since = self._echo_timer = None
        for token in tokens:
            self._wake(token)
