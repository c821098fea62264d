"""All quizzes in Moodle's GIFT format, so a clinic can reuse them in its learning platform.

Each quiz becomes a category (`$CATEGORY: <lesson title>`) with a short
"let op" description (113 line and caution), followed by its questions, each
titled `::<question id>::`. The question types map like this:

| tutor        | GIFT                                                        |
| ------------ | ----------------------------------------------------------- |
| `single`     | `{=right#feedback ~wrong#feedback}`                         |
| `multiple`   | `{~%50%right#feedback ~%-100%wrong#feedback}` (right sum 100) |
| `true_false` | `{TRUE#feedback if wrong#feedback if right}`                |
| `match`      | `{=term -> meaning ...}`                                    |
| `order`      | matching `Stap 1 -> first item`, `Stap 2 -> ...`            |
| `evidence`   | matching `statement -> evidence label`, unused labels as distractors |
| `explain`    | essay `{}`; the model answer and key points as general feedback |

Moodle needs at least two sub-questions and three answers in a matching
question, so a `match` or `order` question with only two pairs becomes a
single-choice question between the two possible combinations, and an
`evidence` question with one statement becomes a single choice between the
four labels. Explanations and the article's quotes become general feedback.

Escaping follows Moodle's importer (`question/format/gift/format.php`): a
backslash before `~ = # { } :` and before a backslash; a line break is `\\n`.
The category line is the exception: Moodle reads it verbatim.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tutor.core.content.loader import Content
from tutor.core.content.models import (
    EvidenceQuestion,
    ExplainQuestion,
    MatchQuestion,
    MultipleQuestion,
    OrderQuestion,
    Question,
    Quiz,
    SingleQuestion,
    SourcedQuote,
    TrueFalseQuestion,
    quote_texts,
)
from tutor.core.text import common as strings
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


def _text(value: str) -> str:
    """Escape text that Moodle reads with an optional `[format]` prefix.

    A text that itself starts with `[` gets an explicit `[moodle]` prefix, so
    Moodle does not read its first word as a text format.
    """
    escaped = escape(value.strip())
    return f"[moodle]{escaped}" if escaped.startswith("[") else escaped


def _subquestion(value: str) -> str:
    """Escape the left side of a matching pair; GIFT cannot escape `->` there."""
    return _text(value.replace("->", "→"))


def multiple_weight(right_count: int) -> str:
    """The weight in percent of each right option when `right_count` options are right.

    Five decimals, as Moodle's own grade list uses (e.g. `33.33333`), so the
    weights are valid Moodle grades and add up to 100.
    """
    return f"{100 / right_count:.5f}".rstrip("0").rstrip(".")


def category_name(title: str) -> str:
    """A Moodle category name for a lesson title (one line; `/` would nest categories)."""
    return " ".join(title.split()).replace("/", "-")


def gift_export(content: Content) -> str:
    """Write every quiz of the content as one GIFT file.

    Args:
        content: The loaded content; quizzes follow the learning order of their lessons.

    Returns:
        The GIFT text (UTF-8 when written), ending in a newline.
    """
    header = [line.format(app=strings.APP_TITLE) for line in text.GIFT_HEADER]
    header += [strings.HELP_LINE, strings.CAUTION]
    parts = ["\n".join(f"// {line}" for line in header)]
    for title, quiz in quizzes_in_order(content):
        parts.append(quiz_gift(quiz, title))
    return "\n\n".join(parts) + "\n"


def quizzes_in_order(content: Content) -> list[tuple[str, Quiz]]:
    """The quizzes with the title of their lesson, in learning order.

    A quiz whose lesson did not load comes last, under its lesson id.
    """
    ordered = [
        (lesson.title, content.quizzes[lesson.id])
        for lesson in content.lessons
        if lesson.id in content.quizzes
    ]
    known = {lesson.id for lesson in content.lessons}
    ordered += [(lid, quiz) for lid, quiz in sorted(content.quizzes.items()) if lid not in known]
    return ordered


def quiz_gift(quiz: Quiz, title: str) -> str:
    """Write one quiz as a GIFT category with a "let op" note and all its questions.

    Args:
        quiz: The quiz.
        title: The lesson title, used as the category name.

    Returns:
        GIFT blocks separated by empty lines (no trailing newline).
    """
    notice = f"::{text.GIFT_NOTICE_NAME}:: {_text(strings.HELP_LINE + ' ' + strings.CAUTION)}"
    blocks = [f"$CATEGORY: {category_name(title)}", notice]
    blocks += [question_gift(question) for question in quiz.questions]
    return "\n\n".join(blocks)


def question_gift(question: Question) -> str:
    """Write one question as a GIFT block (see the module docstring for the mapping)."""
    if isinstance(question, SingleQuestion):
        lines = [
            f"{'=' if option.correct else '~'}{_text(option.text)}#{_text(option.feedback)}"
            for option in question.options
        ]
        return _block(question.id, question.prompt, lines, _general(None, question.quotes))
    if isinstance(question, MultipleQuestion):
        right = multiple_weight(sum(option.correct for option in question.options))
        lines = [
            f"~%{right if option.correct else WRONG_WEIGHT}%"
            f"{_text(option.text)}#{_text(option.feedback)}"
            for option in question.options
        ]
        return _block(question.id, question.prompt, lines, _general(None, question.quotes))
    if isinstance(question, TrueFalseQuestion):
        # GIFT: {ANSWER#feedback when answered wrongly#feedback when answered rightly}.
        if question.answer:
            wrong, right = question.feedback_false, question.feedback_true
        else:
            wrong, right = question.feedback_true, question.feedback_false
        line = f"{'TRUE' if question.answer else 'FALSE'}#{_text(wrong)}#{_text(right)}"
        return _block(question.id, question.prompt, [line], _general(None, question.quotes))
    if isinstance(question, MatchQuestion):
        return _match_gift(question)
    if isinstance(question, OrderQuestion):
        return _order_gift(question)
    if isinstance(question, ExplainQuestion):
        points = [f"- {point.text}" for point in question.key_points]
        general = _general(question.model_answer, question.quotes, points)
        return _block(question.id, question.prompt, [], general)
    return _evidence_gift(question)


def _match_gift(question: MatchQuestion) -> str:
    pairs = [(pair.term, pair.meaning) for pair in question.pairs]
    general = _general(question.explanation, question.quotes)
    if len(pairs) >= MIN_MATCH_PAIRS:
        return _block(question.id, question.prompt, _pair_lines(pairs), general)
    combos = [pairs, [(pairs[0][0], pairs[1][1]), (pairs[1][0], pairs[0][1])]]
    options = ["; ".join(f"{left} → {right}" for left, right in combo) for combo in combos]
    return _combination_choice(
        question.id, question.prompt, text.MATCH_AS_CHOICE, options, question
    )


def _order_gift(question: OrderQuestion) -> str:
    items = question.items
    general = _general(question.explanation, question.quotes)
    if len(items) >= MIN_MATCH_PAIRS:
        pairs = [(text.ORDER_POSITION.format(number=n), item) for n, item in enumerate(items, 1)]
        prompt = f"{question.prompt.strip()} {text.ORDER_AS_MATCH}"
        return _block(question.id, prompt, _pair_lines(pairs), general)
    orders = [list(items), list(reversed(items))]
    options = ["; ".join(f"{n}. {item}" for n, item in enumerate(order, 1)) for order in orders]
    return _combination_choice(
        question.id, question.prompt, text.ORDER_AS_CHOICE, options, question
    )


def _evidence_gift(question: EvidenceQuestion) -> str:
    labels = strings.EVIDENCE_LABELS
    feedback_lines = [
        text.FEEDBACK_LEVEL.format(text=s.text.rstrip("."), level=labels[s.level])
        + (f" {s.feedback}" if s.feedback else "")
        for s in question.statements
    ]
    if len(question.statements) == 1:
        statement = question.statements[0]
        prompt = f"{question.prompt.strip()} " + text.EVIDENCE_AS_CHOICE.format(text=statement.text)
        explanation = " ".join(filter(None, [statement.feedback, question.explanation]))
        lines = [
            _choice_line(level == statement.level, labels[level], explanation)
            for level in strings.EVIDENCE_ORDER
        ]
        return _block(question.id, prompt, lines, _general(None, question.quotes))
    pairs = [(s.text, labels[s.level]) for s in question.statements]
    used = {s.level for s in question.statements}
    distractors = [labels[level] for level in strings.EVIDENCE_ORDER if level not in used]
    lines = _pair_lines(pairs) + [f"= -> {escape(label)}" for label in distractors]
    prompt = f"{question.prompt.strip()} {text.EVIDENCE_AS_MATCH}"
    general = _general(question.explanation, question.quotes, feedback_lines)
    return _block(question.id, prompt, lines, general)


def _pair_lines(pairs: Iterable[tuple[str, str]]) -> list[str]:
    # The right side is not read with a [format] prefix, so plain escaping suffices.
    return [f"={_subquestion(left)} -> {escape(right.strip())}" for left, right in pairs]


def _combination_choice(
    name: str,
    prompt: str,
    ask: str,
    options: Sequence[str],
    question: MatchQuestion | OrderQuestion,
) -> str:
    """A single-choice question between combinations; the first option is the right one."""
    lines = [
        _choice_line(index == 0, option, question.explanation)
        for index, option in enumerate(options)
    ]
    return _block(name, f"{prompt.strip()} {ask}", lines, _general(None, question.quotes))


def _choice_line(right: bool, option: str, explanation: str) -> str:
    template = text.CHOICE_RIGHT if right else text.CHOICE_WRONG
    feedback = template.format(explanation=explanation).strip()
    return f"{'=' if right else '~'}{_text(option)}#{_text(feedback)}"


def _general(
    explanation: str | None, quotes: Sequence[str | SourcedQuote], extra: Sequence[str] = ()
) -> str:
    """General feedback: explanation, per-statement lines, and the article's quotes."""
    quoted = " ".join(f"“{' '.join(quote.split())}”" for quote in quote_texts(quotes))
    parts = [" ".join(explanation.split())] if explanation else []
    parts += extra
    parts.append(text.FEEDBACK_QUOTES.format(quotes=quoted))
    return "\n".join(parts)


def _block(name: str, prompt: str, answers: Sequence[str], general: str) -> str:
    """A GIFT question: title, text, and the answer block with general feedback last."""
    lines = [f"::{escape(name)}:: {_text(' '.join(prompt.split()))} {{"]
    lines += [f"\t{answer}" for answer in answers]
    lines.append(f"\t####{_text(general)}")
    lines.append("}")
    return "\n".join(lines)
