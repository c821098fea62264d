"""`true_false`: Waar or Niet waar, always in that order."""

from __future__ import annotations

from tutor.core.content.models import TrueFalseQuestion
from tutor.core.questions import Response
from tutor.core.questions.true_false import LABELS, option_of
from tutor.ui.widgets.questions.choice import ChoiceView


class TrueFalseView(ChoiceView):
    """`true_false`: Waar or Niet waar, always in that order."""

    def __init__(self, question: TrueFalseQuestion, order: list[int]) -> None:
        super().__init__(list(LABELS), {option_of(question.answer)}, order, False)

    def response(self) -> Response | None:
        return (self.chosen[0] == 0) if self.chosen else None
