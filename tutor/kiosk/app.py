"""The kiosk app: the self-study app, made anonymous, self-resetting and hard to leave.

Screen stack: `[default, AttractScreen]` between visitors; a visit pushes a fresh
lesson list on top (`[default, Attract, Home, ...]`). Wiping a visit pops every
screen and puts a fresh attract screen in place, so nothing of the last visitor
is left on screen or in a back-stack; nothing is ever written about a visitor.

Only Ctrl+Q does something about leaving: it opens the PIN dialog. Ctrl+C, Ctrl+Z,
Ctrl+\\, Ctrl+D, Ctrl+P and q do nothing; Esc wipes the visit. (Textual keeps the
terminal in raw mode without signals, so these arrive as keys.)
"""

from __future__ import annotations

import datetime
import gc
import random
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from tutor.core.content.cards import read_cards
from tutor.core.text import kiosk as text
from tutor.kiosk import crashlog
from tutor.kiosk.child import FAULT_ENV
from tutor.kiosk.idle import IdleClock, Phase
from tutor.kiosk.pin import PinGuard, StoredPin
from tutor.kiosk.screens.attract import AttractScreen
from tutor.kiosk.screens.idle import IdleCountdown
from tutor.kiosk.screens.lessons import add_visit_buttons
from tutor.ui.frame import TutorScreen
from tutor.ui.lesson_app import LessonApp
from tutor.ui.messages import HomeChosen

if TYPE_CHECKING:
    from tutor.core.content.errors import Problem
    from tutor.core.content.loader import Content
    from tutor.core.content.models import Lesson, Question
    from tutor.core.quiz import Response, Verdict
    from tutor.store.kiosk_stats import KioskStats

KIOSK_THEME = Theme(
    name="kiosk-contrast",
    primary="#1A5FD0",  # white on it: 6:1
    secondary="#00A2E8",
    accent="#FFD500",  # on black: 14:1
    foreground="#FFFFFF",
    background="#000000",
    surface="#141414",
    panel="#262626",
    success="#21C063",
    warning="#FFB000",
    error="#FF5050",
    dark=True,
)

# Actions the kiosk never allows; their bindings are also hidden from the key line.
BLOCKED_ACTIONS = frozenset(
    {"quit", "help_quit", "suspend_process", "command_palette", "start_review"}
)
# Input that shows someone is there. Mouse moves do not count: a bumped mouse is not a visitor.
ACTIVITY = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)


def _release_memory() -> None:
    """Free what the last visit left in memory, so a kiosk that runs for weeks stays flat.

    Textual 8 caches `StylesCache.get_inner_outer` per widget cache (lru_cache on a
    method), which keeps up to 1024 old widgets' rendered lines alive; a full garbage
    collection between visitors returns the old screens' cycles at once.
    """
    from textual import _styles_cache

    method = getattr(_styles_cache.StylesCache, "get_inner_outer", None)
    if method is not None and hasattr(method, "cache_clear"):
        method.cache_clear()
    gc.collect()


def log_skipped_files(problems: Sequence[Problem]) -> None:
    """Name, in the staff log, every content file the kiosk leaves out and why.

    Visitors never see these problems; without the log, staff could not find
    out why a lesson is missing.
    """
    if problems:
        lines = "\n".join(f"  {problem}" for problem in problems)
        crashlog.write(f"{text.LOG_SKIPPED_FILES}\n{lines}")


