"""Pilot tests of the waiting-room kiosk: no way out, idle wipe, Klaar, PIN, nothing on disk."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from conftest import GOOD_ROOT
from pilot_helpers import answer_current
from tutor.core.content.loader import load_content
from tutor.kiosk import crashlog
from tutor.kiosk.app import KioskApp
from tutor.kiosk.pin import hash_pin
from tutor.kiosk.screens.attract import AttractScreen
from tutor.kiosk.screens.idle import IdleCountdown
from tutor.kiosk.screens.lessons import KioskHelpScreen, KioskHomeScreen
from tutor.kiosk.screens.pin_pad import PinDialog
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.screens.question import QuestionScreen
from tutor.ui.screens.result import ResultScreen

GOOD = load_content(GOOD_ROOT)
PIN = "2468"
STORED = hash_pin(PIN)
ESCAPE_KEYS = ["ctrl+c", "ctrl+p", "ctrl+z", "ctrl+backslash", "ctrl+d", "q", "escape"]
QUIT_HINTS = ("Stoppen", "stoppen", "quit", "Quit", "ctrl+q", "^q", "Ctrl+Q")


class FakeClock:
    """Monotonic seconds that only move when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_app(clock: FakeClock | None = None, **options) -> KioskApp:  # type: ignore[no-untyped-def]
    options.setdefault("content", GOOD)
    options.setdefault("idle", 40)
    return KioskApp(pin=STORED, seed=7, clock=clock or FakeClock(), **options)


def stack(app: KioskApp) -> list[str]:
    return [type(screen).__name__ for screen in app.screen_stack]


def screen_text(app: KioskApp) -> str:
    """Everything on screen, as the SVG Textual would save."""
    return app.export_screenshot()


async def start_visit(pilot: Pilot) -> None:  # type: ignore[type-arg]
    await pilot.pause()
    assert isinstance(pilot.app.screen, AttractScreen)
    await pilot.press("space")
    assert isinstance(pilot.app.screen, KioskHomeScreen)


async def open_first_lesson(pilot: Pilot) -> LessonScreen:  # type: ignore[type-arg]
    await start_visit(pilot)
    await pilot.press("1")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LessonScreen)
    return screen


def toasts(app: KioskApp) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query("Toast").results(Static)]


# --- start and attract screen ---


async def test_starts_on_a_fresh_attract_screen_with_the_help_line() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert stack(app) == ["Screen", "AttractScreen"]
        text = screen_text(app)
        assert "Raak&#160;het&#160;scherm&#160;aan" in text or "Raak het scherm aan" in text
        safety = str(app.screen.query_one("#safety", Static).render())
        assert "113" in safety and "geen medisch advies" in safety


@pytest.mark.parametrize("how", ["key", "click", "button"])
async def test_any_key_or_touch_opens_the_lesson_list(how: str) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if how == "key":
            await pilot.press("x")
        elif how == "click":
            await pilot.click("#attract-lead")
        else:
            await pilot.click("#attract-start")
        await pilot.pause()
        assert stack(app) == ["Screen", "AttractScreen", "KioskHomeScreen"]
        assert app.screen.query("#kiosk-done")


# --- no way out ---


@pytest.mark.parametrize("where", ["attract", "lesson"])
async def test_escape_keys_neither_end_nor_suspend_nor_hint(where: str) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if where == "lesson":
            await open_first_lesson(pilot)
        keys = [key for key in ESCAPE_KEYS if not (where == "attract" and key == "q")]
        for key in keys:  # Esc last: it wipes the visit
            await pilot.press(key)
            await pilot.pause()
            assert app.is_running and app.return_code is None and not app.pin_accepted, key
            assert not any(isinstance(screen, PinDialog) for screen in app.screen_stack), key
            assert toasts(app) == [], key
            assert not any(hint in screen_text(app) for hint in QUIT_HINTS), key
            if where == "lesson" and key != "escape":
                assert isinstance(app.screen, LessonScreen), key
            else:
                assert stack(app) == ["Screen", "AttractScreen"], key
        if where == "attract":  # q is "any key" there: it starts a visit
            await pilot.press("q")
            assert stack(app) == ["Screen", "AttractScreen", "KioskHomeScreen"]


async def test_no_screen_shows_a_way_to_quit() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_visit(pilot)
        home = screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        lesson = screen_text(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KioskHelpScreen)
        help_text = screen_text(app)
        for text in (home, lesson, help_text):
            assert not any(hint in text for hint in QUIT_HINTS)
        for binding in app.screen.active_bindings.values():
            assert binding.binding.action not in ("quit", "app.quit") or not binding.enabled


