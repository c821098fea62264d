"""The "Wat we nog niet weten" review at the end of a lesson.

Lists the lesson's open questions and its "Wat kun je hiermee?" part (the
lesson's `actions`: questions to ask a provider, what to watch for, where to read
more). With progress saving on, the learner can keep any of them for "Vragen voor
mijn behandelaar" with its digit or a click.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Static

from tutor.core.content.models import Lesson
from tutor.core.quiz import QuizRun
from tutor.core.text import common as strings
from tutor.ui.frame import TutorScreen, action_button
from tutor.ui.messages import UnknownsDone


class SavedQuestion(Protocol):
    """A question kept for "Vragen voor mijn behandelaar"."""

    @property
    def lesson_id(self) -> str:
        """The lesson it came from."""
        ...

    @property
    def kind(self) -> str:
        """ "unknown" (an open question) or "provider" (an action)."""
        ...

    @property
    def text(self) -> str:
        """The question as shown."""
        ...


class SavedQuestions(Protocol):
    """Where the learner keeps questions for their doctor (the progress store)."""

    def saved_questions(self) -> Sequence[SavedQuestion]:
        """Every saved question."""
        ...

    def save_question(self, lesson_id: str, kind: str, text: str) -> None:
        """Keep a question."""

    def forget_question(self, lesson_id: str, kind: str, text: str) -> None:
        """Take a question off the list."""


class OpenQuestion(Static):
    """One open question (or action); a click saves or unsaves it."""

    def __init__(self, number: int, kind: str, question: str, explanation: str | None) -> None:
        super().__init__(classes="unknown")
        self.number = number
        self.kind = kind
        self.question = question
        self.explanation = explanation

    def show(self, saved: bool | None) -> None:
        """Draw the question; `saved` is None when questions cannot be saved."""
        text = Text()
        text.append(f"{self.number}. ", style="bold")
        if saved is not None:
            text.append(strings.SAVED_MARK if saved else strings.NOT_SAVED_MARK, style="bold")
            text.append(" ")
        text.append(self.question, style="bold")
        if self.explanation:
            text.append(f"\n{self.explanation}")
        self.update(text)
        self.set_class(bool(saved), "-saved")

    @dataclass
    class Clicked(Message):
        """The learner clicked open question (or action) `number`."""

        number: int

    def on_click(self) -> None:
        """Save or unsave this question."""
        self.post_message(self.Clicked(self.number))


class UnknownsScreen(TutorScreen):
    """The lesson's open questions, each with what is known around it."""

    BINDINGS = [
        Binding("enter,space,right", "next", "Naar je uitslag"),
        *[Binding(str(n), f"save({n})", show=False) for n in range(1, 10)],
    ]

    def __init__(self, lesson: Lesson, run: QuizRun, store: SavedQuestions | None = None) -> None:
        """Create the screen.

        Args:
            lesson: The lesson whose open questions and actions are shown.
            run: The quiz run that led here (passed on to the result).
            store: Where saved questions go; None when nothing can be saved (kiosk).
        """
        super().__init__(classes="review-screen")
        self.store = store
        self.lesson = lesson
        self.run = run
        self.items = [
            OpenQuestion(n, "unknown", u.question, u.explanation)
            for n, u in enumerate(lesson.unknowns, 1)
        ]
        first = len(self.items) + 1
        self.items += [
            OpenQuestion(n, "provider", action.text, None)
            for n, action in enumerate(lesson.actions, first)
        ]

    def title_text(self) -> str:
        return self.lesson.title

    def counter_text(self) -> str:
        return strings.REVIEW_TITLE

    def compose_body(self) -> Iterable[Widget]:
        yield Static(strings.REVIEW_TITLE, id="review-title", markup=False)
        yield Static(strings.REVIEW_INTRO, markup=False)
        if self.store is not None:
            yield Static(strings.SAVE_HINT, classes="question-hint", markup=False)
        unknowns = [item for item in self.items if item.kind == "unknown"]
        providers = [item for item in self.items if item.kind == "provider"]
        yield from unknowns
        if providers:
            yield Static(strings.PROVIDER_TITLE, id="provider-title", markup=False)
            yield from providers

    def compose_buttons(self) -> Iterable[Button]:
        yield action_button(strings.BUTTON_RESULT, "next", variant="primary", id="next")

    def on_mount(self) -> None:
        self._redraw()

    def _saved(self) -> set[tuple[str, str]]:
        if self.store is None:
            return set()
        return {
            (saved.kind, saved.text)
            for saved in self.store.saved_questions()
            if saved.lesson_id == self.lesson.id
        }

    def _redraw(self) -> None:
        saved = self._saved()
        for item in self.items:
            item.show(None if self.store is None else (item.kind, item.question) in saved)

    def toggle_saved(self, number: int) -> None:
        """Save question `number` for the doctor, or take it off the list."""
        if self.store is None or not 1 <= number <= len(self.items):
            return
        item = self.items[number - 1]
        if (item.kind, item.question) in self._saved():
            self.store.forget_question(self.lesson.id, item.kind, item.question)
        else:
            self.store.save_question(self.lesson.id, item.kind, item.question)
        self._redraw()

    def on_open_question_clicked(self, message: OpenQuestion.Clicked) -> None:
        self.toggle_saved(message.number)

    def action_save(self, number: int) -> None:
        """Key binding for `toggle_saved`."""
        self.toggle_saved(number)

    def action_next(self) -> None:
        """Show the result."""
        self.post_message(UnknownsDone(self.lesson, self.run))
