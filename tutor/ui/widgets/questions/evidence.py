"""`evidence`: place each statement in turn on the evidence scale."""

from __future__ import annotations

from rich.text import Text

from tutor.core.content.models import EvidenceLevel, EvidenceQuestion
from tutor.core.questions import Response
from tutor.core.questions.evidence import LEVELS
from tutor.core.text import common as strings
from tutor.ui.widgets.pickrow import PickRow
from tutor.ui.widgets.questions.base import QuestionView


class EvidenceView(QuestionView):
    """`evidence`: place each statement in turn on the evidence scale."""

    hint = strings.EVIDENCE_HINT

    def __init__(self, question: EvidenceQuestion, order: list[int]) -> None:
        super().__init__(len(strings.EVIDENCE_ORDER))
        self.statements = question.statements
        self.order = order
        self.levels: list[EvidenceLevel] = []

    def choose(self, position: int) -> None:
        if len(self.levels) < len(self.statements):
            self.levels.append(LEVELS[position])

    def take_back(self) -> None:
        if self.levels:
            self.levels.pop()

    def response(self) -> Response | None:
        if len(self.levels) < len(self.statements):
            return None
        by_index = dict(zip(self.order, self.levels, strict=True))
        return tuple(by_index[i] for i in range(len(self.statements)))

    def status(self) -> Text | str:
        if len(self.levels) >= len(self.statements):
            return ""
        number = len(self.levels) + 1
        line = Text()
        line.append(
            strings.EVIDENCE_CURRENT.format(number=number, total=len(self.statements)) + "\n",
            style="bold",
        )
        line.append(self.statements[self.order[number - 1]].text, style="bold reverse")
        return line

    def done(self) -> Text | str:
        line = Text()
        for shown, level in enumerate(self.levels):
            statement = self.statements[self.order[shown]]
            line.append(f"{statement.text} ", style="dim")
            line.append(f"→ {strings.EVIDENCE_LABELS[level]}\n")
        line.rstrip()
        return line

    def draw_row(self, row: PickRow, position: int) -> None:
        level = strings.EVIDENCE_ORDER[position]
        row.show("", strings.EVIDENCE_LABELS[level], used=self.verdict is not None)