async def test_klaar_stays_when_the_lesson_list_is_redrawn() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_visit(pilot)
        home = app.screen
        assert isinstance(home, KioskHomeScreen)
        await home.show_lessons([], [])  # as when validation in the background drops a lesson
        await pilot.pause()
        assert home.query("#kiosk-done") and not home.query("LessonItem")


async def test_escape_wipes_the_visit() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        lesson = await open_first_lesson(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert stack(app) == ["Screen", "AttractScreen"]
        assert not lesson.is_attached


# --- idle countdown and wipe ---


async def test_idle_countdown_then_wipe_leaves_no_trace() -> None:
    clock = FakeClock()
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        first_attract = app.screen
        await open_first_lesson(pilot)
        app.start_quiz(GOOD.lessons[0])
        await pilot.pause()
        question = app.screen
        assert isinstance(question, QuestionScreen)
        await answer_current(pilot, right=False)
        app.notify("een melding van de vorige bezoeker")
        clock.now += 29  # idle 40 s: the countdown is the last 10 s
        app.tick_idle()
        await pilot.pause()
        assert app.countdown is None
        clock.now += 2
        app.tick_idle()
        await pilot.pause()
        assert isinstance(app.screen, IdleCountdown)
        assert "Over 9 seconden" in str(app.screen.query_one("#idle-text", Static).render())
        clock.now += 9
        app.tick_idle()
        await pilot.pause()
        assert stack(app) == ["Screen", "AttractScreen"]
        assert app.screen is not first_attract
        assert not question.is_attached and not first_attract.is_attached
        assert toasts(app) == []
        assert app.rng.getstate() == random.Random(7).getstate()
        # The next visitor starts from a fresh list.
        await pilot.press("space")
        home = app.screen
        assert isinstance(home, KioskHomeScreen)
        assert stack(app) == ["Screen", "AttractScreen", "KioskHomeScreen"]


@pytest.mark.parametrize("how", ["button", "key", "tap"])
async def test_still_here_keeps_the_visit(how: str) -> None:
    clock = FakeClock()
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        lesson = await open_first_lesson(pilot)
        clock.now += 35
        app.tick_idle()
        await pilot.pause()
        countdown = app.screen
        assert isinstance(countdown, IdleCountdown)
        if how == "button":
            await pilot.click("#still-here")
        elif how == "key":
            await pilot.press("right")  # only says "still here": the step does not change
        else:
            await real_tap(pilot, "#still-here")
        await pilot.pause()
        assert app.screen is lesson and lesson.step_index == 0
        assert app.countdown is None and not countdown.is_attached
        clock.now += 35  # the clock started again
        app.tick_idle()
        await pilot.pause()
        assert isinstance(app.screen, IdleCountdown)


async def real_tap(pilot: Pilot, selector: str) -> None:  # type: ignore[type-arg]
    """A tap as the terminal driver delivers it (through App.on_event, unlike Pilot.click)."""
    app = pilot.app
    widget = app.screen.query_one(selector)
    x, y = widget.region.x + 1, widget.region.y + 1
    for kind in (events.MouseDown, events.MouseUp):
        app.post_message(kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y))
        await pilot.pause()


async def test_a_real_tap_counts_as_input() -> None:
    clock = FakeClock()
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_lesson(pilot)
        clock.now += 25
        await real_tap(pilot, "#step-text")
        clock.now += 25
        app.tick_idle()
        assert app.countdown is None and isinstance(app.screen, LessonScreen)


