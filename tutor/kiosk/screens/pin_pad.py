"""The staff PIN dialog ("Pincode") that ends the kiosk; locks after three wrong PINs.

The PIN can be typed or tapped on the dialog's digit pad (a touch screen has no keys).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static
from textual.widgets.button import ButtonVariant

from tutor.core.text import kiosk as text
from tutor.kiosk.pin import PinCheck, PinGuard

MAX_DIGITS = 8


def _button(label: str, button_id: str, variant: ButtonVariant = "default") -> Button:
    button = Button(label, variant=variant, id=button_id)
    button.can_focus = False  # the PIN field keeps the focus, so typing always works
    return button


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
            with Horizontal(id="pin-columns"):
                with Vertical(id="pin-side"):
                    yield Static(text.PIN_PROMPT, id="pin-prompt", markup=False)
                    yield Input(
                        password=True, restrict=r"[0-9]*", max_length=MAX_DIGITS, id="pin-input"
                    )
                    yield Static("", id="pin-message", markup=False)
                    yield _button(text.PIN_CANCEL, "pin-cancel")
                with Grid(id="pin-pad"):
                    for digit in "123456789":
                        yield _button(digit, f"pin-digit-{digit}")
                    yield _button(text.PIN_CLEAR, "pin-clear")
                    yield _button("0", "pin-digit-0")
                    yield _button(text.PIN_OK, "pin-ok", "primary")

    def on_mount(self) -> None:
        self.show_lock()
        self.set_interval(1.0, self.show_lock)

    @property
    def pin_input(self) -> Input:
        """The PIN field."""
        return self.query_one("#pin-input", Input)

    def show_lock(self) -> None:
        """Disable the field and the pad while the guard is locked, with the seconds left."""
        seconds = self.guard.locked_for()
        field = self.pin_input
        if seconds:
            self.say(text.PIN_LOCKED.format(seconds=seconds))
            self._lock(True)
        elif field.disabled:
            self._lock(False)
            self.say("")
            field.focus()
        else:
            field.focus()

    def _lock(self, locked: bool) -> None:
        self.pin_input.disabled = locked
        for button in self.query("#pin-pad Button").results(Button):
            button.disabled = locked

    def say(self, message: str) -> None:
        """Show a message under the field."""
        self.query_one("#pin-message", Static).update(message)

    @on(Button.Pressed, "#pin-pad Button")
    def tap(self, event: Button.Pressed) -> None:
        """A tap on the pad: add a digit, clear the field, or check the PIN (OK)."""
        event.stop()
        field = self.pin_input
        button_id = event.button.id or ""
        if button_id == "pin-ok":
            self.check()
        elif button_id == "pin-clear":
            field.value = ""
        elif button_id.startswith("pin-digit-") and len(field.value) < MAX_DIGITS:
            field.value += button_id.removeprefix("pin-digit-")
            field.cursor_position = len(field.value)

    @on(Input.Submitted, "#pin-input")
    def check(self) -> None:
        """Check the PIN that was typed or tapped."""
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
