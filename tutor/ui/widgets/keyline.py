"""The keys of the current screen, on one clickable line at the bottom.

Textual's `Footer` builds a widget per key and rebuilds them whenever the
bindings change; at start-up that costs as much as the rest of the home
screen. This line is one widget: the same keys (those with `show=True` that the
screen and app allow), a key that is not available now is dimmed, and a click
on a key presses it.
"""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static


class KeyLine(Static):
    """One line with the screen's keys and what they do, e.g. `? Hulp  q Stoppen`."""

    def __init__(self) -> None:
        super().__init__("", id="keys")
        self.auto_links = False  # keys keep their own colours, not link underlines

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.show_keys()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """The screen's keys changed (focus, state): show them again."""
        if self.is_attached and screen is self.screen:
            self.show_keys()

    def show_keys(self) -> None:
        """Show every visible key once per action, in the order the screen binds them."""
        parts: list[str | tuple[str, str]] = []
        actions: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            click = f"@click=press({binding.key!r})"
            key_style = "bold $footer-key-foreground" if enabled else "dim"
            description_style = "" if enabled else "dim"
            parts.append((f" {self.app.get_key_display(binding)} ", f"{key_style} {click}"))
            parts.append((f"{binding.description} ", f"{description_style} {click}".strip()))
        self.update(Content.assemble(*parts))

    def action_press(self, key: str) -> None:
        """A click on a key: as if it was pressed."""
        self.app.simulate_key(key)
