"""The learner's saved questions ("Vragen voor mijn behandelaar") as a Markdown file.

A pure function of the saved questions and the content: the progress store
(`tutor.store.progress`) supplies the list, the command writes the file.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from typing import Protocol

from tutor.core.content.loader import Content
from tutor.core.content.models import Lesson
from tutor.core.questions.explain import SAVED_KIND
from tutor.core.text import common as strings
from tutor.core.text import export as text

KIND_UNKNOWN = "unknown"
"""A saved open question from "Wat we nog niet weten"."""
KIND_PROVIDER = "provider"
"""A saved item from a lesson's "Wat kun je hiermee?" (`actions`)."""
KIND_EXPLAIN = SAVED_KIND
"""The learner's own words from a teach-back (`explain`) question."""
KIND_LABELS = {
    KIND_UNKNOWN: text.QUESTION_KIND_UNKNOWN,
    KIND_PROVIDER: text.QUESTION_KIND_PROVIDER,
    KIND_EXPLAIN: text.QUESTION_KIND_EXPLAIN,
}
"""How the file names where a saved question came from."""


class SavedQuestionLike(Protocol):
    """What the export needs of a saved question (`tutor.store.progress.SavedQuestion`)."""

    @property
    def lesson_id(self) -> str:
        """The lesson the question comes from."""
        ...

    @property
    def kind(self) -> str:
        """`"unknown"` or `"provider"`."""
        ...

    @property
    def text(self) -> str:
        """The question as the learner saved it."""
        ...

    @property
    def saved_on(self) -> datetime.date:
        """The day the learner saved it."""
        ...


def dutch_date(day: datetime.date) -> str:
    """Write a date the Dutch way, e.g. `3 maart 2025` (independent of the locale)."""
    return f"{day.day} {text.MONTHS[day.month - 1]} {day.year}"


def questions_markdown(saved: Sequence[SavedQuestionLike], content: Content) -> str:
    """Write the saved questions as Markdown to take to an appointment.

    Questions are grouped per lesson (in learning order, with the lesson's
    title); a question saved twice appears once, with the first date. For an
    open question the lesson's explanation is added when it can be found.

    Args:
        saved: The saved questions, in the order they were saved.
        content: The content, for lesson titles and explanations.

    Returns:
        The Markdown text, ending in a newline.
    """
    return "\n".join(_lines(saved, content)).rstrip() + "\n"


def _safety() -> list[str]:
    return [f"> **{strings.HELP_LINE}**", ">", f"> {strings.CAUTION}", ""]


def _lines(saved: Sequence[SavedQuestionLike], content: Content) -> Iterator[str]:
    yield f"# {text.QUESTIONS_TITLE}"
    yield ""
    yield text.QUESTIONS_INTRO
    yield ""
    yield from _safety()
    groups = _grouped(saved, content)
    if not groups:
        yield text.QUESTIONS_EMPTY
        yield ""
    for lesson_id, questions in groups:
        lesson = _lesson(content, lesson_id)
        title = lesson.title if lesson else text.QUESTIONS_OTHER_LESSON.format(lesson=lesson_id)
        yield f"## {title}"
        yield ""
        for number, question in enumerate(questions, 1):
            yield from _question_lines(number, question, lesson)
        yield ""
    yield "---"
    yield ""
    yield f"*{strings.APP_TITLE}*"
    yield ""
    yield from _safety()


def _question_lines(
    number: int, question: SavedQuestionLike, lesson: Lesson | None
) -> Iterator[str]:
    kind = KIND_LABELS.get(question.kind, text.QUESTION_KIND_PROVIDER)
    saved_on = text.QUESTION_SAVED_ON.format(date=dutch_date(question.saved_on))
    yield f"{number}. **{' '.join(question.text.split())}**  "
    explanation = _explanation(lesson, question) if question.kind == KIND_UNKNOWN else None
    if explanation:
        yield f"   {kind} · {saved_on}  "
        yield "   " + text.QUESTION_EXPLANATION.format(text=explanation)
    else:
        yield f"   {kind} · {saved_on}"


def _grouped(
    saved: Sequence[SavedQuestionLike], content: Content
) -> list[tuple[str, list[SavedQuestionLike]]]:
    """Group per lesson in learning order (unknown lesson ids last), without duplicates."""
    by_lesson: dict[str, list[SavedQuestionLike]] = {}
    seen: set[tuple[str, str, str]] = set()
    for question in sorted(saved, key=lambda q: _day(q.saved_on)):
        key = (question.lesson_id, question.kind, _fold(question.text))
        if key in seen:
            continue
        seen.add(key)
        by_lesson.setdefault(question.lesson_id, []).append(question)
    order = {lesson.id: index for index, lesson in enumerate(content.lessons)}
    return sorted(by_lesson.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))


def _day(value: datetime.date) -> datetime.date:
    # A datetime is a date too, but the two cannot be compared with each other.
    return datetime.date(value.year, value.month, value.day)


def _fold(value: str) -> str:
    return " ".join(value.split()).casefold()


def _lesson(content: Content, lesson_id: str) -> Lesson | None:
    try:
        return content.lesson(lesson_id)
    except KeyError:
        return None


def _explanation(lesson: Lesson | None, question: SavedQuestionLike) -> str | None:
    """The lesson's explanation of a saved open question, if the question is still there."""
    if lesson is None:
        return None
    wanted = _fold(question.text)
    for unknown in lesson.unknowns:
        if _fold(unknown.question) == wanted:
            return " ".join(unknown.explanation.split())
    return None
