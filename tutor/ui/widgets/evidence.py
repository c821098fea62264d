"""A badge that says how strong the evidence for a step is."""

from __future__ import annotations

from textual.widgets import Static

from tutor.core.text import common as strings


class EvidenceBadge(Static):
    """Shows e.g. "Gezien bij dieren" in a colour per level."""

    def __init__(self, level: str | None) -> None:
        label = f" {strings.EVIDENCE_LABELS[level]} " if level else ""
        super().__init__(label, markup=False, classes=f"evidence-badge level-{level or 'none'}")
        self.display = level is not None
