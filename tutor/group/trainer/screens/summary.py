"""The end of a group session: per question, how the group did (no names)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich import box
from rich.table import Table
from textual.widget import Widget
from textual.widgets import Button, Static

from tutor.core.text import common as strings
from tutor.core.text import group as gs
from tutor.group.answers import QuestionSummary
from tutor.group.trainer.screens.base import TrainerScreen
from tutor.ui.frame import action_button

if TYPE_CHECKING:
    from tutor.group.session import TrainerSession


def summary_table(rows: Iterable[QuestionSummary]) -> Table:
    """The summary as a table: question, answered, right, most chosen wrong answer."""
    table = Table(expand=True, box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    question, answered, right, wrong = gs.SUMMARY_COLUMNS
    table.add_column(question, ratio=3)
    table.add_column(answered, justify="right", no_wrap=True)
    table.add_column(right, justify="right", no_wrap=True)
    table.add_column(wrong, ratio=2)
    for row in rows:
        most = f"{row.most_wrong} ({row.most_wrong_count})" if row.most_wrong else gs.SUMMARY_NONE
        table.add_row(f"{row.number}. {row.prompt}", str(row.answered), str(row.right), most)
    return table


class TrainerSummaryScreen(TrainerScreen):
    """The session summary as a table; the app saves it as Markdown with `--summary`."""

    def __init__(self, session: TrainerSession, saved_note: str) -> None:
        super().__init__(session, classes="trainer-summary")
        self.saved_note = saved_note

    def place_text(self) -> str:
        return gs.SUMMARY_TITLE

    def note_text(self) -> str:
        return self.saved_note

    def compose_body(self) -> Iterable[Widget]:
        yield Static(gs.SUMMARY_TITLE, id="summary-title", markup=False)
        yield Static(gs.SUMMARY_INTRO, markup=False)
        yield Static(summary_table(self.session.summary()), id="summary-table")
        yield Static(self.saved_note, id="summary-saved", markup=False)

    def compose_buttons(self) -> Iterable[Button]:
        yield action_button(strings.BUTTON_PREVIOUS, "previous", id="previous")
