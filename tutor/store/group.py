"""Shared state of trainer-led group sessions: sessions, the trainer's position, answers.

The trainer's process and every participant's process open the same SQLite
database (WAL mode) in the data folder. Everything goes through the small
`GroupStore` interface, so another database could take SQLite's place later.

Nothing here stores names: a participant is a random token, a nickname never
leaves the participant's own app. All input is bounded in length. Never imports
Textual.
"""

from __future__ import annotations

import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from tutor.core.paths import data_dir
from tutor.store.db import open_database

PositionKind = Literal["lobby", "step", "question", "review", "summary"]
"""Where the trainer is: waiting room, explanation step, quiz question, open question, end."""

KINDS: tuple[str, ...] = ("lobby", "step", "question", "review", "summary")
CODE_LENGTH = 6
MAX_RESPONSE_BYTES = 2048
MAX_TOKEN_LENGTH = 64
MAX_LESSON_ID_LENGTH = 60
MAX_INDEX = 999
MAX_OPTIONS = 9
MAX_PARTICIPANTS = 1000
MAX_URL_LENGTH = 200
SESSION_LIFETIME = 3 * 3600.0
"""Seconds after the last activity (trainer move or heartbeat, join, answer) that a session
expires; a running trainer keeps its session alive, a crashed one can resume it meanwhile."""
PRESENT_WINDOW = 30.0
"""A participant counts as present when seen within this many seconds."""

_CODE = re.compile(r"^[0-9]{6}$")


class GroupStoreError(Exception):
    """Base class of the errors a group store raises; the UI says them in Dutch."""


class UnknownSession(GroupStoreError):
    """There is no session with this code."""


class ExpiredSession(GroupStoreError):
    """The session expired after a long time without activity."""


class EndedSession(GroupStoreError):
    """The trainer ended the session."""


class SessionFull(GroupStoreError):
    """The session has reached `MAX_PARTICIPANTS`."""


class AnswerClosed(GroupStoreError):
    """The trainer revealed the right answer; answers can no longer change."""


class StoreFailure(GroupStoreError):
    """The database failed (e.g. stayed locked too long); trying again later may work."""


class InvalidInput(GroupStoreError, ValueError):
    """Input that is too long or has the wrong form (e.g. a code that is not six digits)."""


@dataclass(frozen=True)
class Position:
    """What the trainer shows now; every participant follows it.

    Attributes:
        lesson_id: The lesson of the session.
        kind: Lobby, step, question, review (one open question) or summary.
        index: Which step, question or open question (0-based).
        sub: A detail within the step, e.g. the highlighted link of a cascade.
        revealed: Whether the right answer of this question is shown.
        discuss: Whether the tally is shown to discuss, before the reveal.
        ended: Whether the trainer ended the session.
    """

    lesson_id: str
    kind: PositionKind = "lobby"
    index: int = 0
    sub: int = 0
    revealed: bool = False
    discuss: bool = False
    ended: bool = False
    trainer_seen: float = 0.0
    """When the trainer's program last said it is there (store clock, seconds)."""


@dataclass(frozen=True)
class OpenSession:
    """A session that was not ended, e.g. after the trainer's program crashed."""

    code: str
    lesson_id: str
    last_active: float


