"""A learner's progress in SQLite: steps reached, answers, best scores, review boxes,
questions saved for the doctor, and the position inside an unfinished quiz.

Every change is committed at once (WAL, synchronous=FULL), so a killed process
loses nothing already answered. `ProgressStore` raises a typed `StoreError` (Dutch
text) when a write fails; `GuardedProgress`, what the app gets, never raises: it tells
the app once, keeps the session going in memory and counts what was not saved.
Never imports Textual.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Protocol, TypeVar

from tutor.core.leitner import ReviewItem, due_after, next_box
from tutor.core.paths import data_dir
from tutor.store import db, messages
from tutor.store.db import StoreBusy, StoreError, StoreUnavailable, open_database, open_snapshot

T = TypeVar("T")
Work = Callable[[sqlite3.Connection], object]

FILE_NAME = "voortgang.sqlite3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS lesson_progress (
    lesson_id   TEXT PRIMARY KEY,
    step        INTEGER NOT NULL,
    steps_total INTEGER NOT NULL,
    finished    INTEGER NOT NULL DEFAULT 0,
    best_right  INTEGER,
    best_total  INTEGER,
    best_on     TEXT
);
CREATE TABLE IF NOT EXISTS answers (
    id          INTEGER PRIMARY KEY,
    lesson_id   TEXT NOT NULL,
    question_id TEXT NOT NULL,
    correct     INTEGER NOT NULL,
    confidence  TEXT,
    answered_on TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS review (
    lesson_id       TEXT NOT NULL,
    question_id     TEXT NOT NULL,
    box             INTEGER NOT NULL,
    due             TEXT NOT NULL,
    confident_wrong INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (lesson_id, question_id)
);
CREATE TABLE IF NOT EXISTS saved_questions (
    lesson_id TEXT NOT NULL,
    kind      TEXT NOT NULL,
    text      TEXT NOT NULL,
    saved_on  TEXT NOT NULL,
    PRIMARY KEY (lesson_id, kind, text)
);
CREATE TABLE IF NOT EXISTS quiz_position (
    lesson_id TEXT PRIMARY KEY,
    question  INTEGER NOT NULL,  -- index of the question to ask next
    answers   TEXT NOT NULL,     -- JSON: {question id: true (right) / false (wrong)}
    saved_on  TEXT NOT NULL
);
"""


POSITION_SQL = (
    "INSERT INTO quiz_position (lesson_id, question, answers, saved_on) "
    "VALUES (?, ?, ?, ?) ON CONFLICT(lesson_id) DO UPDATE SET "
    "question = excluded.question, answers = excluded.answers, "
    "saved_on = excluded.saved_on"
)
"""Remember where a quiz is: the question to ask next and the verdicts so far."""


@dataclass(frozen=True)
class LessonProgress:
    """Where a learner is in one lesson.

    Attributes:
        step: Index of the last step reached.
        steps_total: Number of steps when it was reached.
        finished: Whether the quiz has been completed at least once.
        best_right: Best score (right answers), if finished.
        best_total: Number of questions of that best run.
        best_on: Day of the best score.
    """

    lesson_id: str
    step: int
    steps_total: int
    finished: bool
    best_right: int | None
    best_total: int | None
    best_on: date | None


@dataclass(frozen=True)
class SavedQuestion:
    """A question the learner wants to ask their doctor or practitioner."""

    lesson_id: str
    kind: str  # "unknown" | "provider"
    text: str
    saved_on: date


@dataclass(frozen=True)
class QuizPosition:
    """Where a learner is inside a lesson's quiz that was not finished.

    Attributes:
        index: The question to ask next (0-based; equal to the number of questions when
            all were answered but the quiz was not finished).
        answers: The verdict per question id given so far: True for right.
    """

    lesson_id: str
    index: int
    answers: dict[str, bool]


class HasCorrect(Protocol):
    """Anything with a `correct` flag, e.g. `tutor.core.quiz.Verdict`."""

    @property
    def correct(self) -> bool: ...


