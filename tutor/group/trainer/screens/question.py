"""The trainer's view of a quiz question: live count, "bespreek", reveal, hands."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Button, Static

from tutor.core.content.models import Question, quote_texts
from tutor.core.text import common as strings
from tutor.core.text import group as gs
from tutor.group.answers import answer_key, presented, takes_hands, tally_groups
from tutor.group.trainer.screens.base import TrainerScreen
from tutor.ui.frame import action_button
from tutor.ui.widgets.barchart import BarChart

if TYPE_CHECKING:
    from tutor.group.session import TrainerSession


def shown_items(question: Question, order: list[int]) -> Text:
    """The options or items as participants see them, numbered, for the projector."""
    shown = presented(question, order)
    text = Text()
    for line in shown.header:
        text.append(f"{line}\n", style="bold")
    if shown.header:
        text.append("\n")
    for number, row in enumerate(shown.rows, 1):
        text.append(f"{number}  ", style="bold")
        text.append(f"{row}\n")
    text.rstrip()
    return text


class TrainerQuestionScreen(TrainerScreen):
    """A question for the projector; nothing says what is right until `r`."""

    BINDINGS = [
        Binding("r", "reveal", "Onthul"),
        Binding("b", "discuss", "Bespreek"),
        Binding("x", "remove_hand", "Handstem weg", show=False),
        *[Binding(str(n), f"hand({n})", "Handen tellen", show=False) for n in range(1, 10)],
    ]

    def __init__(self, session: TrainerSession) -> None:
        super().__init__(session, classes="trainer-question")
        self.question_index = session.index
        self.question: Question = session.questions[session.index]
        self.order = session.order()

    def place_text(self) -> str:
        return strings.QUESTION_COUNTER.format(
            number=self.question_index + 1, total=len(self.session.questions)
        )

    def note_text(self) -> str:
        hands = gs.QUESTION_HANDS if takes_hands(self.question) else gs.QUESTION_HANDS_CHOICE_ONLY
        return f"{gs.QUESTION_WAITING}\n\n{hands}"

    def compose_body(self) -> Iterable[Widget]:
        yield Static(self.question.prompt, id="prompt", markup=False)
        yield Static("", id="answers-live", markup=False)
        yield Static(shown_items(self.question, self.order), id="shown-items")
        yield Static("", id="chart-title", markup=False)
        yield BarChart(empty=gs.NO_ANSWERS_YET, id="chart")
        yield Static("", id="answer-key", markup=False)

    def compose_buttons(self) -> Iterable[Button]:
        yield action_button(strings.BUTTON_PREVIOUS, "previous", id="previous")
        yield action_button(gs.BUTTON_DISCUSS, "discuss", id="discuss")
        yield action_button(gs.BUTTON_REVEAL, "reveal", variant="warning", id="reveal")
        yield action_button(strings.BUTTON_NEXT, "next", variant="primary", id="next")

    @property
    def revealed(self) -> bool:
        """Whether the right answer of this question is shown."""
        return self.question_index in self.session.revealed

    def sync(self) -> None:
        revealed, discuss = self.revealed, self.session.discuss
        chart_shown = revealed or discuss
        self.query_one("#chart").display = chart_shown
        # The chart names the options (or statements) itself.
        self.query_one("#shown-items").display = not chart_shown
        title = self.query_one("#chart-title", Static)
        title.display = chart_shown
        if discuss:
            title.update(Text.assemble((gs.DISCUSS_TITLE, "bold"), "\n", gs.DISCUSS_HINT))
        elif revealed:
            title.update(Text(gs.REVEAL_TITLE, style="bold"))
        key = self.query_one("#answer-key", Static)
        key.display = revealed
        if revealed:
            text = Text("\n".join(answer_key(self.question, self.order)))
            text.append(f"\n\n{strings.ANSWER_QUOTE}", style="bold")
            for quote in quote_texts(self.question.quotes):
                text.append(f"\n„{quote}”", style="italic")
            key.update(text)
        self.query_one("#discuss", Button).disabled = revealed
        self.query_one("#reveal", Button).disabled = revealed
        self.refresh_bindings()
        self.refresh_live()

    def update_live(self) -> None:
        count, hands = self.session.answer_count()
        line = (
            gs.ANSWERS_WITH_HANDS.format(count=count, hands=hands)
            if hands
            else gs.ANSWERS.format(count=count)
        )
        line += f"  ·  {gs.PRESENT.format(count=self.trainer.present)}"
        live = self.query_one("#answers-live", Static)
        if str(live.render()) != line:
            live.update(line)
        if self.revealed or self.session.discuss:
            store, code = self.session.store, self.session.code
            groups = tally_groups(
                self.question,
                self.order,
                store.tally(code, self.question_index),
                store.hands(code, self.question_index),
                revealed=self.revealed,
            )
            self.query_one("#chart", BarChart).show(groups)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Reveal and "bespreek" are greyed out once the answer is shown."""
        if action in ("reveal", "discuss") and self.revealed:
            return False
        return True

    def action_reveal(self) -> None:
        """Show the right answer, the chart and the feedback; answers close."""
        self.post_message(self.Change(self.session.reveal, self.sync))

    def action_discuss(self) -> None:
        """Show (or hide) the answers to discuss, still without the right answer."""
        self.post_message(self.Change(self.session.toggle_discuss, self.sync))

    def action_hand(self, number: int) -> None:
        """Add one show-of-hands vote for option `number`."""
        self.post_message(self.Change(lambda: self.session.add_hand(number), self.refresh_live))

    def action_remove_hand(self) -> None:
        """Take back the last show-of-hands vote."""
        self.post_message(self.Change(self.session.remove_hand, self.refresh_live))
