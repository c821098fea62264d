"""The presenter frame every trainer screen shares: main panel plus trainer-note panel.

Same frame as `TutorScreen` (top bar, body, buttons, 113 line, keys), but the
body is split: the large main panel for the projector and a side panel with the
trainer's note, the code and the address (toggled with `n`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from tutor.core.text import group as gs
from tutor.ui.frame import TutorScreen
from tutor.ui.widgets.keyline import KeyLine
from tutor.ui.widgets.safety import SafetyLine

if TYPE_CHECKING:
    from tutor.group.trainer.app import TrainerApp

if TYPE_CHECKING:
    from tutor.group.session import TrainerSession


class TrainerScreen(TutorScreen):
    """Base of the trainer's screens; subclasses fill in the main panel and the note."""

    BINDINGS = [
        Binding("right,enter,space", "next", "Verder"),
        Binding("left,backspace", "previous", "Terug"),
        Binding("n", "toggle_note", "Notitie"),
        Binding("g", "app.glossary", "Begrippen"),
        Binding("q", "app.quit_session", "Stoppen"),
        Binding("up", "scroll_body(-1)", show=False),
        Binding("down", "scroll_body(1)", show=False),
        Binding("pageup", "scroll_body(-10)", show=False),
        Binding("pagedown", "scroll_body(10)", show=False),
    ]

    def __init__(self, session: TrainerSession, *, classes: str = "") -> None:
        super().__init__(classes=f"trainer-screen {classes}".strip())
        self.session = session
        self.lesson = session.lesson
        self._live = ("", "")
        self._counter = ""
        self._ready = False
        # Kept, not queried: a query walks the whole screen, in the frame of a step.
        self.note = Static("", id="note", markup=False)
        self.join_info = Static("", id="join-info", markup=False)

    def title_text(self) -> str:
        return self.lesson.title

    def place_text(self) -> str:
        """Where the group is, e.g. "Stap 3 van 9" (empty in the lobby)."""
        return ""

    def counter_text(self) -> str:
        parts = [gs.CODE_SHORT.format(code=self.session.code), self.place_text()]
        return "  ·  ".join(part for part in parts if part)

    def note_text(self) -> Text | str:
        """What only the trainer reads in the side panel."""
        return ""

    def compose(self) -> ComposeResult:
        yield self.top_bar
        with Horizontal(id="presenter"):
            with VerticalScroll(id="body") as self.body:
                yield from self.compose_body()
            with VerticalScroll(id="note-panel") as self.note_panel:
                yield Static(gs.NOTE_TITLE, id="note-title", markup=False)
                self.note.update(self.note_text())
                yield self.note
                yield self.join_info
                yield Static(gs.NOTE_HINT, id="note-hint", markup=False)
        with Horizontal(id="buttons"):
            yield from self.compose_buttons()
        yield SafetyLine()
        yield KeyLine()

    @dataclass
    class Move(Message):
        """The trainer moves the group one place forward (+1) or back (-1)."""

        step: int

    @dataclass
    class Change(Message):
        """The trainer changes the session (reveal, bespreek, hands); `then` runs if it worked."""

        change: Callable[[], object]
        then: Callable[[], None]

    @property
    def trainer(self) -> TrainerApp:
        """This program's app, for what the screens show of it (note panel, who is there)."""
        from tutor.group.trainer.app import TrainerApp

        app = self.app
        assert isinstance(app, TrainerApp)
        return app

    def on_mount(self) -> None:
        self.note_panel.display = self.trainer.show_note
        self._ready = True
        self.sync()
        self.refresh_live()

    def action_next(self) -> None:
        """Move the group on (next cascade link, step, question, open question)."""
        self.post_message(self.Move(+1))

    def action_previous(self) -> None:
        """Move the group back."""
        self.post_message(self.Move(-1))

    def action_toggle_note(self) -> None:
        """Show or hide the trainer's note panel (remembered for the next screens)."""
        shown = not self.trainer.show_note
        self.trainer.show_note = shown
        self.note_panel.display = shown

    def refresh_live(self) -> None:
        """Update what changes by itself: who takes part, the address, answers."""
        if not self._ready:
            return
        app = self.trainer
        present = gs.PRESENT.format(count=app.present)
        address = app.address
        live = (present, address or "")
        if live != self._live:
            self._live = live
            info = Text(f"{gs.CODE_SHORT.format(code=self.session.code)}\n", style="bold")
            if address:
                info.append(address + "\n")
            info.append(present)
            self.join_info.update(info)
        counter = f"{self.counter_text()}  ·  {present}"
        if counter != self._counter:  # only what changed is drawn again
            self._counter = counter
            self.set_counter(counter)
        self.update_live()

    def update_live(self) -> None:
        """Subclasses: update their own live parts (called by `refresh_live`)."""

    def sync(self) -> None:
        """Show a change of the session that stays on this screen (cascade link, reveal)."""

    def compose_body(self) -> Iterable[Widget]:
        return []

    def action_scroll_body(self, lines: int) -> None:
        """Scroll the main panel, e.g. to read long feedback."""
        self.body.scroll_relative(y=lines, animate=False)