class ProgressStore:
    """Reads and writes one learner's progress; every write is its own transaction.

    Raises (from every method): `tutor.store.db.StoreBusy` when another program holds
    the file, `StoreWriteError` when a write fails, `StoreReadError` when a read fails;
    their text is Dutch.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        clock: Callable[[], datetime] = datetime.now,
        *,
        path: Path | None = None,
        read_only: bool = False,
    ) -> None:
        """Wrap an open connection that has the schema.

        Args:
            connection: From `open_database` (or an in-memory copy).
            clock: Tells the day (tests pass a fake one).
            path: The file, named in messages.
            read_only: Refuse every write (`StoreReadOnly`).
        """
        self.connection = connection
        self.clock = clock
        self.path = path if path is not None else Path(FILE_NAME)
        self.read_only = read_only

    def today(self) -> date:
        """Today, by the store's clock (tests pass a fake one)."""
        return self.clock().date()

    # --- the one way in and out; `GuardedProgress` overrides these two ---

    def _write(self, work: Work) -> None:
        with db.transaction(self.connection, self.path, read_only=self.read_only) as connection:
            work(connection)

    def _read(self, work: Callable[[sqlite3.Connection], T]) -> T:
        try:
            return work(self.connection)
        except sqlite3.Error as error:
            raise db.read_error(error, self.path) from error

    # --- steps and scores ---

    def reach_step(self, lesson_id: str, step: int, steps_total: int) -> None:
        """Remember that the learner is at `step` of a lesson."""

        def work(connection: sqlite3.Connection) -> None:
            connection.execute(
                "INSERT INTO lesson_progress (lesson_id, step, steps_total) VALUES (?, ?, ?) "
                "ON CONFLICT(lesson_id) DO UPDATE SET step = excluded.step, "
                "steps_total = excluded.steps_total",
                (lesson_id, step, steps_total),
            )

        self._write(work)

    def progress(self, lesson_id: str) -> LessonProgress | None:
        """The progress in one lesson, or None if it was never opened."""
        return self.all_progress().get(lesson_id)

    def all_progress(self) -> dict[str, LessonProgress]:
        """Progress per lesson id."""
        rows = self._read(
            lambda connection: connection.execute(
                "SELECT lesson_id, step, steps_total, finished, best_right, best_total, best_on "
                "FROM lesson_progress"
            ).fetchall()
        )
        return {
            row[0]: LessonProgress(
                row[0],
                row[1],
                row[2],
                bool(row[3]),
                row[4],
                row[5],
                date.fromisoformat(row[6]) if row[6] else None,
            )
            for row in rows
        }

    def record_answer(
        self,
        lesson_id: str,
        question_id: str,
        correct: bool,
        confidence: str | None = None,
        *,
        next_question: tuple[int, Mapping[str, bool | HasCorrect]] | None = None,
    ) -> None:
        """Store an answer and move the question in the review boxes (one transaction).

        With `next_question` (the index to ask next and the verdicts so far) the quiz
        position is saved in the same transaction: one commit before the feedback shows.
        """
        today = self.today()
        position = (
            self._position_row(lesson_id, *next_question) if next_question is not None else None
        )

        def work(connection: sqlite3.Connection) -> None:
            if position is not None:
                connection.execute(POSITION_SQL, position)
            connection.execute(
                "INSERT INTO answers (lesson_id, question_id, correct, confidence, answered_on) "
                "VALUES (?, ?, ?, ?, ?)",
                (lesson_id, question_id, int(correct), confidence, today.isoformat()),
            )
            row = connection.execute(
                "SELECT box FROM review WHERE lesson_id = ? AND question_id = ?",
                (lesson_id, question_id),
            ).fetchone()
            box = next_box(row[0] if row else None, correct)
            if box is None:
                connection.execute(
                    "DELETE FROM review WHERE lesson_id = ? AND question_id = ?",
                    (lesson_id, question_id),
                )
                return
            confident_wrong = int(not correct and confidence == "zeker")
            connection.execute(
                "INSERT INTO review (lesson_id, question_id, box, due, confident_wrong) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(lesson_id, question_id) DO UPDATE SET "
                "box = excluded.box, due = excluded.due, "
                "confident_wrong = excluded.confident_wrong",
                (lesson_id, question_id, box, due_after(box, today).isoformat(), confident_wrong),
            )

        self._write(work)

    def answer_count(self, lesson_id: str | None = None) -> int:
        """How many answers are stored (for one lesson, or in all)."""
        if lesson_id is None:
            row = self._read(
                lambda connection: connection.execute("SELECT COUNT(*) FROM answers").fetchone()
            )
        else:
            row = self._read(
                lambda connection: connection.execute(
                    "SELECT COUNT(*) FROM answers WHERE lesson_id = ?", (lesson_id,)
                ).fetchone()
            )
        return int(row[0])

    def finish_quiz(self, lesson_id: str, right: int, total: int) -> None:
        """Mark a lesson done, keep the best score (by fraction right) and forget the
        position inside the quiz."""
        today = self.today().isoformat()

        def work(connection: sqlite3.Connection) -> None:
            row = connection.execute(
                "SELECT best_right, best_total FROM lesson_progress WHERE lesson_id = ?",
                (lesson_id,),
            ).fetchone()
            better = row is None or row[0] is None or right * row[1] > row[0] * total
            if row is None:
                connection.execute(
                    "INSERT INTO lesson_progress (lesson_id, step, steps_total) VALUES (?, 0, 0)",
                    (lesson_id,),
                )
            connection.execute(
                "UPDATE lesson_progress SET finished = 1 WHERE lesson_id = ?", (lesson_id,)
            )
            if better:
                connection.execute(
                    "UPDATE lesson_progress SET best_right = ?, best_total = ?, best_on = ? "
                    "WHERE lesson_id = ?",
                    (right, total, today, lesson_id),
                )
            connection.execute("DELETE FROM quiz_position WHERE lesson_id = ?", (lesson_id,))

        self._write(work)

    # --- the position inside a quiz ---

    def save_quiz_position(
        self, lesson_id: str, index: int, answers: Mapping[str, bool | HasCorrect]
    ) -> None:
        """Remember the question to ask next and the verdicts so far (per question id).

        Call it when a question is shown (its index, the answers before it) and after it
        is answered (index + 1, with its answer), so a killed app resumes there.
        """
        row = self._position_row(lesson_id, index, answers)
        self._write(lambda connection: connection.execute(POSITION_SQL, row))

    def _position_row(
        self, lesson_id: str, index: int, answers: Mapping[str, bool | HasCorrect]
    ) -> tuple[str, int, str, str]:
        verdicts = {
            str(key): bool(value if isinstance(value, bool) else value.correct)
            for key, value in answers.items()
        }
        stamp = self.today().isoformat()
        return (lesson_id, index, json.dumps(verdicts, ensure_ascii=False), stamp)

    def quiz_position(self, lesson_id: str) -> QuizPosition | None:
        """The saved position in the lesson's quiz, or None (never started, or finished)."""
        row = self._read(
            lambda connection: connection.execute(
                "SELECT question, answers FROM quiz_position WHERE lesson_id = ?", (lesson_id,)
            ).fetchone()
        )
        if row is None:
            return None
        try:
            raw = json.loads(row[1])
        except (TypeError, ValueError):
            return None
        if not isinstance(raw, dict) or not isinstance(row[0], int) or row[0] < 0:
            return None
        answers = {str(key): bool(value) for key, value in raw.items()}
        return QuizPosition(lesson_id, row[0], answers)

    def clear_quiz_position(self, lesson_id: str) -> None:
        """Forget the position in the lesson's quiz (the learner starts again)."""
        self._write(
            lambda connection: connection.execute(
                "DELETE FROM quiz_position WHERE lesson_id = ?", (lesson_id,)
            )
        )

    # --- review boxes and saved questions ---

    def review_items(self) -> list[ReviewItem]:
        """Every question in the review boxes, due or not."""
        rows = self._read(
            lambda connection: connection.execute(
                "SELECT lesson_id, question_id, box, due, confident_wrong FROM review"
            ).fetchall()
        )
        return [
            ReviewItem(
                lesson_id=row[0],
                question_id=row[1],
                box=row[2],
                due=date.fromisoformat(row[3]),
                confident_wrong=bool(row[4]),
            )
            for row in rows
        ]

    def save_question(self, lesson_id: str, kind: str, text: str) -> None:
        """Add a question to "Vragen voor mijn behandelaar" (once)."""
        stamp = self.today().isoformat()
        self._write(
            lambda connection: connection.execute(
                "INSERT OR IGNORE INTO saved_questions (lesson_id, kind, text, saved_on) "
                "VALUES (?, ?, ?, ?)",
                (lesson_id, kind, text, stamp),
            )
        )

    def forget_question(self, lesson_id: str, kind: str, text: str) -> None:
        """Take a question off the list."""
        self._write(
            lambda connection: connection.execute(
                "DELETE FROM saved_questions WHERE lesson_id = ? AND kind = ? AND text = ?",
                (lesson_id, kind, text),
            )
        )

    def saved_questions(self) -> list[SavedQuestion]:
        """The saved questions, oldest first."""
        rows = self._read(
            lambda connection: connection.execute(
                "SELECT lesson_id, kind, text, saved_on FROM saved_questions "
                "ORDER BY saved_on, rowid"
            ).fetchall()
        )
        return [SavedQuestion(row[0], row[1], row[2], date.fromisoformat(row[3])) for row in rows]

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()


