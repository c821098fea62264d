"""Kiosk variants of three shared screens: what differs is only where they lead.

- Home: never lists broken lesson files to visitors (staff use `tutor lint`).
- Result: "Naar de lessen" goes back to the list; Esc still wipes the visit.
- Help: lists no key that ends the program.
"""

from __future__ import annotations

from collections.abc import Sequence

from tutor.core.content.cards import LessonCard
from tutor.core.content.errors import Problem
from tutor.core.text import common as strings
from tutor.core.text import kiosk as text
from tutor.ui.dialogs.help import HelpScreen
from tutor.ui.screens.home import HomeScreen
from tutor.ui.screens.result import ResultScreen


class KioskHomeScreen(HomeScreen):
    """The lesson list of one visit."""

    def __init__(self, cards: Sequence[LessonCard]) -> None:
        """Create the list from lesson cards; broken files are left out silently."""
        super().__init__(cards, [])
        self.add_class("kiosk-screen")

    async def show_lessons(self, cards: Sequence[LessonCard], problems: Sequence[Problem]) -> None:
        """Show the validated lessons, without the list of broken files."""
        await super().show_lessons(cards, [])
        self.app.add_done_button(self)  # type: ignore[attr-defined]  # lost if it recomposed


class KioskResultScreen(ResultScreen):
    """The result of a quiz run in the kiosk."""

    def action_home(self) -> None:
        """Back to the lesson list, keeping the visit (Esc and Klaar end it)."""
        self.app.back_to_lessons()  # type: ignore[attr-defined]


class KioskHelpScreen(HelpScreen):
    """The keys of the kiosk, and that Klaar wipes everything."""

    def __init__(self) -> None:
        super().__init__(strings.HELP_TITLE, text.HELP_KEYS, text.HELP_MOUSE)
