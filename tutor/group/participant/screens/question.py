"""A participant answers the question the trainer is on; changeable until the reveal."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Static

from tutor.core.content.models import Lesson, Question, quote_texts
from tutor.core.questions import Response, Verdict, check
from tutor.core.text import common as strings
from tutor.core.text import group as gs
from tutor.group.answers import answer_key, display_order, question_rng, response_label
from tutor.group.participant.screens.base import ParticipantScreen
from tutor.store.group import Position
from tutor.ui.frame import action_button
from tutor.ui.widgets.feedback import FeedbackPanel
from tutor.ui.widgets.questions import make_view


class ParticipantQuestionScreen(ParticipantScreen):
    """The question with the same option order as on the projector.

    Every complete answer goes to the trainer at once; undoing a pick takes it
    back. After the reveal the participant sees whether they were right and why.
    """

    BINDINGS = [
        Binding("left,backspace", "undo", "Ongedaan", show=False),
        Binding("enter", "send", "Verstuur", show=False),
        *[Binding(str(n), f"pick({n})", show=False) for n in range(1, 10)],
    ]

    def __init__(
        self,
        lesson: Lesson,
        position: Position,
        question: Question,
        total: int,
        code: str,
        sent: Response | None,
    ) -> None:
        super().__init__(lesson, position, classes="participant-question")
        self.question = question
        self.total = total
        self.view = make_view(question, question_rng(code, question))
        self.order = display_order(code, question)
        self.sent = sent
        """The answer the trainer has, if any."""
        self.seen: Response | None = None
        """The view's response when last looked at; a change is sent."""
        self.revealed = False

    def place_text(self) -> str:
        return strings.QUESTION_COUNTER.format(number=self.position.index + 1, total=self.total)

    def compose_body(self) -> Iterable[Widget]:
        yield Static(self.question.prompt, id="prompt", markup=False)
        yield self.view
        yield Static("", id="answer-status", markup=False)
        yield FeedbackPanel()

    def compose_buttons(self) -> Iterable[Button]:
        yield action_button(strings.BUTTON_UNDO, "undo", id="undo")

    def on_mount(self) -> None:
        if self.view.group_hint:
            # Choice hints mention Enter (not needed here); some views bring their own.
            hint = self.view.query_one(".question-hint", Static)
            hint.update(self.view.group_hint)
            hint.display = True
        self.show_status()
        if self.position.revealed:
            self.reveal()
        else:
            self.call_after_refresh(self.prepare_feedback)

    def follow(self, position: Position) -> None:
        super().follow(position)
        if position.revealed and not self.revealed:
            self.reveal()
        else:
            self.sync_answer()

    def action_pick(self, number: int) -> None:
        """Choose option, item or level `number`; a complete answer is sent."""
        self.view.pick(number)
        self.sync_answer()

    def action_undo(self) -> None:
        """Undo the last choice."""
        self.view.undo()
        self.sync_answer()

    def action_send(self) -> None:
        """Send the answer now (it is also sent by itself)."""
        if not self.revealed and self.view.confirm_step():
            self.sync_answer()
            return
        self.sync_answer()
        if self.view.response() is None and not self.revealed:
            self.notify(strings.ANSWER_INCOMPLETE, timeout=3)

    def on_click(self) -> None:
        """A click may have picked a row: send the answer once the pick is handled."""
        self.call_after_refresh(self.sync_answer)

    def sync_answer(self) -> None:
        """Send (or take back) the answer when the picks changed."""
        if self.revealed:
            return
        response = self.view.response()
        if response == self.seen:
            return
        self.seen = response
        self.post_message(self.AnswerChanged(self, self.position.index, response))

    @dataclass
    class AnswerChanged(Message):
        """New picks make a new answer (None takes it back); the app sends it, calls `sent_as`."""

        screen: ParticipantQuestionScreen
        index: int
        response: Response | None

    def sent_as(self, response: Response | None, accepted: bool) -> None:
        """The app tried to give the trainer `response`; show what the trainer now has."""
        if accepted:
            self.sent = response
            # The reveal shows the verdict of what was sent: draw it ahead, while waiting.
            self.call_after_refresh(self.prepare_feedback)
        self.show_status()

    def verdict_of_sent(self) -> tuple[Verdict, str | None]:
        """The verdict the reveal shows for the answer sent, and its headline (None: the usual)."""
        if self.sent is not None:
            return check(self.question, self.sent), None
        key = answer_key(self.question, self.order)
        verdict = Verdict(False, tuple(key), quote_texts(self.question.quotes))
        return verdict, gs.PARTICIPANT_NO_ANSWER

    def prepare_feedback(self) -> None:
        """Draw the feedback for the answer sent ahead of the reveal (`FeedbackPanel.prepare`)."""
        if not self.revealed:
            verdict, headline = self.verdict_of_sent()
            self.view.prepare_verdict(verdict)
            self.query_one(FeedbackPanel).prepare(verdict, headline)

    def show_status(self) -> None:
        """Say whether the trainer has an answer, and which."""
        status = self.query_one("#answer-status", Static)
        if self.revealed:
            text = Text(gs.PARTICIPANT_HINT_CLOSED, style="bold")
        elif self.sent is not None:
            text = Text(gs.PARTICIPANT_HINT_SENT)
            text.append(f"\n{response_label(self.question, self.sent)}", style="bold")
        else:
            text = Text(gs.PARTICIPANT_HINT_OPEN)
        status.update(text)

    def reveal(self) -> None:
        """Show whether the sent answer was right, and why; lock the question."""
        self.revealed = True
        verdict, headline = self.verdict_of_sent()
        self.view.show_verdict(verdict)
        self.query_one(FeedbackPanel).show(verdict, headline)
        self.query_one("#undo", Button).display = False
        self.show_status()
