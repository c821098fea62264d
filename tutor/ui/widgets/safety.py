"""The help line (113) and the caution that is on every screen."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tutor.core.text import common as strings


class SafetyLine(Static):
    """Where to find help, and that this is information, not medical advice."""

    DEFAULT_CLASSES = "safety"

    def __init__(self) -> None:
        text = Text()
        text.append(strings.HELP_LINE, style="bold")
        text.append(" ")
        text.append(strings.CAUTION, style="italic")
        super().__init__(text, id="safety")
