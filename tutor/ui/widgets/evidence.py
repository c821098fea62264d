"""A badge that says how strong the evidence for a step is."""

from __future__ import annotations

from textual.widgets import Static

from tutor.core.text import common as strings

TONES = {
    "established": ("success", "$text"),
    "human-early": ("primary", "$text"),
    "animal": ("warning", "black"),
    "unknown": ("panel", "$text"),
}
"""Per level: the theme colour of the badge, and of its text (`$name`: a theme variable)."""


class EvidenceBadge(Static):
    """Shows e.g. "Gezien bij dieren" in a colour per level.

    The colours are inline styles, not a class per level: a class change restyles
    the badge through the whole stylesheet, in the frame of every step that has
    another level than the one before.
    """

    def __init__(self, level: str | None) -> None:
        super().__init__(_label(level), markup=False, classes="evidence-badge")
        self.level = level
        self.display = level is not None

    def on_mount(self) -> None:
        self._colour(self.level)

    def show(self, level: str | None) -> None:
        """Show the badge of another level (hidden when the step has none)."""
        if level == self.level:
            return
        self.level = level
        self._colour(level)
        self.update(_label(level))
        self.display = level is not None

    def _colour(self, level: str | None) -> None:
        if level is None:
            return
        variables = self.app.theme_variables
        background, text = TONES[level]
        if text.startswith("$"):
            text = variables[text[1:]]
        self.set_styles(f"background: {variables[background]}; color: {text};")


def _label(level: str | None) -> str:
    return f" {strings.EVIDENCE_LABELS[level]} " if level else ""
