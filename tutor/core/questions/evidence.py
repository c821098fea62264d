"""`evidence`: place every statement on the evidence scale (proven, early, animals, unknown)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import cast

from tutor.core.content.models import EvidenceLevel, EvidenceQuestion
from tutor.core.questions import gift_format as g
from tutor.core.questions.base import (
    INDENT,
    Bar,
    BarGroup,
    EvidenceResponse,
    Form,
    Json,
    Presentation,
    QuestionKind,
    Verdict,
    quotes_of,
)
from tutor.core.text import common as strings
from tutor.core.text import export as text

LEVELS: tuple[EvidenceLevel, ...] = cast(tuple[EvidenceLevel, ...], strings.EVIDENCE_ORDER)
"""The levels in the order the rows show them."""


class EvidenceKind(QuestionKind[EvidenceQuestion, EvidenceResponse]):
    """The response holds the chosen level per statement, in YAML order.

    The statements are shuffled; the rows are always the four levels.
    """

    type = "evidence"

    def item_count(self, question: EvidenceQuestion) -> int:
        return len(question.statements)

    def presented(self, question: EvidenceQuestion, order: Sequence[int]) -> Presentation:
        header = tuple(
            f"{number}. {question.statements[index].text}" for number, index in enumerate(order, 1)
        )
        return Presentation(header, tuple(strings.EVIDENCE_LABELS[level] for level in LEVELS))

    def form(self, question: EvidenceQuestion, order: Sequence[int]) -> Form:
        return {
            "mode": "grid",
            "rows": [{"label": question.statements[i].text, "value": i} for i in order],
            "choices": [
                {"label": strings.EVIDENCE_LABELS[level], "value": level} for level in LEVELS
            ],
        }

    def right_answer(self, question: EvidenceQuestion) -> EvidenceResponse:
        return tuple(statement.level for statement in question.statements)

    def check(self, question: EvidenceQuestion, response: EvidenceResponse) -> Verdict:
        lines = []
        right = len(response) == len(question.statements)
        for statement, level in zip(question.statements, response, strict=False):
            mark = "✓" if level == statement.level else "✗"
            right = right and level == statement.level
            line = f"{mark} " + strings.ANSWER_LEVEL.format(
                text=statement.text, level=strings.EVIDENCE_LABELS[statement.level]
            )
            if statement.feedback:
                line += f" {statement.feedback}"
            lines.append(line)
        lines.append(question.explanation)
        return Verdict(right, tuple(lines), quotes_of(question))

    def encode(self, question: EvidenceQuestion, response: EvidenceResponse) -> Json:
        return [str(level) for level in response]

    def decode(self, question: EvidenceQuestion, data: object) -> EvidenceResponse | None:
        if not isinstance(data, list) or len(data) != len(question.statements):
            return None
        if not all(level in LEVELS for level in data):
            return None
        return tuple(data)

    def answer_label(self, question: EvidenceQuestion, response: EvidenceResponse) -> str:
        return "; ".join(
            f"{s.text}: {strings.EVIDENCE_LABELS[level]}"
            for s, level in zip(question.statements, response, strict=False)
        )

    def answer_key(
        self, question: EvidenceQuestion, order: Sequence[int] | None = None
    ) -> list[str]:
        shown = order if order is not None else range(len(question.statements))
        lines = []
        for number, index in enumerate(shown, 1):
            statement = question.statements[index]
            lines.append(f"{number}. {statement.text}")
            level = f"{INDENT}✓ {strings.EVIDENCE_LABELS[statement.level]}"
            lines.append(level + (f". {statement.feedback}" if statement.feedback else ""))
        return [*lines, question.explanation]

    def wrong_parts(self, question: EvidenceQuestion, response: EvidenceResponse) -> list[str]:
        return [
            f"{s.text}: {strings.EVIDENCE_LABELS[level]}"
            for s, level in zip(question.statements, response, strict=False)
            if level != s.level
        ]

    def tally(
        self,
        question: EvidenceQuestion,
        order: Sequence[int],
        responses: Sequence[tuple[EvidenceResponse, int]],
        hands: Mapping[int, int],
        *,
        revealed: bool,
    ) -> list[BarGroup]:
        groups = []
        for number, index in enumerate(order, 1):
            statement = question.statements[index]
            levels: Counter[str] = Counter()
            for response, count in responses:
                levels[response[index]] += count
            bars = tuple(
                Bar(
                    f"{position}  {strings.EVIDENCE_LABELS[level]}",
                    levels[level],
                    (level == statement.level) if revealed else None,
                )
                for position, level in enumerate(LEVELS, 1)
            )
            groups.append(BarGroup(f"{number}. {statement.text}", bars))
        return groups

    def parts(
        self, question: EvidenceQuestion, response: EvidenceResponse
    ) -> list[tuple[int, bool]]:
        pairs = zip(question.statements, response, strict=False)
        return [(index + 1, level == s.level) for index, (s, level) in enumerate(pairs)]

    def part_labels(self, question: EvidenceQuestion) -> list[str]:
        return [statement.text for statement in question.statements]

    def gift(self, question: EvidenceQuestion) -> str:
        labels = strings.EVIDENCE_LABELS
        feedback_lines = [
            text.FEEDBACK_LEVEL.format(text=s.text.rstrip("."), level=labels[s.level])
            + (f" {s.feedback}" if s.feedback else "")
            for s in question.statements
        ]
        if len(question.statements) == 1:
            statement = question.statements[0]
            prompt = f"{question.prompt.strip()} " + text.EVIDENCE_AS_CHOICE.format(
                text=statement.text
            )
            explanation = " ".join(filter(None, [statement.feedback, question.explanation]))
            lines = [
                g.choice_line(level == statement.level, labels[level], explanation)
                for level in LEVELS
            ]
            return g.block(question.id, prompt, lines, g.general(None, question.quotes))
        pairs = [(s.text, labels[s.level]) for s in question.statements]
        used = {s.level for s in question.statements}
        distractors = [labels[level] for level in LEVELS if level not in used]
        lines = g.pair_lines(pairs) + [f"= -> {g.escape(label)}" for label in distractors]
        prompt = f"{question.prompt.strip()} {text.EVIDENCE_AS_MATCH}"
        general = g.general(question.explanation, question.quotes, feedback_lines)
        return g.block(question.id, prompt, lines, general)
