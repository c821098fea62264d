"""The glossary dialog ("Begrippen")."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tutor.core.content.models import Lesson
from tutor.core.text import common as strings
from tutor.ui.frame import action_button


class GlossaryScreen(ModalScreen[None]):
    """The lesson's terms in everyday words; the current step's terms first."""

    BINDINGS = [Binding("escape,g,enter,q", "close", strings.BUTTON_CLOSE)]

    def __init__(self, lesson: Lesson, highlight: list[str] | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.lesson = lesson
        self.highlight = {term.lower() for term in highlight or []}

    def compose(self) -> ComposeResult:
        entries = sorted(
            self.lesson.glossary_entries(),
            key=lambda e: (e.term.lower() not in self.highlight, e.term.lower()),
        )
        text = Text()
        for entry in entries:
            style = "bold reverse" if entry.term.lower() in self.highlight else "bold"
            text.append(entry.term, style=style)
            text.append(f"\n  {entry.definition}\n")
        with Vertical(classes="dialog"):
            yield Static(strings.GLOSSARY_TITLE, classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-body"):
                text.rstrip()
                yield Static(text if text.plain else strings.GLOSSARY_EMPTY, markup=False)
            yield action_button(strings.BUTTON_CLOSE, "close", variant="primary")

    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)
