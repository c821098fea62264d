"""One view per question type. All share the keys: digits pick, ← undoes.

A view keeps the learner's picks and turns them into a response for
`tutor.core.quiz.check`. The app shuffles options and items; views map what the
learner sees back to the indices in the YAML file.
"""

from __future__ import annotations

import random

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tutor.core.content.models import (
    EvidenceQuestion,
    ExplainQuestion,
    MatchQuestion,
    MultipleQuestion,
    OrderQuestion,
    Question,
    SingleQuestion,
    TrueFalseQuestion,
)
from tutor.core.quiz import Response, Verdict, shuffled
from tutor.core.text import common as strings
from tutor.ui.widgets.pickrow import PickRow


class QuestionView(Vertical):
    """Base class: a hint, an optional status line and a list of pick rows."""

    hint = ""

    def __init__(self, row_count: int) -> None:
        super().__init__(classes="question-view")
        self.row_count = row_count
        self.verdict: Verdict | None = None

    def compose(self) -> ComposeResult:
        yield Static(self.hint, classes="question-hint", markup=False)
        yield Static("", classes="question-status", markup=False)
        for number in range(1, self.row_count + 1):
            yield PickRow(number)
        yield Static("", classes="question-done", markup=False)

    def on_mount(self) -> None:
        self.refresh_rows()

    def on_pick_row_picked(self, message: PickRow.Picked) -> None:
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

    def show_verdict(self, verdict: Verdict) -> None:
        """Lock the view and mark what was right and wrong."""
        self.verdict = verdict
        self.refresh_rows()

    def refresh_rows(self) -> None:
        """Redraw the status line and the rows from the picks."""
        for selector, text in (
            (".question-status", self.status()),
            (".question-done", self.done()),
        ):
            widget = self.query_one(selector, Static)
            widget.update(text)
            widget.display = bool(text)
        for row in self.query(PickRow):
            self.draw_row(row, row.number - 1)

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


def _set_state(row: PickRow, *, chosen: bool = False, used: bool = False, mark: str = "") -> None:
    row.set_class(chosen, "-chosen")
    row.set_class(used, "-used")
    row.set_class(mark == "right", "-right")
    row.set_class(mark == "wrong", "-wrong")


class ChoiceView(QuestionView):
    """`single`, `multiple` and `true_false`: choose one or more options."""

    def __init__(
        self, labels: list[str], correct: set[int], order: list[int], multiple: bool
    ) -> None:
        super().__init__(len(labels))
        self.labels = labels
        self.correct = correct
        self.order = order
        self.multiple = multiple
        self.chosen: list[int] = []
        self.hint = strings.MULTIPLE_HINT if multiple else strings.SINGLE_HINT

    def choose(self, position: int) -> None:
        index = self.order[position]
        if not self.multiple:
            self.chosen = [index]
        elif index in self.chosen:
            self.chosen.remove(index)
        else:
            self.chosen.append(index)

    def take_back(self) -> None:
        if self.chosen:
            self.chosen.pop()

    def response(self) -> Response | None:
        return frozenset(self.chosen) if self.chosen else None

    def draw_row(self, row: PickRow, position: int) -> None:
        index = self.order[position]
        chosen = index in self.chosen
        if self.multiple:
            box = "[x]" if chosen else "[ ]"
        else:
            box = "(•)" if chosen else "( )"
        mark = ""
        if self.verdict is not None:
            if index in self.correct:
                mark, box = "right", box + " ✓"
            elif chosen:
                mark, box = "wrong", box + " ✗"
        _set_state(row, chosen=chosen, mark=mark)
        row.show(box, self.labels[index])


class TrueFalseView(ChoiceView):
    """`true_false`: Waar or Niet waar, always in that order."""

    def __init__(self, question: TrueFalseQuestion) -> None:
        correct = {0 if question.answer else 1}
        super().__init__([strings.TRUE_LABEL, strings.FALSE_LABEL], correct, [0, 1], False)

    def response(self) -> Response | None:
        return (self.chosen[0] == 0) if self.chosen else None


class ExplainView(ChoiceView):
    """`explain` (teach-back): tick the key points your own explanation covered.

    A placeholder until the teach-back screen exists: any set of ticks (also
    none) is an answer.
    """

    def __init__(self, question: ExplainQuestion, order: list[int]) -> None:
        labels = [point.text for point in question.key_points]
        super().__init__(labels, set(range(len(labels))), order, True)
        self.hint = strings.EXPLAIN_HINT

    def response(self) -> Response | None:
        return frozenset(self.chosen)


