"""Helpers for Pilot tests: which keys answer the question on screen right or wrong."""

from __future__ import annotations

from textual.pilot import Pilot

from tutor.core.text import common as strings
from tutor.ui.screens.question import QuestionScreen
from tutor.ui.widgets.questions import (
    ChoiceView,
    EvidenceView,
    ExplainView,
    MatchView,
    OrderView,
    QuestionView,
)


def answer_keys(view: QuestionView, *, right: bool) -> list[str]:
    """The keys that answer the question in `view` right (or wrong).

    A teach-back view first needs Enter to show its key points (no typing).
    """
    if isinstance(view, ExplainView) and not view.revealed:
        return ["enter", *answer_keys_revealed(view, right=right)]
    return answer_keys_revealed(view, right=right)


def answer_keys_revealed(view: QuestionView, *, right: bool) -> list[str]:
    """The digit keys that answer the question in `view` right (or wrong)."""
    if isinstance(view, ChoiceView):
        positions = [view.order.index(i) + 1 for i in sorted(view.correct)]
        if not right:
            wrong = [p + 1 for p, i in enumerate(view.order) if i not in view.correct]
            positions = wrong[:1] if wrong else positions[:-1]
        return [str(p) for p in positions]
    if isinstance(view, OrderView):
        indices = list(range(len(view.items)))
        if not right:
            indices[0], indices[1] = indices[1], indices[0]
        return [str(view.order.index(i) + 1) for i in indices]
    if isinstance(view, MatchView):
        indices = list(range(len(view.pairs)))
        if not right:
            indices[0], indices[1] = indices[1], indices[0]
        return [str(view.order.index(i) + 1) for i in indices]
    assert isinstance(view, EvidenceView)
    keys = []
    for shown, index in enumerate(view.order):
        level = view.statements[index].level
        position = strings.EVIDENCE_ORDER.index(level)
        if not right and shown == 0:
            position = (position + 1) % len(strings.EVIDENCE_ORDER)
        keys.append(str(position + 1))
    return keys


async def answer_current(pilot: Pilot, *, right: bool) -> QuestionScreen:
    """Answer the question on screen and confirm; returns the screen (feedback showing)."""
    screen = pilot.app.screen
    assert isinstance(screen, QuestionScreen)
    await pilot.press(*answer_keys(screen.view, right=right))
    await pilot.press("enter")
    return screen
