"""What every question type shares: the verdict, tally bars and the `QuestionKind` protocol.

A question type is one module in this package with one `QuestionKind` subclass;
`tutor.core.questions.registry.kind_of` finds it from the YAML `type`. Pure
Python, never imports Textual.
"""

from __future__ import annotations

import random
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from tutor.core.content.models import EvidenceLevel, Question, SourcedQuote, quote_texts
from tutor.core.text import group as gs

Q = TypeVar("Q", bound=Question)
R = TypeVar("R")

ChoiceResponse = frozenset[int]
"""`single`, `multiple`, `explain`: the chosen option (or ticked key-point) indices."""
TrueFalseResponse = bool
"""`true_false`: True for "Waar"."""
PlacementResponse = tuple[int, ...]
"""`order`: item indices in the learner's order; `match`: the meaning index per term."""
EvidenceResponse = tuple[EvidenceLevel, ...]
"""`evidence`: the level the learner chose per statement, in YAML order."""
Response = ChoiceResponse | TrueFalseResponse | PlacementResponse | EvidenceResponse
"""Any response; indices always refer to the order in the YAML file."""

Path = tuple[str | int, ...]
"""Where in a question's YAML a value is, e.g. `("key_points", 0)`."""
Json = bool | list[int] | list[str]
"""The JSON-safe form of a response (the group store and the participant wire format)."""
Form = dict[str, object]
"""How a participant's web page lets one answer a question (JSON-safe; see `QuestionKind.form`)."""

INDENT = "\u00a0" * 4
"""Non-breaking spaces: Textual drops plain spaces at the start of a line."""
MAX_DISTINCT_BARS = 5
"""Questions charted by whole response show this many; the rest as "Iets anders"."""


@dataclass(frozen=True)
class Verdict:
    """The outcome of one answer.

    Attributes:
        correct: Whether the answer was right.
        feedback: Lines that say why, for the chosen option(s) or items.
        quotes: The passages of the article that hold the answer.
    """

    correct: bool
    feedback: tuple[str, ...]
    quotes: tuple[str, ...]


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


@dataclass(frozen=True)
class Presentation:
    """A question as the projector shows it before the reveal.

    Attributes:
        header: Lines above the numbered rows (terms, statements), maybe none.
        rows: The numbered rows, in display order.
    """

    header: tuple[str, ...]
    rows: tuple[str, ...]


def shuffled(count: int, rng: random.Random) -> list[int]:
    """Return a presentation order for `count` items (never the given order if avoidable)."""
    order = list(range(count))
    if count < 2:
        return order
    for _ in range(5):
        rng.shuffle(order)
        if order != sorted(order):
            break
    return order


def index_list(data: object, count: int) -> list[int] | None:
    """`data` as a list of at most `count` indices below `count`, or None."""
    if not isinstance(data, list) or len(data) > count:
        return None
    if not all(type(i) is int and 0 <= i < count for i in data):
        return None
    return data


