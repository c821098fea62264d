"""Anonymous kiosk counts: per day, question and part, how often right and how often wrong.

Nothing else is stored: no free text, no visitor, no time finer than a day, and no
order of answers (the table has no rowid, rows are only added up). Never imports Textual.
"""

from __future__ import annotations

import datetime
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tutor.core import paths
from tutor.store.db import open_database, open_snapshot, transaction

STATS_FILE = "kiosk-stats.sqlite3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS kiosk_counts (
    day TEXT NOT NULL,          -- YYYY-MM-DD, the finest time kept
    lesson TEXT NOT NULL,       -- lesson id from the content
    question TEXT NOT NULL,     -- question id from the content
    part INTEGER NOT NULL,      -- 0: the whole question; n: option/item/pair/statement n
    right_count INTEGER NOT NULL DEFAULT 0,
    wrong_count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, lesson, question, part)
) WITHOUT ROWID;
"""

_ADD = """
INSERT INTO kiosk_counts (day, lesson, question, part, right_count, wrong_count)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (day, lesson, question, part) DO UPDATE SET
    right_count = right_count + excluded.right_count,
    wrong_count = wrong_count + excluded.wrong_count
"""


def stats_path() -> Path:
    """Where the counts are kept (in the data folder)."""
    return paths.data_dir() / STATS_FILE


@dataclass(frozen=True)
class CountRow:
    """Counts for one question part, over one day or over all days.

    Attributes:
        day: The day (YYYY-MM-DD), or None when added up over all days.
        lesson: Lesson id.
        question: Question id.
        part: 0 for the whole question, else the part number.
        right: How often right.
        wrong: How often wrong.
    """

    day: str | None
    lesson: str
    question: str
    part: int
    right: int
    wrong: int


class KioskStats:
    """The counts database. Open with `KioskStats.open()`; close when done."""

    def __init__(
        self, connection: sqlite3.Connection, path: Path | None = None, *, read_only: bool = False
    ) -> None:
        """Wrap an open connection that has the schema (see `open`)."""
        self.connection = connection
        self.path = path if path is not None else Path(STATS_FILE)
        self.read_only = read_only

    @classmethod
    def open(cls, path: Path | None = None, *, read_only: bool = False) -> KioskStats:
        """Open (or create) the counts in the data folder.

        Args:
            path: The file; default `stats_path()`.
            read_only: Read an in-memory copy (`tutor stats`): never create, move or change
                a file; a missing file reads as no counts.

        Raises:
            tutor.store.db.StoreUnavailable: The folder cannot be written (or the file not
                read); `StoreBusy` when another program holds it.
        """
        path = path if path is not None else stats_path()
        if read_only:
            snapshot = open_snapshot(path, SCHEMA)
            if snapshot is None:
                connection = sqlite3.connect(":memory:", isolation_level=None)
                connection.executescript(SCHEMA)
                return cls(connection, path, read_only=True)
            return cls(snapshot.connection, path, read_only=True)
        return cls(open_database(path, SCHEMA, durable=False).connection, path)

    def record(
        self,
        *,
        day: datetime.date,
        lesson: str,
        question: str,
        correct: bool,
        parts: Iterable[tuple[int, bool]],
    ) -> None:
        """Add one answer: the whole question and each part, in one transaction.

        Raises:
            tutor.store.db.StoreWriteError: Disk full, read-only, disk error (Dutch text);
                `StoreBusy` when another program held the file for the whole busy timeout.
        """
        rows = [(0, correct), *parts]
        stamp = day.isoformat()
        with transaction(self.connection, self.path, read_only=self.read_only) as connection:
            connection.executemany(
                _ADD,
                [(stamp, lesson, question, part, int(ok), int(not ok)) for part, ok in rows],
            )

    def rows(self, *, per_day: bool = False) -> list[CountRow]:
        """All counts, per day or added up, ordered by lesson, question and part."""
        if per_day:
            query = (
                "SELECT day, lesson, question, part, right_count, wrong_count FROM kiosk_counts "
                "ORDER BY lesson, question, part, day"
            )
        else:
            query = (
                "SELECT NULL, lesson, question, part, SUM(right_count), SUM(wrong_count) "
                "FROM kiosk_counts GROUP BY lesson, question, part ORDER BY lesson, question, part"
            )
        return [CountRow(*row) for row in self.connection.execute(query)]

    def days(self) -> tuple[str, str] | None:
        """The first and last day with counts, or None when there are none."""
        query = "SELECT MIN(day), MAX(day) FROM kiosk_counts"
        first, last = self.connection.execute(query).fetchone()
        return (first, last) if first is not None else None

    def close(self) -> None:
        """Close the database."""
        self.connection.close()
