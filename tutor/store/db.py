"""Opening SQLite databases safely: WAL mode, durable commits, locks, damage and full disks.

The rules (issue 16, "Progress is never lost"):

- "database is locked" (SQLITE_BUSY / SQLITE_LOCKED) means another program holds the
  file: wait (busy timeout), try again, then say so. A lock never renames a file and
  never touches its WAL.
- Real damage (SQLITE_CORRUPT / SQLITE_NOTADB, or `PRAGMA quick_check` not "ok"): copy
  every row that still reads into a fresh file, and keep the damaged file together with
  its -wal and -shm under a new name. A WAL is never deleted: after a crash it holds the
  newest commits. Suspect files are only opened read-only, and a read-only connection
  never checkpoints on close.
- `open_snapshot` (for read-only commands) never creates, moves or changes a file.
- Every failure is a `StoreError` whose text is a Dutch sentence for the learner.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from tutor.store import messages

BUSY_TIMEOUT = 5.0
"""Seconds SQLite's own busy handler waits (and retries) for a lock, per attempt."""
OPEN_ATTEMPTS = 3
"""How often opening is tried while another program holds a lock, before giving up."""
QUICK_BUSY_TIMEOUT = 0.1
"""Seconds to wait when retrying writes that were held up by a lock earlier."""

_SALVAGE_SEEKS = 200  # per table: how often a scan may jump over a damaged stretch
_LOWEST, _HIGHEST = -(2**63), 2**63 - 1  # the range of a rowid


class StoreError(Exception):
    """A store failure; `str(error)` is a Dutch sentence for the learner.

    Attributes:
        message: The Dutch sentence.
        detail: SQLite's or the OS's own (English) words, for logs.
    """

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class StoreUnavailable(StoreError):
    """The database cannot be opened (e.g. a read-only data folder, a path that is a map)."""


class StoreBusy(StoreUnavailable):
    """Another program holds a lock on the file; nothing was changed, try again later."""


class StoreWriteError(StoreError):
    """A write failed: disk full, read-only file or folder, disk error, damage."""


class StoreReadOnly(StoreWriteError):
    """A write to a store that was opened read-only."""


class StoreReadError(StoreError):
    """A read failed (disk error, damage found while reading)."""


@dataclass
class Opened:
    """An open connection and what happened while opening it.

    Attributes:
        connection: The connection (autocommit; see `transaction`).
        moved_aside: Where a damaged database file was kept, if that happened
            (its -wal and -shm, if any, are next to it with the same suffixes).
        salvaged: How many rows were copied out of a damaged file (None: nothing damaged).
        read_only: The connection is an in-memory copy; nothing written to it is kept.
        reason: Why it is read-only (Dutch), when it is.
    """

    connection: sqlite3.Connection
    moved_aside: Path | None = None
    salvaged: int | None = None
    read_only: bool = False
    reason: str | None = None


# --- what went wrong ---


