"""One module per question type, sharing the `QuestionKind` protocol of `base`.

`kind_of(question)` finds the kind of a question from its YAML `type`. Outside
this package (and the views in `tutor.ui.widgets.questions`) no code branches on
the question type. Never imports Textual.
"""

from tutor.core.questions.base import (
    Bar,
    BarGroup,
    Json,
    Presentation,
    QuestionKind,
    Response,
    Verdict,
    shuffled,
)
from tutor.core.questions.registry import (
    KINDS,
    check,
    decode_response,
    encode_response,
    kind_of,
)

__all__ = [
    "KINDS",
    "Bar",
    "BarGroup",
    "Json",
    "Presentation",
    "QuestionKind",
    "Response",
    "Verdict",
    "check",
    "decode_response",
    "encode_response",
    "kind_of",
    "shuffled",
]
