"""One quiz question per screen, with feedback after the answer."""

from __future__ import annotations

import random
from collections.abc import Iterable

from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Static

from tutor.core.content.models import Lesson
from tutor.core.leitner import CONFIDENCE_LEVELS
from tutor.core.questions import check
from tutor.core.questions.explain import SAVED_KIND
from tutor.core.quiz import QuizRun, Verdict
from tutor.core.text import common as strings
from tutor.ui.frame import TutorScreen, action_button, hold_width
from tutor.ui.messages import QuestionAnswered, QuestionDone
from tutor.ui.screens.unknowns import SavedQuestions
from tutor.ui.widgets.feedback import FeedbackPanel
from tutor.ui.widgets.questions import QuestionView, make_view


class QuestionScreen(TutorScreen):
    """Asks the current question of a run; Enter checks, then continues."""

    BINDINGS = [
        Binding("enter,space,right", "confirm", "Bevestig / verder"),
        Binding("left,backspace", "undo", "Ongedaan", show=False),
        Binding("g", "app.glossary", "Begrippen"),
        Binding("b", "app.source", "Bron"),
        *[Binding(str(n), f"pick({n})", "Antwoord kiezen", show=False) for n in range(1, 10)],
        Binding("z", "confidence('zeker')", "Zeker", show=False),
        Binding("t", "confidence('twijfel')", "Twijfel", show=False),
        Binding("k", "confidence('gok')", "Gok", show=False),
    ]

    def __init__(
        self,
        lesson: Lesson,
        run: QuizRun,
        rng: random.Random,
        *,
        ask_confidence: bool = False,
        saves: SavedQuestions | None = None,
    ) -> None:
        """Create the screen for the run's current question.

        Args:
            lesson: The lesson of the question.
            run: The quiz run; its current question is asked.
            rng: Shuffles the options.
            ask_confidence: Show the "Hoe zeker ben je?" row (self-study, where it feeds review).
            saves: Where a teach-back answer can be kept for the doctor; None: it cannot.
        """
        self.saves = saves
        super().__init__(classes="question-screen")
        self.ask_confidence = ask_confidence
        self.lesson = lesson
        self.run = run
        self.view = make_view(run.current, rng)
        self.verdict: Verdict | None = None
        self.confidence: str | None = None
        # The widgets a press changes, kept rather than looked up: a query walks the
        # whole screen, in the frame that must show the verdict.
        self.confidence_row: Horizontal | None = None
        self.answer_hint = Static("", id="answer-hint", classes="question-hint", markup=False)
        self.feedback_panel = FeedbackPanel()
        self.undo_source = action_button(strings.BUTTON_UNDO, "undo", id="undo-source")
        self.confirm_button = action_button(
            strings.BUTTON_CHECK, "confirm", variant="primary", id="confirm"
        )

    def title_text(self) -> str:
        if self.run.is_review:
            return f"{strings.REVIEW_SESSION_TITLE}: {self.lesson.title}"
        prefix = f"{strings.RESULT_RETRY_TITLE}: " if self.run.is_retry else ""
        return prefix + self.lesson.title

    def counter_text(self) -> str:
        return strings.QUESTION_COUNTER.format(number=self.run.index + 1, total=self.run.total)

    def compose_body(self) -> Iterable[Widget]:
        yield Static(self.run.current.prompt, id="prompt", markup=False)
        self.view.can_save = self.saves is not None
        yield self.view
        if self.ask_confidence:
            self.confidence_row = Horizontal(
                Static(strings.CONFIDENCE_PROMPT, markup=False),
                *(
                    action_button(
                        strings.CONFIDENCE_LABELS[level], f"confidence('{level}')", id=f"c-{level}"
                    )
                    for level in CONFIDENCE_LEVELS
                ),
                id="confidence",
            )
            yield self.confidence_row
        yield self.answer_hint
        yield self.feedback_panel

    def compose_buttons(self) -> Iterable[Button]:
        # One place for "Ongedaan" while choosing and "Bron" with the feedback: the
        # frame that shows the verdict relabels two buttons instead of rearranging three.
        yield self.undo_source
        yield self.confirm_button

    def on_mount(self) -> None:
        self.answer_hint.display = False
        # Each button is as wide as the longer of its two labels: the verdict's frame
        # then relabels them in place, and "Verder" is where "Controleer" was.
        hold_width(self.undo_source, strings.BUTTON_UNDO, strings.BUTTON_SOURCE)
        hold_width(self.confirm_button, strings.BUTTON_CHECK, strings.BUTTON_CONTINUE)

    async def action_source_click(self) -> None:
        """Open the source of the answer (from the button)."""
        await self.run_action("app.source")

    def action_pick(self, number: int) -> None:
        """Choose option, item or level `number`."""
        self.view.pick(number)
        self.call_after_refresh(self.prepare_feedback)

    def on_click(self) -> None:
        """A click may have picked a row: prepare the feedback once the pick is drawn."""
        self.call_after_refresh(self.prepare_feedback)

    def prepare_feedback(self) -> None:
        """Once the answer is complete, draw its feedback ahead, while the learner looks.

        The frame that shows the verdict then only places the panel's lines.
        """
        if self.verdict is None and (response := self.view.response()) is not None:
            verdict = check(self.run.current, response)
            self.view.prepare_verdict(verdict)
            self.feedback_panel.prepare(verdict)

    def action_confidence(self, level: str) -> None:
        """Say how sure you are, before seeing the feedback (optional)."""
        if self.verdict is not None or self.confidence_row is None:
            return
        self.confidence = None if self.confidence == level else level
        for button in self.confidence_row.query(Button):
            button.set_class(button.id == f"c-{self.confidence}", "-chosen")

    def action_undo(self) -> None:
        """Undo the last choice."""
        self.view.undo()
        self.call_after_refresh(self.prepare_feedback)

    def action_confirm(self) -> None:
        """Check the answer, or go on once it has been checked."""
        if self.verdict is not None:
            self.run.advance()
            self.post_message(QuestionDone(self.lesson, self.run))
            return
        if self.view.confirm_step():
            self.call_after_refresh(self.prepare_feedback)
            return
        response = self.view.response()
        if response is None:
            # One inline hint, not a toast per press (a toast storm would cover the options).
            self.answer_hint.update(strings.ANSWER_INCOMPLETE)
            self.answer_hint.display = True
            return
        self.answer_hint.display = False
        question = self.run.current
        self.verdict = self.run.answer(response)
        self.post_message(
            QuestionAnswered(self.lesson, self.run, question, self.verdict, self.confidence)
        )
        self.view.show_verdict(self.verdict)
        if self.confidence_row is not None:
            self.confidence_row.display = False
        self.show_feedback(self.verdict)

    def on_question_view_save_requested(self, message: QuestionView.SaveRequested) -> None:
        """Keep what the learner typed for "Vragen voor mijn behandelaar"."""
        store = self.saves
        if store is not None:
            store.save_question(self.lesson.id, SAVED_KIND, message.text)
            self.view.mark_saved()

    def show_feedback(self, verdict: Verdict) -> None:
        """Show right or wrong, the feedback and the article's own words."""
        self.feedback_panel.show(verdict)
        self.confirm_button.label = strings.BUTTON_CONTINUE
        side = self.undo_source
        side.label = strings.BUTTON_SOURCE
        side.action = "screen.source_click"
