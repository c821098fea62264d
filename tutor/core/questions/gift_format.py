"""The pieces of Moodle's GIFT format that the question types write their blocks with.

Escaping follows Moodle's importer (`question/format/gift/format.php`): a
backslash before `~ = # { } :` and before a backslash; a line break is `\\n`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tutor.core.content.models import SourcedQuote, quote_texts
from tutor.core.text import export as text

GIFT_SPECIAL = "~=#{}:"
"""Characters with a meaning in GIFT; in text they need a backslash."""

WRONG_WEIGHT = "-100"
"""The weight of a wrong option in a `multiple` question: choosing it loses the points."""

MIN_MATCH_PAIRS = 3
"""Fewer pairs than this cannot be a Moodle matching question."""


def escape(value: str) -> str:
    """Escape text for GIFT: backslash, `~ = # { } :` and line breaks.

    Args:
        value: Plain text.

    Returns:
        The text with every special character escaped, on one line.
    """
    escaped = value.replace("\\", "\\\\")
    for char in GIFT_SPECIAL:
        escaped = escaped.replace(char, "\\" + char)
    return escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def gift_text(value: str) -> str:
    """Escape text that Moodle reads with an optional `[format]` prefix.

    A text that itself starts with `[` gets an explicit `[moodle]` prefix, so
    Moodle does not read its first word as a text format.
    """
    escaped = escape(value.strip())
    return f"[moodle]{escaped}" if escaped.startswith("[") else escaped


def subquestion(value: str) -> str:
    """Escape the left side of a matching pair; GIFT cannot escape `->` there."""
    return gift_text(value.replace("->", "→"))


def multiple_weight(right_count: int) -> str:
    """The weight in percent of each right option when `right_count` options are right.

    Five decimals, as Moodle's own grade list uses (e.g. `33.33333`), so the
    weights are valid Moodle grades and add up to 100.
    """
    return f"{100 / right_count:.5f}".rstrip("0").rstrip(".")


def pair_lines(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """Matching sub-questions `=left -> right`."""
    # The right side is not read with a [format] prefix, so plain escaping suffices.
    return [f"={subquestion(left)} -> {escape(right.strip())}" for left, right in pairs]


def choice_line(right: bool, option: str, explanation: str) -> str:
    """One option of a single-choice question made from another type."""
    template = text.CHOICE_RIGHT if right else text.CHOICE_WRONG
    feedback = template.format(explanation=explanation).strip()
    return f"{'=' if right else '~'}{gift_text(option)}#{gift_text(feedback)}"


def combination_choice(
    name: str,
    prompt: str,
    ask: str,
    options: Sequence[str],
    explanation: str,
    quotes: Sequence[str | SourcedQuote],
) -> str:
    """A single-choice question between combinations; the first option is the right one."""
    lines = [choice_line(index == 0, option, explanation) for index, option in enumerate(options)]
    return block(name, f"{prompt.strip()} {ask}", lines, general(None, quotes))


def general(
    explanation: str | None, quotes: Sequence[str | SourcedQuote], extra: Sequence[str] = ()
) -> str:
    """General feedback: explanation, per-statement lines, and the article's quotes."""
    quoted = " ".join(f"“{' '.join(quote.split())}”" for quote in quote_texts(quotes))
    parts = [" ".join(explanation.split())] if explanation else []
    parts += extra
    parts.append(text.FEEDBACK_QUOTES.format(quotes=quoted))
    return "\n".join(parts)


def block(name: str, prompt: str, answers: Sequence[str], general_feedback: str) -> str:
    """A GIFT question: title, text, and the answer block with general feedback last."""
    lines = [f"::{escape(name)}:: {gift_text(' '.join(prompt.split()))} {{"]
    lines += [f"\t{answer}" for answer in answers]
    lines.append(f"\t####{gift_text(general_feedback)}")
    lines.append("}")
    return "\n".join(lines)
