"""`explain` (teach-back): explain in your own words, see the model answer, tick what you covered.

The learner may type in a text box (or just think, and reveal without typing:
in the kiosk typing on a touch screen is awkward). Digits, Enter and the
buttons work without touching the box; the box takes focus only from a click
or tap, so the keys keep reaching the screen. What was typed stays in this view:
it is kept only when the learner presses "Bewaar voor mijn behandelaar"
(`QuestionView.SaveRequested`, handled by the screen).
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Static, TextArea
from textual.widgets.button import ButtonVariant

from tutor.core.content.models import ExplainQuestion
from tutor.core.questions import Response, Verdict, kind_of
from tutor.core.questions.explain import MAX_SAVED_CHARS, model_answer_line
from tutor.core.text import common as strings
from tutor.core.text import group as gs
from tutor.ui.widgets.pickrow import PickRow
from tutor.ui.widgets.questions.choice import ChoiceView


class AnswerBox(TextArea):
    """The learner's own words; focused only by a click or tap, Esc leaves it."""

    BINDINGS = [Binding("escape", "leave", show=False)]

    def __init__(self) -> None:
        super().__init__(id="explain-text", soft_wrap=True, placeholder=strings.EXPLAIN_PLACEHOLDER)
        self.can_focus = False

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Start typing where the learner clicked or tapped."""
        if not self.read_only:
            self.can_focus = True
            self.focus()

    def on_blur(self) -> None:
        """Give the keys back to the screen."""
        self.can_focus = False

    def action_leave(self) -> None:
        """Stop typing; digits and Enter work again."""
        self.screen.set_focus(None)


def _button(label: str, id: str, variant: ButtonVariant = "default") -> Button:
    button = Button(label, id=id, variant=variant, compact=True)
    button.can_focus = False
    return button


class ExplainView(ChoiceView):
    """Teach-back: first your own words, then the model answer and the key points to tick.

    Before the reveal there is no response yet; Enter, a digit or either button
    shows the model answer. After it any set of ticks (also none) is an answer;
    all ticked is right.
    """

    DEFAULT_CSS = """
    ExplainView #explain-text { height: 5; margin-bottom: 1; }
    ExplainView .explain-buttons { height: auto; margin-bottom: 1; }
    ExplainView .explain-buttons Button { margin-right: 2; }
    ExplainView .explain-model { margin-bottom: 1; }
    ExplainView #explain-save { margin-top: 1; }
    """

    def __init__(self, question: ExplainQuestion, order: list[int]) -> None:
        labels = [point.text for point in question.key_points]
        super().__init__(labels, set(kind_of(question).right_answer(question)), order, True)
        self.question = question
        self.hint = strings.EXPLAIN_HINT
        self.group_hint = gs.PARTICIPANT_EXPLAIN_HINT
        self.revealed = False
        self.saved = False

    def compose(self) -> ComposeResult:
        yield Static(self.hint, classes="question-hint", markup=False)
        yield AnswerBox()
        with Horizontal(classes="explain-buttons"):
            yield _button(strings.BUTTON_EXPLAIN_REVEAL, "explain-reveal", "primary")
            yield _button(strings.BUTTON_EXPLAIN_THINK, "explain-think")
        yield Static("", classes="explain-model")
        yield self.status_line
        yield self.pick_list
        yield self.done_line
        yield _button(strings.BUTTON_EXPLAIN_SAVE, "explain-save")

    def on_mount(self) -> None:
        self.query_one(".explain-model").display = False
        self.query_one("#explain-save").display = False
        super().on_mount()

    @property
    def typed(self) -> str:
        """What the learner typed (kept only in this view)."""
        return self.query_one(AnswerBox).text.strip()

    def reveal(self) -> None:
        """Show the model answer and the key points to tick; the text box is done."""
        if self.revealed:
            return
        self.revealed = True
        box = self.query_one(AnswerBox)
        box.read_only = True
        if box.has_focus:
            self.screen.set_focus(None)
        box.display = bool(self.typed)
        self.query_one(".explain-buttons").display = False
        self.query_one(".question-hint", Static).update(strings.EXPLAIN_TICK_HINT)
        model = Text()
        if self.typed:
            model.append(f"{strings.EXPLAIN_YOURS} ", style="bold")
            model.append(strings.EXPLAIN_NOT_KEPT if self.can_save else "", style="dim")
            model.append("\n")
        model.append(model_answer_line(self.question), style="bold")
        panel = self.query_one(".explain-model", Static)
        panel.update(model)
        panel.display = True
        self.query_one("#explain-save").display = self.can_save and bool(self.typed)
        self.refresh_rows()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id in ("explain-reveal", "explain-think"):
            self.reveal()
        elif event.button.id == "explain-save" and not self.saved and self.typed:
            self.post_message(self.SaveRequested(self.typed[:MAX_SAVED_CHARS]))

    def mark_saved(self) -> None:
        self.saved = True
        button = self.query_one("#explain-save", Button)
        button.label = strings.BUTTON_EXPLAIN_SAVED
        button.disabled = True

    def confirm_step(self) -> bool:
        if self.revealed:
            return False
        self.reveal()
        return True

    def pick(self, number: int) -> None:
        """Before the reveal a digit shows the model answer; after it, it ticks a point."""
        if not self.revealed:
            self.reveal()
            return
        super().pick(number)

    def undo(self) -> None:
        if self.revealed:
            super().undo()

    def show_verdict(self, verdict: Verdict) -> None:
        self.reveal()
        super().show_verdict(verdict)

    def response(self) -> Response | None:
        return frozenset(self.chosen) if self.revealed else None

    def draw_row(self, row: PickRow, position: int) -> None:
        row.visible = self.revealed
        super().draw_row(row, position)