async def test_idle_timer_runs_by_itself_with_a_short_idle() -> None:
    app = KioskApp(content=GOOD, pin=STORED, seed=7, idle=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_lesson(pilot)
        seen: list[type] = []
        push_screen = app.push_screen

        def remember(screen, *args, **kwargs):  # type: ignore[no-untyped-def]
            seen.append(type(screen))  # every screen shown, however short (a busy CI samples late)
            return push_screen(screen, *args, **kwargs)

        app.push_screen = remember  # type: ignore[method-assign]
        started = time.monotonic()
        while not app.at_rest and time.monotonic() - started < 15:
            await pilot.pause(0.05)
        assert IdleCountdown in seen  # the last 0.5 s
        assert stack(app) == ["Screen", "AttractScreen"]
        assert time.monotonic() - started >= 1.4


# --- Klaar ---


@pytest.mark.parametrize("where", ["home", "lesson", "question", "result"])
async def test_klaar_wipes_at_once(where: str) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_visit(pilot)
        lesson = GOOD.lessons[0]
        if where != "home":
            await pilot.press("1")
            await pilot.pause()
        if where in ("question", "result"):
            app.start_quiz(lesson)
            await pilot.pause()
        if where == "result":
            run = app.screen.run  # type: ignore[attr-defined]
            app.finish_run(lesson, run)
            await pilot.pause()
            assert isinstance(app.screen, ResultScreen)
        await pilot.pause()
        await pilot.click("#kiosk-done")
        await pilot.pause()
        assert stack(app) == ["Screen", "AttractScreen"]


async def test_result_goes_back_to_the_list_of_the_same_visit() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_lesson(pilot)
        lesson = GOOD.lessons[0]
        app.start_quiz(lesson)
        await pilot.pause()
        run = app.screen.run  # type: ignore[attr-defined]
        await answer_current(pilot, right=True)
        app.finish_run(lesson, run)
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await pilot.click("#home-button")
        await pilot.pause()
        assert stack(app) == ["Screen", "AttractScreen", "KioskHomeScreen"]


# --- PIN ---


async def type_pin(pilot: Pilot, pin: str) -> None:  # type: ignore[type-arg]
    await pilot.press(*pin, "enter")
    await pilot.pause()


async def open_pin_dialog(pilot: Pilot) -> PinDialog:  # type: ignore[type-arg]
    """Ctrl+Q, then wait until the PIN dialog is on top and mounted (even on a busy machine)."""
    await pilot.press("ctrl+q")
    for _ in range(50):
        await pilot.pause()
        screen = pilot.app.screen
        if isinstance(screen, PinDialog) and screen.query("#pin-input"):
            return screen
    raise AssertionError(f"no PIN dialog after ctrl+q, on top: {type(pilot.app.screen).__name__}")


async def close_pin_dialog(pilot: Pilot) -> None:  # type: ignore[type-arg]
    """Esc on the PIN dialog, then wait until it is gone."""
    await pilot.press("escape")
    for _ in range(50):
        await pilot.pause()
        if not isinstance(pilot.app.screen, PinDialog):
            return
    raise AssertionError("the PIN dialog did not close on Esc")


def pin_message(app: KioskApp) -> str:
    return str(app.screen.query_one("#pin-message", Static).render())


async def test_right_pin_ends_the_kiosk_with_code_0() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_lesson(pilot)
        await open_pin_dialog(pilot)
        assert "Pincode" in screen_text(app)
        await type_pin(pilot, PIN)
    assert app.pin_accepted and app.return_code == 0


async def test_cancel_and_escape_close_the_pin_dialog() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_lesson(pilot)
        for close in ("escape", "#pin-cancel"):
            await open_pin_dialog(pilot)
            if close == "escape":
                await pilot.press("escape")
            else:
                await pilot.click(close)
            await pilot.pause()
            assert isinstance(app.screen, LessonScreen)
        assert app.is_running


async def test_three_wrong_pins_lock_the_dialog_for_60_seconds() -> None:
    clock = FakeClock()
    # Idle time longer than the lock, so the idle wipe does not close the dialog meanwhile.
    app = make_app(clock, idle=600)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_pin_dialog(pilot)
        await type_pin(pilot, "1111")
        assert "nog 2 keer" in pin_message(app)
        await type_pin(pilot, "12345678")
        assert "nog 1 keer" in pin_message(app)
        await type_pin(pilot, "0000")
        assert "over 60 seconden" in pin_message(app)
        field = app.screen.query_one("#pin-input", Input)
        assert field.disabled
        await type_pin(pilot, PIN)  # ignored while locked
        await pilot.click("#pin-ok")
        assert app.is_running and not app.pin_accepted
        # Closing and opening the dialog does not lift the lock.
        await close_pin_dialog(pilot)
        await open_pin_dialog(pilot)
        clock.now += 30
        app.screen.show_lock()  # type: ignore[attr-defined]
        assert "over 30 seconden" in pin_message(app)
        assert app.screen.query_one("#pin-input", Input).disabled
        clock.now += 31
        app.screen.show_lock()  # type: ignore[attr-defined]
        await pilot.pause()
        assert not app.screen.query_one("#pin-input", Input).disabled
        await type_pin(pilot, PIN)
    assert app.pin_accepted and app.return_code == 0


async def test_the_pin_can_be_tapped_on_the_pad_which_locks_with_the_field() -> None:
    clock = FakeClock()
    app = make_app(clock, idle=600)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dialog = await open_pin_dialog(pilot)
        for key in ("#pin-digit-1", "#pin-digit-3"):
            await pilot.click(key)
        assert dialog.pin_input.value == "13"
        await pilot.click("#pin-clear")
        assert dialog.pin_input.value == ""
        for _ in range(3):
            await type_pin(pilot, "1111")
        assert dialog.pin_input.disabled
        assert all(button.disabled for button in dialog.query("#pin-pad Button").results(Button))
        await pilot.click("#pin-digit-2")
        assert dialog.pin_input.value == ""  # a locked pad takes no digits
        clock.now += 61
        dialog.show_lock()
        await pilot.pause()
        for digit in PIN:  # no digit twice in a row: two quick taps on one key are one
            await pilot.click(f"#pin-digit-{digit}")
        assert dialog.pin_input.value == PIN
        await pilot.click("#pin-ok")
    assert app.pin_accepted and app.return_code == 0


async def test_a_pin_dialog_left_open_is_wiped_when_idle() -> None:
    clock = FakeClock()
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_lesson(pilot)
        await open_pin_dialog(pilot)
        await pilot.press("1", "2")
        clock.now += 41
        app.tick_idle()
        await pilot.pause()
        assert stack(app) == ["Screen", "AttractScreen"]
        dialog = await open_pin_dialog(pilot)
        assert dialog.pin_input.value == ""  # nothing typed before is left


# --- nothing on disk, or only anonymous counts ---


def files_in(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


async def walk_lesson(pilot: Pilot, *, right: bool, questions: int = 99) -> None:  # type: ignore[type-arg]
    """Open the lesson, step through it, answer (some of) the quiz and see the result."""
    app = pilot.app
    lesson = GOOD.lessons[0]
    await pilot.press("1")
    await pilot.pause()
    for _ in lesson.steps:
        await pilot.press("right")
    for _ in GOOD.quizzes[lesson.id].questions[:questions]:
        await answer_current(pilot, right=right)
        await pilot.press("enter")
    if questions >= len(GOOD.quizzes[lesson.id].questions):
        await pilot.press("enter")
        assert isinstance(app.screen, ResultScreen)


async def test_nothing_is_written_without_stats() -> None:
    data = Path(os.environ["TUTOR_DATA_DIR"])
    config = Path(os.environ["TUTOR_CONFIG_DIR"])
    clock = FakeClock()
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_visit(pilot)
        await walk_lesson(pilot, right=False)
        clock.now += 100
        app.tick_idle()
        await pilot.pause()
        assert stack(app) == ["Screen", "AttractScreen"]
        await open_pin_dialog(pilot)
        await type_pin(pilot, PIN)
    assert files_in(data) == [] and files_in(config) == []


async def test_a_lesson_file_that_breaks_while_running_does_not_stop_the_kiosk(
    good_copy: Path,
) -> None:
    app = KioskApp(good_copy, pin=STORED, seed=7, idle=40, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await app.content_ready.wait()
        for path in (good_copy / "lessons").iterdir():
            path.write_text("id: [kapot\n", encoding="utf-8")
        (good_copy / "quizzes" / "mini-les.yaml").unlink()
        await start_visit(pilot)
        await walk_lesson(pilot, right=True, questions=2)
        await pilot.click("#kiosk-done")
        await start_visit(pilot)
        assert app.screen.cards  # type: ignore[attr-defined]
        assert app.is_running


async def test_broken_content_at_start_shows_no_file_errors_to_visitors(good_copy: Path) -> None:
    (good_copy / "lessons" / "kapot.yaml").write_text("id: kapot\ntitle: Kapot\n", "utf-8")
    app = KioskApp(good_copy, pin=STORED, seed=7, idle=40, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await app.content_ready.wait()
        await pilot.pause()
        assert app.content is not None and app.content.problems
        await start_visit(pilot)
        await pilot.pause()
        assert not app.screen.query("#broken")
        assert "kapot.yaml" not in screen_text(app)


async def test_an_error_goes_to_the_log_not_to_the_screen() -> None:
    app = make_app(fault="after-start")
    with pytest.raises(RuntimeError, match="fault injected"):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(1.0)
    log = crashlog.log_path().read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log and "RuntimeError: fault injected" in log
    assert app._exit_renderables == []  # Textual would print these on the kiosk screen
