"""The trainer's lobby (QR code, address, code, who is connected) and resuming a session."""

from __future__ import annotations

import os
import time
from pathlib import Path

from textual.widgets import Static

from conftest import GOOD_ROOT
from pilot_helpers import top_bar
from tutor.core.content.loader import load_content
from tutor.core.text import group as gs
from tutor.group.trainer.app import TrainerApp
from tutor.group.trainer.screens.lobby import TrainerLobbyScreen
from tutor.group.trainer.screens.resume import ResumeSessionDialog
from tutor.group.trainer.screens.step import TrainerStepScreen
from tutor.store.group import SQLiteGroupStore

GOOD = load_content(GOOD_ROOT)
ADDRESS = "http://10.0.0.5:8000/"


def shown(app: TrainerApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_the_lobby_shows_qr_address_code_and_who_is_connected(tmp_path: Path) -> None:
    store = SQLiteGroupStore(tmp_path / "g.sqlite3")
    app = TrainerApp(content=GOOD, lesson_id="mini-les", store=store, address=ADDRESS)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TrainerLobbyScreen)
        assert app.session is not None
        code = app.session.code
        assert app.join_link == f"{ADDRESS}?code={code}"
        qr = app.screen.query_one("#lobby-qr", Static)
        assert qr.display and qr.region.height >= 17
        # The whole QR code is on the projector, not cut by the screen or the note panel.
        assert qr.region.right <= app.screen.query_one("#body").region.right
        assert qr.region.bottom <= 35
        assert ADDRESS in shown(app, "#lobby-address")
        assert gs.LOBBY_NETWORK in shown(app, "#lobby-network")
        assert f"--code {code}" in shown(app, "#lobby-terminal")
        assert shown(app, "#lobby-present") == gs.PRESENT.format(count=0)
        store.set_connected(code, 3)
        app.poll()
        await pilot.pause()
        assert shown(app, "#lobby-present") == gs.PRESENT.format(count=3)
        assert gs.PRESENT.format(count=3) in top_bar(app).counter


async def test_the_trainer_says_it_is_there(tmp_path: Path) -> None:
    store = SQLiteGroupStore(tmp_path / "g.sqlite3")
    app = TrainerApp(content=GOOD, lesson_id="mini-les", store=store, address=ADDRESS)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert app.session is not None
        seen = store.position(app.session.code).trainer_seen
        assert time.time() - seen < 5


async def test_without_a_server_the_lobby_says_so(tmp_path: Path) -> None:
    store = SQLiteGroupStore(tmp_path / "g.sqlite3")
    app = TrainerApp(content=GOOD, lesson_id="mini-les", store=store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#lobby-qr", Static).display
        assert shown(app, "#lobby-address") == gs.LOBBY_NO_SERVER


async def test_a_session_left_open_is_continued_with_its_code_place_and_reveals(
    tmp_path: Path,
) -> None:
    store = SQLiteGroupStore(tmp_path / "g.sqlite3")
    first = TrainerApp(content=GOOD, lesson_id="mini-les", store=store, address=ADDRESS)
    async with first.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert first.session is not None
        code = first.session.code
        await pilot.press("right", "right")
        await pilot.pause()
        place = (first.session.kind, first.session.index)
        token = store.join(code)
    # The program stops without ending the session (as after kill -9): no end_session().
    second = TrainerApp(content=GOOD, lesson_id="mini-les", store=store, address=ADDRESS)
    async with second.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert isinstance(second.screen, ResumeSessionDialog)
        assert code in str(second.screen.query_one("#resume").render())
        await pilot.click("#resume")
        await pilot.pause()
        assert second.session is not None
        assert second.session.code == code
        assert (second.session.kind, second.session.index) == place
        assert isinstance(second.screen, TrainerStepScreen)
        assert store.rejoin(code, token)  # the participant keeps their place


async def test_a_new_session_can_be_chosen_instead(tmp_path: Path) -> None:
    store = SQLiteGroupStore(tmp_path / "g.sqlite3")
    old = store.create_session("mini-les")
    app = TrainerApp(content=GOOD, lesson_id="mini-les", store=store, address=ADDRESS)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeSessionDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.session is not None and app.session.code != old
        assert isinstance(app.screen, TrainerLobbyScreen)


async def test_the_summary_replaces_the_file_whole_never_in_place(tmp_path: Path) -> None:
    store = SQLiteGroupStore(tmp_path / "g.sqlite3")
    summary = tmp_path / "samenvatting.md"
    summary.write_text("oude samenvatting\n", encoding="utf-8")
    other_name = tmp_path / "elders.md"
    os.link(summary, other_name)  # a second name for the same file: written in place, it changes
    app = TrainerApp(content=GOOD, lesson_id="mini-les", store=store, summary_path=summary)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        said = app.save_summary()
    assert said == gs.SUMMARY_SAVED.format(path=summary)
    assert summary.read_text(encoding="utf-8").startswith("# ")
    assert other_name.read_text(encoding="utf-8") == "oude samenvatting\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


async def test_the_trainer_steps_through_in_one_screen_and_shows_each_step_whole(
    tmp_path: Path,
) -> None:
    from tutor.ui.widgets.step_text import StepText, step_document

    store = SQLiteGroupStore(tmp_path / "g.sqlite3")
    app = TrainerApp(content=GOOD, lesson_id="mini-les", store=store, address=ADDRESS)
    lesson = GOOD.lesson("mini-les")
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        seen: list[int] = []
        for _ in range(40):
            await pilot.press("right")
            await pilot.pause()
            screen = app.screen
            if not isinstance(screen, TrainerStepScreen):
                break
            step = lesson.steps[screen.step_index]
            seen.append(screen.step_index)
            assert screen.parts.heading.title == step.title
            assert screen.query_one(StepText).document is step_document(step.text)
            assert shown(app, "#note") == (step.trainer_note or gs.NOTE_NONE)
            total = len(lesson.steps)
            assert f"Stap {screen.step_index + 1} van {total}" in top_bar(app).counter
            assert store.position(app.session.code).index == screen.step_index  # type: ignore[union-attr]
        assert sorted(set(seen)) == list(range(len(lesson.steps)))
        await pilot.press("left")  # back from the first question to the last step
        await pilot.pause()
        assert isinstance(app.screen, TrainerStepScreen)
        assert app.screen.step_index == len(lesson.steps) - 1


async def test_a_step_redraws_only_what_changed_and_who_is_there_stays_true(
    tmp_path: Path,
) -> None:
    store = SQLiteGroupStore(tmp_path / "g.sqlite3")
    app = TrainerApp(content=GOOD, lesson_id="mini-les", store=store, address=ADDRESS)
    total = len(GOOD.lesson("mini-les").steps)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("right")  # from the lobby to the first step
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TrainerStepScreen)
        assert app.session is not None
        info = screen.query_one("#join-info", Static)
        drawn = info.visual
        assert app.session.code in str(drawn) and gs.PRESENT.format(count=0) in str(drawn)
        await pilot.press("right")
        await pilot.pause()
        assert app.screen is screen and screen.step_index == 1
        assert info.visual is drawn, "the join info did not change, so it is not drawn again"
        assert f"Stap 2 van {total}" in top_bar(app).counter
        assert gs.PRESENT.format(count=0) in top_bar(app).counter
        store.set_connected(app.session.code, 4)
        app.poll()
        await pilot.pause()
        assert gs.PRESENT.format(count=4) in str(info.visual)
        assert f"Stap 2 van {total}" in top_bar(app).counter
        assert gs.PRESENT.format(count=4) in top_bar(app).counter
