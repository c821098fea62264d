"""`tutor lint`: every problem in the content at once, as `file:line: message`.

The checks that one file cannot make on its own live here: ids that must be
unique, glossary terms, quiz and lesson belonging together, and quotes that must
occur verbatim in the lesson's source article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel

from tutor.content.errors import Problem
from tutor.content.guard import (
    CONTROL_CHARACTERS,
    UnreadableFile,
    describe_character,
    read_source,
)
from tutor.content.loader import Content, LoadedFile, load_content
from tutor.content.models import Lesson, Quiz
from tutor.content.yamlfile import line_of

_QUOTE_FOLD = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    }
)  # fmt: skip


MIN_UNKNOWNS = 3
MIN_QUESTIONS = 8
MIN_QUESTION_TYPES = 4
_FORMAL = re.compile(r"\b(u|uw|U|Uw)\b")


def fold(text: str) -> str:
    """Fold whitespace and typographic quotes, the only differences a quote may have."""
    return re.sub(r"\s+", " ", text.translate(_QUOTE_FOLD)).strip()


def lint(root: Path | None = None, *, readability: bool = True) -> list[Problem]:
    """Check a content root and return every problem, sorted by file and line.

    Args:
        root: The content root; the default content when omitted.
        readability: Also check the B1 reading level of the lesson texts.
    """
    content = load_content(root)
    problems = list(content.problems)
    if not content.lessons and not content.problems:
        problems.append(Problem(str(content.root / "lessons"), 0, "geen lessen gevonden"))
    problems += check_content(content)
    if readability:
        from tutor.content.readability import check_readability

        for lesson in content.lessons:
            problems += check_readability(lesson, content.files[("lesson", lesson.id)])
    return sorted(set(problems))


def lint_lesson(
    root: Path | None, lesson_id: str, *, readability: bool = True
) -> tuple[Content, list[Problem]]:
    """Load and check one lesson only, as `lint` would check it (for `export handout`).

    Returns:
        The content holding just that lesson (none if its file is missing or
        broken), and every problem `lint` reports for the lesson's file.
    """
    from tutor.content.loader import load_lesson

    content = load_lesson(root, lesson_id)
    problems = list(content.problems) + check_content(content)
    if readability and content.lessons:
        from tutor.content.readability import check_readability

        for lesson in content.lessons:
            problems += check_readability(lesson, content.files[("lesson", lesson.id)])
    return content, sorted(set(problems))


def check_content(content: Content) -> list[Problem]:
    """Run the checks across files on content that has loaded."""
    problems: list[Problem] = []
    for lesson in content.lessons:
        problems += _check_lesson(content, lesson, content.files[("lesson", lesson.id)])
    for lesson_id, quiz in content.quizzes.items():
        problems += _check_quiz(content, quiz, content.files[("quiz", lesson_id)])
    return problems


def _check_lesson(content: Content, lesson: Lesson, loaded: LoadedFile) -> Iterator[Problem]:
    def at(*loc: str | int) -> int:
        return line_of(loaded.lines, loc)

    where = loaded.shown_as
    if loaded.path.stem != lesson.id:
        yield Problem(where, at("id"), f"de id '{lesson.id}' past niet bij de bestandsnaam")
    quiz_files = [content.root / "quizzes" / f"{lesson.id}{ext}" for ext in (".yaml", ".yml")]
    if lesson.id not in content.quizzes and not any(path.exists() for path in quiz_files):
        yield Problem(where, at("id"), f"les '{lesson.id}' heeft geen quiz in quizzes/")
    if len(lesson.unknowns) < MIN_UNKNOWNS:
        yield Problem(
            where,
            at("unknowns"),
            f"'Wat we nog niet weten' heeft {len(lesson.unknowns)} vragen "
            f"(minstens {MIN_UNKNOWNS})",
        )
    yield from _formal_address(where, loaded, lesson)
    defined = set(lesson.glossary_terms())
    for i, step in enumerate(lesson.steps):
        if step.trainer_note is None:
            yield Problem(where, at("steps", i), f"stap '{step.id}' heeft geen trainer_note")
        for j, term in enumerate(step.terms):
            if term.lower() not in defined:
                yield Problem(
                    where,
                    at("steps", i, "terms", j),
                    f"begrip '{term}' staat niet in de woordenlijst",
                )
        if step.diagram is not None and not _has_diagram(lesson, step.diagram):
            yield Problem(
                where,
                at("steps", i, "diagram"),
                f"diagram '{step.diagram}' heeft geen gegevens onder 'diagrams'",
            )
    source = _source(content.root, lesson, where, at("source"))
    if isinstance(source, Problem):
        yield source
        return
    quoted: list[tuple[tuple[str | int, ...], list[str]]] = []
    quoted += [(("steps", i), step.quotes) for i, step in enumerate(lesson.steps)]
    quoted += [(("unknowns", i), unknown.quotes) for i, unknown in enumerate(lesson.unknowns)]
    quoted += [
        (("provider_questions", i), q.quotes) for i, q in enumerate(lesson.provider_questions)
    ]
    yield from _check_quotes(where, loaded, quoted, source)


def _has_diagram(lesson: Lesson, kind: str) -> bool:
    diagrams = lesson.diagrams
    if diagrams is None:
        return False
    if kind == "cascade":
        return diagrams.cascade is not None
    return diagrams.timeline is not None and diagrams.timeline_marks is not None


def _check_quiz(content: Content, quiz: Quiz, loaded: LoadedFile) -> Iterator[Problem]:
    def at(*loc: str | int) -> int:
        return line_of(loaded.lines, loc)

    where = loaded.shown_as
    lesson_ids = {lesson.id for lesson in content.lessons}
    if quiz.lesson not in lesson_ids:
        lesson_files = [
            content.root / "lessons" / f"{quiz.lesson}{ext}" for ext in (".yaml", ".yml")
        ]
        if not any(path.exists() for path in lesson_files):  # else: reported with the lesson
            yield Problem(
                where,
                at("lesson"),
                f"quiz hoort bij les '{quiz.lesson}', maar die les bestaat niet",
            )
        return
    if loaded.path.stem != quiz.lesson:
        yield Problem(where, at("lesson"), f"de les '{quiz.lesson}' past niet bij de bestandsnaam")
    if len(quiz.questions) < MIN_QUESTIONS:
        yield Problem(
            where,
            at("questions"),
            f"de quiz heeft {len(quiz.questions)} vragen (minstens {MIN_QUESTIONS})",
        )
    types = {question.type for question in quiz.questions}
    if len(types) < MIN_QUESTION_TYPES:
        yield Problem(
            where,
            at("questions"),
            f"de quiz gebruikt {len(types)} vraagtypes (minstens {MIN_QUESTION_TYPES})",
        )
    yield from _formal_address(where, loaded, quiz)
    lesson = content.lesson(quiz.lesson)
    source = _source(content.root, lesson, where, at("lesson"))
    if isinstance(source, Problem):
        return  # reported once, with the lesson
    quoted = [(("questions", i), q.quotes) for i, q in enumerate(quiz.questions)]
    yield from _check_quotes(where, loaded, quoted, source)


def _formal_address(where: str, loaded: LoadedFile, model: BaseModel) -> Iterator[Problem]:
    """Learners are addressed as "je": flag every text that says "u" or "uw"."""
    for loc, text in _texts(model.model_dump(exclude={"quotes"}), ()):
        if loc and loc[-1] in ("quotes", "source", "id", "lesson"):
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
            if _FORMAL.search(sentence):
                yield Problem(
                    where,
                    line_of(loaded.lines, loc),
                    f"spreek de lezer aan met 'je', niet met 'u': \"{sentence}\"",
                )


def _texts(
    value: object, loc: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, loc + (index,))


def _source(root: Path, lesson: Lesson, where: str, line: int) -> str | Problem:
    """The folded source article, or the problem with it (see `guard.read_source`)."""
    try:
        text = read_source(root, lesson.source)
    except UnreadableFile as error:
        return Problem(where, line, f"bronartikel '{lesson.source}' {error.reason}")
    return _source_control_problem(lesson, text, where, line) or fold(text)


def _source_control_problem(lesson: Lesson, text: str, where: str, line: int) -> Problem | None:
    """A control character in the source article (its first line becomes the handout's title)."""
    found = CONTROL_CHARACTERS.search(text.replace("\r\n", "\n"))
    if found is None:
        return None
    at = text.count("\n", 0, found.start()) + 1
    return Problem(
        where,
        line,
        f"bronartikel '{lesson.source}' bevat op regel {at} een onzichtbaar stuurteken "
        f"{describe_character(found.group())}; haal het weg",
    )


def _check_quotes(
    where: str,
    loaded: LoadedFile,
    quoted: Iterable[tuple[tuple[str | int, ...], list[str]]],
    source: str,
) -> Iterator[Problem]:
    for loc, quotes in quoted:
        for j, quote in enumerate(quotes):
            if fold(quote) not in source:
                yield Problem(
                    where,
                    line_of(loaded.lines, loc + ("quotes", j)),
                    f'citaat staat niet letterlijk in de bron: "{quote}"',
                )
