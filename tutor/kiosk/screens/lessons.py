"""Kiosk variants of shared screens, and the buttons every visit screen gets.

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
from tutor.ui.widgets.keyline import KeyLine


class KioskHomeScreen(HomeScreen):
    """The lesson list of one visit."""

    def __init__(self, cards: Sequence[LessonCard]) -> None:
        """Create the list from lesson cards; broken files are left out silently."""
        super().__init__(cards, [])
        self.add_class("kiosk-screen")

    async def show_lessons(self, cards: Sequence[LessonCard], problems: Sequence[Problem]) -> None:
        """Show the validated lessons, without the list of broken files."""
        await super().show_lessons(cards, [])
        add_visit_buttons(self)  # lost if it recomposed


class KioskHelpScreen(HelpScreen):
    """The keys of the kiosk, and that Klaar wipes everything."""

    def __init__(self) -> None:
        super().__init__(strings.HELP_TITLE, text.HELP_KEYS, text.HELP_MOUSE)


def add_visit_buttons(screen: TutorScreen) -> None:
    """Put "Hulp" and "Klaar" at the right of the screen's buttons, if they are not there yet.

    On a touch screen these are the only ways to the help and to the end of a visit: the
    key line at the bottom is only a hint for a keyboard, and taps on it do nothing
    (its one-row keys are too small to hit; see docs/KIOSK.md, "Touch targets").
    """
    if not screen.is_attached:
        return
    for keys in screen.query(KeyLine):
        keys.disabled = True
    buttons = screen.query("#buttons")
    if not buttons or screen.query("#kiosk-done"):
        return
    help_button = Button(strings.BUTTON_HELP, action="app.help", id="kiosk-help", compact=True)
    done = Button(
        text.BUTTON_DONE, variant="warning", action="app.done", id="kiosk-done", compact=True
    )
    for button in (help_button, done):
        button.can_focus = False
    # The spacer puts Hulp and Klaar at the right.
    buttons.first().mount(Static(classes="kiosk-spacer"), help_button, done)
