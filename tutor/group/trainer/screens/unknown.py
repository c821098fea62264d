"""The trainer's view of one open question ("Wat we nog niet weten"), with prompts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Button, Static

from tutor.core.text import common as strings
from tutor.core.text import group as gs
from tutor.group.trainer.screens.base import TrainerScreen
from tutor.ui.frame import action_button

if TYPE_CHECKING:
    from tutor.group.session import TrainerSession


class TrainerUnknownScreen(TrainerScreen):
    """One open question of the article, and questions to discuss it with the group."""

    def __init__(self, session: TrainerSession) -> None:
        super().__init__(session, classes="trainer-review")
        self.unknown_index = session.index
        self.unknown = self.lesson.unknowns[self.unknown_index]

    def place_text(self) -> str:
        return strings.REVIEW_TITLE

    def note_text(self) -> str:
        return gs.NOTE_REVIEW

    def compose_body(self) -> Iterable[Widget]:
        title = gs.TRAINER_UNKNOWN_TITLE.format(
            number=self.unknown_index + 1, total=len(self.lesson.unknowns)
        )
        yield Static(title, id="review-title", markup=False)
        yield Static(self.unknown.question, id="unknown-question", markup=False)
        yield Static(self.unknown.explanation, id="unknown-explanation", markup=False)
        prompts = Text(gs.DISCUSSION_TITLE, style="bold")
        for prompt in gs.DISCUSSION_PROMPTS:
            prompts.append(f"\n• {prompt}")
        yield Static(prompts, id="discussion-prompts")

    def compose_buttons(self) -> Iterable[Button]:
        yield action_button(strings.BUTTON_PREVIOUS, "previous", id="previous")
        yield action_button(strings.BUTTON_NEXT, "next", variant="primary", id="next")
