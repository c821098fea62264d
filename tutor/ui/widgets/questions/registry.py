"""The view of each question type, found by its YAML `type` like `tutor.core.questions.kind_of`."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from tutor.core.content.models import QUESTION_TYPES, Question
from tutor.core.questions import kind_of
from tutor.ui.widgets.questions.base import QuestionView
from tutor.ui.widgets.questions.choice import multiple_view, single_view
from tutor.ui.widgets.questions.evidence import EvidenceView
from tutor.ui.widgets.questions.explain import ExplainView
from tutor.ui.widgets.questions.match import MatchView
from tutor.ui.widgets.questions.order import OrderView
from tutor.ui.widgets.questions.true_false import TrueFalseView

ViewFactory = Callable[[Any, list[int]], QuestionView]
"""Builds a view from a question and its display order."""

VIEWS: dict[str, ViewFactory] = {
    "single": single_view,
    "multiple": multiple_view,
    "true_false": TrueFalseView,
    "order": OrderView,
    "match": MatchView,
    "evidence": EvidenceView,
    "explain": ExplainView,
}
"""Every question type's view, by its YAML `type`."""

assert tuple(VIEWS) == QUESTION_TYPES, "every question type needs a view"


def view_for(question: Question) -> ViewFactory:
    """The factory of the view that shows `question`."""
    return VIEWS[question.type]


def make_view(question: Question, rng: random.Random) -> QuestionView:
    """Build the view for a question, in the order its kind's one shuffle gives with `rng`."""
    order = kind_of(question).display_order(question, rng)
    return view_for(question)(question, order)
