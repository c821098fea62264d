"""The base of every question view: a hint, an optional status line and pick rows.

A view keeps the learner's picks and turns them into a response for
`tutor.core.questions` to check. Each question kind shuffles its own options
(`QuestionKind.display_order`); views map what the learner sees back to the
indices in the YAML file. All views share the keys: digits pick, ← undoes.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from tutor.core.questions import Response, Verdict
from tutor.ui.widgets.pickrow import PickList, PickRow


class QuestionView(Vertical):
    """Base class: a hint, an optional status line and a list of pick rows."""

    hint = ""
    group_hint: str | None = None
    """A hint for the participant's screen in a group session, if it needs one."""

    class SaveRequested(Message):
        """The learner asked to keep `text` for "Vragen voor mijn behandelaar"."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, row_count: int) -> None:
        super().__init__(classes="question-view")
        self.row_count = row_count
        self.verdict: Verdict | None = None
        self.can_save = False
        """Whether the screen can keep something for "Vragen voor mijn behandelaar"."""
        # Kept, not queried: every pick and the verdict redraw them.
        self.status_line = Static("", classes="question-status", markup=False)
        self.done_line = Static("", classes="question-done", markup=False)
        self.pick_list = PickList(row_count)
        self.rows = self.pick_list.rows

    def compose(self) -> ComposeResult:
        yield Static(self.hint, classes="question-hint", markup=False)
        yield self.status_line
        yield self.pick_list
        yield self.done_line

    def on_mount(self) -> None:
        self.refresh_rows()

    def on_pick_list_picked(self, message: PickList.Picked) -> None:
        message.stop()
        self.pick(message.number)

    def pick(self, number: int) -> None:
        """Pick row `number` (1-based), unless the question is answered."""
        if self.verdict is None and 1 <= number <= self.row_count:
            self.choose(number - 1)
            self.refresh_rows()

    def undo(self) -> None:
        """Undo the last pick, unless the question is answered."""
        if self.verdict is None:
            self.take_back()
            self.refresh_rows()

    def confirm_step(self) -> bool:
        """Handle Enter before the answer is checked; True if the view used it.

        Most views have nothing to do; a teach-back view first shows the model answer.
        """
        return False

    def mark_saved(self) -> None:
        """The screen kept what the view asked to save (`SaveRequested`)."""

    def show_verdict(self, verdict: Verdict) -> None:
        """Lock the view and mark what was right and wrong."""
        self.verdict = verdict
        self.refresh_rows()

    def prepare_verdict(self, verdict: Verdict) -> None:
        """Draw the rows ahead as `verdict` will show them (the answer is complete).

        The frame that shows the verdict then finds them drawn; the view is left as it was.
        """
        before = self.verdict
        states = [row.state() for row in self.rows]
        self.verdict = verdict
        try:
            for row in self.rows:
                self.draw_row(row, row.number - 1)
            self.pick_list.prepare()
        finally:
            self.verdict = before
            for row, state in zip(self.rows, states, strict=True):
                row.restore(state)

    def refresh_rows(self) -> None:
        """Redraw the status line and the rows from the picks."""
        for widget, text in ((self.status_line, self.status()), (self.done_line, self.done())):
            if widget.content != text:
                widget.update(text)
            widget.display = bool(text)
        for row in self.rows:
            self.draw_row(row, row.number - 1)
        self.pick_list.redraw()

    # To be filled in by each type.
    def choose(self, position: int) -> None:
        """Handle a pick of the row at `position` (0-based)."""
        raise NotImplementedError

    def take_back(self) -> None:
        """Undo the last pick."""

    def response(self) -> Response | None:
        """The response for `tutor.core.quiz.check`, or None while incomplete."""
        raise NotImplementedError

    def status(self) -> Text | str:
        """A line above the rows that shows progress of the picks."""
        return ""

    def done(self) -> Text | str:
        """A line under the rows with what has been placed so far."""
        return ""

    def draw_row(self, row: PickRow, position: int) -> None:
        """Draw one row."""
        raise NotImplementedError
