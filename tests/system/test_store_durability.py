"""Issue 16, section 2: progress is never lost, and the learner is told the truth.

A lock is not damage; damage is salvaged and the damaged file is kept with its WAL;
read-only commands change nothing; every write failure is a Dutch message, the app
goes on and exits non-zero; a read-only data folder still shows progress; the position
inside a quiz survives kill -9; the kiosk PIN lockout survives a restart.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from conftest import GOOD_ROOT, PROJECT
from pilot_helpers import answer_current
from test_kill import Terminal, count
from test_kiosk_app import FakeClock as KioskClock
from test_kiosk_app import open_pin_dialog, pin_message, type_pin
from tutor.core.content.loader import load_content
from tutor.core.quiz import Verdict
from tutor.kiosk.app import KioskApp
from tutor.kiosk.pin import LOCK_FILE, PinCheck, PinGuard, hash_pin
from tutor.selfstudy.app import TutorApp
from tutor.selfstudy.screens.resume import ResumeDialog
from tutor.store import db
from tutor.store.kiosk_stats import KioskStats
from tutor.store.progress import FILE_NAME, open_progress, open_progress_for_app
from tutor.ui.messages import StepShown
from tutor.ui.screens.home import HomeScreen, LessonItem
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.screens.question import QuestionScreen
from tutor.ui.screens.result import ResultScreen
from tutor.ui.screens.unknowns import UnknownsScreen

GOOD = load_content(GOOD_ROOT)
GOOD_DAY = datetime.date(2026, 11, 2)
AS_ROOT = os.geteuid() == 0
BUSY_WORDS = "even in gebruik door een ander programma"


@pytest.fixture(autouse=True)
def _short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Locks are waited for 0.2 s instead of 5 s, so lock tests stay fast."""
    monkeypatch.setattr(db, "BUSY_TIMEOUT", 0.2, raising=False)
    monkeypatch.setattr(db, "OPEN_ATTEMPTS", 2, raising=False)


def files(folder: Path) -> dict[str, bytes | None]:
    """Every file in a folder with its contents (not those of a -shm: a reader may update
    that shared-memory index, which holds no data)."""
    return {
        path.name: None if path.name.endswith("-shm") else path.read_bytes()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def texts(app: TutorApp) -> str:
    """The text of every Static on the screen."""
    return " ".join(str(widget.render()) for widget in app.screen.query(Static))


def run_python(code: str, folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT), "TUTOR_DATA_DIR": str(folder)},
        capture_output=True,
        text=True,
        check=False,
    )


def progress_in_wal(folder: Path, lesson_id: str = "mini-les", step: int = 1) -> None:
    """Save a step and die by SIGKILL: the commit is only in the WAL, not yet in the file."""
    result = run_python(
        f"""
        import os, signal
        from pathlib import Path
        from tutor.store.progress import open_progress
        store = open_progress(Path({str(folder)!r}))
        store.reach_step({lesson_id!r}, {step}, 2)
        os.kill(os.getpid(), signal.SIGKILL)
        """,
        folder,
    )
    assert result.returncode == -9, result.stderr
    assert Path(f"{folder / FILE_NAME}-wal").stat().st_size > 0


@contextlib.contextmanager
def lock_held_elsewhere(path: Path, *, keep_readers_out: bool) -> Iterator[None]:
    """Another process holds a lock on the database until the block ends (like a backup or
    sync client, or a second tutor). `keep_readers_out`: an exclusive lock that blocks
    reading too; else only writing is blocked (BEGIN EXCLUSIVE in WAL mode)."""
    mode = "PRAGMA locking_mode=EXCLUSIVE;" if keep_readers_out else ""
    code = f"""
        import sqlite3, sys
        connection = sqlite3.connect({str(path)!r}, isolation_level=None)
        connection.executescript({mode!r})
        connection.execute("BEGIN EXCLUSIVE")
        print("locked", flush=True)
        sys.stdin.read()
        connection.execute("ROLLBACK")
        connection.close()
    """
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=20)


