"""`tutor lint`: every problem in the content at once, as `file:line: message`.

The checks that one file cannot make on its own live here: ids that must be
unique, glossary terms (the shared `lessons/begrippen.yaml` and a lesson's own
`glossary`), quiz and lesson belonging together, quotes that must occur verbatim
in their source article, evidence badges and their quotes, the one vocabulary
(banned synonyms), and how often a quiz's right answer is its longest option.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from tutor.core.content.errors import Problem
from tutor.core.content.guard import (
    CONTROL_CHARACTERS,
    UnreadableFile,
    describe_character,
    read_source,
)
from tutor.core.content.loader import GLOSSARY_KEY, Content, LoadedFile, load_content
from tutor.core.content.models import (
    Lesson,
    Quiz,
    SourcedQuote,
    quote_text,
)
from tutor.core.content.yamlfile import line_of
from tutor.core.questions import kind_of

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
MIN_ACTIONS = 3
MAX_ACTIONS = 5
MAX_LONGEST_KEY_SHARE = 0.30
"""Across all quizzes: at most this share of `single` keys may be the strictly longest option."""
SEEDS = "seeds"
"""Every source article is a file in this folder of the content root."""

BANNED_WORDS: dict[str, str] = {
    "brein": "hersenen",
    "hersencel": "zenuwcel",
    "hersencellen": "zenuwcellen",
    "neuron": "zenuwcel",
    "neuronen": "zenuwcellen",
    "poortje": "slot",
    "recreatief": "als drug",
    "recreatieve": "als drug",
    "klassieke antidepressiva": "gewone antidepressiva",
}
"""One word per thing: a banned synonym and the word the lessons use instead."""

_FORMAL = re.compile(r"\b(u|uw|U|Uw)\b")
_BANNED = [
    (re.compile(r"\b" + r"\s+".join(map(re.escape, word.split())) + r"\b", re.IGNORECASE), word)
    for word in BANNED_WORDS
]
_ARTICLE_VOICE = re.compile(r"\bvolgens\s+het\s+artikel\b", re.IGNORECASE)
# Keys whose strings the learner does not read as lesson text (or that are quotes).
_NOT_LEARNER_TEXT = frozenset(
    {"quotes", "evidence_quote", "source", "id", "lesson", "type", "level", "evidence", "diagram"}
)
_NOT_ADDRESS_CHECKED = frozenset({"quotes", "evidence_quote", "source", "id", "lesson"})

Loc = tuple[str | int, ...]


def fold(text: str) -> str:
    """Fold whitespace and typographic quotes, the only differences a quote may have."""
    return re.sub(r"\s+", " ", text.translate(_QUOTE_FOLD)).strip()


@dataclass
class LintReport:
    """What `tutor lint` prints.

    Attributes:
        problems: Errors and warnings (`Problem.warning`), sorted by file and line.
        notes: Informative lines, not errors (e.g. the longest-key count per quiz).
    """

    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """The problems that are not warnings: `tutor lint` fails on these."""
        return [problem for problem in self.problems if not problem.warning]


def lint(root: Path | None = None, *, readability: bool = True) -> list[Problem]:
    """Check a content root and return every problem (errors and warnings), sorted.

    Args:
        root: The content root; the default content when omitted.
        readability: Also check the B1 reading level of the lesson texts.
    """
    return lint_report(root, readability=readability).problems


def lint_report(root: Path | None = None, *, readability: bool = True) -> LintReport:
    """Check a content root; return its problems and the informative notes."""
    content = load_content(root)
    problems = list(content.problems)
    if not content.lessons and not content.problems:
        problems.append(Problem(str(content.root / "lessons"), 0, "geen lessen gevonden"))
    problems += check_content(content)
    if readability:
        from tutor.core.content.readability import check_readability

        for lesson in content.lessons:
            problems += check_readability(lesson, content.files[("lesson", lesson.id)])
    notes, key_problems = longest_key_report(content)
    problems += key_problems
    return LintReport(sorted(set(problems)), notes)


def lint_lesson(
    root: Path | None, lesson_id: str, *, readability: bool = True
) -> tuple[Content, list[Problem]]:
    """Load and check one lesson only, as `lint` would check it (for `export handout`).

    Returns:
        The content holding just that lesson (none if its file is missing or
        broken), and every problem `lint` reports for the lesson's file.
    """
    from tutor.core.content.loader import load_lesson

    content = load_lesson(root, lesson_id)
    problems = list(content.problems) + check_content(content)
    if readability and content.lessons:
        from tutor.core.content.readability import check_readability

        for lesson in content.lessons:
            problems += check_readability(lesson, content.files[("lesson", lesson.id)])
    return content, sorted(set(problems))


def check_content(content: Content) -> list[Problem]:
    """Run the checks across files on content that has loaded."""
    sources = _Sources(content.root)
    problems: list[Problem] = []
    glossary_file = content.files.get(GLOSSARY_KEY)
    if glossary_file is not None:
        problems += _check_glossary_file(glossary_file)
    for lesson in content.lessons:
        problems += _check_lesson(content, lesson, content.files[("lesson", lesson.id)], sources)
    for lesson_id, quiz in content.quizzes.items():
        problems += _check_quiz(content, quiz, content.files[("quiz", lesson_id)], sources)
    return problems


def _check_glossary_file(loaded: LoadedFile) -> Iterator[Problem]:
    """Each term once in `begrippen.yaml`; its texts follow the language rules."""
    where = loaded.shown_as
    first_line: dict[str, int] = {}
    for i, entry in enumerate(loaded.model.terms):
        line = line_of(loaded.lines, ("terms", i, "term"))
        key = entry.term.lower()
        if key in first_line:
            yield Problem(
                where,
                line,
                f"begrip '{entry.term}' staat twee keer in de begrippenlijst "
                f"(ook op regel {first_line[key]}); definieer het maar één keer",
            )
        else:
            first_line[key] = line
    yield from _text_rules(where, loaded, loaded.model)


def _check_lesson(
    content: Content, lesson: Lesson, loaded: LoadedFile, sources: _Sources
) -> Iterator[Problem]:
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
    if not MIN_ACTIONS <= len(lesson.actions) <= MAX_ACTIONS:
        yield Problem(
            where,
            at("actions"),
            f"'Wat kun je hiermee?' (actions) heeft {len(lesson.actions)} punten "
            f"({MIN_ACTIONS} tot {MAX_ACTIONS})",
        )
    yield from _text_rules(where, loaded, lesson)
    yield from _check_glossary(content, lesson, loaded)
    for i, step in enumerate(lesson.steps):
        if step.trainer_note is None:
            yield Problem(where, at("steps", i), f"stap '{step.id}' heeft geen trainer_note")
        yield from _check_evidence_quote(where, loaded, lesson, i)
        if step.diagram is not None and not _has_diagram(lesson, step.diagram):
            yield Problem(
                where,
                at("steps", i, "diagram"),
                f"diagram '{step.diagram}' heeft geen gegevens onder 'diagrams'",
            )
    source = sources.text(lesson.source)
    trouble = sources.problem(lesson.source)
    if trouble:
        yield Problem(where, at("source"), trouble)
    if source is None:
        return
    quoted: list[tuple[Loc, list[str | SourcedQuote]]] = []
    quoted += [(("steps", i), step.quotes) for i, step in enumerate(lesson.steps)]
    quoted += [(("unknowns", i), unknown.quotes) for i, unknown in enumerate(lesson.unknowns)]
    quoted += [(("actions", i), action.quotes) for i, action in enumerate(lesson.actions)]
    yield from _check_quotes(where, loaded, lesson, quoted, sources)


def _check_glossary(content: Content, lesson: Lesson, loaded: LoadedFile) -> Iterator[Problem]:
    """Terms are defined once (shared glossary or the lesson's own), and every used term is."""
    where = loaded.shown_as
    shared_file = content.files.get(GLOSSARY_KEY)
    shared_lines: dict[str, int] = {}
    if shared_file is not None:
        for i, entry in enumerate(shared_file.model.terms):
            line = line_of(shared_file.lines, ("terms", i, "term"))
            shared_lines.setdefault(entry.term.lower(), line)
    for i, entry in enumerate(lesson.glossary):
        shared_line = shared_lines.get(entry.term.lower())
        if shared_line is not None and shared_file is not None:
            yield Problem(
                where,
                line_of(loaded.lines, ("glossary", i, "term")),
                f"begrip '{entry.term}' staat ook in {shared_file.shown_as}:{shared_line}; "
                "definieer het maar één keer",
            )
    defined = set(shared_lines) | {entry.term.lower() for entry in lesson.glossary}
    for i, step in enumerate(lesson.steps):
        for j, term in enumerate(step.terms):
            if term.lower() not in defined:
                yield Problem(
                    where,
                    line_of(loaded.lines, ("steps", i, "terms", j)),
                    f"begrip '{term}' staat niet in de woordenlijst "
                    "(lessons/begrippen.yaml of de glossary van de les)",
                )


def _check_evidence_quote(
    where: str, loaded: LoadedFile, lesson: Lesson, index: int
) -> Iterator[Problem]:
    """A badge names the quote that justifies it: one of the step's own quotes."""
    step = lesson.steps[index]
    if step.evidence is not None and step.evidence_quote is None:
        yield Problem(
            where,
            line_of(loaded.lines, ("steps", index, "evidence")),
            f"stap '{step.id}' heeft een bewijsniveau (evidence) maar geen evidence_quote: "
            "noem het citaat van de stap dat het niveau onderbouwt",
        )
    elif step.evidence_quote is not None and step.evidence is None:
        yield Problem(
            where,
            line_of(loaded.lines, ("steps", index, "evidence_quote")),
            f"stap '{step.id}' heeft een evidence_quote maar geen bewijsniveau (evidence)",
        )
    elif step.evidence_quote is not None:
        wanted = fold(step.evidence_quote)
        if all(fold(quote_text(quote)) != wanted for quote in step.quotes):
            yield Problem(
                where,
                line_of(loaded.lines, ("steps", index, "evidence_quote")),
                f"de evidence_quote van stap '{step.id}' is niet een van de citaten "
                f'(quotes) van die stap: "{step.evidence_quote}"',
            )


def _has_diagram(lesson: Lesson, kind: str) -> bool:
    diagrams = lesson.diagrams
    if diagrams is None:
        return False
    if kind == "cascade":
        return diagrams.cascade is not None
    return diagrams.timeline is not None and diagrams.timeline_marks is not None


def _check_quiz(
    content: Content, quiz: Quiz, loaded: LoadedFile, sources: _Sources
) -> Iterator[Problem]:
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
    yield from _text_rules(where, loaded, quiz)
    lesson = content.lesson(quiz.lesson)
    if sources.text(lesson.source) is None:
        return  # reported once, with the lesson
    quoted: list[tuple[Loc, list[str | SourcedQuote]]] = []
    for i, question in enumerate(quiz.questions):
        quoted.append((("questions", i), question.quotes))
        quoted += [
            (("questions", i, *path), list(quotes))
            for path, quotes in kind_of(question).quoted_parts(question)
        ]
    yield from _check_quotes(where, loaded, lesson, quoted, sources)


def _text_rules(where: str, loaded: LoadedFile, model: BaseModel) -> Iterator[Problem]:
    """The language rules for every text the learner reads (quotes excepted)."""
    yield from _formal_address(where, loaded, model)
    for loc, text in _texts(model.model_dump(), ()):
        if not _is_learner_text(loc):
            continue
        line = line_of(loaded.lines, loc)
        for pattern, word in _BANNED:
            for match in pattern.finditer(text):
                found = " ".join(match.group(0).split())
                yield Problem(
                    where, line, f"gebruik '{BANNED_WORDS[word]}' in plaats van '{found}'"
                )
        if _ARTICLE_VOICE.search(text):
            yield Problem(
                where,
                line,
                "de lezer ziet het artikel niet: schrijf niet 'volgens het artikel'",
                warning=True,
            )


def _is_learner_text(loc: Loc) -> bool:
    """False for quotes, ids, levels and a step's list of glossary terms (names, not text)."""
    if _NOT_LEARNER_TEXT.intersection(part for part in loc if isinstance(part, str)):
        return False
    return not (len(loc) == 4 and loc[0] == "steps" and loc[2] == "terms")


def _formal_address(where: str, loaded: LoadedFile, model: BaseModel) -> Iterator[Problem]:
    """Learners are addressed as "je": flag every text that says "u" or "uw"."""
    for loc, text in _texts(model.model_dump(), ()):
        if _NOT_ADDRESS_CHECKED.intersection(part for part in loc if isinstance(part, str)):
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
            if _FORMAL.search(sentence):
                yield Problem(
                    where,
                    line_of(loaded.lines, loc),
                    f"spreek de lezer aan met 'je', niet met 'u': \"{sentence}\"",
                )


def _texts(value: object, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, loc + (index,))


class _Sources:
    """Source articles, read once (regular files under `seeds/`, at most 1 MB) and folded."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._texts: dict[str, str | None] = {}
        self._problems: dict[str, str] = {}

    def in_seeds(self, source: str) -> bool:
        """True when `source` names a file inside the content root's `seeds/` folder."""
        seeds = (self.root / SEEDS).resolve()
        path = (self.root / source).resolve()
        return path.parent == seeds or seeds in path.parents

    def text(self, source: str) -> str | None:
        """The folded text of a source, or None when it cannot be used (see `problem`)."""
        if source not in self._texts:
            try:
                raw = read_source(self.root, source)
            except UnreadableFile as error:
                self._problems[source] = f"bronartikel '{source}' {error.reason}"
                self._texts[source] = None
            else:
                control = _source_control_problem(source, raw)
                if control:
                    self._problems[source] = control
                self._texts[source] = fold(raw)
        return self._texts[source]

    def problem(self, source: str) -> str | None:
        """Why a source cannot be used, or what is wrong in it, in Dutch; None when fine."""
        self.text(source)
        return self._problems.get(source)


def _source_control_problem(source: str, text: str) -> str | None:
    """A control character in the source article (its first line becomes the handout's title)."""
    found = CONTROL_CHARACTERS.search(text.replace("\r\n", "\n"))
    if found is None:
        return None
    at = text.count("\n", 0, found.start()) + 1
    return (
        f"bronartikel '{source}' bevat op regel {at} een onzichtbaar stuurteken "
        f"{describe_character(found.group())}; haal het weg"
    )


def _check_quotes(
    where: str,
    loaded: LoadedFile,
    lesson: Lesson,
    quoted: Iterable[tuple[Loc, list[str | SourcedQuote]]],
    sources: _Sources,
) -> Iterator[Problem]:
    """Every quote occurs verbatim in its own source (the lesson's, or the one it names)."""
    for loc, quotes in quoted:
        for j, (source, quote) in enumerate(lesson.quote_pairs(quotes)):
            line = line_of(loaded.lines, loc + ("quotes", j))
            if source != lesson.source:
                if not source.startswith(f"{SEEDS}/") or not sources.in_seeds(source):
                    yield Problem(where, line, f"bron '{source}' moet een bestand in {SEEDS}/ zijn")
                    continue
                if sources.text(source) is None:
                    yield Problem(where, line, sources.problem(source) or source)
                    continue
            text = sources.text(source)
            if text is not None and fold(quote) not in text:
                named = "" if source == lesson.source else f" ({source})"
                yield Problem(
                    where, line, f'citaat staat niet letterlijk in de bron{named}: "{quote}"'
                )


def longest_key_report(content: Content) -> tuple[list[str], list[Problem]]:
    """Count, per quiz, the `single` questions whose right option is strictly the longest.

    Returns:
        One informative line per quiz, and an error when across all quizzes the
        share is above `MAX_LONGEST_KEY_SHARE`.
    """
    notes: list[str] = []
    longest_total = single_total = 0
    for lesson_id in sorted(content.quizzes):
        quiz = content.quizzes[lesson_id]
        counted = [(q, kind_of(q).key_is_longest(q)) for q in quiz.questions]
        singles = [q for q, longest_key in counted if longest_key is not None]
        longest = [q.id for q, longest_key in counted if longest_key]
        longest_total += len(longest)
        single_total += len(singles)
        if not singles:
            continue
        where = content.files[("quiz", lesson_id)].shown_as
        line = (
            f"{where}: het goede antwoord is de langste optie bij {len(longest)} van "
            f"{len(singles)} 'single'-vragen ({_percent(len(longest), len(singles))})"
        )
        notes.append(line + (f": {', '.join(longest)}" if longest else ""))
    problems = []
    if single_total and longest_total / single_total > MAX_LONGEST_KEY_SHARE:
        problems.append(
            Problem(
                "quizzes",
                0,
                f"over alle quizzen is het goede antwoord de langste optie bij {longest_total} "
                f"van {single_total} 'single'-vragen ({_percent(longest_total, single_total)}; "
                f"hoogstens {round(100 * MAX_LONGEST_KEY_SHARE)} %)",
            )
        )
    return notes, problems


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %"
