"""The self-study app: wiring of screens, keys and the flow of a lesson.

Flow: home → steps → questions → "Wat we nog niet weten" → result (→ retry of
the wrong questions → result). Screens after the home screen replace each other
(`switch_screen`), so Esc always goes back to the lesson list.

Start-up stays fast: the home screen is drawn from lesson cards read without
validation (`tutor.core.content.cards`); the full content (pydantic) is validated in
a background thread right after, and the home screen is updated with its result.
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
from tutor.ui.screens.home import HomeScreen

if TYPE_CHECKING:
    from tutor.core.content.loader import Content
    from tutor.core.content.models import Lesson, Question
    from tutor.core.quiz import QuizRun, Verdict
    from tutor.store.progress import ProgressStore


class TutorApp(App[None]):
    """The Dutch ketamine tutor for self-study."""

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
        progress: ProgressStore | None = None,
        notice: str | None = None,
    ) -> None:
        """Create the app.

        Args:
            content_root: Where `lessons/`, `quizzes/` and `seeds/` are; default: shipped content.
            content: Already loaded content (tests); overrides `content_root`.
            seed: Seed for shuffling options, for repeatable tests; random when None.
            progress: Where to keep the learner's progress; None keeps nothing.
            notice: A Dutch message to show at start (e.g. progress cannot be saved).
        """
        super().__init__()
        self.progress = progress
        self.notice = notice
        self.content_root = content_root if content_root is not None else default_content_root()
        self.content: Content | None = content
        self.content_ready = asyncio.Event()
        self.rng = random.Random(seed)
        self._pending_lesson: str | None = None
        # Store trouble (locked, disk full, read-only) arrives here once per kind, in Dutch;
        # the store itself goes on without saving and counts what was not saved.
        if progress is not None and hasattr(progress, "on_trouble"):
            progress.on_trouble = self.progress_trouble

    def progress_trouble(self, message: str) -> None:
        """Say that progress is not (or not yet) saved; the home screen shows it too."""
        self.notice = message
        self.notify(message, severity="warning", timeout=20)

    def on_mount(self) -> None:
        if self.notice:
            self.notify(self.notice, severity="warning", timeout=15)
        if self.content is not None:
            self.content_ready.set()
            self.push_screen(HomeScreen(self.content.cards(), self.content.problems))
        else:
            self.push_screen(HomeScreen(read_cards(self.content_root), []))
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

    def open_lesson(self, lesson_id: str) -> None:
        """Open a lesson at its first step (as soon as the content is validated)."""
        if self.content is None:
            self._pending_lesson = lesson_id
            return
        if lesson_id not in {lesson.id for lesson in self.content.lessons}:
            self.notify(strings.LESSON_BROKEN, severity="warning")  # the home screen says why
            return
        from tutor.ui.screens.lesson import LessonScreen

        lesson = self.content.lesson(lesson_id)
        self._leave_lesson()
        if self._offer_quiz_position(lesson):
            return
        saved = self.progress.progress(lesson_id) if self.progress else None
        if saved is None or saved.finished or not 0 < saved.step < len(lesson.steps):
            self.push_screen(LessonScreen(lesson))
            return
        from tutor.selfstudy.screens.resume import ResumeDialog

        def resume(go_on: bool | None) -> None:
            self.push_screen(LessonScreen(lesson, saved.step if go_on else 0))

        self.push_screen(ResumeDialog(saved.step, len(lesson.steps)), resume)

    # --- progress (self-study only; nothing happens without a store) ---

    def lesson_status(self, lesson_id: str, steps_total: int | None = None) -> str | None:
        """ "Nog niet begonnen", "Bezig: stap x van y" or "Klaar: ..." for the home screen."""
        if self.progress is None:
            return None
        saved = self.progress.progress(lesson_id)
        if saved is None:
            return strings.STATUS_NOT_STARTED
        if saved.finished and saved.best_right is not None and saved.best_on is not None:
            return strings.STATUS_DONE.format(
                right=saved.best_right,
                total=saved.best_total,
                day=saved.best_on.strftime("%d-%m-%Y"),
            )
        total = steps_total or saved.steps_total
        return strings.STATUS_IN_PROGRESS.format(step=saved.step + 1, total=total)

    def review_line(self, *, when_none: bool = False) -> str | None:
        """The line about questions due for "Herhalen" (None when nothing is due,
        unless `when_none`)."""
        if self.progress is None:
            return None
        count = len(self.due_review())
        if count == 0:
            return strings.REVIEW_NONE if when_none else None
        return strings.REVIEW_DUE_ONE if count == 1 else strings.REVIEW_DUE.format(count=count)

    def due_review(self) -> list[tuple[Lesson, Question]]:
        """The questions due for review today, in the order to ask them."""
        if self.progress is None or self.content is None:
            return []
        from tutor.core.leitner import review_queue

        found = []
        for item in review_queue(self.progress.review_items(), self.progress.today()):
            quiz = self.content.quizzes.get(item.lesson_id)
            question = (
                next((q for q in quiz.questions if q.id == item.question_id), None)
                if quiz
                else None
            )
            if question is not None:
                found.append((self.content.lesson(item.lesson_id), question))
        return found

    # --- the position inside a lesson's quiz (first pass only), for a resume after a crash ---

    def _offer_quiz_position(self, lesson: Lesson) -> bool:
        """Offer to resume an unfinished quiz at its question; False when there is none."""
        from tutor.core.quiz import QuizRun, Verdict

        quiz = self.content.quizzes.get(lesson.id) if self.content else None
        position = self.progress.quiz_position(lesson.id) if self.progress and quiz else None
        if quiz is None or position is None:
            return False
        ids = {question.id for question in quiz.questions}
        if not 0 < position.index <= len(quiz.questions) or not set(position.answers) <= ids:
            return False  # the quiz changed since: start it afresh
        from tutor.selfstudy.screens.resume import ResumeDialog
        from tutor.ui.screens.lesson import LessonScreen
        from tutor.ui.screens.unknowns import ReviewScreen

        def resume(go_on: bool | None) -> None:
            if not go_on:
                if self.progress is not None:
                    self.progress.clear_quiz_position(lesson.id)
                self.push_screen(LessonScreen(lesson))
                return
            verdicts = {key: Verdict(right, (), ()) for key, right in position.answers.items()}
            run = QuizRun(quiz.questions, quiz.pass_mark, verdicts=verdicts, index=position.index)
            if run.finished:  # every question answered: on to "Wat we nog niet weten"
                self.push_screen(ReviewScreen(lesson, run))
            else:
                self.start_run(lesson, run)

        text = strings.RESUME_QUIZ_TEXT.format(
            number=min(position.index + 1, len(quiz.questions)), total=len(quiz.questions)
        )
        self.push_screen(ResumeDialog(position.index, len(quiz.questions), text=text), resume)
        return True

    def _keep_quiz_position(self, lesson: Lesson, run: QuizRun, index: int) -> None:
        if self.progress is not None and not (run.is_retry or run.is_review) and run.total:
            self.progress.save_quiz_position(lesson.id, index, run.verdicts)

    def step_reached(self, lesson: Lesson, index: int) -> None:
        """Remember the step on screen (committed at once)."""
        if self.progress is not None:
            self.progress.reach_step(lesson.id, index, len(lesson.steps))

    def answered(
        self, lesson: Lesson, question: Question, verdict: Verdict, confidence: str | None
    ) -> None:
        """Remember an answer (committed at once) and update the review boxes."""
        if self.progress is not None:
            self.progress.record_answer(lesson.id, question.id, verdict.correct, confidence)
            run = getattr(self.screen, "run", None)  # the question screen's run
            if run is not None:
                self._keep_quiz_position(lesson, run, run.index + 1)

    def action_start_review(self) -> None:
        """ "Herhalen": ask the due questions of all lessons."""
        from tutor.core.quiz import QuizRun

        due = self.due_review()
        if not due:
            self.notify(strings.REVIEW_NONE)
            return
        run = QuizRun([q for _, q in due], lesson_ids=[lesson.id for lesson, _ in due])
        self._leave_lesson()
        self.start_run(due[0][0], run)

    def lesson_of(self, run: QuizRun, fallback: Lesson) -> Lesson:
        """The lesson of the current question (review runs mix lessons)."""
        if run.lesson_ids and not run.finished and self.content is not None:
            return self.content.lesson(run.lesson_ids[run.index])
        return fallback

    def start_quiz(self, lesson: Lesson) -> None:
        """Start the lesson's quiz, or go straight to the review if it has none."""
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

        screen = QuestionScreen(self.lesson_of(run, lesson), run, self.rng)
        self._keep_quiz_position(lesson, run, run.index)
        if isinstance(self.screen, HomeScreen):
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def after_question(self, lesson: Lesson, run: QuizRun) -> None:
        """Ask the next question, or move on to the review (first pass) or result."""
        if not run.finished:
            self.start_run(lesson, run)
        elif run.is_retry or run.is_review:
            self.show_result(lesson, run)
        else:
            from tutor.ui.screens.unknowns import ReviewScreen

            self.switch_screen(ReviewScreen(lesson, run))

    def show_result(self, lesson: Lesson, run: QuizRun) -> None:
        """Show how the run went."""
        from tutor.ui.screens.result import ResultScreen

        if self.progress is not None and not (run.is_retry or run.is_review) and run.total:
            self.progress.finish_quiz(lesson.id, run.right, run.total)
        self.switch_screen(ResultScreen(lesson, run))

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
            self.push_screen(HelpScreen())

    def action_glossary(self) -> None:
        """Show the glossary of the lesson on screen."""
        from tutor.ui.dialogs.glossary import GlossaryScreen

        lesson = getattr(self.screen, "lesson", None)
        if lesson is None:
            return
        step = getattr(self.screen, "step", None)
        self.push_screen(GlossaryScreen(lesson, step.terms if step is not None else None))
