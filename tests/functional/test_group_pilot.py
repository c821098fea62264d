"""Layer 2 for group sessions: a trainer, the participants' server and participant apps.

The trainer writes to a temporary SQLite store (as `tutor trainer` does); the real
aiohttp server runs in the test's event loop with a Hub following that store, and
every participant app talks to it over loopback HTTP, as `tutor join --url` does.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from rich.table import Table
from textual.pilot import Pilot
from textual.widgets import Static

from conftest import GOOD_ROOT, SNAPSHOT_ROOT
from group_server import served
from pilot_helpers import answer_keys, click_row, top_bar
from tutor.core.content.loader import load_content
from tutor.core.text import group as gs
from tutor.group.participant.app import ParticipantApp
from tutor.group.participant.client import ParticipantClient, ServerRefused
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
from tutor.group.web.hub import AWAY_AFTER
from tutor.store.group import SQLiteGroupStore
from tutor.ui.widgets.barchart import BarChart
from tutor.ui.widgets.feedback import FeedbackPanel
from tutor.ui.widgets.pickrow import PickList

GOOD = load_content(GOOD_ROOT)
LESSON = GOOD.lesson("mini-les")
QUESTIONS = GOOD.quizzes["mini-les"].questions


def participant(url: str, code: str | None = None) -> ParticipantApp:
    """A participant app for `url`, reconnecting quickly (tests do not wait seconds)."""
    client = ParticipantClient(url, first_retry=0.05, last_retry=0.3)
    return ParticipantApp(url=url, code=code, content=GOOD, client=client)


def screen_text(app: TrainerApp | ParticipantApp) -> str:
    """All text of the Statics on the current screen."""
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


def text_of(app: TrainerApp | ParticipantApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def notice(app: ParticipantApp) -> str:
    """What the line under the top bar says about the connection ("" when hidden)."""
    found = app.screen.query("#connection-notice").results(Static)
    return next((str(w.render()) for w in found if w.display), "")


async def wait_for(check, timeout: float = 5.0) -> float:  # type: ignore[no-untyped-def]
    """Wait until `check()` is true; return the seconds it took."""
    start = time.perf_counter()
    while not check():
        if time.perf_counter() - start > timeout:
            raise AssertionError("timed out")
        await asyncio.sleep(0.02)
    return time.perf_counter() - start


async def join(pilot: Pilot, code: str, name: str = "") -> None:
    """Type the code (unless prefilled) and a name, as a participant does; wait until in."""
    app = pilot.app
    assert isinstance(app.screen, JoinScreen)
    if not app.screen.code:
        await pilot.press(*code, "enter")
    if name:
        await pilot.press(*name)
    await pilot.press("enter")
    await wait_for(lambda: not isinstance(app.screen, JoinScreen))


async def on(screen_type: type, *apps: ParticipantApp, index: int | None = None) -> None:
    """Wait until every app shows a screen of `screen_type` (at `index`, if given)."""

    def there(app: ParticipantApp) -> bool:
        screen = app.screen
        if not isinstance(screen, screen_type) or not screen.query("#connection-notice"):
            return False  # the notice line is mounted last: the screen is ready
        return index is None or screen.position.index == index  # type: ignore[attr-defined]

    await wait_for(lambda: all(there(app) for app in apps))


def trainer_session(db: Path) -> tuple[SQLiteGroupStore, TrainerSession]:
    """A session as `tutor trainer` opens it; its program says it is there."""
    store = SQLiteGroupStore(db)
    session = TrainerSession(store, LESSON, QUESTIONS)
    store.touch_trainer(session.code)
    return store, session


def go_to(session: TrainerSession, kind: str, question_type: str | None = None) -> None:
    while not (
        session.kind == kind and (question_type is None or session.question.type == question_type)  # type: ignore[union-attr]
    ):
        assert session.next()


async def test_a_whole_group_session(tmp_path: Path) -> None:
    db = tmp_path / "groups.sqlite3"
    summary = tmp_path / "samenvatting.md"
    store = SQLiteGroupStore(db)
    trainer = TrainerApp(
        content=GOOD,
        lesson_id="mini-les",
        store=store,
        summary_path=summary,
        address="http://127.0.0.1:8000",
    )

    async with trainer.run_test(size=(120, 35)) as pt:
        code = trainer.session.code  # type: ignore[union-attr]
        store.touch_trainer(code)
        assert f"Code {code}" in top_bar(trainer).counter
        assert "http://127.0.0.1:8000" in screen_text(trainer)
        async with served(db, LESSON, QUESTIONS, code) as server:
            apps = [participant(server.url), participant(server.url), participant(server.url, code)]
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
                await wait_for(lambda: store.connected_count(code) == 3)
                trainer.call_later(trainer.poll)
                await pt.pause()
                assert trainer.present == 3

                # Following: the trainer moves, every participant shows the same step.
                await pt.press("right")
                assert isinstance(trainer.screen, TrainerStepScreen)
                note = LESSON.steps[0].trainer_note
                assert note is not None and note in text_of(trainer, "#note")
                await on(ParticipantStepScreen, *apps, index=0)
                for app in apps:
                    assert top_bar(app).counter.endswith(f"Stap 1 van {len(LESSON.steps)}")
                    assert note not in screen_text(app), "participants never see trainer notes"
                    assert "113" in text_of(app, "#safety")
                    assert notice(app) == ""
                assert "Anna" in top_bar(apps[0]).counter
                assert "Anna" not in screen_text(trainer)
                await pt.press("n")
                assert not trainer.screen.query_one("#note-panel").display
                await pt.press("n")

                await pt.press("right", "right")
                assert isinstance(trainer.screen, TrainerQuestionScreen)
                await on(ParticipantQuestionScreen, *apps, index=0)
                screens = [app.screen for app in apps]
                assert "Antwoorden: 0" in text_of(trainer, "#answers-live")

                # Live count through the trainer's own timer.
                right_keys = answer_keys(screens[0].view, right=True)  # type: ignore[attr-defined]
                wrong_keys = answer_keys(screens[1].view, right=False)  # type: ignore[attr-defined]
                await p1.press(*right_keys)
                await wait_for(lambda: "Antwoorden: 1" in text_of(trainer, "#answers-live"))
                await p2.press(*wrong_keys)
                await p3.press(*right_keys)
                # Change of answer before the reveal: counted once, as the new answer.
                await p3.press(*wrong_keys)
                await wait_for(lambda: "Antwoorden: 3" in text_of(trainer, "#answers-live"))
                await wait_for(lambda: store.tally(code, 0) == {"[0]": 1, "[1]": 2})
                sent = gs.PARTICIPANT_HINT_SENT.split(".")[0]
                await wait_for(lambda: sent in text_of(apps[2], "#answer-status"))
                for app in apps:  # nobody sees what others answered
                    assert "Antwoorden" not in screen_text(app)

                # "Bespreek": the tally, without the right answer.
                await pt.press("b")
                chart = trainer.screen.query_one(BarChart)
                assert chart.display
                assert sorted(bar.count for bar in chart.groups[0].bars) == [1, 2]
                assert all(bar.correct is None for bar in chart.groups[0].bars)
                assert not trainer.screen.query_one("#answer-key").display

                # Reveal: participants see right or wrong, and why.
                await pt.press("r")
                assert any(bar.correct for bar in chart.groups[0].bars)
                assert trainer.screen.query_one("#answer-key").display
                await wait_for(lambda: all(app.screen.revealed for app in apps))  # type: ignore[attr-defined]
                assert "Goed!" in text_of(apps[0], "#feedback")
                assert "Niet goed." in text_of(apps[1], "#feedback")
                assert "Niet goed." in text_of(apps[2], "#feedback")
                assert "Uit het artikel:" in text_of(apps[0], "#feedback")
                # The answer each one sent was drawn ahead (p3's changed one, not its first).
                await wait_for(
                    lambda: all(app.screen.query_one(FeedbackPanel).drawn_ahead for app in apps)
                )
                # After the reveal an answer cannot change any more, not even over HTTP.
                await p3.press(*right_keys)
                try:
                    await apps[2].client.answer(0, [0])
                    raise AssertionError("answer accepted after reveal")
                except ServerRefused as refused:
                    assert refused.reason == "too_late"
                    assert refused.message == gs.PARTICIPANT_TOO_LATE
                assert store.tally(code, 0).get("[0]") == 1

                # A question answered only by show of hands (true/false).
                while trainer.session.question.type != "true_false":  # type: ignore[union-attr]
                    await pt.press("right")
                await pt.press("1", "2", "2", "2", "x")
                assert "Antwoorden: 3 (waarvan 3 handen)" in text_of(trainer, "#answers-live")
                await pt.press("r")

                # The open questions, with discussion prompts for the trainer only.
                while not isinstance(trainer.screen, TrainerUnknownScreen):
                    await pt.press("right")
                assert gs.DISCUSSION_PROMPTS[0] in screen_text(trainer)
                await on(ParticipantUnknownScreen, *apps, index=0)
                for app in apps:
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
                true_false = next(
                    line for line in text.splitlines() if "werkt pas na weken" in line
                )
                assert "| 3 | 2 | Waar (1) |" in true_false
                for name in ("Anna", "Bob"):
                    assert name not in text
                await on(ParticipantEndScreen, *apps)
                assert f"1 van {len(QUESTIONS)}" in text_of(apps[0], "#end-score")

                # The trainer stops (q twice): the session is over for everyone.
                await pt.press("q", "q")
                await pt.pause()
                assert store.position(code).ended
                await wait_for(lambda: gs.END_ENDED in screen_text(apps[1]))


async def test_participant_gets_clear_dutch_messages(tmp_path: Path) -> None:
    db = tmp_path / "groups.sqlite3"
    store, session = trainer_session(db)
    code = session.code
    unknown = next(c for c in ("111111", "222222", "333333") if c != code)
    async with served(db, LESSON, QUESTIONS, code) as server:
        app = participant(server.url)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            assert isinstance(screen, JoinScreen)
            assert server.url in text_of(app, "#join-address"), "says which address it joins"
            await pilot.click("#join")  # the button works too
            assert text_of(app, "#join-error") == gs.JOIN_BAD_CODE
            for typed, message in (
                ("123", gs.JOIN_BAD_CODE),
                (unknown, gs.JOIN_UNKNOWN.format(code=unknown)),  # the server's message
            ):
                screen.query_one("#join-code").value = typed  # type: ignore[attr-defined]
                screen.query_one("#join-name").focus()
                await pilot.press("enter")
                await wait_for(lambda m=message: text_of(app, "#join-error") == m)  # type: ignore[misc]
                assert isinstance(app.screen, JoinScreen)
            assert "113" in text_of(app, "#safety")

        # A lesson this computer does not have: said plainly, nothing shown of it.
        elsewhere = ParticipantApp(url=server.url, code=code, content=load_content(SNAPSHOT_ROOT))
        async with elsewhere.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")
            await wait_for(lambda: text_of(elsewhere, "#join-error") == gs.JOIN_NO_LESSON)

        store.end_session(code)
        await wait_for(lambda: server.hub is not None and server.hub.ended)
        late = participant(server.url, code)
        async with late.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")
            ended = gs.JOIN_ENDED.format(code=code)
            await wait_for(lambda: text_of(late, "#join-error") == ended)

    nobody = participant(server.url, code)  # the server has stopped
    async with nobody.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        there = gs.JOIN_NO_SERVER.format(url=server.url)
        await wait_for(lambda: text_of(nobody, "#join-error") == there)


async def test_participant_comes_back_after_a_server_restart(tmp_path: Path) -> None:
    db = tmp_path / "groups.sqlite3"
    store, session = trainer_session(db)
    code = session.code
    async with served(db, LESSON, QUESTIONS, code) as server:
        app = participant(server.url, code)
        async with app.run_test(size=(80, 24)) as pilot:
            await join(pilot, code)
            go_to(session, "question", "single")
            await on(ParticipantQuestionScreen, app, index=session.index)
            screen = app.screen
            assert isinstance(screen, ParticipantQuestionScreen)
            keys = answer_keys(screen.view, right=True)

            # The server goes away: the participant is told, and may still answer.
            await server.stop()
            await wait_for(lambda: notice(app) == gs.CONNECTION_LOST)
            await pilot.press(*keys)
            await asyncio.sleep(0.2)
            assert store.answer_count(code, session.index) == 0

            # Same address, a new server process: the answer arrives, the slot is kept.
            await server.start()
            await wait_for(lambda: store.answer_count(code, session.index) == 1)
            await wait_for(lambda: notice(app) == "")
            assert server.hub is not None
            await wait_for(lambda: server.hub.connected == 1)  # type: ignore[union-attr]
            assert store.present_count(code) == 1, "one participant, one slot"

            # Down again while the trainer reveals: back on the revealed question, with
            # the earlier answer (the server's copy) and its verdict.
            await server.stop()
            await wait_for(lambda: notice(app) == gs.CONNECTION_LOST)
            session.reveal()
            await server.start()
            await wait_for(lambda: app.screen.revealed)  # type: ignore[attr-defined]
            assert app.screen is screen
            assert "Goed!" in text_of(app, "#feedback")
            assert notice(app) == ""

            # Down while the trainer moves on: the participant lands where the trainer is.
            await server.stop()
            session.next()
            await server.start()
            await on(ParticipantQuestionScreen, app, index=session.index)
            assert store.present_count(code) == 1
            assert server.hub.connected == 1  # type: ignore[union-attr]

            # And back to the answered question: the answer is still there.
            session.previous()
            await on(ParticipantQuestionScreen, app, index=session.index)
            again = app.screen
            assert isinstance(again, ParticipantQuestionScreen) and again is not screen
            await wait_for(lambda: again.revealed)
            assert again.sent is not None
            assert "Goed!" in text_of(app, "#feedback")


async def test_participant_sees_when_the_trainer_is_away(tmp_path: Path) -> None:
    db = tmp_path / "groups.sqlite3"
    store, session = trainer_session(db)
    later = [0.0]

    def clock() -> float:
        return time.time() + later[0]

    async with served(db, LESSON, QUESTIONS, session.code, clock=clock) as server:
        app = participant(server.url, session.code)
        async with app.run_test(size=(80, 24)) as pilot:
            await join(pilot, session.code)
            assert notice(app) == ""
            later[0] = AWAY_AFTER + 1  # the trainer's program has not been heard of
            await wait_for(lambda: notice(app) == gs.TRAINER_AWAY)
            assert isinstance(app.screen, ParticipantWaitScreen), "still in the session"
            later[0] = 0.0
            session.next()  # back, and moving on
            await on(ParticipantStepScreen, app, index=0)
            await wait_for(lambda: notice(app) == "")


async def test_participant_sees_when_the_trainer_stops(tmp_path: Path) -> None:
    db = tmp_path / "groups.sqlite3"
    store, session = trainer_session(db)
    async with served(db, LESSON, QUESTIONS, session.code) as server:
        app = participant(server.url, session.code)
        async with app.run_test(size=(80, 24)) as pilot:
            await join(pilot, session.code)
            assert isinstance(app.screen, ParticipantWaitScreen)
            session.end()
            await on(ParticipantEndScreen, app)
            assert gs.END_ENDED in screen_text(app)


async def test_participant_answers_with_a_click(tmp_path: Path) -> None:
    db = tmp_path / "groups.sqlite3"
    store, session = trainer_session(db)
    async with served(db, LESSON, QUESTIONS, session.code) as server:
        app = participant(server.url, session.code)
        async with app.run_test(size=(80, 24)) as pilot:
            await join(pilot, session.code)
            go_to(session, "question", "multiple")
            await on(ParticipantQuestionScreen, app, index=session.index)
            assert gs.PARTICIPANT_MULTIPLE_HINT in screen_text(app)
            # Click only once the row has its place on screen (a busy machine lays out late).
            await wait_for(lambda: app.screen.query_one(PickList).row_region(1) is not None)
            await pilot.pause()
            await click_row(pilot, 1, x=4)
            await wait_for(lambda: store.answer_count(session.code, session.index) == 1)
            await pilot.press("left")  # undoing the only pick takes the answer back
            await wait_for(lambda: store.answer_count(session.code, session.index) == 0)


async def test_trainer_keeps_running_when_the_session_is_gone(tmp_path: Path) -> None:
    store = SQLiteGroupStore(tmp_path / "groups.sqlite3")
    trainer = TrainerApp(content=GOOD, lesson_id="mini-les", store=store)
    async with trainer.run_test(size=(120, 35)) as pilot:
        before = trainer.screen
        store.end_session(trainer.session.code)  # type: ignore[union-attr]
        await pilot.press("right")
        assert trainer.screen is before and trainer.is_running