class QuestionKind(ABC, Generic[Q, R]):
    """The meaning of one question type; `R` is the type of its response.

    Subclasses fill in how the question is presented, checked, encoded and
    exported. Every method takes the question, so one instance serves all
    questions of its type.
    """

    type: ClassVar[str]
    """The YAML `type` this kind handles."""
    takes_hands: ClassVar[bool] = False
    """Whether a trainer may count a show of hands per option."""
    hand_is_person: ClassVar[bool] = False
    """Whether one raised hand is one person's whole answer (not in `multiple`)."""

    # --- what the learner sees -------------------------------------------------

    @abstractmethod
    def item_count(self, question: Q) -> int:
        """How many things the learner chooses between or places."""

    def display_order(self, question: Q, rng: random.Random) -> list[int]:
        """The one shuffle every program uses: the order of options or items on screen."""
        return shuffled(self.item_count(question), rng)

    @abstractmethod
    def presented(self, question: Q, order: Sequence[int]) -> Presentation:
        """The options or items as shown, in display order, for the projector."""

    def hand_labels(self, question: Q) -> list[str]:
        """The option texts hands are counted for (YAML order); empty if none."""
        return []

    @abstractmethod
    def form(self, question: Q, order: Sequence[int]) -> Form:
        """How a participant's web page asks this question, in display order.

        One of four modes, so the page needs no knowledge of question types:
        `one` (tap one option; each option carries the whole `answer` to send),
        `many` (tick several; send the sorted `value`s, or nothing when none),
        `order` (tap the items in order; send their `value`s in that order) and
        `grid` (per row one choice; send a list with the chosen choice `value`
        at each row's `value`; with `unique`, each choice fits one row only).
        Never says which answer is right.
        """

    # --- answers ---------------------------------------------------------------

    @abstractmethod
    def check(self, question: Q, response: R) -> Verdict:
        """Check a response and say why it is right or wrong."""

    @abstractmethod
    def right_answer(self, question: Q) -> R:
        """The right response (the one place it is computed)."""

    @abstractmethod
    def encode(self, question: Q, response: R) -> Json:
        """The response in JSON-safe form."""

    @abstractmethod
    def decode(self, question: Q, data: object) -> R | None:
        """A response back from its JSON form; None if it does not fit the question."""

    @abstractmethod
    def answer_label(self, question: Q, response: R) -> str:
        """A short text for a whole response (status lines, tallies)."""

    @abstractmethod
    def answer_key(self, question: Q, order: Sequence[int] | None = None) -> list[str]:
        """What is shown at the reveal: the right answer and why."""

    def wrong_parts(self, question: Q, response: R) -> list[str]:
        """The wrong parts of a response, for "most chosen wrong answer"."""
        if self.check(question, response).correct:
            return []
        return [self.answer_label(question, response)]

    def right_hands(self, question: Q) -> set[int]:
        """The option indices a right show of hands goes to."""
        return set()

    def tally(
        self,
        question: Q,
        order: Sequence[int],
        responses: Sequence[tuple[R, int]],
        hands: Mapping[int, int],
        *,
        revealed: bool,
    ) -> list[BarGroup]:
        """The bar chart of the answers; by default one bar per different response."""
        ranked = sorted(
            responses, key=lambda pair: (-pair[1], self.answer_label(question, pair[0]))
        )
        bars = [
            Bar(
                self.answer_label(question, response),
                count,
                self.check(question, response).correct if revealed else None,
            )
            for response, count in ranked[:MAX_DISTINCT_BARS]
        ]
        rest = sum(count for _, count in ranked[MAX_DISTINCT_BARS:])
        if rest:
            bars.append(Bar(gs.OTHER_RESPONSES, rest, False if revealed else None))
        return [BarGroup(None, tuple(bars))]

    # --- content checks (`tutor lint`) ---------------------------------------

    def quoted_parts(
        self, question: Q
    ) -> list[tuple[tuple[str | int, ...], list[str | SourcedQuote]]]:
        """Quotes inside the question besides its own `quotes`: (path in the question, quotes)."""
        return []

    def key_is_longest(self, question: Q) -> bool | None:
        """For the longest-key report: whether the right option is strictly the longest.

        None for questions the report does not count (every type but `single`).
        """
        return None

    # --- anonymous kiosk counts ------------------------------------------------

    def parts(self, question: Q, response: R) -> list[tuple[int, bool]]:
        """Each part (numbered from 1 in YAML order) with whether it was right."""
        return []

    def part_labels(self, question: Q) -> list[str]:
        """The text of each part, in YAML order."""
        return []

    # --- exports ---------------------------------------------------------------

    @abstractmethod
    def gift(self, question: Q) -> str:
        """The question as a Moodle GIFT block."""

    def handout(self, question: Q) -> list[str]:
        """The question with its answer as Markdown lines, for a take-home sheet."""
        lines = [f"**{' '.join(question.prompt.split())}**", ""]
        lines += [f"- {line}" for line in self.answer_key(question) if line.strip()]
        return lines


def quotes_of(question: Question) -> tuple[str, ...]:
    """The quoted words of a question's quotes."""
    return quote_texts(question.quotes)


def per_index(responses: Sequence[tuple[frozenset[int], int]]) -> Counter[int]:
    """How often each index was chosen over a tally of set responses."""
    counts: Counter[int] = Counter()
    for response, count in responses:
        for index in response:
            counts[index] += count
    return counts
