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

Escaping (`tutor.core.questions.gift_format`) follows Moodle's importer; the
category line is the exception: Moodle reads it verbatim. Each question type
writes its own block (`tutor.core.questions`).
"""

from __future__ import annotations

from tutor.core.content.loader import Content
from tutor.core.content.models import Question, Quiz
from tutor.core.questions import kind_of
from tutor.core.questions.gift_format import (
    GIFT_SPECIAL,
    MIN_MATCH_PAIRS,
    WRONG_WEIGHT,
    escape,
    gift_text,
    multiple_weight,
)
from tutor.core.text import common as strings
from tutor.core.text import export as text

__all__ = [
    "GIFT_SPECIAL",
    "MIN_MATCH_PAIRS",
    "WRONG_WEIGHT",
    "category_name",
    "escape",
    "gift_export",
    "multiple_weight",
    "question_gift",
    "quiz_gift",
    "quizzes_in_order",
]


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
    notice = f"::{text.GIFT_NOTICE_NAME}:: {gift_text(strings.HELP_LINE + ' ' + strings.CAUTION)}"
    blocks = [f"$CATEGORY: {category_name(title)}", notice]
    blocks += [question_gift(question) for question in quiz.questions]
    return "\n\n".join(blocks)


def question_gift(question: Question) -> str:
    """Write one question as a GIFT block (see the module docstring for the mapping).

    Each question type writes its own block (`QuestionKind.gift` in `tutor.core.questions`).
    """
    return kind_of(question).gift(question)