def _memory_database() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    connection.executescript(SCHEMA)
    return connection


class GuardedProgress(ProgressStore):
    """The app's store: a failing file never raises, the learner is told once.

    - A lock held by another program: the write waits (busy timeout), then is kept and
      tried again before every later write (briefly) and at `finish` (fully).
    - Any other write failure (disk full, read-only, disk error, damage): the session
      goes on in an in-memory copy of the progress, and nothing more is written to the
      file; every change from then on counts as not saved.
    - Opened without a usable file (`persistent=False`): the same from the start; the
      notice at start has said so already.

    Attributes:
        on_trouble: Called with a Dutch message the first time each kind of trouble
            happens (the app shows it); None keeps the messages in `told`.
        unsaved: How many changes did not reach the file (so far).
        reason: Why not (Dutch), when something was not saved.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        clock: Callable[[], datetime] = datetime.now,
        *,
        path: Path | None = None,
        persistent: bool = True,
        reason: str | None = None,
    ) -> None:
        super().__init__(connection, clock, path=path)
        self.persistent = persistent
        self.reason = reason
        self.unsaved = 0
        self.on_trouble: Callable[[str], None] | None = None
        self.told: list[str] = []
        self.pending: list[Work] = []
        self._scratch: sqlite3.Connection | None = None

    @classmethod
    def in_memory(cls, clock: Callable[[], datetime], path: Path, reason: str) -> GuardedProgress:
        """A store that keeps this session's progress in memory only."""
        return cls(_memory_database(), clock, path=path, persistent=False, reason=reason)

    def _tell(self, message: str) -> None:
        if message in self.told:
            return
        self.told.append(message)
        if self.on_trouble is not None:
            self.on_trouble(message)

    def _write(self, work: Work) -> None:
        if self.persistent and self.pending:
            self._flush(db.QUICK_BUSY_TIMEOUT)
        if self.persistent and self.pending:  # still locked: keep it in order
            self.pending.append(work)
            return
        if not self.persistent:
            self._write_in_memory(work)
            return
        try:
            super()._write(work)
        except StoreBusy:
            self.pending.append(work)
            self._tell(messages.PROGRESS_BUSY_LATER)
        except StoreError as error:
            self._give_up_on_file(error)
            self._write_in_memory(work)

    def _read(self, work: Callable[[sqlite3.Connection], T]) -> T:
        try:
            return super()._read(work)
        except StoreBusy:
            self._tell(messages.PROGRESS_BUSY_LATER)
            if self._scratch is None:
                self._scratch = _memory_database()
            return work(self._scratch)  # nothing readable now: as if empty
        except StoreError as error:
            if not self.persistent:
                raise
            self._give_up_on_file(error)
            return super()._read(work)

    def _write_in_memory(self, work: Work) -> None:
        self.unsaved += 1
        try:
            super()._write(work)
        except StoreError:
            pass  # memory itself failed: the change is gone, and counted

    def _flush(self, wait: float) -> None:
        """Write the changes held up by a lock, in order, waiting `wait` seconds at most."""
        try:
            db.set_busy_timeout(self.connection, wait)
            while self.pending:
                super()._write(self.pending[0])
                self.pending.pop(0)
        except StoreBusy:
            pass
        except StoreError as error:
            self._give_up_on_file(error)
        except sqlite3.Error:
            pass  # the connection is gone; `finish` counts what is left
        finally:
            try:
                db.set_busy_timeout(self.connection, db.BUSY_TIMEOUT)
            except sqlite3.Error:
                pass

    def _give_up_on_file(self, error: StoreError) -> None:
        """Go on in memory with what was saved so far; tell the learner once."""
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            self.connection.backup(memory)
        except sqlite3.Error:
            pass  # nothing readable: start empty
        memory.executescript(SCHEMA)
        old, self.connection = self.connection, memory
        try:
            old.close()  # a WAL it cannot checkpoint stays where it is
        except sqlite3.Error:
            pass
        self.persistent = False
        self.reason = error.message
        pending, self.pending = self.pending, []
        for work in pending:
            self._write_in_memory(work)
        self._tell(messages.PROGRESS_WRITE_FAILED.format(reason=error.message))

    def finish(self) -> str | None:
        """Write what a lock held up (waiting the full busy timeout), close, and return a
        Dutch message when something was not saved (None when everything was)."""
        if self.persistent and self.pending:
            self._flush(db.BUSY_TIMEOUT)
        lost = self.unsaved + len(self.pending)
        if self.pending:
            self.reason = messages.PROGRESS_STILL_BUSY
        try:
            self.close()
        except sqlite3.Error:
            pass
        if self._scratch is not None:
            self._scratch.close()
        if not lost:
            return None
        reason = self.reason or ""
        if lost == 1:
            return messages.PROGRESS_UNSAVED_ONE.format(reason=reason).strip()
        return messages.PROGRESS_UNSAVED.format(count=lost, reason=reason).strip()


