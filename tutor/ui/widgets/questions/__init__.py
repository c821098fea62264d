"""One view per question type, found through `view_for(question)` / `make_view(question, rng)`."""

from tutor.ui.widgets.questions.base import QuestionView
from tutor.ui.widgets.questions.choice import ChoiceView
from tutor.ui.widgets.questions.evidence import EvidenceView
from tutor.ui.widgets.questions.explain import ExplainView
from tutor.ui.widgets.questions.match import MatchView
from tutor.ui.widgets.questions.order import OrderView
from tutor.ui.widgets.questions.registry import VIEWS, make_view, view_for
from tutor.ui.widgets.questions.true_false import TrueFalseView

__all__ = [
    "VIEWS",
    "ChoiceView",
    "EvidenceView",
    "ExplainView",
    "MatchView",
    "OrderView",
    "QuestionView",
    "TrueFalseView",
    "make_view",
    "view_for",
]