@contextlib.contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Make files or folders unwritable; as root (where mode bits do not count) immutable."""
    for path in paths:
        if AS_ROOT:
            subprocess.run(["chattr", "+i", str(path)], check=True)
        else:
            path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield
    finally:
        for path in paths:
            if AS_ROOT:
                subprocess.run(["chattr", "-i", str(path)], check=True)
            else:
                path.chmod(0o755 if path.is_dir() else 0o644)


class FailingConnection:
    """A connection whose changes fail as SQLite reports `message` (e.g. a full disk)."""

    def __init__(self, connection: sqlite3.Connection, message: str) -> None:
        self._connection = connection
        self._message = message
        self.failures = 0

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql.split()[0].upper() in ("INSERT", "UPDATE", "DELETE", "REPLACE"):
            self.failures += 1
            raise sqlite3.OperationalError(self._message)
        return self._connection.execute(sql, *args)

    def executemany(self, sql: str, *args: object) -> sqlite3.Cursor:
        self.failures += 1
        raise sqlite3.OperationalError(self._message)

    def __enter__(self) -> FailingConnection:
        self._connection.__enter__()
        return self

    def __exit__(self, *exc: object) -> object:
        return self._connection.__exit__(*exc)  # type: ignore[arg-type]

    def __getattr__(self, name: str) -> object:
        return getattr(self._connection, name)


def notifications(app: TutorApp) -> list[str]:
    return [notification.message for notification in app._notifications]


# --- a lock is not damage ---


def test_a_lock_at_start_is_waited_for_and_never_treated_as_damage(tmp_path: Path) -> None:
    """Harmful before: the locked file was renamed and its WAL, holding the progress, deleted."""
    progress_in_wal(tmp_path)
    wal = Path(f"{tmp_path / FILE_NAME}-wal")
    with lock_held_elsewhere(tmp_path / FILE_NAME, keep_readers_out=True):
        started = time.monotonic()
        opened = open_progress_for_app(tmp_path)
        assert not list(tmp_path.glob("*kapot*"))  # never renamed on a lock
        assert wal.exists()  # and the WAL is still there
        assert time.monotonic() - started >= 0.2  # it waited for the lock
        assert opened.notice and BUSY_WORDS in opened.notice
        assert "beschadigd" not in opened.notice
        assert opened.store is not None
        opened.store.reach_step("mini-les", 0, 2)  # goes nowhere, does not raise
        assert opened.store.finish()  # … and is reported as not saved
        waits: list[str] = []  # `tutor` prints this while it waits, before the app starts
        open_progress_for_app(tmp_path, on_wait=waits.append).store.finish()
        assert waits and BUSY_WORDS in waits[0]
    store = open_progress(tmp_path)
    assert store.progress("mini-les").step == 1  # the progress from the WAL is all there
    store.close()


def test_a_lock_during_a_write_is_retried_and_then_saved(tmp_path: Path) -> None:
    opened = open_progress_for_app(tmp_path)
    store = opened.store
    told: list[str] = []
    store.on_trouble = told.append
    store.reach_step("mini-les", 0, 2)
    with lock_held_elsewhere(tmp_path / FILE_NAME, keep_readers_out=False):
        store.reach_step("mini-les", 1, 2)  # waits, then keeps it: no exception
        store.record_answer("mini-les", "waarop", correct=False)
        assert len(told) == 1 and BUSY_WORDS in told[0]  # said once
        assert store.progress("mini-les").step == 0  # reading still works
    store.save_question("mini-les", "unknown", "Werkt het bij mensen net zo?")  # lock gone
    assert store.finish() is None  # everything was saved in the end
    store = open_progress(tmp_path)
    assert store.progress("mini-les").step == 1
    assert store.answer_count() == 1 and len(store.saved_questions()) == 1
    store.close()


def test_a_lock_that_outlasts_the_session_is_reported_at_the_end(tmp_path: Path) -> None:
    store = open_progress_for_app(tmp_path).store
    with lock_held_elsewhere(tmp_path / FILE_NAME, keep_readers_out=False):
        store.reach_step("mini-les", 1, 2)
        message = store.finish()
    assert message and "1 wijziging" in message and "niet bewaard" in message


def test_the_plain_store_says_busy_in_dutch_and_changes_nothing(tmp_path: Path) -> None:
    store = open_progress(tmp_path)
    with lock_held_elsewhere(tmp_path / FILE_NAME, keep_readers_out=False):
        with pytest.raises(db.StoreBusy) as caught:
            store.reach_step("mini-les", 1, 2)
    assert BUSY_WORDS in str(caught.value)
    assert store.progress("mini-les") is None
    store.close()


# --- damage: salvage, keep the damaged file and its WAL ---


def damaged_progress(folder: Path) -> int:
    """A progress file with many answers, a newer step in its WAL, and one damaged page.

    Returns how many answers it had."""
    store = open_progress(folder)
    store.reach_step("mini-les", 1, 2)
    store.save_question("mini-les", "unknown", "Werkt het bij mensen net zo?")
    store.close()
    total = 600
    connection = sqlite3.connect(folder / FILE_NAME)
    with connection:
        connection.executemany(
            "INSERT INTO answers (lesson_id, question_id, correct, confidence, answered_on) "
            "VALUES ('mini-les', ?, 1, ?, '2026-11-02')",
            [(f"q{n}", "x" * 200) for n in range(total)],
        )
    connection.close()
    progress_in_wal(folder, "tweede-les", 3)
    path = folder / FILE_NAME
    size, page = path.stat().st_size, 4096
    with path.open("r+b") as file:  # one page in the middle of the answers: garbage
        file.seek((size // page // 2) * page)
        file.write(b"\xff" * page)
    return total


def test_damage_is_salvaged_and_the_damaged_file_and_its_wal_kept(tmp_path: Path) -> None:
    total = damaged_progress(tmp_path)
    damaged = (tmp_path / FILE_NAME).read_bytes()
    wal = Path(f"{tmp_path / FILE_NAME}-wal").read_bytes()
    opened = open_progress_for_app(tmp_path)
    assert opened.notice and "beschadigd" in opened.notice and "gered" in opened.notice
    (aside,) = tmp_path.glob(f"{FILE_NAME}.kapot-*[0-9]")
    assert aside.name in opened.notice
    assert aside.read_bytes() == damaged
    assert Path(f"{aside}-wal").read_bytes() == wal  # the WAL is kept with it
    store = opened.store
    assert store.progress("tweede-les").step == 3  # salvaged from the WAL
    assert store.progress("mini-les").step == 1
    assert [saved.text for saved in store.saved_questions()] == ["Werkt het bij mensen net zo?"]
    assert total - 60 < store.answer_count() < total  # all but the damaged page
    store.reach_step("mini-les", 0, 2)
    assert store.finish() is None
    check = sqlite3.connect(tmp_path / FILE_NAME)
    assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    check.close()


def test_a_file_that_is_no_database_is_kept_and_the_learner_told(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_bytes(b"dit is geen database" * 100)
    opened = open_progress_for_app(tmp_path)
    assert opened.notice and "beschadigd" in opened.notice and "niets" in opened.notice
    (aside,) = tmp_path.glob(f"{FILE_NAME}.kapot-*")
    assert aside.read_bytes() == b"dit is geen database" * 100


# --- read-only commands change nothing ---


def tutor_progress(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path
) -> tuple[int, str]:
    from tutor.cli import main

    monkeypatch.setenv("TUTOR_DATA_DIR", str(folder))
    code = main(["progress", "--content", str(GOOD_ROOT)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_tutor_progress_never_moves_or_creates_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A healthy file without WAL: no -wal or -shm appears.
    store = open_progress(tmp_path)
    store.reach_step("mini-les", 1, 2)
    store.close()
    before = files(tmp_path)
    code, out = tutor_progress(capsys, monkeypatch, tmp_path)
    assert code == 0 and "Bezig: stap 2 van 2" in out
    assert files(tmp_path) == before
    # Progress still in the WAL of a killed tutor: shown, nothing changed.
    progress_in_wal(tmp_path, "mini-les", 0)
    before = files(tmp_path)
    code, out = tutor_progress(capsys, monkeypatch, tmp_path)
    assert code == 0 and "Bezig: stap 1 van 2" in out
    assert files(tmp_path) == before
    # No data folder at all: not created.
    code, out = tutor_progress(capsys, monkeypatch, tmp_path / "nieuw")
    assert code == 0 and "Nog niet begonnen" in out
    assert not (tmp_path / "nieuw").exists()


def test_tutor_progress_shows_what_reads_of_a_damaged_file_and_moves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged_progress(tmp_path)
    before = files(tmp_path)
    code, out = tutor_progress(capsys, monkeypatch, tmp_path)
    assert files(tmp_path) == before
    assert "beschadigd" in out and "Bezig: stap 2 van 2" in out
    assert code == 0


def test_tutor_progress_reads_a_locked_file_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_progress(tmp_path)
    store.reach_step("mini-les", 1, 2)
    store.close()
    with lock_held_elsewhere(tmp_path / FILE_NAME, keep_readers_out=True):
        before = files(tmp_path)
        code, out = tutor_progress(capsys, monkeypatch, tmp_path)
        assert files(tmp_path) == before
    assert code == 0 and "Bezig: stap 2 van 2" in out


def test_exporting_saved_questions_reads_without_changing_anything(tmp_path: Path) -> None:
    store = open_progress(tmp_path)
    store.save_question("mini-les", "unknown", "Werkt het bij mensen net zo?")
    store.close()
    before = files(tmp_path)
    store = open_progress(tmp_path, read_only=True)
    assert [saved.text for saved in store.saved_questions()] == ["Werkt het bij mensen net zo?"]
    with pytest.raises(db.StoreReadOnly):
        store.reach_step("mini-les", 1, 2)
    store.close()
    assert files(tmp_path) == before


# --- write failures: a Dutch message, the app goes on, the exit code says so ---


@pytest.mark.parametrize(
    ("sqlite_says", "dutch"),
    [
        ("database or disk is full", "schijf is vol"),
        ("attempt to write a readonly database", "niets worden opgeslagen"),
        ("disk I/O error", "De schijf gaf een fout"),
    ],
)
def test_every_write_failure_is_a_typed_error_in_dutch(
    tmp_path: Path, sqlite_says: str, dutch: str
) -> None:
    store = open_progress(tmp_path)
    store.connection = FailingConnection(store.connection, sqlite_says)  # type: ignore[assignment]
    for write in (
        lambda: store.reach_step("mini-les", 1, 2),
        lambda: store.record_answer("mini-les", "waarop", correct=True),
        lambda: store.finish_quiz("mini-les", 5, 8),
        lambda: store.save_question("mini-les", "unknown", "Vraag?"),
        lambda: store.save_quiz_position("mini-les", 3, {}),
    ):
        with pytest.raises(db.StoreWriteError) as caught:
            write()
        assert dutch in str(caught.value) and caught.value.detail == sqlite_says
    stats = KioskStats.open(tmp_path / "kiosk.sqlite3")
    stats.connection = FailingConnection(stats.connection, sqlite_says)  # type: ignore[assignment]
    with pytest.raises(db.StoreWriteError):
        stats.record(day=GOOD_DAY, lesson="mini-les", question="waarop", correct=True, parts=[])


async def test_a_full_disk_mid_lesson_keeps_the_app_running_and_says_so_once(
    tmp_path: Path,
) -> None:
    """Before: an English traceback with local variables, and exit code 0."""
    store = open_progress_for_app(tmp_path).store
    store.reach_step("mini-les", 0, 2)  # this one is saved
    store.connection = FailingConnection(store.connection, "database or disk is full")
    app = TutorApp(content=GOOD, progress=store, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "right", "right")
        assert app.is_running and isinstance(app.screen, QuestionScreen)
        await answer_current(pilot, right=True)
        assert app.screen.query_one("#feedback").display  # the answer is still checked
        await pilot.press("enter")
        await answer_current(pilot, right=False)
        told = [text for text in notifications(app) if "niet meer worden bewaard" in text]
        assert len(told) == 1 and "schijf is vol" in told[0]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "schijf is vol" in str(app.screen.query_one("#notice", Static).render())
        # The session goes on in memory: the home screen shows where the learner got to.
        status = " ".join(str(item.render()) for item in app.screen.query(LessonItem))
        assert "Bezig: stap 2 van 2" in status
    message = store.finish()
    assert message and "niet bewaard" in message and "schijf is vol" in message
    check = open_progress(tmp_path)
    assert check.progress("mini-les").step == 0 and check.answer_count() == 0
    check.close()


def test_the_app_exits_non_zero_when_progress_was_not_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tutor import cli
    from tutor.store import progress

    opened = progress.open_progress_for_app(tmp_path)
    opened.store.connection = FailingConnection(opened.store.connection, "disk I/O error")
    monkeypatch.setattr(progress, "open_progress_for_app", lambda **_: opened)
    lesson = GOOD.lesson("mini-les")
    monkeypatch.setattr(TutorApp, "run", lambda self: self.on_step_shown(StepShown(lesson, 1)))
    assert cli.run_app(GOOD_ROOT) == 1
    assert "1 wijziging in je voortgang is niet bewaard" in capsys.readouterr().err


def test_the_app_exits_0_when_everything_was_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tutor import cli

    monkeypatch.setenv("TUTOR_DATA_DIR", str(tmp_path))
    lesson = GOOD.lesson("mini-les")
    monkeypatch.setattr(TutorApp, "run", lambda self: self.on_step_shown(StepShown(lesson, 1)))
    assert cli.run_app(GOOD_ROOT) == 0
    store = open_progress(tmp_path)
    assert store.progress("mini-les").step == 1
    store.close()


# --- read-only data folder, and paths of the wrong kind ---


@pytest.mark.parametrize("what", ["folder", "file"])
async def test_a_read_only_data_folder_still_shows_progress(tmp_path: Path, what: str) -> None:
    store = open_progress(tmp_path)
    store.reach_step("mini-les", 1, 2)
    store.close()
    before = files(tmp_path)
    target = tmp_path if what == "folder" else tmp_path / FILE_NAME
    with read_only(target):
        opened = open_progress_for_app(tmp_path)
        assert opened.notice and "niet bewaard" in opened.notice
        assert "eerdere voortgang" in opened.notice
        assert opened.store.progress("mini-les").step == 1
        app = TutorApp(content=GOOD, progress=opened.store, notice=opened.notice, seed=1)
        async with app.run_test(size=(80, 24)) as pilot:
            status = " ".join(str(item.render()) for item in app.screen.query(LessonItem))
            assert "Bezig: stap 2 van 2" in status
            await pilot.press("1")
            assert isinstance(app.screen, ResumeDialog)
            await pilot.press("enter", "right")  # the quiz: nothing is written, no crash
            assert isinstance(app.screen, QuestionScreen)
        assert files(tmp_path) == before
        message = opened.store.finish()
    assert message and "niet bewaard" in message


def test_a_full_disk_at_start_still_shows_progress_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_progress(tmp_path)
    store.reach_step("mini-les", 1, 2)
    store.close()
    real = db._connect_uri

    def full(path: Path, options: str) -> sqlite3.Connection:
        if options != "immutable=1":  # no -wal or -shm can be made on a full disk
            raise sqlite3.OperationalError("database or disk is full")
        return real(path, options)

    monkeypatch.setattr(db, "_connect_uri", full)
    opened = open_progress_for_app(tmp_path)
    assert opened.notice and "schijf is vol" in opened.notice and "niet bewaard" in opened.notice
    assert opened.store.progress("mini-les").step == 1


def test_a_database_path_that_is_a_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).mkdir()
    opened = open_progress_for_app(tmp_path)
    assert opened.notice and f"{tmp_path / FILE_NAME} is een map, geen bestand" in opened.notice
    assert "niets worden opgeslagen" not in opened.notice
    assert opened.store is not None and not opened.store.persistent


def test_a_data_folder_that_is_a_file_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "gegevens"
    blocker.write_text("een bestand waar een map moet staan")
    opened = open_progress_for_app(blocker)
    assert opened.notice and f"{blocker} is een bestand, geen map" in opened.notice
    opened = open_progress_for_app(blocker / "dieper")
    assert opened.notice and f"{blocker} is een bestand, geen map" in opened.notice
    assert "niets worden opgeslagen" not in opened.notice


# --- the position inside a quiz ---


def test_the_quiz_position_is_saved_and_cleared_when_the_quiz_is_finished(tmp_path: Path) -> None:
    store = open_progress(tmp_path)
    assert store.quiz_position("mini-les") is None
    right = Verdict(True, (), ())
    store.save_quiz_position("mini-les", 3, {"waarop": right, "wat-klopt": False, "snel": True})
    store.close()
    store = open_progress(tmp_path)
    position = store.quiz_position("mini-les")
    assert position is not None and position.index == 3
    assert position.answers == {"waarop": True, "wat-klopt": False, "snel": True}
    store.finish_quiz("mini-les", 6, 8)
    assert store.quiz_position("mini-les") is None
    store.save_quiz_position("mini-les", 1, {"waarop": True})
    store.clear_quiz_position("mini-les")
    assert store.quiz_position("mini-les") is None
    store.close()


async def test_a_restarted_app_resumes_at_the_question_with_the_earlier_answers(
    tmp_path: Path,
) -> None:
    store = open_progress(tmp_path)
    app = TutorApp(content=GOOD, progress=store, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "right", "right")
        for right in (True, False, True):
            await answer_current(pilot, right=right)
            await pilot.press("enter")
        assert app.screen.run.index == 3  # question 4 on screen
    position = store.quiz_position("mini-les")
    assert position is not None and position.index == 3
    assert position.answers == {"waarop": True, "wat-klopt": False, "snel": True}
    app = TutorApp(content=GOOD, progress=store, seed=1)  # "after the restart"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        assert isinstance(app.screen, ResumeDialog)
        assert "Je was bij vraag 4 van 8" in texts(app)
        await pilot.press("enter")
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.run.index == 3 and len(app.screen.run.verdicts) == 3
        assert app.screen.counter_text() == "Vraag 4 van 8"
        for _ in range(5):
            await answer_current(pilot, right=True)
            await pilot.press("enter")
        assert isinstance(app.screen, UnknownsScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, ResultScreen)
        assert str(app.screen.query_one("#score", Static).render()) == "7 van 8 goed"
    assert store.quiz_position("mini-les") is None  # finished: nothing to resume
    assert store.progress("mini-les").best_right == 7
    store.close()


async def test_starting_again_forgets_the_quiz_position(tmp_path: Path) -> None:
    store = open_progress(tmp_path)
    store.save_quiz_position("mini-les", 2, {"waarop": True, "wat-klopt": True})
    app = TutorApp(content=GOOD, progress=store, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "o")
        assert isinstance(app.screen, LessonScreen) and app.screen.step_index == 0
    assert store.quiz_position("mini-les") is None
    store.close()


def test_kill_9_at_question_4_resumes_at_question_4(tmp_path: Path) -> None:
    """Before: after the restart the app offered "stap 2 van 2" and asked "Vraag 1" again."""
    db_path = tmp_path / FILE_NAME
    terminal = Terminal(tmp_path)
    try:
        terminal.wait_for_output(b"Stoppen", after=0)
        time.sleep(1.0)  # the content is validated just after the first frame
        terminal.send("1")
        terminal.send("\x1b[C")
        terminal.send("\x1b[C")  # past the last step: question 1
        for _ in range(3):
            mark = len(terminal.output)
            terminal.send("1")
            terminal.send("\r")  # check
            terminal.wait_for_output(b"artikel", after=mark)
            terminal.send("\r")  # next question
        terminal.wait_for_output(b"Vraag 4 van 8", after=0)
        deadline = time.monotonic() + 20
        while count(db_path, "SELECT question FROM quiz_position") != 3:
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        terminal.kill()
    terminal = Terminal(tmp_path)
    try:
        terminal.wait_for_output(b"Stoppen", after=0)
        time.sleep(1.0)
        mark = len(terminal.output)
        terminal.send("1")
        terminal.wait_for_output(b"vraag 4 van 8", after=mark)
        mark = len(terminal.output)
        terminal.send("\r")
        terminal.wait_for_output(b"Vraag 4 van 8", after=mark)
    finally:
        terminal.kill()
    connection = sqlite3.connect(db_path)
    (answers,) = connection.execute("SELECT answers FROM quiz_position").fetchone()
    connection.close()
    assert sorted(json.loads(answers)) == ["snel", "waarop", "wat-klopt"]


# --- the kiosk PIN lockout survives a restart of the kiosk child ---


def test_the_pin_lockout_survives_a_new_guard(tmp_path: Path) -> None:
    stored = hash_pin("2468")
    state = tmp_path / LOCK_FILE
    wall = [1_000_000.0]
    guard = PinGuard(stored, clock=lambda: 5.0, wall_clock=lambda: wall[0], state_path=state)
    guard.check("1111")
    guard.check("2222")
    restarted = PinGuard(stored, clock=lambda: 0.0, wall_clock=lambda: wall[0], state_path=state)
    assert restarted.tries_left == 1
    assert restarted.check("3333") is PinCheck.LOCKED
    wall[0] += 20  # the kiosk child restarts 20 s later
    restarted = PinGuard(stored, clock=lambda: 7.0, wall_clock=lambda: wall[0], state_path=state)
    assert restarted.locked_for() == 40
    assert restarted.check("2468") is PinCheck.LOCKED
    # Only counts and a time are kept: nothing about who typed.
    assert set(json.loads(state.read_text())) == {"wrong", "locked_until"}
    wall[0] -= 3600  # a clock set back never makes the lock longer than one lock
    restarted = PinGuard(stored, clock=lambda: 0.0, wall_clock=lambda: wall[0], state_path=state)
    assert restarted.locked_for() == 60
    wall[0] += 3600 + 100  # the lock ran out while the kiosk was down
    restarted = PinGuard(stored, clock=lambda: 0.0, wall_clock=lambda: wall[0], state_path=state)
    assert restarted.locked_for() == 0 and restarted.tries_left == 3
    assert restarted.check("2468") is PinCheck.RIGHT


async def test_the_kiosk_pin_lockout_survives_a_restart_of_the_kiosk() -> None:
    stored = hash_pin("2468")
    first = KioskApp(content=GOOD, pin=stored, seed=7, clock=KioskClock(), idle=600)
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_pin_dialog(pilot)
        for pin in ("1111", "2222", "3333"):
            await type_pin(pilot, pin)
        assert "over 60 seconden" in pin_message(first)
    second = KioskApp(content=GOOD, pin=stored, seed=7, clock=KioskClock(), idle=600)
    async with second.run_test(size=(80, 24)) as pilot:  # the supervisor's restart
        await pilot.pause()
        await open_pin_dialog(pilot)
        assert "seconden" in pin_message(second)
        await type_pin(pilot, "2468")
        assert second.is_running and not second.pin_accepted
