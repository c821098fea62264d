"""The frame every tutor screen shares: top bar, body, buttons, safety line, keys."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Static

from tutor.core.text import common as strings
from tutor.ui.widgets.keyline import KeyLine
from tutor.ui.widgets.safety import SafetyLine


def action_button(
    label: str, action: str, *, variant: str = "default", id: str | None = None
) -> Button:
    """A compact button that runs a screen action when clicked.

    Buttons never take focus, so Enter, arrows and digits always reach the
    screen's key bindings; a click or tap still presses them.
    """
    button = Button(label, variant=variant, action=f"screen.{action}", compact=True, id=id)  # type: ignore[arg-type]
    button.can_focus = False
    return button


class TutorScreen(Screen[None]):
    """Base screen: subclasses fill in the title, counter, body and buttons."""

    BINDINGS = [
        Binding("question_mark", "app.help", strings.BUTTON_HELP.split(" (")[0]),
        Binding("escape", "app.go_home", strings.BUTTON_HOME, show=False),
    ]

    def title_text(self) -> str:
        """The text at the left of the top bar."""
        return strings.APP_TITLE

    def counter_text(self) -> str:
        """The text at the right of the top bar, e.g. "Stap 3 van 9"."""
        return ""

    def compose_body(self) -> Iterable[Widget]:
        """The widgets in the scrolling body."""
        return []

    def compose_buttons(self) -> Iterable[Button]:
        """The clickable actions under the body."""
        return []

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(self.title_text(), id="screen-title", markup=False)
            yield Static(self.counter_text(), id="counter", markup=False)
        with VerticalScroll(id="body"):
            yield from self.compose_body()
        with Horizontal(id="buttons"):
            yield from self.compose_buttons()
        yield SafetyLine()
        yield KeyLine()

    def set_counter(self, text: str) -> None:
        """Update the counter in the top bar."""
        self.query_one("#counter", Static).update(text)
