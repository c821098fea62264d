"""`single` and `multiple`: choose one or more options."""

from __future__ import annotations

from tutor.core.content.models import MultipleQuestion, SingleQuestion
from tutor.core.questions import Response, kind_of
from tutor.core.text import common as strings
from tutor.core.text import group as gs
from tutor.ui.widgets.pickrow import PickRow
from tutor.ui.widgets.questions.base import QuestionView


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
        self.group_hint = gs.PARTICIPANT_MULTIPLE_HINT if multiple else None

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
        row.show(box, self.labels[index], tone=mark, chosen=chosen)


def single_view(question: SingleQuestion, order: list[int]) -> ChoiceView:
    """The view of a `single` question."""
    labels = [option.text for option in question.options]
    return ChoiceView(labels, set(kind_of(question).right_answer(question)), order, False)


def multiple_view(question: MultipleQuestion, order: list[int]) -> ChoiceView:
    """The view of a `multiple` question."""
    labels = [option.text for option in question.options]
    return ChoiceView(labels, set(kind_of(question).right_answer(question)), order, True)
