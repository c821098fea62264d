"""Answers in a group session: JSON form, shared option order, tallies and the summary.

Pure logic, no Textual: the trainer's and participants' screens only show what
this module computes. Responses have the shapes `tutor.core.quiz` documents; in JSON
a frozenset becomes a sorted list and a tuple a list.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tutor.core.content.models import (
    EvidenceQuestion,
    ExplainQuestion,
    MatchQuestion,
    MultipleQuestion,
    OrderQuestion,
    Question,
    SingleQuestion,
    TrueFalseQuestion,
)
from tutor.core.quiz import Response, check, item_count, shuffled
from tutor.core.text import common as strings
from tutor.core.text import group as gs

INDENT = "\u00a0" * 4
"""Non-breaking spaces: Textual drops plain spaces at the start of a line."""
MAX_DISTINCT_BARS = 5
"""Order questions show this many different orders; the rest as "Iets anders"."""


def question_rng(code: str, question: Question) -> random.Random:
    """The random source for a question's option order: the same in every app of a session."""
    return random.Random(f"{code}:{question.id}")


def display_order(code: str, question: Question) -> list[int]:
    """The order in which every app of the session shows the options or items.

    Matches what `tutor.ui.widgets.questions.make_view(question, question_rng(...))` shows,
    so digit 2 means the same option on the projector and on every device.
    """
    if isinstance(question, TrueFalseQuestion):
        return [0, 1]
    return shuffled(item_count(question), question_rng(code, question))


def is_choice(question: Question) -> bool:
    """Whether the question has options to pick (single, multiple, true/false)."""
    return isinstance(question, SingleQuestion | MultipleQuestion | TrueFalseQuestion)


def choice_labels(question: Question) -> list[str]:
    """The option texts of a choice question, in YAML order (true/false: Waar, Niet waar)."""
    if isinstance(question, SingleQuestion | MultipleQuestion):
        return [option.text for option in question.options]
    if isinstance(question, TrueFalseQuestion):
        return [strings.TRUE_LABEL, strings.FALSE_LABEL]
    return []


def correct_choices(question: Question) -> set[int]:
    """The indices of the right options of a choice question."""
    if isinstance(question, SingleQuestion | MultipleQuestion):
        return {i for i, option in enumerate(question.options) if option.correct}
    if isinstance(question, TrueFalseQuestion):
        return {0 if question.answer else 1}
    return set()


# JSON -------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, frozenset | set):
        return sorted(value)
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def encode_response(response: Response) -> str:
    """The response as compact JSON (frozenset → sorted list, tuple → list)."""
    return json.dumps(_plain(response), separators=(",", ":"), ensure_ascii=False)


def decode_response(question: Question, text: str) -> Response | None:
    """The response back in `tutor.core.quiz` form, or None if it does not fit the question."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    count = item_count(question)
    if isinstance(question, TrueFalseQuestion):
        return data if isinstance(data, bool) else None
    if not isinstance(data, list) or len(data) > count:
        return None
    if isinstance(question, EvidenceQuestion):
        ok = len(data) == count and all(level in strings.EVIDENCE_ORDER for level in data)
        return tuple(data) if ok else None
    if not all(isinstance(i, int) and not isinstance(i, bool) and 0 <= i < count for i in data):
        return None
    if isinstance(question, ExplainQuestion):
        return frozenset(data)  # the key points covered; none is an answer too
    if isinstance(question, SingleQuestion | MultipleQuestion):
        chosen = frozenset(data)
        ok = bool(chosen) and (isinstance(question, MultipleQuestion) or len(chosen) == 1)
        return chosen if ok else None
    ok = len(data) == count and len(set(data)) == count
    return tuple(data) if ok else None


def decoded(question: Question, counts: Mapping[str, int]) -> list[tuple[Response, int]]:
    """The valid responses of a tally, each with how often it was given."""
    found = []
    for text, count in counts.items():
        response = decode_response(question, text)
        if response is not None:
            found.append((response, count))
    return found


def chosen_indices(question: Question, response: Response) -> set[int]:
    """The option indices a choice response picked."""
    if isinstance(question, TrueFalseQuestion):
        return {0 if response else 1}
    return set(response)


# Tallies ------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One bar of a chart.

    Attributes:
        label: What was chosen (with its digit for options).
        count: How many chose it.
        correct: Whether it is right; only filled in once the answer is revealed.
    """

    label: str
    count: int
    correct: bool | None = None


@dataclass(frozen=True)
class BarGroup:
    """Bars that belong together, e.g. the levels chosen for one statement."""

    title: str | None
    bars: tuple[Bar, ...]


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
    if is_choice(question):
        labels = choice_labels(question)
        right = correct_choices(question)
        per_option: Counter[int] = Counter()
        for response, count in responses:
            for index in chosen_indices(question, response):
                per_option[index] += count
        bars = tuple(
            Bar(
                f"{position}  {labels[index]}",
                per_option[index] + hands.get(index, 0),
                (index in right) if revealed else None,
            )
            for position, index in enumerate(order, 1)
        )
        return [BarGroup(None, bars)]
    if isinstance(question, EvidenceQuestion):
        groups = []
        for number, index in enumerate(order, 1):
            statement = question.statements[index]
            levels: Counter[str] = Counter()
            for response, count in responses:
                levels[response[index]] += count
            bars = tuple(
                Bar(
                    f"{position}  {strings.EVIDENCE_LABELS[level]}",
                    levels[level],
                    (level == statement.level) if revealed else None,
                )
                for position, level in enumerate(strings.EVIDENCE_ORDER, 1)
            )
            groups.append(BarGroup(f"{number}. {statement.text}", bars))
        return groups
    if isinstance(question, MatchQuestion):
        groups = []
        for term_index, pair in enumerate(question.pairs):
            meanings: Counter[int] = Counter()
            for response, count in responses:
                meanings[response[term_index]] += count
            bars = tuple(
                Bar(
                    f"{position}  {question.pairs[index].meaning}",
                    meanings[index],
                    (index == term_index) if revealed else None,
                )
                for position, index in enumerate(order, 1)
            )
            groups.append(BarGroup(pair.term, bars))
        return groups
    return [BarGroup(None, _distinct_bars(question, responses, revealed=revealed))]


