"""The self-study app: wiring of screens, keys and the flow of a lesson.

Flow: home → steps → questions → "Wat we nog niet weten" → result (→ retry of
the wrong questions → result). Screens after the home screen replace each other
(`switch_screen`), so Esc always goes back to the lesson list.
"""

from __future__ import annotations

import random
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from tutor import strings
from tutor.content.loader import Content, load_content
from tutor.content.models import Lesson
from tutor.quiz import QuizRun
from tutor.screens.home import HomeScreen


class TutorApp(App[None]):
    """The Dutch ketamine tutor for self-study."""

    CSS_PATH = "tutor.tcss"
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
        self.content = content if content is not None else load_content(content_root)
        self.rng = random.Random(seed)

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.content))

    def open_lesson(self, lesson_id: str) -> None:
        """Open a lesson at its first step."""
        from tutor.screens.lesson import LessonScreen

        self._leave_lesson()
        self.push_screen(LessonScreen(self.content.lesson(lesson_id)))

    def start_quiz(self, lesson: Lesson) -> None:
        """Start the lesson's quiz, or go straight to the review if it has none."""
        quiz = self.content.quizzes.get(lesson.id)
        run = QuizRun(quiz.questions, quiz.pass_mark) if quiz else QuizRun([])
        if run.total:
            self.start_run(lesson, run)
        else:
            self.after_question(lesson, run)

    def start_run(self, lesson: Lesson, run: QuizRun) -> None:
        """Ask the current question of a run."""
        from tutor.screens.question import QuestionScreen

        self.switch_screen(QuestionScreen(lesson, run, self.rng))

    def after_question(self, lesson: Lesson, run: QuizRun) -> None:
        """Ask the next question, or move on to the review (first pass) or result."""
        if not run.finished:
            self.start_run(lesson, run)
        elif run.is_retry:
            self.show_result(lesson, run)
        else:
            from tutor.screens.review import ReviewScreen

            self.switch_screen(ReviewScreen(lesson, run))

    def show_result(self, lesson: Lesson, run: QuizRun) -> None:
        """Show how the run went."""
        from tutor.screens.result import ResultScreen

        self.switch_screen(ResultScreen(lesson, run))

    def action_go_home(self) -> None:
        """Back to the lesson list, closing the lesson and any dialog."""
        self._leave_lesson()

    def _leave_lesson(self) -> None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def action_help(self) -> None:
        """Show the keys."""
        from tutor.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_glossary(self) -> None:
        """Show the glossary of the lesson on screen."""
        from tutor.screens.glossary import GlossaryScreen

        lesson = getattr(self.screen, "lesson", None)
        if lesson is None:
            return
        step = getattr(self.screen, "step", None)
        self.push_screen(GlossaryScreen(lesson, step.terms if step is not None else None))
