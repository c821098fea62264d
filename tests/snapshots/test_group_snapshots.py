"""Layer 3 for group sessions: what the projector and a participant's screen look like.

The session code is fixed (123456) so the pictures do not change from run to run.
Regenerate after a deliberate change with
`pytest tests/snapshots/test_group_snapshots.py --snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from conftest import SNAPSHOT_ROOT
from group_server import ServerThread
from tutor.core.content.loader import load_content
from tutor.group.participant.app import ParticipantApp
from tutor.group.participant.screens.question import ParticipantQuestionScreen
from tutor.group.session import TrainerSession
from tutor.group.trainer.app import TrainerApp
from tutor.store.group import SQLiteGroupStore

CONTENT = load_content(SNAPSHOT_ROOT)  # small fixture content, not the shipped lessons
LESSON = CONTENT.lesson("licht-in-de-praktijk")  # no diagram: → always moves to the next screen
QUESTIONS = CONTENT.quizzes[LESSON.id].questions
PROJECTOR = (120, 35)
LAPTOP = (80, 24)


@pytest.fixture(autouse=True)
def _fixed_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tutor.store.group.secrets.randbelow", lambda _: 123456)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "groups.sqlite3"


def trainer(db: Path, address: str | None = None) -> TrainerApp:
    store = SQLiteGroupStore(db)
    return TrainerApp(content=CONTENT, lesson_id=LESSON.id, store=store, address=address)


def answer_first_question(db: Path, responses: list[str]) -> None:
    """Participants answer question 1 straight through the store."""
    store = SQLiteGroupStore(db)
    for response in responses:
        store.answer("123456", store.join("123456"), 0, response)


def test_trainer_lobby(snap_compare, db) -> None:  # type: ignore[no-untyped-def]
    # The lobby as the projector shows it once the participants' server listens.
    app = trainer(db, address="http://192.168.1.20:8000/")
    assert snap_compare(app, terminal_size=PROJECTOR)


def test_trainer_step_with_note(snap_compare, db) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(trainer(db), press=["right"], terminal_size=PROJECTOR)


def test_trainer_question_revealed(snap_compare, db) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press(*["right"] * (1 + len(LESSON.steps)))  # to question 1
        answer_first_question(db, ["[0]", "[1]", "[1]", "[0]", "[0]"])
        pilot.app.poll()  # the live count now, not at the next timer tick
        await pilot.pause()
        await pilot.press("2", "r")

    assert snap_compare(trainer(db), run_before=run_before, terminal_size=PROJECTOR)


def test_trainer_question_discuss(snap_compare, db) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press(*["right"] * (1 + len(LESSON.steps)))  # to question 1
        answer_first_question(db, ["[0]", "[1]", "[1]"])
        pilot.app.poll()  # the live count now, not at the next timer tick
        await pilot.pause()
        await pilot.press("b")

    assert snap_compare(trainer(db), run_before=run_before, terminal_size=PROJECTOR)


def test_trainer_open_question(snap_compare, db) -> None:  # type: ignore[no-untyped-def]
    presses = ["right"] * (1 + len(LESSON.steps) + len(QUESTIONS))
    assert snap_compare(trainer(db), press=presses, terminal_size=PROJECTOR)


def test_trainer_summary(snap_compare, db) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press(*["right"] * (1 + len(LESSON.steps)))
        answer_first_question(db, ["[0]", "[1]", "[1]"])
        pilot.app.poll()  # the live count now, not at the next timer tick
        await pilot.pause()
        await pilot.press(*["right"] * (len(QUESTIONS) + len(LESSON.unknowns)))

    assert snap_compare(trainer(db), run_before=run_before, terminal_size=PROJECTOR)


def test_participant_join(snap_compare, db) -> None:  # type: ignore[no-untyped-def]
    app = ParticipantApp(url="http://192.168.1.20:8000/", content=CONTENT)
    assert snap_compare(app, press=["1", "2"], terminal_size=LAPTOP)


async def wait_for(check, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.02)


def test_participant_after_reveal(snap_compare, db) -> None:  # type: ignore[no-untyped-def]
    store = SQLiteGroupStore(db)
    session = TrainerSession(store, LESSON, QUESTIONS)
    store.touch_trainer(session.code)
    with ServerThread(db, LESSON, QUESTIONS, session.code) as server:
        app = ParticipantApp(url=server.url, code=session.code, content=CONTENT)

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await pilot.press(*"Anna", "enter")
            while session.kind != "question":
                session.next()
            await wait_for(lambda: isinstance(app.screen, ParticipantQuestionScreen))
            await wait_for(lambda: bool(app.screen.query("#connection-notice")))  # mounted
            await pilot.press("2")
            await wait_for(lambda: store.answer_count(session.code, 0) == 1)
            session.reveal()
            await wait_for(lambda: app.screen.revealed)  # type: ignore[attr-defined]
            await pilot.pause()

        assert snap_compare(app, run_before=run_before, terminal_size=LAPTOP)
