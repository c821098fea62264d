"""The help dialog: which key does what (self-study, trainer, participant, kiosk)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tutor.core.text import common as strings
from tutor.ui.frame import action_button


def key_name(binding: Binding) -> str:
    """How the help names a binding's key: its `key_display`, else the Dutch key name."""
    if binding.key_display:
        return binding.key_display
    key = binding.key
    if key.startswith("ctrl+"):
        return "Ctrl+" + key_name(Binding(key.removeprefix("ctrl+"), binding.action)).upper()
    return strings.KEY_NAMES.get(key, key)


def key_table(screen: Screen[object]) -> list[tuple[str, str]]:
    """The keys of `screen` and its app with what they do, from their `BINDINGS`.

    The tutor's own bindings count (not Textual's defaults), each one with a
    description, shown in the bottom line or not: a screen's before its base
    classes' and the app's, the first one for a key winning, and none whose action
    is missing. Keys with the same description share a row (`→ / Enter / spatie`);
    a run of digits becomes `1-9`.
    """
    bound: dict[str, tuple[DOMNode, Binding]] = {}
    nodes: tuple[DOMNode, ...] = (screen, screen.app)
    for node in nodes:
        for cls in type(node).__mro__:
            if cls.__module__.startswith("tutor."):
                for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])):
                    bound.setdefault(binding.key, (node, binding))
    keys: dict[str, list[str]] = {}
    for node, binding in bound.values():
        if binding.description and _has_action(node, binding):
            keys.setdefault(binding.description, []).append(key_name(binding))
    rows = []
    for description, names in keys.items():
        digits = [name for name in names if name.isdigit()]
        if len(digits) > 2:
            names = [name for name in names if not name.isdigit()] + [f"{digits[0]}-{digits[-1]}"]
        rows.append((" / ".join(dict.fromkeys(names)), description))
    return rows


def _has_action(node: DOMNode, binding: Binding) -> bool:
    """True if the node (or the app, for `app.` actions) has the binding's action."""
    namespace, _, name = binding.action.partition("(")[0].rpartition(".")
    target = node.app if namespace == "app" else node
    return hasattr(target, f"action_{name}")


class HelpScreen(ModalScreen[None]):
    """A list of keys with what they do, and a note (by default: the self-study keys).

    Without `keys`, the list is built from the bindings of the screen the dialog
    opens over (see `key_table`).
    """

    BINDINGS = [Binding("escape,question_mark,enter,q", "close", strings.BUTTON_CLOSE)]

    def __init__(
        self,
        title: str = strings.HELP_TITLE,
        keys: Sequence[tuple[str, str]] | None = strings.HELP_KEYS,
        note: str = strings.HELP_MOUSE,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.heading = title
        self.keys = keys
        self.note = note
        self.rows: list[tuple[str, str]] = []
        """The keys and meanings the dialog shows (known once it is composed)."""

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        self.rows = list(self.keys) if self.keys is not None else self._keys_beneath()
        for key, meaning in self.rows:
            table.add_row(key, meaning)
        with Vertical(classes="dialog"):
            yield Static(self.heading, classes="dialog-title", markup=False)
            yield Static(table)
            if self.note:
                yield Static(self.note, markup=False)
            yield action_button(strings.BUTTON_CLOSE, "close", variant="primary")

    def _keys_beneath(self) -> list[tuple[str, str]]:
        """The key table of the screen this dialog opened over."""
        beneath = [screen for screen in self.app.screen_stack if screen is not self]
        return key_table(beneath[-1]) if beneath else []

    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)
