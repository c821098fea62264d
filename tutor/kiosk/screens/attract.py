"""The kiosk's attract screen: invites the next visitor in; any key or touch starts."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Static

from tutor.core.text import common as strings
from tutor.core.text import kiosk as text
from tutor.ui.widgets.safety import SafetyLine


class AttractScreen(Screen[None]):
    """The start of every visit. Holds nothing of any visitor."""

    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]

    def __init__(self, titles: Sequence[str], *, counting: bool = False) -> None:
        """Create the screen.

        Args:
            titles: The lesson titles to show as a teaser.
            counting: Whether anonymous counts are kept (said honestly on screen).
        """
        super().__init__(classes="kiosk-screen")
        self.titles = list(titles)
        self.counting = counting

    def compose(self) -> ComposeResult:
        with Vertical(id="attract-box"):
            yield Static(strings.APP_TITLE, id="attract-title", markup=False)
            yield Static(text.ATTRACT_LEAD, id="attract-lead", markup=False)
            if self.titles:
                lessons = Text(text.ATTRACT_LESSONS, style="bold")
                for title in self.titles[:6]:
                    lessons.append(f"\n  • {title}", style="")
                yield Static(lessons, id="attract-lessons")
            yield Static(text.ATTRACT_INVITE, id="attract-invite", markup=False)
            with Center():
                start = Button(text.ATTRACT_START, variant="primary", id="attract-start")
                start.can_focus = False
                yield start
            privacy = text.PRIVACY_COUNTS if self.counting else text.PRIVACY_NOTHING
            yield Static(f"{privacy} {text.PRIVACY_DONE}", id="attract-privacy", markup=False)
        yield SafetyLine()

    class VisitStarted(Message):
        """A visitor touched the screen or pressed a key: start a visit."""

    def on_key(self, event: events.Key) -> None:
        """Any key but Esc starts a visit (keys that would quit never get here)."""
        if event.key == "escape":
            return
        event.stop()
        self.post_message(self.VisitStarted())

    def on_click(self, event: events.Click) -> None:
        """A touch anywhere starts a visit."""
        event.stop()
        self.post_message(self.VisitStarted())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The "Beginnen" button starts a visit."""
        event.stop()
        self.post_message(self.VisitStarted())
