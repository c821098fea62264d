"""The trainer's help dialog: the keys of presenter mode."""

from __future__ import annotations

from tutor.core.text import group as gs
from tutor.ui.dialogs.help import HelpScreen


def trainer_help() -> HelpScreen:
    """The help dialog with the keys of the trainer's screen, from its bindings."""
    return HelpScreen(gs.TRAINER_HELP_TITLE, keys=None, note="")
