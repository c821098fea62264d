"""A learner's progress in SQLite: steps reached, answers, best scores, review boxes,
and questions saved for the doctor.

Every change is committed at once (WAL, synchronous=FULL), so a killed process
loses nothing already answered. Never imports Textual.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tutor.core.leitner import ReviewItem, due_after, next_box
from tutor.core.paths import data_dir
from tutor.store.db import open_database

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
"""


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


class ProgressStore:
    """Reads and writes one learner's progress; every write is its own transaction."""

    def __init__(
        self, connection: sqlite3.Connection, clock: Callable[[], datetime] = datetime.now
    ) -> None:
        self.connection = connection
        self.clock = clock

    def today(self) -> date:
        """Today, by the store's clock (tests pass a fake one)."""
        return self.clock().date()

    def reach_step(self, lesson_id: str, step: int, steps_total: int) -> None:
        """Remember that the learner is at `step` of a lesson."""
        with self.connection:
            self.connection.execute(
                "INSERT INTO lesson_progress (lesson_id, step, steps_total) VALUES (?, ?, ?) "
                "ON CONFLICT(lesson_id) DO UPDATE SET step = excluded.step, "
                "steps_total = excluded.steps_total",
                (lesson_id, step, steps_total),
            )

    def progress(self, lesson_id: str) -> LessonProgress | None:
        """The progress in one lesson, or None if it was never opened."""
        return self.all_progress().get(lesson_id)

    def all_progress(self) -> dict[str, LessonProgress]:
        """Progress per lesson id."""
        rows = self.connection.execute(
            "SELECT lesson_id, step, steps_total, finished, best_right, best_total, best_on "
            "FROM lesson_progress"
        ).fetchall()
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
        self, lesson_id: str, question_id: str, correct: bool, confidence: str | None = None
    ) -> None:
        """Store an answer and move the question in the review boxes."""
        today = self.today()
        with self.connection:
            self.connection.execute(
                "INSERT INTO answers (lesson_id, question_id, correct, confidence, answered_on) "
                "VALUES (?, ?, ?, ?, ?)",
                (lesson_id, question_id, int(correct), confidence, today.isoformat()),
            )
            row = self.connection.execute(
                "SELECT box FROM review WHERE lesson_id = ? AND question_id = ?",
                (lesson_id, question_id),
            ).fetchone()
            box = next_box(row[0] if row else None, correct)
            if box is None:
                self.connection.execute(
                    "DELETE FROM review WHERE lesson_id = ? AND question_id = ?",
                    (lesson_id, question_id),
                )
                return
            confident_wrong = int(not correct and confidence == "zeker")
            self.connection.execute(
                "INSERT INTO review (lesson_id, question_id, box, due, confident_wrong) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(lesson_id, question_id) DO UPDATE SET "
                "box = excluded.box, due = excluded.due, "
                "confident_wrong = excluded.confident_wrong",
                (lesson_id, question_id, box, due_after(box, today).isoformat(), confident_wrong),
            )

    def answer_count(self, lesson_id: str | None = None) -> int:
        """How many answers are stored (for one lesson, or in all)."""
        if lesson_id is None:
            row = self.connection.execute("SELECT COUNT(*) FROM answers").fetchone()
        else:
            row = self.connection.execute(
                "SELECT COUNT(*) FROM answers WHERE lesson_id = ?", (lesson_id,)
            ).fetchone()
        return int(row[0])

    def finish_quiz(self, lesson_id: str, right: int, total: int) -> None:
        """Mark a lesson done and keep the best score (by fraction right)."""
        today = self.today().isoformat()
        with self.connection:
            row = self.connection.execute(
                "SELECT best_right, best_total FROM lesson_progress WHERE lesson_id = ?",
                (lesson_id,),
            ).fetchone()
            better = row is None or row[0] is None or right * row[1] > row[0] * total
            if row is None:
                self.connection.execute(
                    "INSERT INTO lesson_progress (lesson_id, step, steps_total) VALUES (?, 0, 0)",
                    (lesson_id,),
                )
            self.connection.execute(
                "UPDATE lesson_progress SET finished = 1 WHERE lesson_id = ?", (lesson_id,)
            )
            if better:
                self.connection.execute(
                    "UPDATE lesson_progress SET best_right = ?, best_total = ?, best_on = ? "
                    "WHERE lesson_id = ?",
                    (right, total, today, lesson_id),
                )

    def review_items(self) -> list[ReviewItem]:
        """Every question in the review boxes, due or not."""
        rows = self.connection.execute(
            "SELECT lesson_id, question_id, box, due, confident_wrong FROM review"
        ).fetchall()
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
        with self.connection:
            self.connection.execute(
                "INSERT OR IGNORE INTO saved_questions (lesson_id, kind, text, saved_on) "
                "VALUES (?, ?, ?, ?)",
                (lesson_id, kind, text, self.today().isoformat()),
            )

    def forget_question(self, lesson_id: str, kind: str, text: str) -> None:
        """Take a question off the list."""
        with self.connection:
            self.connection.execute(
                "DELETE FROM saved_questions WHERE lesson_id = ? AND kind = ? AND text = ?",
                (lesson_id, kind, text),
            )

    def saved_questions(self) -> list[SavedQuestion]:
        """The saved questions, oldest first."""
        rows = self.connection.execute(
            "SELECT lesson_id, kind, text, saved_on FROM saved_questions ORDER BY saved_on, rowid"
        ).fetchall()
        return [SavedQuestion(row[0], row[1], row[2], date.fromisoformat(row[3])) for row in rows]

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()


@dataclass
class OpenedProgress:
    """The result of opening the progress store.

    Attributes:
        store: The store, or None when progress cannot be saved.
        notice: A Dutch message for the learner when something was not normal.
    """

    store: ProgressStore | None
    notice: str | None = None


def open_progress(
    folder: Path | None = None, clock: Callable[[], datetime] = datetime.now
) -> ProgressStore:
    """Open the progress store in the data folder.

    Raises:
        StoreUnavailable: The data folder cannot be used.
    """
    opened = open_database((folder or data_dir()) / FILE_NAME, SCHEMA)
    return ProgressStore(opened.connection, clock)


def open_progress_for_app(
    folder: Path | None = None, clock: Callable[[], datetime] = datetime.now
) -> OpenedProgress:
    """Open the store for the app: never raises; says in Dutch what went wrong."""
    from tutor.core.text import common as strings
    from tutor.store.db import StoreUnavailable

    path = (folder or data_dir()) / FILE_NAME
    try:
        opened = open_database(path, SCHEMA)
    except StoreUnavailable:
        return OpenedProgress(None, strings.PROGRESS_UNAVAILABLE.format(folder=path.parent))
    notice = None
    if opened.moved_aside is not None:
        notice = strings.PROGRESS_CORRUPT.format(name=opened.moved_aside.name)
    return OpenedProgress(ProgressStore(opened.connection, clock), notice)
