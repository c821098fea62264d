"""Answers in a group session: shared option order, JSON form, tallies and the summary.

Pure logic, no Textual: the trainer's and participants' screens only show what
this module computes. What a response means per question type lives in
`tutor.core.questions`; this module adds what is particular to a group session
(one shuffle per session code, the store's tallies, show-of-hands votes, the
summary file).
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tutor.core.content.models import Question
from tutor.core.questions import (
    Bar,
    BarGroup,
    Presentation,
    Response,
    check,
    decode_response,
    kind_of,
)
from tutor.core.questions import encode_response as _encode
from tutor.core.questions.base import INDENT, MAX_DISTINCT_BARS
from tutor.core.text import common as strings
from tutor.core.text import group as gs

__all__ = [
    "INDENT",
    "MAX_DISTINCT_BARS",
    "Bar",
    "BarGroup",
    "QuestionSummary",
    "answer_key",
    "decode_response",
    "decoded",
    "display_order",
    "encode_response",
    "presented",
    "question_rng",
    "response_label",
    "summarise",
    "summary_markdown",
    "tally_groups",
    "takes_hands",
]


def question_rng(code: str, question: Question) -> random.Random:
    """The random source for a question's option order: the same in every app of a session."""
    return random.Random(f"{code}:{question.id}")


def display_order(code: str, question: Question) -> list[int]:
    """The order in which every app of the session shows the options or items.

    The question kind's one shuffle, seeded by the session code, so digit 2
    means the same option on the projector and on every device.
    """
    return kind_of(question).display_order(question, question_rng(code, question))


def takes_hands(question: Question) -> bool:
    """Whether the trainer may count a show of hands (single, multiple, true/false)."""
    return kind_of(question).takes_hands


def presented(question: Question, order: Sequence[int]) -> Presentation:
    """The options or items as participants see them, for the projector."""
    return kind_of(question).presented(question, order)


def encode_response(response: Response, question: Question | None = None) -> str:
    """The response as compact JSON (frozenset → sorted list, tuple → list).

    With the question, its kind encodes it; the generic form is the same JSON.
    """
    if question is not None:
        return _encode(question, response)
    plain: object = response
    if isinstance(response, frozenset):
        plain = sorted(response)
    elif isinstance(response, tuple):
        plain = list(response)
    return json.dumps(plain, separators=(",", ":"), ensure_ascii=False)


def decoded(question: Question, counts: Mapping[str, int]) -> list[tuple[Response, int]]:
    """The valid responses of a tally, each with how often it was given."""
    found = []
    for text, count in counts.items():
        response = decode_response(question, text)
        if response is not None:
            found.append((response, count))
    return found


def tally_groups(
    question: Question,
    order: Sequence[int],
    counts: Mapping[str, int],
    hands: Mapping[int, int],
    *,
    revealed: bool,
) -> list[BarGroup]:
    """The bar chart of a question's answers (device answers plus show-of-hands votes).

    Args:
        question: The question.
        order: The display order of options or items (`display_order`).
        counts: Responses as JSON with how often each was given (the store's tally).
        hands: Show-of-hands votes per option index.
        revealed: Whether bars may say which answer is right.
    """
    responses = decoded(question, counts)
    return kind_of(question).tally(question, order, responses, hands, revealed=revealed)


def response_label(question: Question, response: Response) -> str:
    """A short text for a whole response, e.g. "Blokkade → Glutamaatgolf → Nieuwe verbindingen"."""
    return kind_of(question).answer_label(question, response)


def answer_key(question: Question, order: Sequence[int] | None = None) -> list[str]:
    """What the trainer shows at the reveal: the right answer and why.

    For choice questions every option with its number in `order` (the display
    order), ✓ or ✗, and its feedback on the next line.
    """
    return kind_of(question).answer_key(question, order)


# Summary ------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionSummary:
    """How one question went in the group.

    Attributes:
        number: The question's number in the quiz (1-based).
        prompt: The question.
        answered: How many answered (devices, plus hands for single and true/false).
        right: How many answered right.
        most_wrong: The wrong option (or answer) chosen most often, if any.
        most_wrong_count: How often that was chosen.
    """

    number: int
    prompt: str
    answered: int
    right: int
    most_wrong: str | None
    most_wrong_count: int


def summarise(
    number: int, question: Question, counts: Mapping[str, int], hands: Mapping[int, int]
) -> QuestionSummary:
    """Sum up one question from the store's tally and the show-of-hands votes.

    A hand vote counts as one person for single and true/false questions. For
    `multiple` a person may raise a hand for several options, so hands there add
    to the wrong options only, not to answered or right.
    """
    kind = kind_of(question)
    answered = right = 0
    wrong: Counter[str] = Counter()
    for response, count in decoded(question, counts):
        answered += count
        right += count * check(question, response).correct
        for label in kind.wrong_parts(question, response):
            wrong[label] += count
    labels = kind.hand_labels(question)
    correct = kind.right_hands(question)
    for index, votes in hands.items():
        if not 0 <= index < len(labels):
            continue
        if kind.hand_is_person:
            answered += votes
            right += votes if index in correct else 0
        if index not in correct:
            wrong[labels[index]] += votes
    most = wrong.most_common(1)
    return QuestionSummary(
        number,
        question.prompt,
        answered,
        right,
        most[0][0] if most else None,
        most[0][1] if most else 0,
    )


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def summary_markdown(title: str, rows: Sequence[QuestionSummary], date: str) -> str:
    """The session summary as Markdown, with no names in it."""
    lines = [
        f"# {gs.SUMMARY_FILE_TITLE.format(title=_cell(title))}",
        "",
        gs.SUMMARY_FILE_DATE.format(date=date),
        "",
        gs.SUMMARY_INTRO,
        "",
        "| " + " | ".join(gs.SUMMARY_COLUMNS) + " |",
        "| " + " | ".join(["---", "---:", "---:", "---"]) + " |",
    ]
    for row in rows:
        wrong = (
            f"{_cell(row.most_wrong)} ({row.most_wrong_count})"
            if row.most_wrong
            else gs.SUMMARY_NONE
        )
        lines.append(
            f"| {row.number}. {_cell(row.prompt)} | {row.answered} | {row.right} | {wrong} |"
        )
    lines += ["", gs.SUMMARY_FILE_NO_NAMES, "", strings.HELP_LINE, strings.CAUTION, ""]
    return "\n".join(lines)
