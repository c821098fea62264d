"""`match`: match each term to its meaning; the meanings are shuffled."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from tutor.core.content.models import MatchQuestion
from tutor.core.questions import gift_format as g
from tutor.core.questions.base import (
    Bar,
    BarGroup,
    Form,
    Json,
    PlacementResponse,
    Presentation,
    QuestionKind,
    Verdict,
    quotes_of,
)
from tutor.core.questions.order import permutation
from tutor.core.text import common as strings
from tutor.core.text import export as text


class MatchKind(QuestionKind[MatchQuestion, PlacementResponse]):
    """The response holds, for every term, the index of the meaning the learner chose."""

    type = "match"

    def item_count(self, question: MatchQuestion) -> int:
        return len(question.pairs)

    def presented(self, question: MatchQuestion, order: Sequence[int]) -> Presentation:
        terms = ", ".join(pair.term for pair in question.pairs)
        return Presentation((terms,), tuple(question.pairs[i].meaning for i in order))

    def form(self, question: MatchQuestion, order: Sequence[int]) -> Form:
        return {
            "mode": "grid",
            "rows": [{"label": pair.term, "value": i} for i, pair in enumerate(question.pairs)],
            "choices": [{"label": question.pairs[i].meaning, "value": i} for i in order],
            "unique": True,
        }

    def right_answer(self, question: MatchQuestion) -> PlacementResponse:
        return tuple(range(len(question.pairs)))

    def right_lines(self, question: MatchQuestion) -> list[str]:
        """The right pairs under a heading."""
        return [
            strings.ANSWER_RIGHT_PAIRS,
            *(f"{pair.term} = {pair.meaning}" for pair in question.pairs),
        ]

    def check(self, question: MatchQuestion, response: PlacementResponse) -> Verdict:
        right = tuple(response) == self.right_answer(question)
        lines = [question.explanation]
        if not right:
            lines += self.right_lines(question)
        return Verdict(right, tuple(lines), quotes_of(question))

    def encode(self, question: MatchQuestion, response: PlacementResponse) -> Json:
        return list(response)

    def decode(self, question: MatchQuestion, data: object) -> PlacementResponse | None:
        return permutation(data, len(question.pairs))

    def _pair_label(self, question: MatchQuestion, term: int, meaning: int) -> str:
        return f"{question.pairs[term].term} = {question.pairs[meaning].meaning}"

    def answer_label(self, question: MatchQuestion, response: PlacementResponse) -> str:
        return "; ".join(self._pair_label(question, t, m) for t, m in enumerate(response))

    def answer_key(self, question: MatchQuestion, order: Sequence[int] | None = None) -> list[str]:
        return [*self.right_lines(question), question.explanation]

    def wrong_parts(self, question: MatchQuestion, response: PlacementResponse) -> list[str]:
        return [self._pair_label(question, t, m) for t, m in enumerate(response) if t != m]

    def tally(
        self,
        question: MatchQuestion,
        order: Sequence[int],
        responses: Sequence[tuple[PlacementResponse, int]],
        hands: Mapping[int, int],
        *,
        revealed: bool,
    ) -> list[BarGroup]:
        groups = []
        for term_index, pair in enumerate(question.pairs):
            meanings: Counter[int] = Counter()
            for response, count in responses:
                meanings[response[term_index]] += count
            bars = tuple(
                Bar(
                    f"{position}  {question.pairs[index].meaning}",
                    meanings[index],
                    (index == term_index) if revealed else None,
                )
                for position, index in enumerate(order, 1)
            )
            groups.append(BarGroup(pair.term, bars))
        return groups

    def parts(self, question: MatchQuestion, response: PlacementResponse) -> list[tuple[int, bool]]:
        return [(index + 1, placed == index) for index, placed in enumerate(response)]

    def part_labels(self, question: MatchQuestion) -> list[str]:
        return [pair.term for pair in question.pairs]

    def gift(self, question: MatchQuestion) -> str:
        pairs = [(pair.term, pair.meaning) for pair in question.pairs]
        if len(pairs) >= g.MIN_MATCH_PAIRS:
            general = g.general(question.explanation, question.quotes)
            return g.block(question.id, question.prompt, g.pair_lines(pairs), general)
        combos = [pairs, [(pairs[0][0], pairs[1][1]), (pairs[1][0], pairs[0][1])]]
        options = ["; ".join(f"{left} → {right}" for left, right in combo) for combo in combos]
        return g.combination_choice(
            question.id,
            question.prompt,
            text.MATCH_AS_CHOICE,
            options,
            question.explanation,
            question.quotes,
        )
