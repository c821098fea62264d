"""Opening SQLite databases safely: WAL mode, durable commits, recovery from corruption."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path


class StoreUnavailable(Exception):
    """The database cannot be used at all (e.g. a read-only data folder)."""


@dataclass
class Opened:
    """An open connection and what happened while opening it.

    Attributes:
        connection: The connection (autocommit; use `with connection:` for a transaction).
        moved_aside: Where a corrupt database file was moved to, if that happened.
    """

    connection: sqlite3.Connection
    moved_aside: Path | None = None


def open_database(path: Path, schema: str, *, durable: bool = True) -> Opened:
    """Open (or create) a database with `schema`; move a corrupt file aside and start fresh.

    Args:
        path: The database file.
        schema: `CREATE TABLE IF NOT EXISTS ...` statements.
        durable: `synchronous=FULL`, so a commit survives a power cut, not only kill -9.

    Raises:
        StoreUnavailable: The folder cannot be created or written.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return Opened(_connect(path, schema, durable))
    except sqlite3.DatabaseError as error:
        if _is_unwritable(error):
            raise StoreUnavailable(str(error)) from error
        aside = path.with_name(f"{path.name}.kapot-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            path.replace(aside)
            for suffix in ("-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            return Opened(_connect(path, schema, durable), moved_aside=aside)
        except (OSError, sqlite3.DatabaseError) as second:
            raise StoreUnavailable(str(second)) from second
    except OSError as error:
        raise StoreUnavailable(str(error)) from error


def _connect(path: Path, schema: str, durable: bool) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=5.0, isolation_level=None, check_same_thread=False)
    try:
        result = connection.execute("PRAGMA quick_check").fetchone()
        if result is None or result[0] != "ok":
            raise sqlite3.DatabaseError("database disk image is malformed")
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
        connection.execute("PRAGMA busy_timeout=5000")
        connection.executescript(schema)
    except sqlite3.DatabaseError:
        connection.close()
        raise
    return connection


def _is_unwritable(error: sqlite3.DatabaseError) -> bool:
    message = str(error).lower()
    return any(
        text in message
        for text in ("readonly", "read-only", "unable to open", "disk i/o", "permission")
    )
