"""The frame every tutor screen shares: top bar, body, buttons, safety line, keys."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.css.scalar import Unit
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button

from tutor.core.text import common as strings
from tutor.ui.widgets.keyline import KeyLine
from tutor.ui.widgets.safety import SafetyLine
from tutor.ui.widgets.topbar import TopBar


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


def hold_width(button: Button, *labels: str) -> None:
    """Make `button` wide enough for each of `labels`, so a new label needs no new layout.

    Call once it is mounted (its padding and border come from the stylesheet).
    """
    shown = button.label
    none = Size(0, 0)
    widths = []
    for label in labels:  # as wide as the button itself would make each label
        button.label = label
        widths.append(button.get_content_width(none, none))
    button.label = shown
    styles = button.styles
    room = max(widths) + styles.gutter.width
    minimum = styles.min_width
    if minimum is None or minimum.unit != Unit.CELLS or minimum.value < room:
        styles.min_width = room


class TutorScreen(Screen[None]):
    """Base screen: subclasses fill in the title, counter, body and buttons."""

    body: VerticalScroll
    """The scrolling body (kept: a query walks the whole screen, in a step's frame)."""

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
        yield self.top_bar
        with VerticalScroll(id="body") as self.body:
            yield from self.compose_body()
        with Horizontal(id="buttons"):
            yield from self.compose_buttons()
        yield SafetyLine()
        yield KeyLine()

    @property
    def top_bar(self) -> TopBar:
        """The screen's top bar (title and counter), made on first use."""
        # Not in __init__: subclasses set what the title and counter show after it.
        bar: TopBar | None = getattr(self, "_top_bar", None)
        if bar is None:
            bar = self._top_bar = TopBar(self.title_text(), self.counter_text())
        return bar

    def set_counter(self, text: str) -> None:
        """Update the counter in the top bar."""
        self.top_bar.set_counter(text)