@dataclass
class OpenedProgress:
    """The result of opening the progress store.

    Attributes:
        store: The store (for the app a `GuardedProgress`, which may keep its session in
            memory only); None only for `tutor progress` when the file is locked.
        notice: A Dutch message for the learner when something was not normal.
    """

    store: ProgressStore | None
    notice: str | None = None


def progress_path(folder: Path | None = None) -> Path:
    """Where the progress file is (in the data folder)."""
    return (folder or data_dir()) / FILE_NAME


def open_progress(
    folder: Path | None = None,
    clock: Callable[[], datetime] = datetime.now,
    *,
    read_only: bool = False,
) -> ProgressStore:
    """Open the progress store in the data folder.

    Args:
        folder: The data folder; default `tutor.core.paths.data_dir()`.
        clock: Tells the day.
        read_only: Read an in-memory copy; never create, move or change a file (a
            damaged file is salvaged into the copy). Writes raise `StoreReadOnly`.

    Raises:
        StoreUnavailable: The data folder cannot be used (`StoreBusy`: it is locked).
    """
    path = progress_path(folder)
    if read_only:
        snapshot = open_snapshot(path, SCHEMA)
        connection = snapshot.connection if snapshot is not None else _memory_database()
        return ProgressStore(connection, clock, path=path, read_only=True)
    opened = open_database(path, SCHEMA)
    return ProgressStore(opened.connection, clock, path=path)