class KioskApp(LessonApp):
    """The tutor for a shared screen in a waiting room."""

    CSS_PATH = [*LessonApp.CSS_PATH, Path(__file__).parent / "kiosk.tcss"]
    # A screen narrower than a kiosk's (docs/KIOSK.md) gets narrower buttons, so none is cut off.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (112, "-wide")]
    BINDINGS = [
        Binding("ctrl+q", "pin", show=False, priority=True),
        Binding("ctrl+c,ctrl+z,ctrl+backslash,ctrl+d,ctrl+p", "ignore", show=False, priority=True),
    ]

    def __init__(
        self,
        content_root: Path | None = None,
        *,
        pin: StoredPin,
        content: Content | None = None,
        seed: int | None = None,
        idle: float = 120.0,
        stats: KioskStats | None = None,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], datetime.date] = datetime.date.today,
        fault: str | None = None,
    ) -> None:
        """Create the kiosk. It never gets a progress store: nothing about a visitor is saved.

        Args:
            content_root: Where the lessons are; default: shipped content.
            pin: The staff PIN hash that ends the kiosk.
            content: Already loaded content (tests); overrides `content_root`.
            seed: Seed for shuffling; every visit starts from the same state either way.
            idle: Seconds without input after which a visit is wiped.
            stats: Where anonymous counts go (`--stats`); None counts nothing.
            clock: Monotonic seconds (a fake clock in tests).
            today: The date for the counts (a fixed date in tests).
            fault: Tests only, see `FAULT_ENV`.
        """
        super().__init__(content_root, content=content, seed=seed)
        self.seed = seed
        self.idle_clock = IdleClock(idle, clock)
        self.pin_guard = PinGuard(pin, clock=clock)
        self.stats = stats
        self.today = today
        self.fault = fault
        self.pin_accepted = False
        self.countdown: IdleCountdown | None = None
        self.register_theme(KIOSK_THEME)
        self.theme = KIOSK_THEME.name
        self.add_class("-kiosk")

    # --- start, visits and wiping ---

    def on_mount(self) -> None:
        # Textual also runs LessonApp.on_mount (after this one): it pushes a home screen,
        # which the wipe below, run after it, replaces by the attract screen.
        self.call_later(self.wipe)
        self.screen_change_signal.subscribe(self, self._on_screen_change)
        self.set_interval(self.idle_clock.tick, self.tick_idle)
        if self.fault == "after-start":
            self.set_timer(0.5, self._fail_on_purpose)

    async def _content_loaded(self, content: Content) -> None:
        log_skipped_files(content.problems)
        await super()._content_loaded(content)

    def _fail_on_purpose(self) -> None:
        raise RuntimeError(f"fault injected with {FAULT_ENV}=after-start")

    @property
    def at_rest(self) -> bool:
        """True between visitors: only the attract screen is there."""
        return len(self.screen_stack) == 2 and isinstance(self.screen, AttractScreen)

    def lesson_titles(self) -> list[str]:
        """The lesson titles for the attract screen."""
        cards = self.content.cards() if self.content is not None else read_cards(self.content_root)
        return [card.title for card in cards]

    def start_visit(self) -> None:
        """Leave the attract screen for a fresh lesson list."""
        from tutor.kiosk.screens.lessons import KioskHomeScreen

        if not self.at_rest:
            return
        self.idle_clock.touch()
        cards = self.content.cards() if self.content is not None else read_cards(self.content_root)
        self.push_screen(KioskHomeScreen(cards))

    def wipe(self) -> None:
        """End the visit: every screen goes, a fresh attract screen comes, state is reset."""
        self.countdown = None
        self._pending_lesson = None
        self.rng = random.Random(self.seed)
        self.clear_notifications()
        while len(self.screen_stack) > 2:
            self.pop_screen()
        attract = AttractScreen(self.lesson_titles(), counting=self.stats is not None)
        if len(self.screen_stack) == 2:
            self.switch_screen(attract)
        else:
            self.push_screen(attract)
        self.idle_clock.touch()
        self.call_later(_release_memory)

    def on_attract_screen_visit_started(self, message: AttractScreen.VisitStarted) -> None:
        self.start_visit()

    def on_home_chosen(self, message: HomeChosen) -> None:
        """ "Naar de lessen" on a result: back to this visit's list, keeping the visit."""
        message.prevent_default()  # not LessonApp's handler: Esc-like "go home" wipes the visit
        self._leave_lesson()

    # --- idle ---

    async def on_event(self, event: events.Event) -> None:
        """Note every real input; while the countdown shows, a key only says "still here"."""
        if isinstance(event, ACTIVITY) and not event.is_forwarded:
            if isinstance(event, events.Key):
                counting_down = self.countdown is not None
                self.touch()
                if counting_down:
                    return
            else:
                # First let the press land on the countdown, so it cannot click through.
                await super().on_event(event)
                self.touch()
                return
        await super().on_event(event)

    def touch(self) -> None:
        """Someone is there: restart the idle clock and close the countdown."""
        self.idle_clock.touch()
        countdown, self.countdown = self.countdown, None
        if countdown is not None and self.screen is countdown:
            self.pop_screen()

    def tick_idle(self) -> None:
        """Show or update the countdown, or wipe the visit when the time is up."""
        if self.at_rest:
            return
        phase = self.idle_clock.phase()
        if phase is Phase.EXPIRED:
            self.wipe()
        elif phase is Phase.WARNING:
            seconds = self.idle_clock.seconds_left()
            if self.countdown is None:
                self.countdown = IdleCountdown(seconds)
                self.push_screen(self.countdown)
            else:
                self.countdown.show_seconds(seconds)

    def action_still_here(self) -> None:
        """ "Ik ben er nog": keep the visit."""
        self.touch()

    # --- "Hulp" and "Klaar" on every screen of a visit ---

    def _on_screen_change(self, screen: Screen[Any]) -> None:
        if isinstance(screen, TutorScreen):
            screen.call_after_refresh(add_visit_buttons, screen)

    def action_done(self) -> None:
        """ "Klaar": wipe the visit now."""
        self.wipe()

    # --- keys and actions a visitor must not use to leave ---

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide and disable quitting, suspending and the command palette."""
        if action in BLOCKED_ACTIONS:
            return False
        return super().check_action(action, parameters)

    def action_ignore(self) -> None:
        """Swallow a key that would end or suspend a normal program, without a hint."""

    async def action_quit(self) -> None:
        """Quitting is only possible with the PIN."""

    def action_help_quit(self) -> None:
        """Textual would tell how to quit; the kiosk does not."""

    def action_suspend_process(self) -> None:
        """The kiosk is never suspended."""

    def action_go_home(self) -> None:
        """Esc: back to the start, wiping the visit."""
        self.wipe()

    def action_help(self) -> None:
        """Show the kiosk's keys."""
        from tutor.kiosk.screens.lessons import KioskHelpScreen

        if not isinstance(self.screen, KioskHelpScreen):
            self.push_screen(KioskHelpScreen())

    def action_pin(self) -> None:
        """Ctrl+Q: ask staff for the PIN; the right one ends the kiosk with exit code 0."""
        from tutor.kiosk.screens.pin_pad import PinDialog

        if isinstance(self.screen, PinDialog):
            return

        def done(right: bool | None) -> None:
            if right:
                self.pin_accepted = True
                self.exit(return_code=0)

        self.push_screen(PinDialog(self.pin_guard), done)

    # --- the lesson flow ---

    def open_lesson(self, lesson_id: str) -> None:
        """Open a lesson; a lesson that is not (or no longer) available is only reported."""
        if self.content is not None and lesson_id not in {ls.id for ls in self.content.lessons}:
            self.notify(text.LESSON_UNAVAILABLE, severity="warning", timeout=4)
            return
        super().open_lesson(lesson_id)

    def start_quiz(self, lesson: Lesson) -> None:
        """Start the quiz; with `--stats` every first-pass answer is counted anonymously."""
        quiz = self.content.quizzes.get(lesson.id) if self.content is not None else None
        if self.stats is None or quiz is None or not quiz.questions:
            super().start_quiz(lesson)
            return
        from functools import partial

        from tutor.kiosk.counting import CountedRun

        hook = partial(self._count_answer, lesson)
        self.start_run(lesson, CountedRun(quiz.questions, quiz.pass_mark, on_answer=hook))

    def _count_answer(
        self, lesson: Lesson, question: Question, response: Response, verdict: Verdict
    ) -> None:
        from tutor.kiosk.counting import answer_parts
        from tutor.store.db import StoreError

        if self.stats is None:
            return
        try:
            self.stats.record(
                day=self.today(),
                lesson=lesson.id,
                question=question.id,
                correct=verdict.correct,
                parts=answer_parts(question, response),
            )
        except (sqlite3.Error, StoreError, OSError) as error:
            crashlog.write(text.LOG_STATS_OFF.format(error=error))
            self.stats = None  # counting must never stop a visitor

    # --- errors: to the log, never to the screen ---

    def _handle_exception(self, error: Exception) -> None:
        crashlog.write_exception(error)
        super()._handle_exception(error)
        # Textual would print the traceback on the kiosk screen at exit; it is in the log.
        self._exit_renderables.clear()
