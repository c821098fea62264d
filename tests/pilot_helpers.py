"""Helpers for Pilot tests: which keys answer the question on screen right or wrong, and
how big and far apart the touch targets on a screen are."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Any

from textual.errors import NoWidget
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

from tutor.core.text import common as strings
from tutor.ui.screens.question import QuestionScreen
from tutor.ui.widgets.pickrow import PickList
from tutor.ui.widgets.questions import (
    ChoiceView,
    EvidenceView,
    ExplainView,
    MatchView,
    OrderView,
    QuestionView,
)
from tutor.ui.widgets.topbar import TopBar


def top_bar(app: Any) -> TopBar:
    """The top bar (title and counter) of the app's current screen."""
    bar: TopBar = app.screen.query_one(TopBar)
    return bar


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


TOUCH_TARGETS = "Button, LessonItem, TextArea, Input"
"""Everything a kiosk visitor (or staff, on the PIN pad) can tap, besides the rows of a
question (drawn in one `PickList`: `row_targets`).

Not in the list: the key line (in the kiosk only a hint for a keyboard; taps on it do
nothing, `touch_check` asserts that), the open questions of "Wat we nog niet weten"
(a tap saves one only where questions can be saved, never in the kiosk), and the
attract screen itself (a tap anywhere starts; its "Beginnen" button is in the list).
"""


@dataclass
class TouchCheck:
    """The touch targets on a screen and what is wrong with them.

    Attributes:
        targets: Name and screen region of every visible target.
        problems: Targets lower than 3 rows, targets that touch, a key line that takes taps.
    """

    targets: list[tuple[str, Region]]
    problems: list[str]

    @property
    def min_height(self) -> int:
        """The height of the lowest target (0 without targets)."""
        return min((region.height for _, region in self.targets), default=0)

    @property
    def min_gap(self) -> int | None:
        """The fewest blank rows or columns between two targets (None for one target)."""
        gaps = [gap(a, b) for (_, a), (_, b) in combinations(self.targets, 2)]
        return min(gaps, default=None)


def gap(a: Region, b: Region) -> int:
    """Blank columns or rows between two regions: 0 when they touch, negative if they overlap.

    Regions that only meet at a corner touch too.
    """
    across = max(b.x - a.right, a.x - b.right)
    down = max(b.y - a.bottom, a.y - b.bottom)
    return max(across, down)


def target_name(widget: Widget) -> str:
    """A readable name for a target in a failure message."""
    number = getattr(widget, "number", None)
    if number is not None:
        return f"{type(widget).__name__} {number}"
    return f"{type(widget).__name__}#{widget.id}"


def touch_check(screen: Screen[Any], *, min_height: int = 3, min_gap: int = 1) -> TouchCheck:
    """Measure every touch target on `screen` (see `TOUCH_TARGETS`).

    A target counts when any of it is in sight; its height is its full height (a target
    partly scrolled away is still that high once scrolled to).
    """
    targets = [(name, region) for name, region, seen in row_targets(screen) if seen]
    for widget in screen.query(TOUCH_TARGETS):
        try:
            geometry = screen.find_widget(widget)
        except NoWidget:  # not displayed
            continue
        if geometry.region.intersection(geometry.clip):
            targets.append((target_name(widget), geometry.region))
    problems = [
        f"{name} is {region.height} hoog" for name, region in targets if region.height < min_height
    ]
    problems += [
        f"{name_a} en {name_b} hebben {gap(a, b)} ruimte ertussen"
        for (name_a, a), (name_b, b) in combinations(targets, 2)
        if gap(a, b) < min_gap
    ]
    problems += [
        "de toetsenregel neemt tikken aan" for keys in screen.query("#keys") if not keys.disabled
    ]
    return TouchCheck(targets, problems)


def row_targets(screen: Screen[Any]) -> list[tuple[str, Region, Region]]:
    """Every question row shown on `screen`, in sight or scrolled away.

    Returns:
        Its name ("PickRow 2"), its screen region, and the part of it in sight (empty
        when scrolled away).
    """
    found = []
    for picks in screen.query(PickList):
        try:
            geometry = screen.find_widget(picks)
        except NoWidget:  # not displayed
            continue
        for number in picks.shown_rows():
            region = picks.row_region(number)
            if region is not None:
                found.append((f"PickRow {number}", region, region.intersection(geometry.clip)))
    return found


async def click_row(pilot: Pilot[Any], number: int, *, line: int = 0, x: int = 2) -> None:
    """Click (or tap) row `number` of the question on screen, `line` lines below its top."""
    picks = pilot.app.screen.query_one(PickList)
    region = picks.row_region(number)
    assert region is not None, f"rij {number} is niet te zien"
    top = picks.content_region
    await pilot.click(picks, offset=(region.x - top.x + x, region.y - top.y + line))
