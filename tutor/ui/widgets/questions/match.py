"""`match`: for each term in turn, pick its meaning."""

from __future__ import annotations

from rich.text import Text

from tutor.core.content.models import MatchQuestion
from tutor.core.questions import Response
from tutor.core.text import common as strings
from tutor.ui.widgets.pickrow import PickRow
from tutor.ui.widgets.questions.base import QuestionView


class MatchView(QuestionView):
    """`match`: for each term in turn, pick its meaning."""

    hint = strings.MATCH_HINT

    def __init__(self, question: MatchQuestion, order: list[int]) -> None:
        super().__init__(len(question.pairs))
        self.pairs = question.pairs
        self.order = order
        self.chosen: list[int] = []

    def choose(self, position: int) -> None:
        index = self.order[position]
        if index not in self.chosen and len(self.chosen) < len(self.pairs):
            self.chosen.append(index)

    def take_back(self) -> None:
        if self.chosen:
            self.chosen.pop()

    def response(self) -> Response | None:
        return tuple(self.chosen) if len(self.chosen) == len(self.pairs) else None

    def status(self) -> Text | str:
        if len(self.chosen) < len(self.pairs):
            term = self.pairs[len(self.chosen)].term
            return Text(strings.MATCH_CURRENT.format(term=term), style="bold reverse")
        return ""

    def done(self) -> Text | str:
        line = Text()
        for term_index, meaning_index in enumerate(self.chosen):
            right = self.verdict is None or meaning_index == term_index
            line.append(f"{self.pairs[term_index].term} = ", style="bold")
            line.append(self.pairs[meaning_index].meaning, style="" if right else "strike")
            line.append("\n")
        line.rstrip()
        return line

    def draw_row(self, row: PickRow, position: int) -> None:
        index = self.order[position]
        used = index in self.chosen
        mark = ""
        if self.verdict is not None:
            mark = "right" if used and self.chosen.index(index) == index else "wrong"
        mark_text = "✓" if used and self.verdict is None else ""
        row.show(mark_text, self.pairs[index].meaning, tone=mark, used=used)
