"""The result of a quiz run, with a retry of the wrong questions."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Button, Static

from tutor.core.content.models import Lesson
from tutor.core.quiz import QuizRun
from tutor.core.text import common as strings
from tutor.ui.frame import TutorScreen, action_button
from tutor.ui.messages import HomeChosen, RetryChosen


class ResultScreen(TutorScreen):
    """Shows e.g. "6 van 8 goed", passed or not, and what went wrong."""

    BINDINGS = [
        Binding("r", "retry", strings.BUTTON_RETRY),
        Binding("enter", "home", "Naar de lessen"),
    ]

    def __init__(self, lesson: Lesson, run: QuizRun) -> None:
        super().__init__(classes="result-screen")
        self.lesson = lesson
        self.run = run

    def title_text(self) -> str:
        if self.run.is_review:
            return strings.REVIEW_SESSION_TITLE
        prefix = f"{strings.RESULT_RETRY_TITLE}: " if self.run.is_retry else ""
        return prefix + self.lesson.title

    def compose_body(self) -> Iterable[Widget]:
        run = self.run
        yield Static(
            strings.RESULT_LINE.format(right=run.right, total=run.total), id="score", markup=False
        )
        message = strings.RESULT_PASSED if run.passed else strings.RESULT_NOT_PASSED
        yield Static(message.format(needed=run.needed), id="verdict", markup=False)
        wrong = run.wrong_questions()
        if wrong:
            text = Text()
            text.append(strings.RESULT_WRONG_HEADER, style="bold")
            for question in wrong:
                text.append(f"\n• {question.prompt}")
            yield Static(text, id="wrong-list")

    def compose_buttons(self) -> Iterable[Button]:
        if self.run.wrong_questions():
            yield action_button(
                strings.BUTTON_RETRY + " (r)", "retry", variant="primary", id="retry"
            )
        yield action_button(strings.BUTTON_HOME, "home", id="home-button")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No "practise again" key when every answer was right: there is nothing to practise."""
        if action == "retry":
            return bool(self.run.wrong_questions())
        return True

    def action_retry(self) -> None:
        """Ask only the questions that were wrong, once more."""
        retry = self.run.retry()
        if retry.total:
            self.post_message(RetryChosen(self.lesson, retry))

    def action_home(self) -> None:
        """Back to the lesson list."""
        self.post_message(HomeChosen())
