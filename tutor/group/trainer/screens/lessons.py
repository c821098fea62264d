"""The trainer picks the lesson for a group session (the home screen's list)."""

from __future__ import annotations

from textual.binding import Binding

from tutor.core.text import common as strings
from tutor.core.text import group as gs
from tutor.ui.screens.home import HomeScreen


class TrainerLessonsScreen(HomeScreen, inherit_bindings=False):
    """The lesson list; choosing a lesson opens a group session for it.

    Only the keys that make sense here: self-study keys of the home screen are left out.
    """

    BINDINGS = [
        Binding("question_mark", "app.help", "Hulp"),
        Binding("q", "app.quit", "Stoppen"),
        *[Binding(str(n), f"open({n})", show=False) for n in range(1, 10)],
    ]

    def title_text(self) -> str:
        return f"{gs.GROUP_TITLE}: {strings.APP_TITLE}"