def _distinct_bars(
    question: Question, responses: list[tuple[Response, int]], *, revealed: bool
) -> tuple[Bar, ...]:
    """Order questions: one bar per different order, most given first."""
    ranked = sorted(responses, key=lambda pair: (-pair[1], response_label(question, pair[0])))
    bars = [
        Bar(
            response_label(question, response),
            count,
            check(question, response).correct if revealed else None,
        )
        for response, count in ranked[:MAX_DISTINCT_BARS]
    ]
    rest = sum(count for _, count in ranked[MAX_DISTINCT_BARS:])
    if rest:
        bars.append(Bar(gs.OTHER_RESPONSES, rest, False if revealed else None))
    return tuple(bars)


def response_label(question: Question, response: Response) -> str:
    """A short text for a whole response, e.g. "Blokkade → Glutamaatgolf → Nieuwe verbindingen"."""
    if isinstance(question, OrderQuestion):
        return " → ".join(question.items[i] for i in response)
    if isinstance(question, MatchQuestion):
        return "; ".join(
            f"{pair.term} = {question.pairs[i].meaning}"
            for pair, i in zip(question.pairs, response, strict=False)
        )
    if isinstance(question, EvidenceQuestion):
        return "; ".join(
            f"{s.text}: {strings.EVIDENCE_LABELS[level]}"
            for s, level in zip(question.statements, response, strict=False)
        )
    if isinstance(question, ExplainQuestion):
        return "; ".join(question.key_points[i].text for i in sorted(response)) or "-"
    labels = choice_labels(question)
    return ", ".join(labels[i] for i in sorted(chosen_indices(question, response)))


def answer_key(question: Question, order: Sequence[int] | None = None) -> list[str]:
    """What the trainer shows at the reveal: the right answer and why.

    For choice questions every option with its number in `order` (the display
    order), ✓ or ✗, and its feedback on the next line.
    """
    if isinstance(question, SingleQuestion | MultipleQuestion):
        shown = order if order is not None else range(len(question.options))
        lines = []
        for number, index in enumerate(shown, 1):
            option = question.options[index]
            lines.append(f"{number} {'✓' if option.correct else '✗'} {option.text}")
            lines.append(f"{INDENT}{option.feedback}")
        return lines
    if isinstance(question, TrueFalseQuestion):
        label = strings.TRUE_LABEL if question.answer else strings.FALSE_LABEL
        feedback = question.feedback_true if question.answer else question.feedback_false
        return [f"{1 if question.answer else 2} ✓ {label}", f"{INDENT}{feedback}"]
    if isinstance(question, OrderQuestion):
        lines = [strings.ANSWER_RIGHT_ORDER]
        lines += [f"{n}. {item}" for n, item in enumerate(question.items, 1)]
        return [*lines, question.explanation]
    if isinstance(question, MatchQuestion):
        lines = [strings.ANSWER_RIGHT_PAIRS]
        lines += [f"{pair.term} = {pair.meaning}" for pair in question.pairs]
        return [*lines, question.explanation]
    if isinstance(question, ExplainQuestion):
        lines = [strings.ANSWER_MODEL.format(text=" ".join(question.model_answer.split()))]
        return [*lines, *(f"✓ {point.text}" for point in question.key_points)]
    shown = order if order is not None else range(len(question.statements))
    lines = []
    for number, index in enumerate(shown, 1):
        statement = question.statements[index]
        lines.append(f"{number}. {statement.text}")
        level = f"{INDENT}✓ {strings.EVIDENCE_LABELS[statement.level]}"
        lines.append(level + (f". {statement.feedback}" if statement.feedback else ""))
    return [*lines, question.explanation]


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


def wrong_choices(question: Question, response: Response) -> list[str]:
    """The wrong parts of a response: wrong options, placements or pairs, or the whole order."""
    if is_choice(question):
        labels = choice_labels(question)
        right = correct_choices(question)
        return [labels[i] for i in sorted(chosen_indices(question, response) - right)]
    if isinstance(question, MatchQuestion):
        return [
            f"{pair.term} = {question.pairs[i].meaning}"
            for n, (pair, i) in enumerate(zip(question.pairs, response, strict=False))
            if i != n
        ]
    if isinstance(question, EvidenceQuestion):
        return [
            f"{s.text}: {strings.EVIDENCE_LABELS[level]}"
            for s, level in zip(question.statements, response, strict=False)
            if level != s.level
        ]
    return [] if check(question, response).correct else [response_label(question, response)]


def summarise(
    number: int, question: Question, counts: Mapping[str, int], hands: Mapping[int, int]
) -> QuestionSummary:
    """Sum up one question from the store's tally and the show-of-hands votes.

    A hand vote counts as one person for single and true/false questions. For
    `multiple` a person may raise a hand for several options, so hands there add
    to the wrong options only, not to answered or right.
    """
    answered = right = 0
    wrong: Counter[str] = Counter()
    for response, count in decoded(question, counts):
        answered += count
        right += count * check(question, response).correct
        for label in wrong_choices(question, response):
            wrong[label] += count
    if is_choice(question) and hands:
        labels = choice_labels(question)
        correct = correct_choices(question)
        for index, votes in hands.items():
            if not 0 <= index < len(labels):
                continue
            if not isinstance(question, MultipleQuestion):
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
