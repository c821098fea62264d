"""`true_false`: say whether a statement is true ("Waar" or "Niet waar", always in that order)."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from tutor.core.content.models import TrueFalseQuestion
from tutor.core.questions import gift_format as g
from tutor.core.questions.base import (
    INDENT,
    Bar,
    BarGroup,
    Form,
    Json,
    Presentation,
    QuestionKind,
    TrueFalseResponse,
    Verdict,
    quotes_of,
)
from tutor.core.text import common as strings

LABELS = (strings.TRUE_LABEL, strings.FALSE_LABEL)
"""The two options; option 0 is "Waar"."""


def option_of(said: bool) -> int:
    """The option index of an answer: 0 for "Waar", 1 for "Niet waar"."""
    return 0 if said else 1


class TrueFalseKind(QuestionKind[TrueFalseQuestion, TrueFalseResponse]):
    """Two fixed options; the response is True for "Waar"."""

    type = "true_false"
    takes_hands = True
    hand_is_person = True

    def item_count(self, question: TrueFalseQuestion) -> int:
        return 2

    def display_order(self, question: TrueFalseQuestion, rng: random.Random) -> list[int]:
        return [0, 1]

    def presented(self, question: TrueFalseQuestion, order: Sequence[int]) -> Presentation:
        return Presentation((), tuple(LABELS[i] for i in order))

    def hand_labels(self, question: TrueFalseQuestion) -> list[str]:
        return list(LABELS)

    def form(self, question: TrueFalseQuestion, order: Sequence[int]) -> Form:
        options = [{"label": LABELS[i], "answer": i == 0} for i in order]
        return {"mode": "one", "options": options}

    def right_answer(self, question: TrueFalseQuestion) -> TrueFalseResponse:
        return question.answer

    def right_hands(self, question: TrueFalseQuestion) -> set[int]:
        return {option_of(question.answer)}

    def check(self, question: TrueFalseQuestion, response: TrueFalseResponse) -> Verdict:
        said = bool(response)
        text = question.feedback_true if said else question.feedback_false
        return Verdict(said == question.answer, (text,), quotes_of(question))

    def encode(self, question: TrueFalseQuestion, response: TrueFalseResponse) -> Json:
        return bool(response)

    def decode(self, question: TrueFalseQuestion, data: object) -> TrueFalseResponse | None:
        return data if isinstance(data, bool) else None

    def answer_label(self, question: TrueFalseQuestion, response: TrueFalseResponse) -> str:
        return LABELS[option_of(response)]

    def answer_key(
        self, question: TrueFalseQuestion, order: Sequence[int] | None = None
    ) -> list[str]:
        label = LABELS[option_of(question.answer)]
        feedback = question.feedback_true if question.answer else question.feedback_false
        return [f"{option_of(question.answer) + 1} ✓ {label}", f"{INDENT}{feedback}"]

    def wrong_parts(self, question: TrueFalseQuestion, response: TrueFalseResponse) -> list[str]:
        return [] if response == question.answer else [self.answer_label(question, response)]

    def tally(
        self,
        question: TrueFalseQuestion,
        order: Sequence[int],
        responses: Sequence[tuple[TrueFalseResponse, int]],
        hands: Mapping[int, int],
        *,
        revealed: bool,
    ) -> list[BarGroup]:
        votes = [0, 0]
        for response, count in responses:
            votes[option_of(response)] += count
        right = option_of(question.answer)
        bars = tuple(
            Bar(
                f"{position}  {LABELS[index]}",
                votes[index] + hands.get(index, 0),
                (index == right) if revealed else None,
            )
            for position, index in enumerate(order, 1)
        )
        return [BarGroup(None, bars)]

    def gift(self, question: TrueFalseQuestion) -> str:
        # GIFT: {ANSWER#feedback when answered wrongly#feedback when answered rightly}.
        if question.answer:
            wrong, right = question.feedback_false, question.feedback_true
        else:
            wrong, right = question.feedback_true, question.feedback_false
        line = f"{'TRUE' if question.answer else 'FALSE'}#{g.gift_text(wrong)}#{g.gift_text(right)}"
        return g.block(question.id, question.prompt, [line], g.general(None, question.quotes))
