"""`order`: put the items in the right order; `items` lists them in that order."""

from __future__ import annotations

from collections.abc import Sequence

from tutor.core.content.models import OrderQuestion
from tutor.core.questions import gift_format as g
from tutor.core.questions.base import (
    Form,
    Json,
    PlacementResponse,
    Presentation,
    QuestionKind,
    Verdict,
    index_list,
    quotes_of,
)
from tutor.core.text import common as strings
from tutor.core.text import export as text


def permutation(data: object, count: int) -> PlacementResponse | None:
    """`data` as a tuple holding every index below `count` once, or None."""
    indices = index_list(data, count)
    if indices is None or len(indices) != count or len(set(indices)) != count:
        return None
    return tuple(indices)


class OrderKind(QuestionKind[OrderQuestion, PlacementResponse]):
    """The response lists the item indices in the learner's order."""

    type = "order"

    def item_count(self, question: OrderQuestion) -> int:
        return len(question.items)

    def presented(self, question: OrderQuestion, order: Sequence[int]) -> Presentation:
        return Presentation((), tuple(question.items[i] for i in order))

    def form(self, question: OrderQuestion, order: Sequence[int]) -> Form:
        return {
            "mode": "order",
            "options": [{"label": question.items[i], "value": i} for i in order],
        }

    def right_answer(self, question: OrderQuestion) -> PlacementResponse:
        return tuple(range(len(question.items)))

    def right_lines(self, question: OrderQuestion) -> list[str]:
        """The right order as numbered lines under a heading."""
        return [
            strings.ANSWER_RIGHT_ORDER,
            *(f"{n}. {item}" for n, item in enumerate(question.items, 1)),
        ]

    def check(self, question: OrderQuestion, response: PlacementResponse) -> Verdict:
        right = tuple(response) == self.right_answer(question)
        lines = [question.explanation]
        if not right:
            lines += self.right_lines(question)
        return Verdict(right, tuple(lines), quotes_of(question))

    def encode(self, question: OrderQuestion, response: PlacementResponse) -> Json:
        return list(response)

    def decode(self, question: OrderQuestion, data: object) -> PlacementResponse | None:
        return permutation(data, len(question.items))

    def answer_label(self, question: OrderQuestion, response: PlacementResponse) -> str:
        return " → ".join(question.items[i] for i in response)

    def answer_key(self, question: OrderQuestion, order: Sequence[int] | None = None) -> list[str]:
        return [*self.right_lines(question), question.explanation]

    def parts(self, question: OrderQuestion, response: PlacementResponse) -> list[tuple[int, bool]]:
        return [(index + 1, placed == index) for index, placed in enumerate(response)]

    def part_labels(self, question: OrderQuestion) -> list[str]:
        return list(question.items)

    def gift(self, question: OrderQuestion) -> str:
        items = question.items
        if len(items) >= g.MIN_MATCH_PAIRS:
            pairs = [
                (text.ORDER_POSITION.format(number=n), item) for n, item in enumerate(items, 1)
            ]
            prompt = f"{question.prompt.strip()} {text.ORDER_AS_MATCH}"
            general = g.general(question.explanation, question.quotes)
            return g.block(question.id, prompt, g.pair_lines(pairs), general)
        orders = [list(items), list(reversed(items))]
        options = ["; ".join(f"{n}. {item}" for n, item in enumerate(o, 1)) for o in orders]
        return g.combination_choice(
            question.id,
            question.prompt,
            text.ORDER_AS_CHOICE,
            options,
            question.explanation,
            question.quotes,
        )