class OrderView(QuestionView):
    """`order`: pick the items one by one in the right order."""

    hint = strings.ORDER_HINT

    def __init__(self, question: OrderQuestion, order: list[int]) -> None:
        super().__init__(len(question.items))
        self.items = question.items
        self.order = order
        self.picked: list[int] = []

    def choose(self, position: int) -> None:
        index = self.order[position]
        if index not in self.picked:
            self.picked.append(index)

    def take_back(self) -> None:
        if self.picked:
            self.picked.pop()

    def response(self) -> Response | None:
        return tuple(self.picked) if len(self.picked) == len(self.items) else None

    def status(self) -> Text | str:
        line = Text()
        line.append(strings.ORDER_YOURS + " ", style="bold")
        line.append(" → ".join(self.items[i] for i in self.picked) or "…")
        return line

    def draw_row(self, row: PickRow, position: int) -> None:
        index = self.order[position]
        used = index in self.picked
        mark_text = f"{self.picked.index(index) + 1}." if used else "  "
        mark = ""
        if self.verdict is not None and used:
            mark = "right" if self.picked.index(index) == index else "wrong"
        _set_state(row, used=used, mark=mark)
        row.show(mark_text, self.items[index])


class MatchView(QuestionView):
    """`match`: for each term in turn, pick its meaning."""

    hint = strings.MATCH_HINT

    def __init__(self, question: MatchQuestion, order: list[int]) -> None:
        super().__init__(len(question.pairs))
        self.pairs = question.pairs
        self.order = order
        self.chosen: list[int] = []

    def choose(self, position: int) -> None:
        index = self.order[position]
        if index not in self.chosen and len(self.chosen) < len(self.pairs):
            self.chosen.append(index)

    def take_back(self) -> None:
        if self.chosen:
            self.chosen.pop()

    def response(self) -> Response | None:
        return tuple(self.chosen) if len(self.chosen) == len(self.pairs) else None

    def status(self) -> Text | str:
        if len(self.chosen) < len(self.pairs):
            term = self.pairs[len(self.chosen)].term
            return Text(strings.MATCH_CURRENT.format(term=term), style="bold reverse")
        return ""

    def done(self) -> Text | str:
        line = Text()
        for term_index, meaning_index in enumerate(self.chosen):
            right = self.verdict is None or meaning_index == term_index
            line.append(f"{self.pairs[term_index].term} = ", style="bold")
            line.append(self.pairs[meaning_index].meaning, style="" if right else "strike")
            line.append("\n")
        line.rstrip()
        return line

    def draw_row(self, row: PickRow, position: int) -> None:
        index = self.order[position]
        used = index in self.chosen
        mark = ""
        if self.verdict is not None:
            mark = "right" if used and self.chosen.index(index) == index else "wrong"
        _set_state(row, used=used, mark=mark)
        row.show("✓" if used and self.verdict is None else "", self.pairs[index].meaning)


class EvidenceView(QuestionView):
    """`evidence`: place each statement in turn on the evidence scale."""

    hint = strings.EVIDENCE_HINT

    def __init__(self, question: EvidenceQuestion, order: list[int]) -> None:
        super().__init__(len(strings.EVIDENCE_ORDER))
        self.statements = question.statements
        self.order = order
        self.levels: list[str] = []

    def choose(self, position: int) -> None:
        if len(self.levels) < len(self.statements):
            self.levels.append(strings.EVIDENCE_ORDER[position])

    def take_back(self) -> None:
        if self.levels:
            self.levels.pop()

    def response(self) -> Response | None:
        if len(self.levels) < len(self.statements):
            return None
        by_index = dict(zip(self.order, self.levels, strict=True))
        return tuple(by_index[i] for i in range(len(self.statements)))

    def status(self) -> Text | str:
        if len(self.levels) >= len(self.statements):
            return ""
        number = len(self.levels) + 1
        line = Text()
        line.append(
            strings.EVIDENCE_CURRENT.format(number=number, total=len(self.statements)) + "\n",
            style="bold",
        )
        line.append(self.statements[self.order[number - 1]].text, style="bold reverse")
        return line

    def done(self) -> Text | str:
        line = Text()
        for shown, level in enumerate(self.levels):
            statement = self.statements[self.order[shown]]
            line.append(f"{statement.text} ", style="dim")
            line.append(f"→ {strings.EVIDENCE_LABELS[level]}\n")
        line.rstrip()
        return line

    def draw_row(self, row: PickRow, position: int) -> None:
        level = strings.EVIDENCE_ORDER[position]
        _set_state(row, used=self.verdict is not None)
        row.show("", strings.EVIDENCE_LABELS[level])


def make_view(question: Question, rng: random.Random) -> QuestionView:
    """Build the view for a question, with options or items shuffled by `rng`."""
    if isinstance(question, SingleQuestion | MultipleQuestion):
        labels = [option.text for option in question.options]
        correct = {i for i, option in enumerate(question.options) if option.correct}
        order = shuffled(len(labels), rng)
        return ChoiceView(labels, correct, order, isinstance(question, MultipleQuestion))
    if isinstance(question, TrueFalseQuestion):
        return TrueFalseView(question)
    if isinstance(question, OrderQuestion):
        return OrderView(question, shuffled(len(question.items), rng))
    if isinstance(question, MatchQuestion):
        return MatchView(question, shuffled(len(question.pairs), rng))
    if isinstance(question, ExplainQuestion):
        return ExplainView(question, shuffled(len(question.key_points), rng))
    return EvidenceView(question, shuffled(len(question.statements), rng))
