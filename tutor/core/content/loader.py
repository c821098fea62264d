"""Load and validate the content root: `lessons/`, `quizzes/` and `seeds/`.

`load_content` never raises for bad content: a file that fails is left out and
its problems are listed, so the app can start with the good lessons.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from tutor.core.content.cards import GLOSSARY_FILE, LessonCard, is_glossary_file
from tutor.core.content.errors import ContentError, Problem
from tutor.core.content.guard import control_characters, read_source, skip_reason
from tutor.core.content.models import (
    QUESTION_TYPES,
    QUOTE_TAGS,
    Glossary,
    GlossaryEntry,
    Lesson,
    Quiz,
    single_count_message,
)
from tutor.core.content.root import default_content_root
from tutor.core.content.yamlfile import LineMap, line_of, read_yaml

GLOSSARY_KEY = ("glossary", GLOSSARY_FILE)
"""Where the shared glossary's file is kept in `Content.files`."""

Model = TypeVar("Model", bound=BaseModel)
Loc = tuple[str | int, ...]


@dataclass
class LoadedFile:
    """A validated model together with where it came from."""

    model: Any
    path: Path
    shown_as: str
    lines: LineMap


@dataclass
class Content:
    """Everything that loaded from one content root, plus what did not.

    Attributes:
        root: The content root.
        lessons: Lessons in learning order (by `order`, then id).
        quizzes: Quizzes by lesson id.
        problems: Problems with files that could not be loaded.
        files: Where each lesson and quiz (and the shared glossary) came from, for the
            linter.
        glossary: The shared glossary (`lessons/begrippen.yaml`); None when there is
            none or it did not load.
    """

    root: Path
    lessons: list[Lesson] = field(default_factory=list)
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: dict[tuple[str, str], LoadedFile] = field(default_factory=dict)
    glossary: Glossary | None = None

    def glossary_entries(self) -> list[GlossaryEntry]:
        """The shared glossary's entries (empty when there is none)."""
        return list(self.glossary.terms) if self.glossary is not None else []

    def lesson(self, lesson_id: str) -> Lesson:
        """Return the lesson with this id."""
        return self._by_id[lesson_id]

    @cached_property
    def _by_id(self) -> dict[str, Lesson]:
        return {lesson.id: lesson for lesson in self.lessons}

    def cards(self) -> list[LessonCard]:
        """The validated lessons as home-screen cards, in learning order."""
        return [LessonCard(ls.id, ls.title, ls.summary, ls.order) for ls in self.lessons]

    def source_text(self, lesson: Lesson) -> str:
        """Return the text of the article a lesson is based on.

        Raises:
            OSError: `guard.UnreadableFile` when the source is not a regular file
                of at most 1 MB inside `seeds/`, or is not UTF-8.
        """
        return read_source(self.root, lesson.source)


def load_content(root: Path | None = None) -> Content:
    """Load every lesson and quiz below a content root.

    Args:
        root: The content root; `default_content_root()` when omitted.

    Returns:
        The content; files that failed are left out and listed in `problems`.
    """
    root = Path(root) if root is not None else default_content_root()
    with _gc_paused():
        return _load(root)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while loading.

    Loading makes many small objects and no reference cycles; without the pause
    the collector's full passes grow with the heap and loading 500 lessons costs
    noticeably more per lesson than loading 5.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(root: Path) -> Content:
    content = Content(root=root)
    for folder in ("lessons", "quizzes"):
        if not (root / folder).is_dir():
            content.problems.append(Problem(str(root / folder), 0, "map ontbreekt"))
    for path in _yaml_files(root / "lessons", root, content.problems):
        if is_glossary_file(path):
            glossary = _load_file(path, root, Glossary, content.problems)
            if glossary is not None and content.glossary is None:
                content.files[GLOSSARY_KEY] = glossary
                content.glossary = glossary.model
            continue
        loaded = _load_file(path, root, Lesson, content.problems)
        if loaded is not None and _is_new(content, ("lesson", loaded.model.id), loaded):
            content.files[("lesson", loaded.model.id)] = loaded
            content.lessons.append(loaded.model)
    for path in _yaml_files(root / "quizzes", root, content.problems):
        loaded = _load_file(path, root, Quiz, content.problems)
        if loaded is not None and _is_new(content, ("quiz", loaded.model.lesson), loaded):
            content.files[("quiz", loaded.model.lesson)] = loaded
            content.quizzes[loaded.model.lesson] = loaded.model
    content.lessons.sort(key=lambda lesson: (lesson.order, lesson.id))
    shared = content.glossary_entries()
    for lesson in content.lessons:
        lesson.use_shared_glossary(shared)
    return content


