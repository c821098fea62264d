"""What `single` and `multiple` share: options to pick, each with its feedback."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Generic, TypeVar

from tutor.core.content.models import MultipleQuestion, SingleQuestion
from tutor.core.questions.base import (
    INDENT,
    Bar,
    BarGroup,
    ChoiceResponse,
    Form,
    Json,
    Presentation,
    QuestionKind,
    Verdict,
    index_list,
    per_index,
    quotes_of,
)

C = TypeVar("C", SingleQuestion, MultipleQuestion)


class ChoiceKind(QuestionKind[C, ChoiceResponse], Generic[C]):
    """Options in a shuffled order; the response is the set of chosen option indices."""

    takes_hands = True

    def item_count(self, question: C) -> int:
        return len(question.options)

    def presented(self, question: C, order: Sequence[int]) -> Presentation:
        return Presentation((), tuple(question.options[i].text for i in order))

    def hand_labels(self, question: C) -> list[str]:
        return [option.text for option in question.options]

    def form(self, question: C, order: Sequence[int]) -> Form:
        options = [{"label": question.options[i].text, "value": i} for i in order]
        return {"mode": "many", "options": options}

    def right_answer(self, question: C) -> ChoiceResponse:
        return frozenset(i for i, option in enumerate(question.options) if option.correct)

    def right_hands(self, question: C) -> set[int]:
        return set(self.right_answer(question))

    def check(self, question: C, response: ChoiceResponse) -> Verdict:
        chosen = frozenset(response)
        lines = [question.options[i].feedback for i in sorted(chosen)]
        lines += self.missed_lines(question, chosen)
        return Verdict(chosen == self.right_answer(question), tuple(lines), quotes_of(question))

    def missed_lines(self, question: C, chosen: ChoiceResponse) -> list[str]:
        """Feedback on right options the learner did not choose (none for `single`)."""
        return []

    def encode(self, question: C, response: ChoiceResponse) -> Json:
        return sorted(response)

    def decode(self, question: C, data: object) -> ChoiceResponse | None:
        indices = index_list(data, self.item_count(question))
        if not indices or len(set(indices)) > self.max_chosen(question):
            return None
        return frozenset(indices)

    def max_chosen(self, question: C) -> int:
        """How many options one response may choose."""
        return self.item_count(question)

    def answer_label(self, question: C, response: ChoiceResponse) -> str:
        return ", ".join(question.options[i].text for i in sorted(response))

    def answer_key(self, question: C, order: Sequence[int] | None = None) -> list[str]:
        shown = order if order is not None else range(len(question.options))
        lines = []
        for number, index in enumerate(shown, 1):
            option = question.options[index]
            lines.append(f"{number} {'✓' if option.correct else '✗'} {option.text}")
            lines.append(f"{INDENT}{option.feedback}")
        return lines

    def wrong_parts(self, question: C, response: ChoiceResponse) -> list[str]:
        right = self.right_answer(question)
        return [question.options[i].text for i in sorted(response - right)]

    def tally(
        self,
        question: C,
        order: Sequence[int],
        responses: Sequence[tuple[ChoiceResponse, int]],
        hands: Mapping[int, int],
        *,
        revealed: bool,
    ) -> list[BarGroup]:
        right = self.right_answer(question)
        counts = per_index(responses)
        bars = tuple(
            Bar(
                f"{position}  {question.options[index].text}",
                counts[index] + hands.get(index, 0),
                (index in right) if revealed else None,
            )
            for position, index in enumerate(order, 1)
        )
        return [BarGroup(None, bars)]

    def parts(self, question: C, response: ChoiceResponse) -> list[tuple[int, bool]]:
        return [
            (number, (index in response) == option.correct)
            for number, (index, option) in enumerate(enumerate(question.options), 1)
        ]

    def part_labels(self, question: C) -> list[str]:
        return [option.text for option in question.options]
