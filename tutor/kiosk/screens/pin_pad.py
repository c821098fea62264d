"""The staff PIN dialog ("Pincode") that ends the kiosk; locks after three wrong PINs."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from tutor.core.text import kiosk as text
from tutor.kiosk.pin import PinCheck, PinGuard


class PinDialog(ModalScreen[bool]):
    """Asks for the PIN; dismisses with True for the right one, False when cancelled."""

    BINDINGS = [Binding("escape", "cancel", text.PIN_CANCEL, show=False)]

    def __init__(self, guard: PinGuard) -> None:
        """Create the dialog; `guard` checks PINs and keeps the lockout across openings."""
        super().__init__(classes="dialog-screen kiosk-screen")
        self.guard = guard

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pin-dialog"):
            yield Static(text.PIN_TITLE, classes="dialog-title", markup=False)
            yield Static(text.PIN_PROMPT, id="pin-prompt", markup=False)
            yield Input(
                password=True, restrict=r"[0-9]*", max_length=8, id="pin-input", compact=True
            )
            yield Static("", id="pin-message", markup=False)
            with Horizontal(id="pin-buttons"):
                for label, button_id, variant in (
                    (text.PIN_OK, "pin-ok", "primary"),
                    (text.PIN_CANCEL, "pin-cancel", "default"),
                ):
                    button = Button(label, variant=variant, id=button_id)  # type: ignore[arg-type]
                    button.can_focus = False
                    yield button

    def on_mount(self) -> None:
        self.show_lock()
        self.set_interval(1.0, self.show_lock)

    @property
    def pin_input(self) -> Input:
        """The PIN field."""
        return self.query_one("#pin-input", Input)

    def show_lock(self) -> None:
        """Disable the field while the guard is locked, with the seconds left."""
        seconds = self.guard.locked_for()
        field = self.pin_input
        if seconds:
            self.say(text.PIN_LOCKED.format(seconds=seconds))
            field.disabled = True
        elif field.disabled:
            field.disabled = False
            self.say("")
            field.focus()
        else:
            field.focus()

    def say(self, message: str) -> None:
        """Show a message under the field."""
        self.query_one("#pin-message", Static).update(message)

    @on(Input.Submitted, "#pin-input")
    @on(Button.Pressed, "#pin-ok")
    def check(self) -> None:
        """Check the PIN that was typed."""
        field = self.pin_input
        pin, field.value = field.value, ""
        result = self.guard.check(pin)
        if result is PinCheck.RIGHT:
            self.dismiss(True)
        elif result is PinCheck.WRONG:
            self.say(text.PIN_WRONG.format(tries=self.guard.tries_left))
        else:
            self.show_lock()

    @on(Button.Pressed, "#pin-cancel")
    def action_cancel(self) -> None:
        """Close without ending the kiosk."""
        self.dismiss(False)
