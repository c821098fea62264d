"""What the shared lesson screens tell their app: typed messages, handled by each program's app.

A screen posts one of these (it bubbles from the screen to the app) instead of calling a
method on the app, so the flow of a lesson can be followed in one place: the app's
`on_<message>` handlers (see `tutor.ui.lesson_app.LessonApp`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # not at run time: the lesson list imports this before pydantic is needed
    from tutor.core.content.models import Lesson, Question
    from tutor.core.quiz import QuizRun, Verdict


@dataclass
class LessonChosen(Message):
    """The learner chose a lesson on the lesson list."""

    lesson_id: str


@dataclass
class StepShown(Message):
    """Step `index` of `lesson` is on screen."""

    lesson: Lesson
    index: int


@dataclass
class StepsFinished(Message):
    """The learner went past the last step: on to the quiz."""

    lesson: Lesson


@dataclass
class QuestionAnswered(Message):
    """The learner checked an answer; `confidence` is zeker/twijfel/gok or None."""

    lesson: Lesson
    run: QuizRun
    question: Question
    verdict: Verdict
    confidence: str | None


@dataclass
class QuestionDone(Message):
    """The learner went on after the feedback; `run` has advanced to the next question."""

    lesson: Lesson
    run: QuizRun


@dataclass
class UnknownsDone(Message):
    """The learner left "Wat we nog niet weten": on to the result."""

    lesson: Lesson
    run: QuizRun


@dataclass
class RetryChosen(Message):
    """The learner wants to answer the wrong questions once more (`run` holds only those)."""

    lesson: Lesson
    run: QuizRun


@dataclass
class HomeChosen(Message):
    """The learner asked for the lesson list from the result screen."""
