"""`explain` (teach-back): explain in your own words, then tick the key points you covered.

The response is the set of key points the learner ticked; it is right when all
are ticked. What the learner typed is never part of the response: it stays in
the view unless the learner saves it to "Vragen voor mijn behandelaar"
(`SAVED_KIND`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tutor.core.content.models import ExplainQuestion, SourcedQuote
from tutor.core.questions import gift_format as g
from tutor.core.questions.base import (
    Bar,
    BarGroup,
    ChoiceResponse,
    Form,
    Json,
    Path,
    Presentation,
    QuestionKind,
    Verdict,
    index_list,
    per_index,
    quotes_of,
)
from tutor.core.text import common as strings

SAVED_KIND = "explain"
"""The kind of a saved question that holds the learner's own explanation."""
MAX_SAVED_CHARS = 2000
"""A saved explanation is cut to this many characters."""


def model_answer_line(question: ExplainQuestion) -> str:
    """ "Een goede uitleg: …" on one line."""
    return strings.ANSWER_MODEL.format(text=" ".join(question.model_answer.split()))


class ExplainKind(QuestionKind[ExplainQuestion, ChoiceResponse]):
    """Key points to tick; no ticks at all is an answer too (a wrong one)."""

    type = "explain"

    def item_count(self, question: ExplainQuestion) -> int:
        return len(question.key_points)

    def presented(self, question: ExplainQuestion, order: Sequence[int]) -> Presentation:
        return Presentation((), tuple(question.key_points[i].text for i in order))

    def form(self, question: ExplainQuestion, order: Sequence[int]) -> Form:
        # The model answer is the learner's own check (teach-back), not a hidden key: the
        # participant opens it before ticking which key points their answer had.
        return {
            "mode": "many",
            "model_answer": question.model_answer,
            "options": [{"label": question.key_points[i].text, "value": i} for i in order],
        }

    def right_answer(self, question: ExplainQuestion) -> ChoiceResponse:
        return frozenset(range(len(question.key_points)))

    def check(self, question: ExplainQuestion, response: ChoiceResponse) -> Verdict:
        covered = frozenset(response)
        lines = [model_answer_line(question)]
        lines += [
            f"{'✓' if i in covered else '✗'} {point.text}"
            for i, point in enumerate(question.key_points)
        ]
        return Verdict(covered >= self.right_answer(question), tuple(lines), quotes_of(question))

    def encode(self, question: ExplainQuestion, response: ChoiceResponse) -> Json:
        return sorted(response)

    def decode(self, question: ExplainQuestion, data: object) -> ChoiceResponse | None:
        indices = index_list(data, len(question.key_points))
        return None if indices is None else frozenset(indices)

    def answer_label(self, question: ExplainQuestion, response: ChoiceResponse) -> str:
        return "; ".join(question.key_points[i].text for i in sorted(response)) or "-"

    def answer_key(
        self, question: ExplainQuestion, order: Sequence[int] | None = None
    ) -> list[str]:
        return [model_answer_line(question), *(f"✓ {p.text}" for p in question.key_points)]

    def wrong_parts(self, question: ExplainQuestion, response: ChoiceResponse) -> list[str]:
        return [p.text for i, p in enumerate(question.key_points) if i not in response]

    def tally(
        self,
        question: ExplainQuestion,
        order: Sequence[int],
        responses: Sequence[tuple[ChoiceResponse, int]],
        hands: Mapping[int, int],
        *,
        revealed: bool,
    ) -> list[BarGroup]:
        """One bar per key point: how many participants say they covered it (no texts)."""
        counts = per_index(responses)
        bars = tuple(
            Bar(f"{position}  {question.key_points[index].text}", counts[index])
            for position, index in enumerate(order, 1)
        )
        return [BarGroup(None, bars)]

    def quoted_parts(
        self, question: ExplainQuestion
    ) -> list[tuple[Path, list[str | SourcedQuote]]]:
        """Every key point's quotes, checked against the source like all others."""
        return [(("key_points", k), list(p.quotes)) for k, p in enumerate(question.key_points)]

    def gift(self, question: ExplainQuestion) -> str:
        points = [f"- {point.text}" for point in question.key_points]
        general = g.general(question.model_answer, question.quotes, points)
        return g.block(question.id, question.prompt, [], general)

    def handout(self, question: ExplainQuestion) -> list[str]:
        lines = [f"**{' '.join(question.prompt.split())}**", "", model_answer_line(question), ""]
        return lines + [f"- {point.text}" for point in question.key_points]
