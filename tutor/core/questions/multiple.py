"""`multiple`: pick every right option."""

from __future__ import annotations

from tutor.core.content.models import MultipleQuestion
from tutor.core.questions import gift_format as g
from tutor.core.questions.base import ChoiceResponse
from tutor.core.questions.choice import ChoiceKind
from tutor.core.text import common as strings


class MultipleKind(ChoiceKind[MultipleQuestion]):
    """Several right options; all must be chosen, none of the wrong ones."""

    type = "multiple"

    def missed_lines(self, question: MultipleQuestion, chosen: ChoiceResponse) -> list[str]:
        return [
            strings.ANSWER_ALSO_RIGHT.format(option=question.options[i].text)
            + f" {question.options[i].feedback}"
            for i in sorted(self.right_answer(question) - chosen)
        ]

    def gift(self, question: MultipleQuestion) -> str:
        right = g.multiple_weight(len(self.right_answer(question)))
        lines = [
            f"~%{right if option.correct else g.WRONG_WEIGHT}%"
            f"{g.gift_text(option.text)}#{g.gift_text(option.feedback)}"
            for option in question.options
        ]
        return g.block(question.id, question.prompt, lines, g.general(None, question.quotes))
