"""The YAML `type` of a question mapped to its `QuestionKind`."""

from __future__ import annotations

import json
from typing import Any

from tutor.core.content.models import QUESTION_TYPES, Question
from tutor.core.questions.base import QuestionKind, Response, Verdict
from tutor.core.questions.evidence import EvidenceKind
from tutor.core.questions.explain import ExplainKind
from tutor.core.questions.match import MatchKind
from tutor.core.questions.multiple import MultipleKind
from tutor.core.questions.order import OrderKind
from tutor.core.questions.single import SingleKind
from tutor.core.questions.true_false import TrueFalseKind

MAX_RESPONSE_CHARS = 1000
"""A response's JSON is never longer than this; a longer one is refused unread."""

KINDS: dict[str, QuestionKind[Any, Any]] = {
    kind.type: kind
    for kind in (
        SingleKind(),
        MultipleKind(),
        TrueFalseKind(),
        OrderKind(),
        MatchKind(),
        EvidenceKind(),
        ExplainKind(),
    )
}
"""Every question type's kind, by its YAML `type`."""

assert tuple(KINDS) == QUESTION_TYPES, "every question type needs a kind"


def kind_of(question: Question) -> QuestionKind[Any, Any]:
    """The kind that knows what `question` means."""
    return KINDS[question.type]


def check(question: Question, response: Response) -> Verdict:
    """Check a response to a question and explain the outcome."""
    return kind_of(question).check(question, response)


def encode_response(question: Question, response: Response) -> str:
    """The response as compact JSON (the group store and the participant wire format)."""
    data = kind_of(question).encode(question, response)
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def decode_response(question: Question, text: str) -> Response | None:
    """A response back from its JSON, or None if it is malformed or does not fit the question."""
    if len(text) > MAX_RESPONSE_CHARS:
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    response: Response | None = kind_of(question).decode(question, data)
    return response
