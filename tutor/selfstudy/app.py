"""The self-study app: the shared lesson flow plus the learner's progress.

Everything about progress lives here: the status lines on the lesson list, resuming
a lesson or a quiz, remembering steps and answers, "Herhalen" (the review boxes) and
the saved "Vragen voor mijn behandelaar". The flow itself is `tutor.ui.lesson_app`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tutor.core.progress import due_questions, review_line, status_line
from tutor.core.text import common as strings
from tutor.ui.lesson_app import LessonApp
from tutor.ui.messages import QuestionAnswered, StepShown
from tutor.ui.screens.home import HomeScreen

if TYPE_CHECKING:
    from tutor.core.content.cards import LessonCard
    from tutor.core.content.errors import Problem
    from tutor.core.content.loader import Content
    from tutor.core.content.models import Lesson, Question
    from tutor.core.quiz import QuizRun
    from tutor.store.progress import ProgressStore
    from tutor.ui.screens.unknowns import SavedQuestions


class TutorApp(LessonApp):
    """The Dutch ketamine tutor for self-study."""

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
        super().__init__(content_root, content=content, seed=seed)
        self.progress = progress
        self.notice = notice
        # Store trouble (locked, disk full, read-only) arrives here once per kind, in Dutch;
        # the store itself goes on without saving and counts what was not saved.
        if progress is not None and hasattr(progress, "on_trouble"):
            progress.on_trouble = self.progress_trouble

    def progress_trouble(self, message: str) -> None:
        """Say that progress is not (or not yet) saved; the home screen shows it too."""
        self.notice = message
        self.notify(message, severity="warning", timeout=20)

    def on_mount(self) -> None:
        # Textual runs LessonApp.on_mount after this one: it shows the lesson list.
        if self.notice:
            self.notify(self.notice, severity="warning", timeout=15)

    def make_home(self, cards: list[LessonCard], problems: list[Problem]) -> HomeScreen:
        return HomeScreen(cards, problems, self if self.progress is not None else None)

    @property
    def saved_questions(self) -> SavedQuestions | None:
        return self.progress

    @property
    def asks_confidence(self) -> bool:
        return self.progress is not None

    def start_lesson(self, lesson: Lesson) -> None:
        """Open a lesson, offering to go on where the learner stopped (quiz or step)."""
        from tutor.ui.screens.lesson import LessonScreen

        if self._offer_quiz_position(lesson):
            return
        saved = self.progress.progress(lesson.id) if self.progress else None
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
        return status_line(self.progress.progress(lesson_id), steps_total)

    def review_line(self, *, when_none: bool = False) -> str | None:
        """The line about questions due for "Herhalen" (None when nothing is due)."""
        if self.progress is None:
            return None
        return review_line(len(self.due_review()), when_none=when_none)

    def due_review(self) -> list[tuple[Lesson, Question]]:
        """The questions due for review today, in the order to ask them."""
        if self.progress is None or self.content is None:
            return []
        return due_questions(self.content, self.progress.review_items(), self.progress.today())

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

        def resume(go_on: bool | None) -> None:
            if not go_on:
                if self.progress is not None:
                    self.progress.clear_quiz_position(lesson.id)
                self.push_screen(LessonScreen(lesson))
                return
            verdicts = {key: Verdict(right, (), ()) for key, right in position.answers.items()}
            run = QuizRun(quiz.questions, quiz.pass_mark, verdicts=verdicts, index=position.index)
            if run.finished:  # every question answered: on to "Wat we nog niet weten"
                self.show_unknowns(lesson, run, push=True)
            else:
                self.start_run(lesson, run)

        text = strings.RESUME_QUIZ_TEXT.format(
            number=min(position.index + 1, len(quiz.questions)), total=len(quiz.questions)
        )
        self.push_screen(ResumeDialog(position.index, len(quiz.questions), text=text), resume)
        return True

    def _keep_quiz_position(self, lesson: Lesson, run: QuizRun, index: int) -> None:
        if self.progress is not None and self._keeps_position(run):
            self.progress.save_quiz_position(lesson.id, index, run.verdicts)

    @staticmethod
    def _keeps_position(run: QuizRun) -> bool:
        """Whether a killed app resumes this run (a first pass, not a retry or review)."""
        return not (run.is_retry or run.is_review) and bool(run.total)

    def on_step_shown(self, message: StepShown) -> None:
        """Remember the step on screen (committed at once)."""
        if self.progress is not None:
            lesson = message.lesson
            self.progress.reach_step(lesson.id, message.index, len(lesson.steps))

    def on_question_answered(self, message: QuestionAnswered) -> None:
        """Remember an answer (committed at once) and update the review boxes."""
        if self.progress is not None:
            lesson, run = message.lesson, message.run
            # The answer and where the quiz goes on, in one commit before the feedback shows.
            after = (run.index + 1, run.verdicts) if self._keeps_position(run) else None
            self.progress.record_answer(
                lesson.id,
                message.question.id,
                message.verdict.correct,
                message.confidence,
                next_question=after,
            )

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

    def start_run(self, lesson: Lesson, run: QuizRun) -> None:
        """Ask the current question of a run, remembering where the quiz is."""
        self._keep_quiz_position(lesson, run, run.index)
        super().start_run(lesson, run)

    def finish_run(self, lesson: Lesson, run: QuizRun) -> None:
        """Remember the score of a first pass, then show how the run went."""
        if self.progress is not None and not (run.is_retry or run.is_review) and run.total:
            self.progress.finish_quiz(lesson.id, run.right, run.total)
        super().finish_run(lesson, run)
