"""Kiosk variants of shared screens, and the "Klaar" button every visit screen gets.

- Home: never lists broken lesson files to visitors (staff use `tutor lint`).
- Help: lists no key that ends the program.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import Button, Static

from tutor.core.content.cards import LessonCard
from tutor.core.content.errors import Problem
from tutor.core.text import common as strings
from tutor.core.text import kiosk as text
from tutor.ui.dialogs.help import HelpScreen
from tutor.ui.frame import TutorScreen
from tutor.ui.screens.home import HomeScreen


class KioskHomeScreen(HomeScreen):
    """The lesson list of one visit."""

    def __init__(self, cards: Sequence[LessonCard]) -> None:
        """Create the list from lesson cards; broken files are left out silently."""
        super().__init__(cards, [])
        self.add_class("kiosk-screen")

    async def show_lessons(self, cards: Sequence[LessonCard], problems: Sequence[Problem]) -> None:
        """Show the validated lessons, without the list of broken files."""
        await super().show_lessons(cards, [])
        add_done_button(self)  # lost if it recomposed


class KioskHelpScreen(HelpScreen):
    """The keys of the kiosk, and that Klaar wipes everything."""

    def __init__(self) -> None:
        super().__init__(strings.HELP_TITLE, text.HELP_KEYS, text.HELP_MOUSE)


def add_done_button(screen: TutorScreen) -> None:
    """Put "Klaar" at the right of the screen's buttons, if it is not there yet."""
    if not screen.is_attached or screen.query("#kiosk-done"):
        return
    buttons = screen.query("#buttons")
    if buttons:
        button = Button(
            text.BUTTON_DONE,
            variant="warning",
            action="app.done",
            id="kiosk-done",
            compact=True,
        )
        button.can_focus = False
        # The spacer puts Klaar at the right.
        buttons.first().mount(Static(classes="kiosk-spacer"), button)
