"""The flow of a lesson, shared by the programs that let one learner step through lessons.

Flow: lesson list → steps → questions → "Wat we nog niet weten" → result (→ retry of
the wrong questions → result). Screens after the lesson list replace each other
(`switch_screen`), so Esc always goes back to the list. The screens post the typed
messages of `tutor.ui.messages`; the `on_*` handlers below are the whole flow.
(Textual runs a message's handlers from the subclass up to this class; a subclass that
replaces a handler calls `message.prevent_default()`.)

Self-study (`tutor.selfstudy.app`) adds progress on top; the kiosk (`tutor.kiosk.app`)
adds visits, the idle wipe and the PIN. Start-up stays fast: the lesson list is drawn
from lesson cards read without validation; the full content (pydantic) is validated in
a background thread right after, and the list is updated with its result.
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

from tutor.core.content.cards import read_cards
from tutor.core.content.root import default_content_root
from tutor.core.text import common as strings
from tutor.ui import BASE_CSS
from tutor.ui.messages import (
    HomeChosen,
    LessonChosen,
    QuestionAnswered,
    QuestionDone,
    RetryChosen,
    StepsFinished,
    StepShown,
    UnknownsDone,
)
from tutor.ui.screens.home import HomeScreen

if TYPE_CHECKING:
    from tutor.core.content.cards import LessonCard
    from tutor.core.content.errors import Problem
    from tutor.core.content.loader import Content
    from tutor.core.content.models import Lesson
    from tutor.core.quiz import QuizRun
    from tutor.ui.screens.unknowns import SavedQuestions


class LessonApp(App[None]):
    """A Textual app that walks one learner through lessons; subclassed per program."""

    CSS_PATH = [BASE_CSS]
    TITLE = strings.APP_TITLE
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", "Stoppen", show=False)]

    def __init__(
        self,
        content_root: Path | None = None,
        *,
        content: Content | None = None,
        seed: int | None = None,
    ) -> None:
        """Create the app.

        Args:
            content_root: Where `lessons/`, `quizzes/` and `seeds/` are; default: shipped content.
            content: Already loaded content (tests); overrides `content_root`.
            seed: Seed for shuffling options, for repeatable tests; random when None.
        """
        super().__init__()
        self.content_root = content_root if content_root is not None else default_content_root()
        self.content: Content | None = content
        self.content_ready = asyncio.Event()
        self.rng = random.Random(seed)
        self._pending_lesson: str | None = None

    # --- what a program changes ---

    def make_home(self, cards: list[LessonCard], problems: list[Problem]) -> HomeScreen:
        """The lesson list of this program."""
        return HomeScreen(cards, problems)

    @property
    def saved_questions(self) -> SavedQuestions | None:
        """Where "Vragen voor mijn behandelaar" are kept; None when nothing is kept."""
        return None

    @property
    def asks_confidence(self) -> bool:
        """Whether questions ask "Hoe zeker ben je?" (only where it feeds "Herhalen")."""
        return False

    def start_lesson(self, lesson: Lesson) -> None:
        """Show a lesson that was just opened (self-study may offer to resume)."""
        from tutor.ui.screens.lesson import LessonScreen

        self.push_screen(LessonScreen(lesson))

    def finish_run(self, lesson: Lesson, run: QuizRun) -> None:
        """Show how the run went."""
        from tutor.ui.screens.result import ResultScreen

        self.switch_screen(ResultScreen(lesson, run))

    # --- start-up ---

    def on_mount(self) -> None:
        if self.content is not None:
            self.content_ready.set()
            self.push_screen(self.make_home(self.content.cards(), self.content.problems))
        else:
            self.push_screen(self.make_home(read_cards(self.content_root), []))
            # After the first frame, so validation does not delay it.
            self.call_after_refresh(self.run_worker, self._validate_content, thread=True)

    def _validate_content(self) -> None:
        from tutor.core.content.loader import load_content

        content = load_content(self.content_root)
        self.call_from_thread(self._content_loaded, content)  # type: ignore[arg-type]

    async def _content_loaded(self, content: Content) -> None:
        self.content = content
        self.content_ready.set()
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                await screen.show_lessons(content.cards(), content.problems)
        if self._pending_lesson is not None:
            lesson_id, self._pending_lesson = self._pending_lesson, None
            self.open_lesson(lesson_id)

    # --- the flow, one handler per message ---

    def on_lesson_chosen(self, message: LessonChosen) -> None:
        self.open_lesson(message.lesson_id)

    def on_step_shown(self, message: StepShown) -> None:
        """A step is on screen (self-study remembers it)."""

    def on_steps_finished(self, message: StepsFinished) -> None:
        self.start_quiz(message.lesson)

    def on_question_answered(self, message: QuestionAnswered) -> None:
        """An answer was checked (self-study remembers it, the kiosk may count it)."""

    def on_question_done(self, message: QuestionDone) -> None:
        self.after_question(message.lesson, message.run)

    def on_unknowns_done(self, message: UnknownsDone) -> None:
        self.finish_run(message.lesson, message.run)

    def on_retry_chosen(self, message: RetryChosen) -> None:
        self.start_run(message.lesson, message.run)

    def on_home_chosen(self, message: HomeChosen) -> None:
        self.action_go_home()

    def open_lesson(self, lesson_id: str) -> None:
        """Open a lesson at its first step (as soon as the content is validated)."""
        if self.content is None:
            self._pending_lesson = lesson_id
            return
        if lesson_id not in {lesson.id for lesson in self.content.lessons}:
            self.notify(strings.LESSON_BROKEN, severity="warning")  # the home screen says why
            return
        lesson = self.content.lesson(lesson_id)
        self._leave_lesson()
        self.start_lesson(lesson)

    def lesson_of(self, run: QuizRun, fallback: Lesson) -> Lesson:
        """The lesson of the current question (review runs mix lessons)."""
        if run.lesson_ids and not run.finished and self.content is not None:
            return self.content.lesson(run.lesson_ids[run.index])
        return fallback

    def start_quiz(self, lesson: Lesson) -> None:
        """Start the lesson's quiz, or go straight to "Wat we nog niet weten" if it has none."""
        from tutor.core.quiz import QuizRun

        assert self.content is not None
        quiz = self.content.quizzes.get(lesson.id)
        run = QuizRun(quiz.questions, quiz.pass_mark) if quiz else QuizRun([])
        if run.total:
            self.start_run(lesson, run)
        else:
            self.after_question(lesson, run)

    def start_run(self, lesson: Lesson, run: QuizRun) -> None:
        """Ask the current question of a run."""
        from tutor.ui.screens.question import QuestionScreen

        screen = QuestionScreen(
            self.lesson_of(run, lesson),
            run,
            self.rng,
            ask_confidence=self.asks_confidence,
            saves=self.saved_questions,
        )
        if isinstance(self.screen, HomeScreen):
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def after_question(self, lesson: Lesson, run: QuizRun) -> None:
        """Ask the next question, or move on to "Wat we nog niet weten" (first pass) or result."""
        if not run.finished:
            self.start_run(lesson, run)
        elif run.is_retry or run.is_review:
            self.finish_run(lesson, run)
        else:
            self.show_unknowns(lesson, run)

    def show_unknowns(self, lesson: Lesson, run: QuizRun, *, push: bool = False) -> None:
        """Show "Wat we nog niet weten" and "Wat kun je hiermee?"."""
        from tutor.ui.screens.unknowns import UnknownsScreen

        screen = UnknownsScreen(lesson, run, self.saved_questions)
        if push:
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def action_go_home(self) -> None:
        """Back to the lesson list, closing the lesson and any dialog."""
        self._leave_lesson()

    def _leave_lesson(self) -> None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def action_help(self) -> None:
        """Show the keys."""
        from tutor.ui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(keys=None))  # built from the bindings of the screen

    def action_source(self) -> None:
        """ "Bron": the article's passage behind the step on screen, or behind an answer."""
        from tutor.ui.dialogs.source import SourceScreen
        from tutor.ui.screens.lesson import LessonScreen
        from tutor.ui.screens.question import QuestionScreen

        screen = self.screen
        if self.content is None:
            return
        if isinstance(screen, LessonScreen):
            step = screen.step
            pairs = screen.lesson.quote_pairs(step.quotes)
            texts = [text for _, text in pairs]
            first = texts.index(step.evidence_quote) if step.evidence_quote in texts else 0
            self.push_screen(SourceScreen(self.content.root, pairs, first))
        elif isinstance(screen, QuestionScreen) and screen.verdict is not None:
            pairs = screen.lesson.quote_pairs(screen.run.current.quotes)
            self.push_screen(SourceScreen(self.content.root, pairs))

    def action_glossary(self) -> None:
        """Show the glossary of the lesson on screen."""
        from tutor.ui.dialogs.glossary import GlossaryScreen
        from tutor.ui.screens.lesson import LessonScreen
        from tutor.ui.screens.question import QuestionScreen

        screen = self.screen
        if isinstance(screen, LessonScreen):
            self.push_screen(GlossaryScreen(screen.lesson, screen.step.terms))
        elif isinstance(screen, QuestionScreen):
            self.push_screen(GlossaryScreen(screen.lesson, None))