def load_lesson(root: Path | None, lesson_id: str) -> Content:
    """Load only the lesson `lessons/<lesson_id>.yaml` (or `.yml`), for `export handout`.

    Returns:
        A content with that one lesson, or with none and the problems of its file;
        with neither when there is no such file (or the id is not a valid slug).
    """
    root = Path(root) if root is not None else default_content_root()
    content = Content(root=root)
    if _SLUG.fullmatch(lesson_id) is None:
        return content
    for suffix in (".yaml", ".yml"):
        path = root / "lessons" / f"{lesson_id}{suffix}"
        if not os.path.lexists(path):
            continue
        reason = skip_reason(path)
        if reason:
            content.problems.append(Problem(_shown_as(path, root), 0, f"{reason}; overgeslagen"))
            continue
        loaded = _load_file(path, root, Lesson, content.problems)
        if loaded is not None and not content.lessons:
            content.files[("lesson", loaded.model.id)] = loaded
            content.lessons.append(loaded.model)
    # The shared glossary belongs to every lesson: its terms are checked and exported too.
    glossary_path = next(
        (path for path in _yaml_files(root / "lessons", root, []) if is_glossary_file(path)),
        root / "lessons" / f"{GLOSSARY_FILE}.yaml",
    )
    if content.lessons and os.path.lexists(glossary_path) and not skip_reason(glossary_path):
        glossary = _load_file(glossary_path, root, Glossary, content.problems)
        if glossary is not None:
            content.files[GLOSSARY_KEY] = glossary
            content.glossary = glossary.model
            content.lessons[0].use_shared_glossary(content.glossary_entries())
    return content


def lesson_ids(root: Path) -> list[str]:
    """The ids the lesson files of a root are named after (without reading them)."""
    return [path.stem for path in _yaml_files(root / "lessons", root, [])]


_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _is_new(content: Content, key: tuple[str, str], loaded: LoadedFile) -> bool:
    """Report a second lesson (or quiz) with an id that is already taken."""
    first = content.files.get(key)
    if first is None:
        return True
    what = "les-id" if key[0] == "lesson" else "quiz voor les"
    line = line_of(loaded.lines, ("id",) if key[0] == "lesson" else ("lesson",))
    content.problems.append(
        Problem(loaded.shown_as, line, f"dubbele {what} '{key[1]}' (staat ook in {first.shown_as})")
    )
    return False


def _yaml_files(folder: Path, root: Path, problems: list[Problem]) -> list[Path]:
    """The `*.yaml` and `*.yml` files of a folder; anything else by that name is skipped.

    A directory, FIFO, device, dangling symlink or symlink loop named `x.yaml`
    is skipped with a warning in `problems` (and never opened, so it cannot hang
    the tutor).
    """
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yaml", ".yml"):
            continue
        reason = skip_reason(path)
        if reason is None:
            found.append(path)
        elif reason:
            problems.append(Problem(_shown_as(path, root), 0, f"{reason}; overgeslagen"))
    return found


def _load_file(
    path: Path, root: Path, model: type[Model], problems: list[Problem]
) -> LoadedFile | None:
    shown_as = _shown_as(path, root)
    try:
        data, lines = read_yaml(path, shown_as)
        instance = validate(data, lines, model, shown_as)
    except ContentError as error:
        problems.extend(error.problems)
        return None
    return LoadedFile(instance, path, shown_as, lines)


