"""A badge that says how strong the evidence for a step is."""

from __future__ import annotations

from textual.widgets import Static

from tutor.core.text import common as strings


class EvidenceBadge(Static):
    """Shows e.g. "Gezien bij dieren" in a colour per level."""

    def __init__(self, level: str | None) -> None:
        super().__init__(
            _label(level), markup=False, classes=f"evidence-badge level-{level or 'none'}"
        )
        self.level = level
        self.display = level is not None

    def show(self, level: str | None) -> None:
        """Show the badge of another level (hidden when the step has none)."""
        if level == self.level:
            return
        self.remove_class(f"level-{self.level or 'none'}", update=False)
        self.add_class(f"level-{level or 'none'}")
        self.level = level
        self.update(_label(level))
        self.display = level is not None


def _label(level: str | None) -> str:
    return f" {strings.EVIDENCE_LABELS[level]} " if level else ""
