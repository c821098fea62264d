"""The "Wat we nog niet weten" review at the end of a lesson."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Button, Static

from tutor import strings
from tutor.content.models import Lesson
from tutor.quiz import QuizRun
from tutor.screens.base import TutorScreen, action_button


class ReviewScreen(TutorScreen):
    """The lesson's open questions, each with what is known around it."""

    BINDINGS = [Binding("enter,space,right", "next", "Naar je uitslag")]

    def __init__(self, lesson: Lesson, run: QuizRun) -> None:
        super().__init__(classes="review-screen")
        self.lesson = lesson
        self.run = run

    def title_text(self) -> str:
        return self.lesson.title

    def counter_text(self) -> str:
        return strings.REVIEW_TITLE

    def compose_body(self) -> Iterable[Widget]:
        yield Static(strings.REVIEW_TITLE, id="review-title", markup=False)
        yield Static(strings.REVIEW_INTRO, markup=False)
        for number, unknown in enumerate(self.lesson.unknowns, 1):
            text = Text(f"{number}. {unknown.question}", style="bold")
            text.append(f"\n{unknown.explanation}", style="")
            yield Static(text, classes="unknown")

    def compose_buttons(self) -> Iterable[Button]:
        yield action_button(strings.BUTTON_RESULT, "next", variant="primary", id="next")

    def action_next(self) -> None:
        """Show the result."""
        self.app.show_result(self.lesson, self.run)  # type: ignore[attr-defined]