def error_kind(error: BaseException) -> str:
    """One of "busy", "full", "corrupt", "readonly", "io", "cantopen" or "other"."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        text = str(error).lower()
        if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
            return "busy"
        if primary == sqlite3.SQLITE_FULL or "disk is full" in text:
            return "full"
        if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or any(
            words in text for words in ("malformed", "not a database", "corrupt")
        ):
            return "corrupt"
        if primary == sqlite3.SQLITE_READONLY or "readonly" in text or "read-only" in text:
            return "readonly"
        if primary == sqlite3.SQLITE_IOERR or "disk i/o" in text:
            return "io"
        if primary in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH) or (
            "unable to open" in text
        ):
            return "cantopen"
        return "other"
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return "full"
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return "readonly"
        return "io"
    return "other"


def describe(error: BaseException, path: Path) -> str:
    """The Dutch sentence for `error` on the database `path`."""
    kind = error_kind(error)
    if kind == "busy":
        return messages.BUSY.format(path=path)
    if kind == "full":
        return messages.DISK_FULL.format(path=path)
    if kind == "corrupt":
        return messages.CORRUPT.format(path=path)
    if kind in ("readonly", "cantopen"):
        if kind == "readonly" and path.exists() and not os.access(path, os.W_OK):
            return messages.READ_ONLY.format(path=path)
        return messages.FOLDER_READ_ONLY.format(folder=path.parent)
    if kind == "io":
        return messages.IO_ERROR.format(path=path)
    return messages.OTHER.format(path=path)


def write_error(error: BaseException, path: Path) -> StoreError:
    """The typed exception for a failed write: busy, or a write error, in Dutch."""
    if error_kind(error) == "busy":
        return StoreBusy(messages.BUSY.format(path=path), str(error))
    return StoreWriteError(describe(error, path), str(error))


def read_error(error: BaseException, path: Path) -> StoreError:
    """The typed exception for a failed read."""
    if error_kind(error) == "busy":
        return StoreBusy(messages.BUSY.format(path=path), str(error))
    return StoreReadError(describe(error, path), str(error))


@contextmanager
def transaction(
    connection: sqlite3.Connection, path: Path, *, read_only: bool = False
) -> Iterator[sqlite3.Connection]:
    """One write transaction (BEGIN IMMEDIATE … COMMIT); failures become `StoreError`s.

    BEGIN IMMEDIATE takes the write lock first, so a lock held by another program shows
    up (after the busy timeout) before anything is done, as `StoreBusy`.

    Raises:
        StoreReadOnly: The store was opened read-only.
        StoreBusy: Another program held the lock for the whole busy timeout.
        StoreWriteError: Disk full, read-only, disk error, damage.
    """
    if read_only:
        raise StoreReadOnly(messages.READ_ONLY.format(path=path))
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise write_error(error, path) from error
    try:
        yield connection
        connection.execute("COMMIT")
    except sqlite3.Error as error:
        _rollback(connection)
        raise write_error(error, path) from error
    except BaseException:
        _rollback(connection)
        raise


def _rollback(connection: sqlite3.Connection) -> None:
    try:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
    except sqlite3.Error:
        pass  # SQLite rolls back by itself when it cannot go on


def set_busy_timeout(connection: sqlite3.Connection, seconds: float) -> None:
    """Change how long SQLite waits for a lock on this connection."""
    connection.execute(f"PRAGMA busy_timeout={max(0, int(seconds * 1000))}")


# --- opening for reading and writing ---


def open_database(
    path: Path,
    schema: str,
    *,
    durable: bool = True,
    allow_read_only: bool = False,
    on_wait: Callable[[str], None] | None = None,
) -> Opened:
    """Open (or create) a database with `schema`, salvaging a damaged one.

    Args:
        path: The database file.
        schema: `CREATE TABLE IF NOT EXISTS ...` statements.
        durable: `synchronous=FULL`, so a commit survives a power cut, not only kill -9.
        allow_read_only: When the file exists but cannot be written, return an in-memory
            copy (`Opened.read_only`) instead of raising.
        on_wait: Told (in Dutch) when another program holds the file and we wait for it.

    Raises:
        StoreBusy: Another program kept the file locked through every attempt.
        StoreUnavailable: The file or its folder cannot be used; the message says why.
    """
    check_place(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreUnavailable(_folder_problem(path.parent), str(error)) from error
    busy: StoreBusy | None = None
    for attempt in range(OPEN_ATTEMPTS):
        try:
            return _open_once(path, schema, durable, allow_read_only)
        except StoreBusy as error:
            busy = error
            if on_wait is not None and attempt == 0:
                on_wait(messages.WAITING.format(path=path))
    assert busy is not None
    raise busy


def _open_once(path: Path, schema: str, durable: bool, allow_read_only: bool) -> Opened:
    if path.exists():
        try:  # a file that cannot be written (mode bits, or immutable even for root)
            os.close(os.open(path, os.O_RDWR))
        except OSError as error:
            if not allow_read_only:
                raise StoreUnavailable(messages.READ_ONLY.format(path=path), str(error)) from error
            return _read_only(path, schema, messages.READ_ONLY.format(path=path))
        health, problem = _health(path)
        if health == "corrupt":
            return _recover_or_read(path, schema, durable, allow_read_only)
        if health == "unwritable":
            return _read_only_or_raise(path, schema, allow_read_only, problem)
    try:
        return Opened(_connect(path, schema, durable))
    except sqlite3.Error as error:
        kind = error_kind(error)
        if kind == "busy":
            raise StoreBusy(messages.BUSY.format(path=path), str(error)) from error
        if kind == "corrupt":
            return _recover_or_read(path, schema, durable, allow_read_only)
        if path.exists() and kind in ("readonly", "cantopen", "full"):
            return _read_only_or_raise(path, schema, allow_read_only, error)
        raise StoreUnavailable(describe(error, path), str(error)) from error


def _health(path: Path) -> tuple[str, sqlite3.Error | None]:
    """ "ok", "corrupt" or "unwritable" (cannot even be opened read-only here, e.g. no -wal
    can be made: the error says why), via a read-only connection, which never
    checkpoints or deletes a WAL when it closes.

    Raises:
        StoreBusy: Another program holds a lock that keeps readers out.
    """
    try:
        with closing(_connect_uri(path, "mode=ro")) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as error:
        kind = error_kind(error)
        if kind == "busy":
            raise StoreBusy(messages.BUSY.format(path=path), str(error)) from error
        if kind == "corrupt":
            return "corrupt", error
        return "unwritable", error
    return ("ok" if rows == [("ok",)] else "corrupt"), None


def _read_only_or_raise(
    path: Path, schema: str, allow: bool, error: BaseException | None
) -> Opened:
    reason = describe(error, path) if error is not None else _write_problem(path)
    if not allow:
        raise StoreUnavailable(reason, str(error or ""))
    return _read_only(path, schema, reason)


def _read_only(path: Path, schema: str, reason: str) -> Opened:
    snapshot = open_snapshot(path, schema)
    assert snapshot is not None  # the file exists
    snapshot.reason = reason
    return snapshot


def _write_problem(path: Path) -> str:
    if not os.access(path, os.W_OK):
        return messages.READ_ONLY.format(path=path)
    return messages.FOLDER_READ_ONLY.format(folder=path.parent)


def _connect(path: Path, schema: str, durable: bool) -> sqlite3.Connection:
    connection = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
    )
    try:  # an existing file was checked by `_health` (read-only) just before
        set_busy_timeout(connection, BUSY_TIMEOUT)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
        connection.executescript(schema)
    except BaseException:
        connection.close()
        raise
    return connection


def _connect_uri(path: Path, options: str) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + (f"?{options}" if options else "")
    connection = sqlite3.connect(
        uri,
        uri=True,
        timeout=BUSY_TIMEOUT,
        isolation_level=None,
        check_same_thread=False,
    )
    set_busy_timeout(connection, BUSY_TIMEOUT)
    return connection


def check_place(path: Path) -> None:
    """Say in Dutch when the database path or one of its folders is the wrong kind of thing.

    Raises:
        StoreUnavailable: The path is a folder or a device, or a folder on the way is a file.
    """
    try:
        if path.is_dir():
            raise StoreUnavailable(messages.IS_DIRECTORY.format(path=path))
        if path.exists() and not path.is_file():
            raise StoreUnavailable(messages.NOT_A_FILE.format(path=path))
        for folder in (path.parent, *path.parent.parents):
            if folder.exists():
                if not folder.is_dir():
                    raise StoreUnavailable(messages.IS_FILE.format(path=folder))
                return
    except OSError as error:
        raise StoreUnavailable(messages.CANNOT_OPEN.format(path=path), str(error)) from error


def _folder_problem(folder: Path) -> str:
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return messages.FOLDER_READ_ONLY.format(folder=candidate)
    return messages.FOLDER_READ_ONLY.format(folder=folder)


# --- damage: salvage, keep the damaged files, start from what was saved ---


def _recover_or_read(path: Path, schema: str, durable: bool, allow_read_only: bool) -> Opened:
    """Salvage into a fresh file; where nothing can be written, salvage into memory."""
    try:
        return _recover(path, schema, durable)
    except StoreBusy:
        raise
    except StoreUnavailable as error:
        if not allow_read_only:
            raise
        return _read_only(path, schema, error.message)


def _recover(path: Path, schema: str, durable: bool) -> Opened:
    """Copy what reads into a fresh file; keep the damaged file and its WAL under a new name."""
    fresh = path.with_name(f".{path.name}.herstel-{os.getpid()}")
    _remove_own(fresh)
    try:
        with closing(sqlite3.connect(fresh, isolation_level=None)) as target:
            target.executescript(schema)
            target.execute("BEGIN")
            rows = salvage(path, target)
            target.execute("COMMIT")
        _fsync(fresh)
        aside = _keep_damaged(path)
        os.replace(fresh, path)
        _fsync(path.parent)
        return Opened(_connect(path, schema, durable), moved_aside=aside, salvaged=rows)
    except (OSError, sqlite3.Error) as error:
        _remove_own(fresh)
        if error_kind(error) == "busy":
            raise StoreBusy(messages.BUSY.format(path=path), str(error)) from error
        reason = describe(error, path) if error_kind(error) == "full" else None
        raise StoreUnavailable(
            reason or messages.SALVAGE_FAILED.format(path=path), str(error)
        ) from error


def _keep_damaged(path: Path) -> Path:
    """Keep the damaged file and its -wal/-shm as `<name>.kapot-<time>[-wal|-shm]`.

    The main file is linked (or copied) first and only replaced afterwards, so at every
    moment the damaged data exists under one of the two names.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.kapot-{stamp}")
    number = 1
    while any(Path(f"{aside}{suffix}").exists() for suffix in ("", "-wal", "-shm")):
        number += 1
        aside = path.with_name(f"{path.name}.kapot-{stamp}-{number}")
    try:
        os.link(path, aside)
    except OSError:
        shutil.copy2(path, aside)
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            companion.replace(Path(f"{aside}{suffix}"))
    return aside