class GroupStore(Protocol):
    """What the group apps need from a shared store."""

    def create_session(self, lesson_id: str) -> str:
        """Open a session and return its six-digit code (unique among live sessions)."""

    def end_session(self, code: str) -> None:
        """Mark the session ended; participants see that it is over."""

    def set_position(
        self,
        code: str,
        kind: PositionKind,
        index: int = 0,
        *,
        revealed: bool = False,
        discuss: bool = False,
        sub: int = 0,
    ) -> None:
        """Move the session; `revealed=True` closes answering of that question for good."""

    def position(self, code: str) -> Position:
        """Where the trainer is (raises `UnknownSession` or `ExpiredSession`)."""

    def join(self, code: str) -> str:
        """Add a participant and return their random token."""

    def rejoin(self, code: str, token: str) -> bool:
        """Whether `token` is a participant of this live session (their slot is kept)."""

    def answers_of(self, code: str, token: str) -> dict[int, str]:
        """A participant's own answers, by question index (JSON)."""

    def touch_trainer(self, code: str) -> None:
        """Note that the trainer's program is still there."""

    def set_connected(self, code: str, count: int) -> None:
        """Record how many participants are connected to the server right now."""

    def connected_count(self, code: str) -> int:
        """How many participants the server last said are connected."""

    def open_sessions(self) -> list[OpenSession]:
        """Sessions not ended and not expired, most recent first (to resume after a crash)."""

    def revealed(self, code: str) -> set[int]:
        """The questions whose answer was revealed."""

    def answer_many(
        self, code: str, answers: list[tuple[str, int, str | None]]
    ) -> list[GroupStoreError | None]:
        """Store many answers (token, question, JSON or None to withdraw) in one go."""

    def seen(self, code: str, token: str) -> None:
        """Note that a participant is still there."""

    def present_count(self, code: str) -> int:
        """How many participants were seen within `PRESENT_WINDOW` seconds."""

    def answer(self, code: str, token: str, question_index: int, response_json: str) -> None:
        """Store or change a participant's answer (raises `AnswerClosed` after the reveal)."""

    def withdraw(self, code: str, token: str, question_index: int) -> None:
        """Take back a participant's answer, unless the answer was revealed."""

    def answer_count(self, code: str, question_index: int) -> int:
        """How many participants answered a question."""

    def tally(self, code: str, question_index: int) -> dict[str, int]:
        """How often each distinct response (as JSON) was given to a question."""

    def add_hand(self, code: str, question_index: int, option: int, delta: int = 1) -> None:
        """Add (or with `delta=-1` remove) a show-of-hands vote for option `option` (0-based)."""

    def hands(self, code: str, question_index: int) -> dict[int, int]:
        """Show-of-hands votes per option index."""

    def announce_address(self, url: str) -> None:
        """Record the participants' server's address (call again to say it still runs)."""

    def withdraw_address(self, url: str) -> None:
        """Say that the participants' server stopped serving on `url`."""

    def announced_address(self) -> str | None:
        """The address of a running participants' server, if any announced itself recently."""

    def close(self) -> None:
        """Close the connection."""


SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    code TEXT PRIMARY KEY,
    lesson_id TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'lobby',
    position INTEGER NOT NULL DEFAULT 0,
    sub INTEGER NOT NULL DEFAULT 0,
    discuss INTEGER NOT NULL DEFAULT 0,
    ended INTEGER NOT NULL DEFAULT 0,
    created REAL NOT NULL,
    last_active REAL NOT NULL,
    trainer_seen REAL NOT NULL DEFAULT 0,
    connected INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS reveals (
    code TEXT NOT NULL,
    question INTEGER NOT NULL,
    PRIMARY KEY (code, question)
);
CREATE TABLE IF NOT EXISTS participants (
    code TEXT NOT NULL,
    token TEXT NOT NULL,
    last_seen REAL NOT NULL,
    PRIMARY KEY (code, token)
);
CREATE TABLE IF NOT EXISTS answers (
    code TEXT NOT NULL,
    question INTEGER NOT NULL,
    token TEXT NOT NULL,
    response TEXT NOT NULL,
    PRIMARY KEY (code, question, token)
);
CREATE TABLE IF NOT EXISTS hands (
    code TEXT NOT NULL,
    question INTEGER NOT NULL,
    option INTEGER NOT NULL,
    votes INTEGER NOT NULL,
    PRIMARY KEY (code, question, option)
);
CREATE TABLE IF NOT EXISTS servers (
    url TEXT PRIMARY KEY,
    seen REAL NOT NULL
);
"""

SERVER_WINDOW = 30.0
"""A server address counts while it was announced within this many seconds."""


def default_path() -> Path:
    """The group database in the data folder (`TUTOR_DATA_DIR` overrides it)."""
    return data_dir() / "groups.sqlite3"


def normalise_code(text: str) -> str:
    """Return the code without spaces or dashes; raise `InvalidInput` unless it is six digits."""
    code = re.sub(r"[\s-]", "", text[:40])
    if not _CODE.match(code):
        raise InvalidInput("code")
    return code


def _check_index(value: int, limit: int = MAX_INDEX) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= limit:
        raise InvalidInput("index")
    return value


def _check_token(token: str) -> str:
    if not isinstance(token, str) or not 0 < len(token) <= MAX_TOKEN_LENGTH:
        raise InvalidInput("token")
    return token


class SQLiteGroupStore:
    """`GroupStore` on a SQLite file in WAL mode, shared by all processes of a session.

    Args:
        path: The database file; default `groups.sqlite3` in the data folder.
        clock: Returns the current time in seconds (tests replace it).
    """

    def __init__(self, path: Path | None = None, *, clock: Callable[[], float] = time.time):
        self.path = path if path is not None else default_path()
        # Group data is short-lived: no fsync per commit, so answers land fast.
        self._db = open_database(self.path, SCHEMA, durable=False).connection
        self._add_columns()
        self._lock = threading.Lock()
        self._clock = clock

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._db.close()

    def _add_columns(self) -> None:
        """Bring a database made by an earlier version up to date (new columns only)."""
        have = {row[1] for row in self._db.execute("PRAGMA table_info(sessions)")}
        for name, spec in (("trainer_seen", "REAL"), ("connected", "INTEGER")):
            if name not in have:
                self._db.execute(
                    f"ALTER TABLE sessions ADD COLUMN {name} {spec} NOT NULL DEFAULT 0"
                )

    @contextmanager
    def _read(self) -> Iterator[None]:
        """Hold the connection; a database failure becomes `StoreFailure`."""
        with self._lock:
            try:
                yield
            except sqlite3.Error as error:
                raise StoreFailure(str(error)) from error

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction: checks and changes happen together, or not at all."""
        with self._read():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # Sessions -------------------------------------------------------------

    def create_session(self, lesson_id: str) -> str:
        """Open a session and return its six-digit code (unique among live sessions)."""
        if not isinstance(lesson_id, str) or not 0 < len(lesson_id) <= MAX_LESSON_ID_LENGTH:
            raise InvalidInput("lesson")
        now = self._clock()
        with self._write():
            self._purge(now)
            for _ in range(100):
                code = f"{secrets.randbelow(10**CODE_LENGTH):0{CODE_LENGTH}d}"
                taken = self._db.execute("SELECT 1 FROM sessions WHERE code = ?", (code,))
                if taken.fetchone() is None:
                    break
            else:  # pragma: no cover - a million codes in use
                raise GroupStoreError("no free code")
            self._db.execute(
                "INSERT INTO sessions (code, lesson_id, created, last_active) VALUES (?, ?, ?, ?)",
                (code, lesson_id, now, now),
            )
        return code

    def _purge(self, now: float) -> None:
        """Forget expired sessions and everything in them (caller holds the lock)."""
        old = [
            row[0]
            for row in self._db.execute(
                "SELECT code FROM sessions WHERE last_active < ?", (now - SESSION_LIFETIME,)
            )
        ]
        for table in ("answers", "hands", "reveals", "participants", "sessions"):
            self._db.executemany(f"DELETE FROM {table} WHERE code = ?", [(c,) for c in old])

    def end_session(self, code: str) -> None:
        """Mark the session ended; participants see that it is over."""
        code = normalise_code(code)
        with self._write():
            self._db.execute("UPDATE sessions SET ended = 1 WHERE code = ?", (code,))

    def _live(self, code: str, *, allow_ended: bool = True) -> tuple[str, ...]:
        """The session row, checked for existence, expiry and end (caller holds the lock)."""
        row = self._db.execute(
            "SELECT lesson_id, kind, position, sub, discuss, ended, last_active, trainer_seen "
            "FROM sessions WHERE code = ?",
            (code,),
        ).fetchone()
        if row is None:
            raise UnknownSession(code)
        if row[6] < self._clock() - SESSION_LIFETIME:
            raise ExpiredSession(code)
        if row[5] and not allow_ended:
            raise EndedSession(code)
        return tuple(row)

    def _touch(self, code: str) -> None:
        self._db.execute(
            "UPDATE sessions SET last_active = ? WHERE code = ?", (self._clock(), code)
        )

    def set_position(
        self,
        code: str,
        kind: PositionKind,
        index: int = 0,
        *,
        revealed: bool = False,
        discuss: bool = False,
        sub: int = 0,
    ) -> None:
        """Move the session; `revealed=True` closes answering of that question for good."""
        code = normalise_code(code)
        if kind not in KINDS:
            raise InvalidInput("kind")
        _check_index(index)
        _check_index(sub)
        with self._write():
            self._live(code, allow_ended=False)
            now = self._clock()
            self._db.execute(
                "UPDATE sessions SET kind = ?, position = ?, sub = ?, discuss = ?, "
                "last_active = ?, trainer_seen = ? WHERE code = ?",
                (kind, index, sub, int(discuss), now, now, code),
            )
            if revealed and kind == "question":
                self._db.execute(
                    "INSERT OR IGNORE INTO reveals (code, question) VALUES (?, ?)", (code, index)
                )

    def position(self, code: str) -> Position:
        """Where the trainer is (raises `UnknownSession` or `ExpiredSession`)."""
        code = normalise_code(code)
        with self._read():
            lesson_id, kind, index, sub, discuss, ended, _, trainer_seen = self._live(code)
            revealed = kind == "question" and self._revealed(code, int(index))
        return Position(
            lesson_id=str(lesson_id),
            kind=kind,  # type: ignore[arg-type]
            index=int(index),
            sub=int(sub),
            revealed=revealed,
            discuss=bool(discuss),
            ended=bool(ended),
            trainer_seen=float(trainer_seen),
        )

    def _revealed(self, code: str, question_index: int) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM reveals WHERE code = ? AND question = ?", (code, question_index)
        ).fetchone()
        return row is not None

    # Participants ---------------------------------------------------------

    def join(self, code: str) -> str:
        """Add a participant and return their random token."""
        code = normalise_code(code)
        token = secrets.token_urlsafe(16)
        with self._write():
            self._live(code, allow_ended=False)
            (count,) = self._db.execute(
                "SELECT COUNT(*) FROM participants WHERE code = ?", (code,)
            ).fetchone()
            if count >= MAX_PARTICIPANTS:
                raise SessionFull(code)
            self._db.execute(
                "INSERT INTO participants (code, token, last_seen) VALUES (?, ?, ?)",
                (code, token, self._clock()),
            )
            self._touch(code)
        return token

    def rejoin(self, code: str, token: str) -> bool:
        """Whether `token` is a participant of this live session (their slot is kept)."""
        code = normalise_code(code)
        if not isinstance(token, str) or not 0 < len(token) <= MAX_TOKEN_LENGTH:
            return False
        with self._write():
            self._live(code, allow_ended=False)
            found = self._db.execute(
                "UPDATE participants SET last_seen = ? WHERE code = ? AND token = ?",
                (self._clock(), code, token),
            ).rowcount
        return bool(found)

    def answers_of(self, code: str, token: str) -> dict[int, str]:
        """A participant's own answers, by question index (JSON)."""
        code, token = normalise_code(code), _check_token(token)
        with self._read():
            rows = self._db.execute(
                "SELECT question, response FROM answers WHERE code = ? AND token = ?",
                (code, token),
            ).fetchall()
        return {int(question): str(response) for question, response in rows}

    def touch_trainer(self, code: str) -> None:
        """Note that the trainer's program is still there (keeps the session alive)."""
        code = normalise_code(code)
        now = self._clock()
        with self._write():
            self._db.execute(
                "UPDATE sessions SET trainer_seen = ?, last_active = ? "
                "WHERE code = ? AND ended = 0",
                (now, now, code),
            )

    def set_connected(self, code: str, count: int) -> None:
        """Record how many participants are connected to the server right now."""
        code = normalise_code(code)
        _check_index(count, MAX_PARTICIPANTS * 10)
        with self._write():
            self._db.execute("UPDATE sessions SET connected = ? WHERE code = ?", (count, code))

    def connected_count(self, code: str) -> int:
        """How many participants the server last said are connected."""
        code = normalise_code(code)
        with self._read():
            row = self._db.execute(
                "SELECT connected FROM sessions WHERE code = ?", (code,)
            ).fetchone()
        return int(row[0]) if row else 0

    def open_sessions(self) -> list[OpenSession]:
        """Sessions not ended and not expired, most recent first (to resume after a crash)."""
        with self._read():
            rows = self._db.execute(
                "SELECT code, lesson_id, last_active FROM sessions "
                "WHERE ended = 0 AND last_active >= ? ORDER BY last_active DESC",
                (self._clock() - SESSION_LIFETIME,),
            ).fetchall()
        return [OpenSession(str(c), str(lesson), float(at)) for c, lesson, at in rows]

    def revealed(self, code: str) -> set[int]:
        """The questions whose answer was revealed."""
        code = normalise_code(code)
        with self._read():
            rows = self._db.execute("SELECT question FROM reveals WHERE code = ?", (code,))
            return {int(row[0]) for row in rows}

    def answer_many(
        self, code: str, answers: list[tuple[str, int, str | None]]
    ) -> list[GroupStoreError | None]:
        """Store many answers (token, question, JSON or None to withdraw) in one transaction.

        Returns, per answer, None when it was stored or the error that refused it
        (the others are stored all the same).
        """
        code = normalise_code(code)
        results: list[GroupStoreError | None] = []
        with self._write():
            self._live(code, allow_ended=False)
            revealed = {
                int(row[0])
                for row in self._db.execute("SELECT question FROM reveals WHERE code = ?", (code,))
            }
            now = self._clock()
            for token, question_index, response_json in answers:
                try:
                    _check_token(token)
                    _check_index(question_index)
                    if response_json is not None and (
                        not isinstance(response_json, str)
                        or not response_json
                        or len(response_json.encode("utf-8")) > MAX_RESPONSE_BYTES
                    ):
                        raise InvalidInput("response")
                    if question_index in revealed:
                        raise AnswerClosed(code)
                    known = self._db.execute(
                        "UPDATE participants SET last_seen = ? WHERE code = ? AND token = ?",
                        (now, code, token),
                    ).rowcount
                    if not known:
                        raise UnknownSession(code)
                except GroupStoreError as error:
                    results.append(error)
                    continue
                if response_json is None:
                    self._db.execute(
                        "DELETE FROM answers WHERE code = ? AND question = ? AND token = ?",
                        (code, question_index, token),
                    )
                else:
                    self._db.execute(
                        "INSERT INTO answers (code, question, token, response) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT (code, question, token) "
                        "DO UPDATE SET response = excluded.response",
                        (code, question_index, token, response_json),
                    )
                results.append(None)
            self._touch(code)
        return results

    def seen(self, code: str, token: str) -> None:
        """Note that a participant is still there."""
        code, token = normalise_code(code), _check_token(token)
        with self._write():
            self._db.execute(
                "UPDATE participants SET last_seen = ? WHERE code = ? AND token = ?",
                (self._clock(), code, token),
            )

    def present_count(self, code: str) -> int:
        """How many participants were seen within `PRESENT_WINDOW` seconds."""
        code = normalise_code(code)
        with self._read():
            (count,) = self._db.execute(
                "SELECT COUNT(*) FROM participants WHERE code = ? AND last_seen >= ?",
                (code, self._clock() - PRESENT_WINDOW),
            ).fetchone()
        return int(count)

    # Answers --------------------------------------------------------------

    def _open_question(self, code: str, token: str, question_index: int) -> None:
        """Check that a participant may still answer (caller holds the lock)."""
        self._live(code, allow_ended=False)
        known = self._db.execute(
            "SELECT 1 FROM participants WHERE code = ? AND token = ?", (code, token)
        ).fetchone()
        if known is None:
            raise UnknownSession(code)
        if self._revealed(code, question_index):
            raise AnswerClosed(code)

    def answer(self, code: str, token: str, question_index: int, response_json: str) -> None:
        """Store or change a participant's answer (raises `AnswerClosed` after the reveal)."""
        code, token = normalise_code(code), _check_token(token)
        _check_index(question_index)
        if (
            not isinstance(response_json, str)
            or not response_json
            or len(response_json.encode("utf-8")) > MAX_RESPONSE_BYTES
        ):
            raise InvalidInput("response")
        with self._write():
            self._open_question(code, token, question_index)
            self._db.execute(
                "INSERT INTO answers (code, question, token, response) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (code, question, token) DO UPDATE SET response = excluded.response",
                (code, question_index, token, response_json),
            )
            now = self._clock()
            self._db.execute(
                "UPDATE participants SET last_seen = ? WHERE code = ? AND token = ?",
                (now, code, token),
            )
            self._touch(code)

    def withdraw(self, code: str, token: str, question_index: int) -> None:
        """Take back a participant's answer, unless the answer was revealed."""
        code, token = normalise_code(code), _check_token(token)
        _check_index(question_index)
        with self._write():
            self._open_question(code, token, question_index)
            self._db.execute(
                "DELETE FROM answers WHERE code = ? AND question = ? AND token = ?",
                (code, question_index, token),
            )

    def answer_count(self, code: str, question_index: int) -> int:
        """How many participants answered a question."""
        code = normalise_code(code)
        _check_index(question_index)
        with self._read():
            (count,) = self._db.execute(
                "SELECT COUNT(*) FROM answers WHERE code = ? AND question = ?",
                (code, question_index),
            ).fetchone()
        return int(count)

    def tally(self, code: str, question_index: int) -> dict[str, int]:
        """How often each distinct response (as JSON) was given to a question."""
        code = normalise_code(code)
        _check_index(question_index)
        with self._read():
            rows = self._db.execute(
                "SELECT response, COUNT(*) FROM answers WHERE code = ? AND question = ? "
                "GROUP BY response",
                (code, question_index),
            ).fetchall()
        return {str(response): int(count) for response, count in rows}

    def add_hand(self, code: str, question_index: int, option: int, delta: int = 1) -> None:
        """Add (or with `delta=-1` remove) a show-of-hands vote for option `option` (0-based)."""
        code = normalise_code(code)
        _check_index(question_index)
        _check_index(option, MAX_OPTIONS - 1)
        if delta not in (1, -1):
            raise InvalidInput("delta")
        with self._write():
            self._live(code, allow_ended=False)
            self._db.execute(
                "INSERT INTO hands (code, question, option, votes) VALUES (?, ?, ?, MAX(0, ?)) "
                "ON CONFLICT (code, question, option) "
                "DO UPDATE SET votes = MAX(0, votes + ?)",
                (code, question_index, option, delta, delta),
            )
            self._touch(code)

    def hands(self, code: str, question_index: int) -> dict[int, int]:
        """Show-of-hands votes per option index."""
        code = normalise_code(code)
        _check_index(question_index)
        with self._read():
            rows = self._db.execute(
                "SELECT option, votes FROM hands WHERE code = ? AND question = ? AND votes > 0",
                (code, question_index),
            ).fetchall()
        return {int(option): int(votes) for option, votes in rows}

    # The address of the participants' server--------------------------------------

    def announce_address(self, url: str) -> None:
        """Record the participants' server's address (call again to say it still runs)."""
        if not isinstance(url, str) or not 0 < len(url) <= MAX_URL_LENGTH:
            raise InvalidInput("url")
        with self._write():
            self._db.execute(
                "INSERT INTO servers (url, seen) VALUES (?, ?) "
                "ON CONFLICT (url) DO UPDATE SET seen = excluded.seen",
                (url, self._clock()),
            )

    def withdraw_address(self, url: str) -> None:
        """Say that the participants' server stopped serving on `url`."""
        with self._write():
            self._db.execute("DELETE FROM servers WHERE url = ?", (url,))

    def announced_address(self) -> str | None:
        """The address of a running participants' server, if any announced itself recently."""
        with self._read():
            row = self._db.execute(
                "SELECT url FROM servers WHERE seen >= ? ORDER BY seen DESC LIMIT 1",
                (self._clock() - SERVER_WINDOW,),
            ).fetchone()
        return str(row[0]) if row else None


def open_group_store(path: Path | None = None) -> SQLiteGroupStore:
    """Open the group store in the data folder (or at `path`).

    Raises:
        tutor.store.db.StoreUnavailable: The data folder cannot be written.
    """
    return SQLiteGroupStore(path)