def open_progress_for_app(
    folder: Path | None = None,
    clock: Callable[[], datetime] = datetime.now,
    *,
    on_wait: Callable[[str], None] | None = None,
) -> OpenedProgress:
    """Open the store for the app: never raises; says in Dutch what was not normal.

    The store is always there: on a locked, unwritable or missing file it keeps the
    session in memory (and counts every change as not saved); a read-only file is
    shown as it is.

    Args:
        folder: The data folder; default `tutor.core.paths.data_dir()`.
        clock: Tells the day.
        on_wait: Told (Dutch) when another program holds the file and we wait for it.
    """
    path = progress_path(folder)
    try:
        opened = open_database(path, SCHEMA, allow_read_only=True, on_wait=on_wait)
    except StoreBusy as error:
        store = GuardedProgress.in_memory(clock, path, error.message)
        return OpenedProgress(store, messages.PROGRESS_BUSY)
    except StoreUnavailable as error:
        store = GuardedProgress.in_memory(clock, path, error.message)
        return OpenedProgress(store, messages.PROGRESS_UNAVAILABLE.format(reason=error.message))
    if opened.read_only:
        reason = opened.reason or ""
        store = GuardedProgress(
            opened.connection, clock, path=path, persistent=False, reason=reason
        )
        return OpenedProgress(store, messages.PROGRESS_READ_ONLY.format(reason=reason).strip())
    notice = None
    if opened.moved_aside is not None:
        template = (
            messages.PROGRESS_SALVAGED if opened.salvaged else messages.PROGRESS_NOTHING_SALVAGED
        )
        notice = template.format(rows=opened.salvaged, name=opened.moved_aside.name)
    return OpenedProgress(GuardedProgress(opened.connection, clock, path=path), notice)


def open_progress_to_show(
    folder: Path | None = None, clock: Callable[[], datetime] = datetime.now
) -> OpenedProgress:
    """Open the progress for `tutor progress`: read-only, never creates or moves a file.

    A missing file shows as no progress; a damaged one as what still reads (with a
    notice); a locked one gives no store and a notice.
    """
    path = progress_path(folder)
    try:
        snapshot = open_snapshot(path, SCHEMA)
    except StoreBusy:
        return OpenedProgress(None, messages.PROGRESS_BUSY_SHOWN)
    except StoreUnavailable as error:
        return OpenedProgress(None, error.message)
    if snapshot is None:
        return OpenedProgress(ProgressStore(_memory_database(), clock, path=path, read_only=True))
    notice = None
    if snapshot.salvaged is not None:
        notice = messages.PROGRESS_DAMAGED_SHOWN.format(rows=snapshot.salvaged)
    store = ProgressStore(snapshot.connection, clock, path=path, read_only=True)
    return OpenedProgress(store, notice)