def salvage(source: Path, target: sqlite3.Connection, options: str = "mode=ro") -> int:
    """Copy every row that still reads from the damaged `source` into `target`'s tables.

    Tables are those of `target` (its schema); columns those both have. Each table is
    read forwards, jumping over damaged stretches by rowid, and backwards from the end.
    Returns the number of rows copied. Never writes to `source`; `options` are the URI
    parameters it is opened with ("immutable=1" creates no -wal or -shm next to it).
    """
    try:
        connection = _open_damaged(source, options)
    except sqlite3.Error:
        return 0
    copied = 0
    with closing(connection):
        tables = [
            row[0]
            for row in target.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        for table in tables:
            copied += _salvage_table(connection, target, table)
    return copied


def _open_damaged(source: Path, options: str) -> sqlite3.Connection:
    try:
        connection = _connect_uri(source, options)
        connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.Error as error:
        if error_kind(error) == "corrupt":
            raise
    # A folder that cannot be written: read the main file alone.
    return _connect_uri(source, "immutable=1")


def _columns(connection: sqlite3.Connection, table: str) -> list[tuple[str, int]]:
    """(name, position in the primary key) per column; [] when unreadable or absent."""
    try:
        return [(row[1], row[5]) for row in connection.execute(f"PRAGMA table_info({_q(table)})")]
    except sqlite3.Error:
        return []


def _salvage_table(source: sqlite3.Connection, target: sqlite3.Connection, table: str) -> int:
    wanted = _columns(target, table)
    present = {name for name, _ in _columns(source, table)} or {name for name, _ in wanted}
    columns = [name for name, _ in wanted if name in present]
    if not columns:
        return 0
    listed = ", ".join(_q(name) for name in columns)
    try:
        source.execute(f"SELECT rowid FROM {_q(table)} LIMIT 0")
        has_rowid = True
    except sqlite3.Error:
        has_rowid = False
    rows: dict[object, tuple[object, ...]] = {}
    if has_rowid:
        _scan_by_rowid(source, table, listed, rows)
        names = f"rowid, {listed}"
        values = [(key, *row) for key, row in rows.items()]
    else:
        keys = [name for name, pk in sorted(wanted, key=lambda c: c[1]) if pk and name in present]
        order = ", ".join(_q(name) for name in keys) or listed
        for direction in ("ASC", "DESC"):
            query = f"SELECT {listed} FROM {_q(table)} ORDER BY {order} {direction}"
            _scan(source, query, (), rows)
        names = listed
        values = list(rows.values())
    marks = ", ".join("?" * (names.count(",") + 1))
    before = target.total_changes
    target.executemany(f"INSERT OR IGNORE INTO {_q(table)} ({names}) VALUES ({marks})", values)
    return target.total_changes - before


def _scan_by_rowid(
    source: sqlite3.Connection, table: str, listed: str, rows: dict[object, tuple[object, ...]]
) -> None:
    """Read forwards; at a damaged stretch jump ahead by rowid (1, 2, 4, … further), then
    read backwards from the end, so rows on both sides of the damage are found."""
    forward = f"SELECT rowid, {listed} FROM {_q(table)} WHERE rowid > ? ORDER BY rowid"
    start, step = _LOWEST, 1
    for _ in range(_SALVAGE_SEEKS):
        stopped = _scan(source, forward, (start,), rows, keyed=True)
        if stopped is None:  # read to the end
            break
        start, step = max(start, stopped) + step, step * 2
        if start >= _HIGHEST:
            break
    backward = f"SELECT rowid, {listed} FROM {_q(table)} ORDER BY rowid DESC"
    _scan(source, backward, (), rows, keyed=True)


def _scan(
    source: sqlite3.Connection,
    query: str,
    parameters: tuple[int, ...],
    rows: dict[object, tuple[object, ...]],
    *,
    keyed: bool = False,
) -> int | None:
    """Collect rows (keyed by their first column, or by themselves) until the end (returns
    None) or until damage (returns the last rowid read, else the start)."""
    last = parameters[0] if parameters else _LOWEST
    try:
        for row in source.execute(query, parameters):
            if keyed:
                rows[row[0]] = tuple(row[1:])
                last = int(row[0])
            else:
                rows[tuple(row)] = tuple(row)
    except sqlite3.Error:
        return last
    return None


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# --- reading without changing anything ---


def open_snapshot(path: Path, schema: str) -> Opened | None:
    """An in-memory copy of the database, for read-only commands; None when there is none.

    Never creates, moves or changes a file in the data folder: a file without WAL is
    read as immutable; one with a WAL (a crash, or another tutor running) read-only with
    its WAL, or else copied with its WAL to a temporary folder first. A damaged file is
    salvaged into the copy (`Opened.salvaged`).

    Raises:
        StoreBusy: Another program holds a lock that keeps readers out.
        StoreUnavailable: The file cannot be read; the message says why.
    """
    check_place(path)
    if not path.exists():
        return None
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        salvaged = _copy_into(path, memory, schema)
        memory.executescript(schema)  # tables a file from an older version lacks
    except BaseException:
        memory.close()
        raise
    return Opened(memory, salvaged=salvaged, read_only=True)


def _copy_into(path: Path, memory: sqlite3.Connection, schema: str) -> int | None:
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    try:
        if not wal.exists():
            return _backup_or_salvage(path, "immutable=1", memory, schema)
        if shm.exists():
            try:
                return _backup_or_salvage(path, "mode=ro", memory, schema)
            except sqlite3.Error as error:
                if error_kind(error) == "busy":
                    raise
        with tempfile.TemporaryDirectory(prefix="tutor-lezen-") as folder:
            copy = Path(folder) / path.name
            shutil.copyfile(path, copy)
            shutil.copyfile(wal, Path(f"{copy}-wal"))
            return _backup_or_salvage(copy, "", memory, schema)
    except sqlite3.Error as error:
        if error_kind(error) == "busy":
            raise StoreBusy(messages.BUSY.format(path=path), str(error)) from error
        raise StoreUnavailable(describe(error, path), str(error)) from error
    except OSError as error:
        raise StoreUnavailable(messages.CANNOT_OPEN.format(path=path), str(error)) from error


def _backup_or_salvage(
    path: Path, options: str, memory: sqlite3.Connection, schema: str
) -> int | None:
    """Copy the whole database into `memory` (None), or salvage rows from it (their count)."""
    try:
        with closing(_connect_uri(path, options)) as source:
            rows = source.execute("PRAGMA quick_check").fetchall()
            if rows == [("ok",)]:
                source.backup(memory)
                return None
    except sqlite3.Error as error:
        if error_kind(error) != "corrupt":
            raise
    memory.executescript(schema)
    return salvage(path, memory, options)


def _fsync(path: Path) -> None:
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _remove_own(path: Path) -> None:
    """Remove a temporary file this module made (never a database or its WAL)."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
