"""The "Bron" dialog: the article's passage around a quote, with the quote highlighted."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tutor.core.content.source import passage_in
from tutor.core.text import common as strings
from tutor.ui.frame import action_button


class SourceScreen(ModalScreen[None]):
    """Shows where in the article a step or an answer comes from; ← and → go through its quotes."""

    BINDINGS = [
        Binding("escape,b,enter,q", "close", strings.BUTTON_CLOSE),
        Binding("right", "move(1)", "Volgende passage", show=False),
        Binding("left", "move(-1)", "Vorige passage", show=False),
    ]

    def __init__(self, root: Path, quotes: list[tuple[str, str]], first: int = 0) -> None:
        """Create the dialog.

        Args:
            root: The content root (the articles are under its `seeds/`).
            quotes: `(source, quote)` pairs, as `Lesson.quote_pairs` gives them.
            first: The quote to show first (e.g. the one behind the evidence badge).
        """
        super().__init__(classes="dialog-screen")
        self.root = root
        self.quotes = quotes
        self.index = min(max(first, 0), max(len(quotes) - 1, 0))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog source-dialog"):
            yield Static(strings.SOURCE_TITLE, classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-body"):
                yield Static(self._render_passage(), id="source-text", markup=False)
            yield action_button(strings.BUTTON_CLOSE, "close", variant="primary")

    def _render_passage(self) -> Text:
        text = Text()
        if not self.quotes:
            text.append(strings.SOURCE_MISSING)
            return text
        source, quote = self.quotes[self.index]
        passage = passage_in(self.root, source, quote)
        if passage is None:
            text.append(strings.SOURCE_MISSING)
            return text
        text.append(passage.title or strings.SOURCE_NO_TITLE, style="bold")
        if passage.date:
            text.append("\n" + strings.SOURCE_DATE.format(date=passage.date))
        text.append("\n" + strings.SOURCE_FILE.format(source=Path(source).name))
        text.append("\n\n" + strings.SOURCE_INTRO + "\n\n")
        text.append(passage.before)
        text.append(passage.quote, style="bold black on yellow")
        text.append(passage.after)
        if len(self.quotes) > 1:
            counter = strings.SOURCE_COUNTER.format(number=self.index + 1, total=len(self.quotes))
            text.append(f"\n\n{counter}. " + strings.SOURCE_MORE.format(count=len(self.quotes)))
        return text

    def action_move(self, step: int) -> None:
        """Show the next or previous quote's passage."""
        if not 0 <= self.index + step < len(self.quotes):
            return
        self.index += step
        self.query_one("#source-text", Static).update(self._render_passage())

    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)