def _shown_as(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def load_model(path: Path, model: type[Model]) -> Model:
    """Load one YAML file as a model.

    Raises:
        ContentError: With every problem found, each with file and line.
    """
    data, lines = read_yaml(path, str(path))
    return validate(data, lines, model, str(path))


def validate(data: Any, lines: LineMap, model: type[Model], shown_as: str) -> Model:
    """Validate plain data as a model, turning pydantic errors into Dutch problems.

    Raises:
        ContentError: With one problem per validation error.
    """
    if not isinstance(data, dict):
        raise ContentError(
            [Problem(shown_as, 1, "het bestand moet een mapping (sleutel: waarde) zijn")]
        )
    problems = [
        Problem(shown_as, line_of(lines, loc), message)
        for loc, message in _raw_problems(data, model)
    ]
    problems += _hostile_problems(data, lines, shown_as)
    try:
        instance = model.model_validate(data)
    except ValidationError as error:
        problems += [
            Problem(shown_as, line_of(lines, tuple(detail["loc"])), _message(detail))
            for detail in error.errors(include_url=False)
        ]
    except RecursionError:
        problems.append(Problem(shown_as, 0, "de inhoud is te diep genest"))
    if problems:
        raise ContentError(sorted(set(problems)))
    return instance


def _raw_problems(data: dict[str, Any], model: type[BaseModel]) -> list[tuple[Loc, str]]:
    """Checks on the plain data that must be reported even when other fields are wrong."""
    found: list[tuple[Loc, str]] = []
    if model is Lesson:
        found += _duplicates(data, "steps", "id", "stap-id")
        found += _duplicates(data, "glossary", "term", "begrip")
    elif model is Quiz:
        found += _duplicates(data, "questions", "id", "vraag-id")
        questions = data.get("questions")
        for i, question in enumerate(questions if isinstance(questions, list) else []):
            if isinstance(question, dict) and question.get("type") == "single":
                options = question.get("options")
                if isinstance(options, list):
                    count = sum(isinstance(o, dict) and o.get("correct") is True for o in options)
                    if count != 1:
                        found.append((("questions", i, "options"), single_count_message(count)))
    return found


def _hostile_problems(data: dict[str, Any], lines: LineMap, shown_as: str) -> list[Problem]:
    """Control characters (terminal escapes, text-direction overrides) in any text."""
    return [
        Problem(shown_as, line_of(lines, loc), message) for loc, message in control_characters(data)
    ]


def _duplicates(data: dict[str, Any], section: str, key: str, what: str) -> list[tuple[Loc, str]]:
    items = data.get(section)
    seen: set[str] = set()
    found: list[tuple[Loc, str]] = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        value = item.get(key) if isinstance(item, dict) else None
        if not isinstance(value, str):
            continue
        if value.lower() in seen:
            found.append(((section, i, key), f"dubbele {what} '{value}'"))
        seen.add(value.lower())
    return found


_TYPE_NAMES = {
    "string_type": "tekst",
    "bool_type": "true of false",
    "int_type": "een geheel getal",
    "int_parsing": "een geheel getal",
    "float_type": "een getal",
    "float_parsing": "een getal",
    "list_type": "een lijst",
    "dict_type": "een mapping (sleutel: waarde)",
    "model_type": "een mapping (sleutel: waarde)",
    "model_attributes_type": "een mapping (sleutel: waarde)",
}


def _message(detail: Any) -> str:
    """Say in Dutch what a pydantic error detail means."""
    kind = detail["type"]
    loc = list(detail["loc"])
    if len(loc) > 2 and loc[0] == "questions" and loc[2] in QUESTION_TYPES:
        del loc[2]  # the tag of the discriminated union, not a field
    loc = [part for part in loc if part not in QUOTE_TAGS]  # tags of the quote union
    name = _field_name(loc)
    ctx = detail.get("ctx") or {}
    if kind == "missing":
        return f"verplicht veld '{name}' ontbreekt"
    if kind == "extra_forbidden":
        if " " in name:
            return (
                f"onbekend veld '{name}': staat er een komma in een tekst tussen {{ }}? "
                "Zet die tekst dan tussen aanhalingstekens"
            )
        if name == "provider_questions":
            return (
                "onbekend veld 'provider_questions': zet deze vragen onder 'actions' "
                '(text: "Vraag je behandelaar: ...?", quotes: [...])'
            )
        return f"onbekend veld '{name}'"
    if kind in _TYPE_NAMES:
        return f"'{name}' moet {_TYPE_NAMES[kind]} zijn"
    if kind == "union_tag_invalid":
        return f"onbekend vraagtype '{ctx.get('tag')}' (kies uit: {', '.join(QUESTION_TYPES)})"
    if kind == "union_tag_not_found":
        return f"vraagtype ontbreekt: geef 'type' (een van: {', '.join(QUESTION_TYPES)})"
    if kind == "literal_error":
        return f"ongeldige waarde voor '{name}' (kies uit: {_expected(ctx)})"
    if kind == "string_too_short":
        return f"'{name}' mag niet leeg zijn"
    if kind == "too_short":
        return f"'{name}' heeft minstens {ctx.get('min_length')} item(s) nodig"
    if kind == "too_long":
        return f"'{name}' mag hoogstens {ctx.get('max_length')} items hebben"
    if kind == "string_too_long":
        return f"'{name}' is te lang (hoogstens {ctx.get('max_length')} tekens)"
    if kind == "string_pattern_mismatch":
        return f"'{name}' moet een slug zijn: kleine letters, cijfers en streepjes"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = next(iter(ctx.values()), "")
        words = {
            "greater_than": "groter dan",
            "greater_than_equal": "minstens",
            "less_than": "kleiner dan",
            "less_than_equal": "hoogstens",
        }
        return f"'{name}' moet {words[kind]} {bound} zijn"
    if kind == "finite_number":
        return f"'{name}' moet een gewoon getal zijn (geen oneindig of NaN)"
    if kind == "value_error":
        return str(ctx.get("error", detail.get("msg", "")))
    return f"ongeldige waarde voor '{name}'"


def _field_name(loc: list[Any]) -> str:
    parts = [str(part) for part in loc if not isinstance(part, int)]
    return parts[-1] if parts else "bestand"


def _expected(ctx: dict[str, Any]) -> str:
    expected = str(ctx.get("expected", ""))
    return re.sub(r"'([^']*)'", r"\1", expected).replace(" or ", ", ")
