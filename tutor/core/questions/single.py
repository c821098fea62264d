"""`single`: pick the one right option."""

from __future__ import annotations

from collections.abc import Sequence

from tutor.core.content.models import SingleQuestion
from tutor.core.questions import gift_format as g
from tutor.core.questions.base import Form
from tutor.core.questions.choice import ChoiceKind


class SingleKind(ChoiceKind[SingleQuestion]):
    """One right option; a show of hands counts one person per hand."""

    type = "single"
    hand_is_person = True

    def max_chosen(self, question: SingleQuestion) -> int:
        return 1

    def form(self, question: SingleQuestion, order: Sequence[int]) -> Form:
        options = [{"label": question.options[i].text, "answer": [i]} for i in order]
        return {"mode": "one", "options": options}

    def key_is_longest(self, question: SingleQuestion) -> bool | None:
        """True when the right option has more characters than every other option."""
        lengths = [len(option.text) for option in question.options]
        (key,) = self.right_answer(question)
        return all(lengths[key] > length for i, length in enumerate(lengths) if i != key)

    def gift(self, question: SingleQuestion) -> str:
        lines = [
            f"{'=' if option.correct else '~'}{g.gift_text(option.text)}"
            f"#{g.gift_text(option.feedback)}"
            for option in question.options
        ]
        return g.block(question.id, question.prompt, lines, g.general(None, question.quotes))
