"""Layer 2 for group sessions: one trainer app and three participant apps on one database.

Each app has its own connection to the same temporary SQLite file, as the
separate processes of a real session do.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from rich.table import Table
from textual.pilot import Pilot
from textual.widgets import Static

from conftest import GOOD_ROOT
from pilot_helpers import answer_keys
from tutor.core.content.loader import load_content
from tutor.core.text import group as gs
from tutor.group.participant.app import ParticipantApp
from tutor.group.participant.screens.end import ParticipantEndScreen
from tutor.group.participant.screens.join import JoinScreen
from tutor.group.participant.screens.question import ParticipantQuestionScreen
from tutor.group.participant.screens.step import ParticipantStepScreen
from tutor.group.participant.screens.unknown import ParticipantUnknownScreen
from tutor.group.participant.screens.wait import ParticipantWaitScreen
from tutor.group.session import TrainerSession
from tutor.group.trainer.app import TrainerApp
from tutor.group.trainer.screens.question import TrainerQuestionScreen
from tutor.group.trainer.screens.step import TrainerStepScreen
from tutor.group.trainer.screens.summary import TrainerSummaryScreen
from tutor.group.trainer.screens.unknown import TrainerUnknownScreen
from tutor.store.group import AnswerClosed, SQLiteGroupStore
from tutor.ui.widgets.barchart import BarChart
from tutor.ui.widgets.pickrow import PickRow

GOOD = load_content(GOOD_ROOT)
LESSON = GOOD.lesson("mini-les")
QUESTIONS = GOOD.quizzes["mini-les"].questions


def screen_text(app: TrainerApp | ParticipantApp) -> str:
    """All text of the Statics on the current screen."""
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


def text_of(app: TrainerApp | ParticipantApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def join(pilot: Pilot, code: str, name: str = "") -> None:
    """Type the code (unless prefilled) and a name, as a participant does."""
    app = pilot.app
    assert isinstance(app.screen, JoinScreen)
    if not app.screen.code:
        await pilot.press(*code, "enter")
    if name:
        await pilot.press(*name)
    await pilot.press("enter")
    await pilot.pause()


async def follow(*pilots: Pilot) -> None:
    """Let every participant read the trainer's position now (the timer also does this).

    The call runs on each app's own message loop, as the timer's call would.
    """
    for pilot in pilots:
        pilot.app.call_later(pilot.app.follow)  # type: ignore[attr-defined]
    for pilot in pilots:
        await pilot.pause()
        await pilot.pause()


async def wait_for(check, timeout: float = 5.0) -> float:  # type: ignore[no-untyped-def]
    """Wait until `check()` is true; return the seconds it took."""
    start = time.perf_counter()
    while not check():
        if time.perf_counter() - start > timeout:
            raise AssertionError("timed out")
        await asyncio.sleep(0.02)
    return time.perf_counter() - start


async def test_a_whole_group_session(tmp_path: Path) -> None:
    db = tmp_path / "groups.sqlite3"
    summary = tmp_path / "samenvatting.md"
    trainer = TrainerApp(
        content=GOOD,
        lesson_id="mini-les",
        store=SQLiteGroupStore(db),
        summary_path=summary,
        address="http://127.0.0.1:8000",
    )
    apps = [ParticipantApp(content=GOOD, store=SQLiteGroupStore(db)) for _ in range(2)]
    code_holder: list[str] = []

    async with trainer.run_test(size=(120, 35)) as pt:
        code = trainer.session.code  # type: ignore[union-attr]
        code_holder.append(code)
        assert f"Code {code}" in text_of(trainer, "#counter")
        assert "http://127.0.0.1:8000" in screen_text(trainer)
        apps.append(ParticipantApp(code=code, content=GOOD, store=SQLiteGroupStore(db)))
        async with (
            apps[0].run_test(size=(80, 24)) as p1,
            apps[1].run_test(size=(80, 24)) as p2,
            apps[2].run_test(size=(80, 24)) as p3,
        ):
            participants = (p1, p2, p3)
            await join(p1, code, "Anna")
            await join(p2, code)
            await join(p3, code, "Bob")  # --code given: only the name is asked
            for pilot in participants:
                assert isinstance(pilot.app.screen, ParticipantWaitScreen)
            assert "Hallo Anna!" in screen_text(apps[0])
            trainer.call_later(trainer.poll)
            await pt.pause()
            assert trainer.present == 3

            # Following: the trainer moves, every participant shows the same step.
            await pt.press("right")
            assert isinstance(trainer.screen, TrainerStepScreen)
            note = LESSON.steps[0].trainer_note
            assert note is not None and note in text_of(trainer, "#note")
            await follow(*participants)
            for app in apps:
                assert isinstance(app.screen, ParticipantStepScreen)
                assert text_of(app, "#counter").endswith(f"Stap 1 van {len(LESSON.steps)}")
                assert note not in screen_text(app), "participants never see trainer notes"
                assert "113" in text_of(app, "#safety")
            assert "Anna" in text_of(apps[0], "#counter")
            assert "Anna" not in screen_text(trainer)
            await pt.press("n")
            assert not trainer.screen.query_one("#note-panel").display
            await pt.press("n")

            await pt.press("right", "right")
            assert isinstance(trainer.screen, TrainerQuestionScreen)
            await follow(*participants)
            screens = [app.screen for app in apps]
            assert all(isinstance(s, ParticipantQuestionScreen) for s in screens)
            assert "Antwoorden: 0" in text_of(trainer, "#answers-live")

            # Live count through the trainer's own timer, within a second.
            right_keys = answer_keys(screens[0].view, right=True)  # type: ignore[attr-defined]
            wrong_keys = answer_keys(screens[1].view, right=False)  # type: ignore[attr-defined]
            await p1.press(*right_keys)
            # Timings are measured by bench/group_answers.py; here only that it shows up.
            await wait_for(lambda: "Antwoorden: 1" in text_of(trainer, "#answers-live"))
            await p2.press(*wrong_keys)
            await p3.press(*right_keys)
            # Change of answer before the reveal: counted once, as the new answer.
            await p3.press(*wrong_keys)
            await wait_for(lambda: "Antwoorden: 3" in text_of(trainer, "#answers-live"))
            assert gs.PARTICIPANT_HINT_SENT.split(".")[0] in text_of(apps[2], "#answer-status")
            for app in apps:  # nobody sees what others answered
                assert "Antwoorden" not in screen_text(app)

            # "Bespreek": the tally, without the right answer.
            await pt.press("b")
            chart = trainer.screen.query_one(BarChart)
            assert chart.display
            assert [bar.count for bar in chart.groups[0].bars] == [1, 2] or [
                bar.count for bar in chart.groups[0].bars
            ] == [2, 1]
            assert all(bar.correct is None for bar in chart.groups[0].bars)
            assert not trainer.screen.query_one("#answer-key").display

            # Reveal: chart marks the right answer; participants see right or wrong, and why.
            await pt.press("r")
            assert any(bar.correct for bar in chart.groups[0].bars)
            assert trainer.screen.query_one("#answer-key").display
            await follow(*participants)
            assert "Goed!" in text_of(apps[0], "#feedback")
            assert "Niet goed." in text_of(apps[1], "#feedback")
            assert "Niet goed." in text_of(apps[2], "#feedback")
            assert "Uit het artikel:" in text_of(apps[0], "#feedback")
            # After the reveal an answer cannot change any more.
            await p3.press(*right_keys)
            assert trainer.session.store.tally(code, 0).get("[0]") == 1  # type: ignore[union-attr]
            app3 = apps[2]
            try:
                app3.store.answer(code, app3.token, 0, "[0]")
                raise AssertionError("answer accepted after reveal")
            except AnswerClosed:
                pass

            # A question answered only by show of hands (true/false).
            while trainer.session.question.type != "true_false":  # type: ignore[union-attr]
                await pt.press("right")
            await pt.press("1", "2", "2", "2", "x")
            assert "Antwoorden: 3 (waarvan 3 handen)" in text_of(trainer, "#answers-live")
            await pt.press("r")

            # The open questions, with discussion prompts for the trainer.
            while not isinstance(trainer.screen, TrainerUnknownScreen):
                await pt.press("right")
            assert gs.DISCUSSION_PROMPTS[0] in screen_text(trainer)
            await follow(*participants)
            for app in apps:
                assert isinstance(app.screen, ParticipantUnknownScreen)
                assert LESSON.unknowns[0].question in screen_text(app)
                assert gs.DISCUSSION_PROMPTS[0] not in screen_text(app)

            # The summary: a table on screen and Markdown without names.
            while not isinstance(trainer.screen, TrainerSummaryScreen):
                await pt.press("right")
            table = trainer.screen.query_one("#summary-table", Static).content
            assert isinstance(table, Table)
            assert [column.header for column in table.columns] == list(gs.SUMMARY_COLUMNS)
            assert table.row_count == len(QUESTIONS)
            text = summary.read_text(encoding="utf-8")
            first = text.splitlines()[8]
            assert first.startswith(f"| 1. {QUESTIONS[0].prompt} | 3 | 1 | Op serotonine (2) |")
            true_false = next(line for line in text.splitlines() if "werkt pas na weken" in line)
            assert "| 3 | 2 | Waar (1) |" in true_false
            for name in ("Anna", "Bob"):
                assert name not in text
            await follow(*participants)
            assert isinstance(apps[0].screen, ParticipantEndScreen)
            assert f"1 van {len(QUESTIONS)}" in text_of(apps[0], "#end-score")

            # The trainer stops (q twice): the session is over for everyone.
            await pt.press("q", "q")
            await pt.pause()
            assert trainer.session.store.position(code).ended  # type: ignore[union-attr]


async def test_participant_gets_clear_dutch_messages(tmp_path: Path) -> None:
    db = tmp_path / "groups.sqlite3"
    store = SQLiteGroupStore(db)
    code = store.create_session("mini-les")
    ended = store.create_session("mini-les")
    store.end_session(ended)
    unknown = next(c for c in ("111111", "222222", "333333") if c not in (code, ended))
    other = store.create_session("niet-bestaande-les")
    app = ParticipantApp(content=GOOD, store=SQLiteGroupStore(db))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, JoinScreen)
        await pilot.click("#join")  # the button works too
        assert text_of(app, "#join-error") == gs.JOIN_BAD_CODE
        for typed, message in (
            ("123", gs.JOIN_BAD_CODE),
            (unknown, gs.JOIN_UNKNOWN.format(code=unknown)),
            (ended, gs.JOIN_ENDED.format(code=ended)),
            (other, gs.JOIN_NO_LESSON),
        ):
            screen.query_one("#join-code").value = typed  # type: ignore[attr-defined]
            screen.query_one("#join-name").focus()
            await pilot.press("enter")
            assert text_of(app, "#join-error") == message
            assert isinstance(app.screen, JoinScreen)
        assert "113" in text_of(app, "#safety")


async def test_participant_sees_when_the_trainer_stops(tmp_path: Path) -> None:
    db = tmp_path / "groups.sqlite3"
    store = SQLiteGroupStore(db)
    code = store.create_session("mini-les")
    app = ParticipantApp(code=code, content=GOOD, store=SQLiteGroupStore(db), poll_seconds=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await join(pilot, code)
        assert isinstance(app.screen, ParticipantWaitScreen)
        store.end_session(code)
        await wait_for(lambda: isinstance(app.screen, ParticipantEndScreen))
        assert gs.END_ENDED in screen_text(app)


async def test_participant_answers_with_a_click(tmp_path: Path) -> None:
    db = tmp_path / "groups.sqlite3"
    store = SQLiteGroupStore(db)
    session = TrainerSession(store, LESSON, QUESTIONS)
    app = ParticipantApp(code=session.code, content=GOOD, store=SQLiteGroupStore(db))
    async with app.run_test(size=(80, 24)) as pilot:
        await join(pilot, session.code)
        while not (session.kind == "question" and session.question.type == "multiple"):  # type: ignore[union-attr]
            session.next()
        await follow(pilot)
        screen = app.screen
        assert isinstance(screen, ParticipantQuestionScreen)
        assert gs.PARTICIPANT_MULTIPLE_HINT in screen_text(app)
        await pilot.click(PickRow, offset=(4, 0))
        await wait_for(lambda: store.answer_count(session.code, session.index) == 1)
        await pilot.press("left")  # undoing the only pick takes the answer back
        assert store.answer_count(session.code, session.index) == 0


async def test_trainer_keeps_running_when_the_session_is_gone(tmp_path: Path) -> None:
    store = SQLiteGroupStore(tmp_path / "groups.sqlite3")
    trainer = TrainerApp(content=GOOD, lesson_id="mini-les", store=store)
    async with trainer.run_test(size=(120, 35)) as pilot:
        before = trainer.screen
        store.end_session(trainer.session.code)  # type: ignore[union-attr]
        await pilot.press("right")
        assert trainer.screen is before and trainer.is_running
