"""`order`: pick the items one by one in the right order."""

from __future__ import annotations

from rich.text import Text

from tutor.core.content.models import OrderQuestion
from tutor.core.questions import Response
from tutor.core.text import common as strings
from tutor.ui.widgets.pickrow import PickRow
from tutor.ui.widgets.questions.base import QuestionView


class OrderView(QuestionView):
    """`order`: pick the items one by one in the right order."""

    hint = strings.ORDER_HINT

    def __init__(self, question: OrderQuestion, order: list[int]) -> None:
        super().__init__(len(question.items))
        self.items = question.items
        self.order = order
        self.picked: list[int] = []

    def choose(self, position: int) -> None:
        index = self.order[position]
        if index not in self.picked:
            self.picked.append(index)

    def take_back(self) -> None:
        if self.picked:
            self.picked.pop()

    def response(self) -> Response | None:
        return tuple(self.picked) if len(self.picked) == len(self.items) else None

    def status(self) -> Text | str:
        line = Text()
        line.append(strings.ORDER_YOURS + " ", style="bold")
        line.append(" → ".join(self.items[i] for i in self.picked) or "…")
        return line

    def draw_row(self, row: PickRow, position: int) -> None:
        index = self.order[position]
        used = index in self.picked
        mark_text = f"{self.picked.index(index) + 1}." if used else "  "
        mark = ""
        if self.verdict is not None and used:
            mark = "right" if self.picked.index(index) == index else "wrong"
        row.show(mark_text, self.items[index], tone=mark, used=used)
