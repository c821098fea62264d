"""Self-study that remembers: the progress store and the app's use of it."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Static

from conftest import GOOD_ROOT, PROJECT
from pilot_helpers import answer_current, top_bar
from tutor.core.content.loader import load_content
from tutor.core.leitner import review_queue
from tutor.core.text import common as strings
from tutor.selfstudy.app import TutorApp
from tutor.selfstudy.screens.resume import ResumeDialog
from tutor.store.db import StoreUnavailable
from tutor.store.progress import FILE_NAME, open_progress, open_progress_for_app
from tutor.ui.screens.home import HomeScreen, LessonItem
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.screens.question import QuestionScreen
from tutor.ui.screens.unknowns import UnknownsScreen

GOOD = load_content(GOOD_ROOT)


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 2, 10, 0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, days: int) -> None:
        self.now += timedelta(days=days)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock):  # type: ignore[no-untyped-def]
    store = open_progress(tmp_path, clock)
    yield store
    store.close()


def test_steps_and_best_score_are_kept(store) -> None:  # type: ignore[no-untyped-def]
    store.reach_step("mini-les", 1, 2)
    assert store.progress("mini-les").step == 1
    store.finish_quiz("mini-les", 5, 8)
    store.finish_quiz("mini-les", 4, 8)  # worse: the best stays
    saved = store.progress("mini-les")
    assert (saved.finished, saved.best_right, saved.best_total) == (True, 5, 8)
    assert saved.best_on.isoformat() == "2026-11-02"


def test_leitner_boxes_follow_answers_and_days(store, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    store.record_answer("mini-les", "waarop", correct=True)
    assert store.review_items() == []  # never wrong: not in the review
    store.record_answer("mini-les", "waarop", correct=False)
    (item,) = store.review_items()
    assert (item.box, item.due.isoformat()) == (1, "2026-11-02")  # box 1: again today
    store.record_answer("mini-les", "waarop", correct=True)
    (item,) = store.review_items()
    assert (item.box, item.due.isoformat()) == (2, "2026-11-03")  # box 2: one day
    assert review_queue(store.review_items(), clock().date()) == []
    clock.advance(1)
    assert len(review_queue(store.review_items(), clock().date())) == 1
    store.record_answer("mini-les", "waarop", correct=True)  # box 3: three days
    assert store.review_items()[0].due.isoformat() == "2026-11-06"
    store.record_answer("mini-les", "waarop", correct=True)  # box 4: seven days
    assert store.review_items()[0].box == 4
    store.record_answer("mini-les", "waarop", correct=True)  # mastered: leaves the review
    assert store.review_items() == []


def test_confidently_wrong_answers_come_first(store, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    store.record_answer("mini-les", "waarop", correct=False, confidence="gok")
    store.record_answer("mini-les", "snel", correct=False, confidence="zeker")
    store.record_answer("mini-les", "keten", correct=False)
    queue = review_queue(store.review_items(), clock().date())
    assert queue[0].question_id == "snel"


def test_saved_questions_once_each(store) -> None:  # type: ignore[no-untyped-def]
    store.save_question("mini-les", "unknown", "Werkt het bij mensen net zo?")
    store.save_question("mini-les", "unknown", "Werkt het bij mensen net zo?")
    store.save_question("mini-les", "provider", "Welke ervaring heeft u?")
    assert [s.text for s in store.saved_questions()] == [
        "Werkt het bij mensen net zo?",
        "Welke ervaring heeft u?",
    ]
    store.forget_question("mini-les", "provider", "Welke ervaring heeft u?")
    assert len(store.saved_questions()) == 1


def test_a_corrupt_database_is_moved_aside_and_the_user_told(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_bytes(b"dit is geen database" * 100)
    opened = open_progress_for_app(tmp_path)
    assert opened.store is not None
    assert opened.notice and "beschadigd" in opened.notice
    assert list(tmp_path.glob(f"{FILE_NAME}.kapot-*"))
    opened.store.reach_step("mini-les", 1, 2)
    assert opened.store.progress("mini-les").step == 1


def test_a_read_only_folder_means_no_saving_and_a_notice(tmp_path: Path) -> None:
    """As root a mode of 0o555 does not stop writing, so then the folder is made immutable."""
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    as_root = os.geteuid() == 0
    if as_root:
        subprocess.run(["chattr", "+i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
    try:
        opened = open_progress_for_app(folder)
        assert opened.store is not None and not opened.store.persistent  # memory only
        assert opened.notice and "niet bewaard" in opened.notice
        assert list(folder.iterdir()) == []
    finally:
        if as_root:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        else:
            folder.chmod(0o755)


def test_an_unwritable_data_folder_means_no_saving_and_a_notice(tmp_path: Path) -> None:
    blocker = tmp_path / "geen-map"
    blocker.write_text("een bestand waar een map moet staan")
    with pytest.raises(StoreUnavailable):
        open_progress(blocker / "data")
    opened = open_progress_for_app(blocker / "data")
    assert opened.store is not None and not opened.store.persistent  # memory only
    assert opened.notice and "niet bewaard" in opened.notice
    assert f"{blocker} is een bestand, geen map" in opened.notice


async def test_app_without_store_runs_and_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "geen-map"
    blocker.write_text("x")
    opened = open_progress_for_app(blocker / "data")
    app = TutorApp(content=GOOD, progress=opened.store, notice=opened.notice)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "niet bewaard" in str(app.screen.query_one("#notice", Static).render())
        await pilot.press("1", "right")
        assert isinstance(app.screen, LessonScreen)


async def test_resume_where_you_were_or_start_again(store) -> None:  # type: ignore[no-untyped-def]
    store.reach_step("mini-les", 1, 2)
    app = TutorApp(content=GOOD, progress=store, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        home_text = " ".join(str(item.render()) for item in app.screen.query(LessonItem))
        assert "Bezig: stap 2 van 2" in home_text
        await pilot.press("1")
        assert isinstance(app.screen, ResumeDialog)
        await pilot.press("enter")
        assert isinstance(app.screen, LessonScreen) and app.screen.step_index == 1
        await pilot.press("escape", "1")
        assert isinstance(app.screen, ResumeDialog)
        await pilot.click("#restart")
        assert isinstance(app.screen, LessonScreen) and app.screen.step_index == 0
        assert store.progress("mini-les").step == 0


async def test_answers_are_stored_at_once_and_home_shows_done(store) -> None:  # type: ignore[no-untyped-def]
    app = TutorApp(content=GOOD, progress=store, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "right", "right")
        for index in range(8):
            await answer_current(pilot, right=index != 0)
            assert store.answer_count("mini-les") == index + 1  # committed before going on
            await pilot.press("enter")
        assert isinstance(app.screen, UnknownsScreen)
        await pilot.press("enter", "escape")
        assert isinstance(app.screen, HomeScreen)
        status = " ".join(str(item.render()) for item in app.screen.query(LessonItem))
        assert "Klaar: beste score 7 van 8 (02-11-2026)" in status
        assert "Herhalen: 1 vraag om" in str(app.screen.query_one("#review-due", Static).render())


async def test_review_asks_due_questions_and_moves_them_up(store, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    store.record_answer("mini-les", "snel", correct=False, confidence="zeker")
    store.record_answer("mini-les", "waarop", correct=False)
    app = TutorApp(content=GOOD, progress=store, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        assert isinstance(app.screen, QuestionScreen)
        assert strings.REVIEW_SESSION_TITLE in top_bar(app).title
        assert app.screen.run.current.id == "snel"  # confidently wrong first
        await answer_current(pilot, right=True)
        await pilot.press("enter")
        await answer_current(pilot, right=True)
        await pilot.press("enter")
        assert str(app.screen.query_one("#score", Static).render()) == "2 van 2 goed"
    assert {item.box for item in store.review_items()} == {2}
    assert review_queue(store.review_items(), clock().date()) == []


async def test_confidence_is_stored_with_the_answer(store) -> None:  # type: ignore[no-untyped-def]
    app = TutorApp(content=GOOD, progress=store, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "right", "right", "z")
        await answer_current(pilot, right=False)
    (item,) = store.review_items()
    assert item.confident_wrong


async def test_open_questions_can_be_saved_for_the_doctor(store) -> None:  # type: ignore[no-untyped-def]
    app = TutorApp(content=GOOD, progress=store, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        lesson = GOOD.lesson("mini-les")
        from tutor.core.quiz import QuizRun

        app.open_lesson("mini-les")
        await pilot.pause()
        app.after_question(lesson, QuizRun([]))
        await pilot.pause()
        assert isinstance(app.screen, UnknownsScreen)
        await pilot.press("2")
        await pilot.click(".unknown")  # the first one, by mouse
        texts = [s.text for s in store.saved_questions()]
        assert texts == [lesson.unknowns[1].question, lesson.unknowns[0].question]
        await pilot.press("2")
        assert [s.text for s in store.saved_questions()] == [lesson.unknowns[0].question]


def test_tutor_progress_prints_the_same_status_as_the_home_screen(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tutor.cli import main

    store = open_progress()  # the data folder of this test (TUTOR_DATA_DIR)
    store.reach_step("mini-les", 1, 2)
    store.record_answer("mini-les", "waarop", correct=False)
    store.close()
    assert main(["progress", "--content", str(GOOD_ROOT)]) == 0
    out = capsys.readouterr().out
    assert "Een kleine les" in out and "Bezig: stap 2 van 2" in out
    assert "Herhalen: 1 vraag om te oefenen" in out


async def test_home_shows_new_progress_and_keeps_the_chosen_lesson(store) -> None:  # type: ignore[no-untyped-def]
    shipped = load_content(PROJECT)
    ids = [lesson.id for lesson in shipped.lessons]
    app = TutorApp(content=shipped, progress=store, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "enter", "right")
        assert isinstance(app.screen, LessonScreen) and app.screen.lesson.id == ids[2]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        focused = app.focused
        assert isinstance(focused, LessonItem) and focused.lesson_id == ids[2]
        assert "Bezig: stap 2 van" in str(focused.render())  # recomposed with the new progress
