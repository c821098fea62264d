"""Textual pieces every program uses: the frame, dialogs, widgets and shared screens."""

from pathlib import Path

BASE_CSS = Path(__file__).parent / "tutor.tcss"
"""The stylesheet every program's app loads first."""
