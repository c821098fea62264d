"""The frame of the participant's screens while following the trainer."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Static

from tutor.core.content.models import Lesson, Step
from tutor.store.group import Position
from tutor.ui.frame import TutorScreen


class ParticipantScreen(TutorScreen):
    """Base of what a participant sees; the trainer decides which screen that is."""

    BINDINGS = [
        Binding("g", "app.glossary", "Begrippen"),
        Binding("up", "scroll_body(-1)", show=False),
        Binding("down", "scroll_body(1)", show=False),
        Binding("pageup", "scroll_body(-10)", show=False),
        Binding("pagedown", "scroll_body(10)", show=False),
    ]

    def __init__(self, lesson: Lesson, position: Position, *, classes: str = "") -> None:
        super().__init__(classes=f"participant-screen {classes}".strip())
        self.lesson = lesson
        self.position = position
        self.notice = ""
        """Shown under the top bar: the connection is gone, or the trainer is away."""

    def on_mount(self) -> None:
        notice = Static(self.notice, id="connection-notice", markup=False)
        notice.display = bool(self.notice)
        self.mount(notice, after=self.query_one("#topbar"))

    def show_notice(self, text: str) -> None:
        """Say that the connection is gone or the trainer is away ("" hides it)."""
        self.notice = text
        for notice in self.query("#connection-notice").results(Static):
            notice.update(text)
            notice.display = bool(text)

    @property
    def step(self) -> Step | None:
        """The step on screen, if any (the glossary highlights its terms)."""
        return None

    def title_text(self) -> str:
        return self.lesson.title

    def place_text(self) -> str:
        """Where the group is, e.g. "Vraag 2 van 8"."""
        return ""

    @property
    def nickname(self) -> str:
        """The name this participant gave (may be empty), kept by the app."""
        from tutor.group.participant.app import ParticipantApp

        app = self.app
        return app.nickname if isinstance(app, ParticipantApp) else ""

    def counter_text(self) -> str:
        name = self.nickname
        return "  ·  ".join(part for part in (name, self.place_text()) if part)

    def follow(self, position: Position) -> None:
        """Show a change of the trainer's position that stays on this screen."""
        self.position = position

    def action_scroll_body(self, lines: int) -> None:
        """Scroll the main panel, e.g. to read long feedback."""
        self.body.scroll_relative(y=lines, animate=False)
