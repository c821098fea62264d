"""Reading-level checks (taalniveau B1) for lesson steps.

Uses textstat's Flesch reading ease with Dutch constants (Flesch-Douma).
Importing textstat is slow, so only the linter imports this module.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass

from tutor.core.content.errors import Problem
from tutor.core.content.loader import LoadedFile
from tutor.core.content.models import Lesson

MIN_FLESCH_DOUMA = 60.0
MAX_MEAN_SENTENCE_WORDS = 12.0
MAX_SENTENCE_WORDS = 20
MAX_NEW_TERMS = 2
SCREEN_COLUMNS = 76
MAX_SCREEN_LINES = 12

_ABBREVIATION = re.compile(r"\b[a-z]?[A-Z]{2,}[a-z]?\b")
_AUXILIARY = re.compile(r"\b(wordt|worden|werd|werden)\b", re.IGNORECASE)
_PARTICIPLE = re.compile(
    r"\b(?:(?:ge|be|ver|ont|her)[a-zë]{2,}(?:d|t|(?<!ing)en)|[a-z]{2,5}ge[a-zë]{2,}(?:d|t|(?<!ing)en))\b",
    re.IGNORECASE,
)
_NOT_PARTICIPLES = {
    "gebied", "gebieden", "gebeurt", "gezond", "geeft", "gewoon", "gelijk", "genoeg", "gedrag",
    "geheugen", "gevoel", "gevoelens", "gedachten", "gedachte", "geduld", "geld", "gewicht",
    "beter", "betekent", "bestaat", "bepaalt", "behandeling", "verschillend", "verband",
    "verder", "vertrouwen", "ontstaat", "herstel", "bedoeld", "belangrijk", "bekend",
    "verhaal", "verstand", "gesprek", "gesprekken", "gebruikt", "veranderd", "verslaafd",
    "zogeheten", "zorgen", "bewust", "besluit", "bereid", "betrokken", "verantwoord",
}  # fmt: skip


def is_passive(sentence: str) -> bool:
    """A rough test for the Dutch passive: a form of "worden" with a past participle."""
    if not _AUXILIARY.search(sentence):
        return False
    return any(
        match.group(0).lower() not in _NOT_PARTICIPLES for match in _PARTICIPLE.finditer(sentence)
    )


@dataclass(frozen=True)
class Readability:
    """Reading figures of one text."""

    flesch_douma: float
    mean_sentence_words: float
    longest_sentence: str
    longest_sentence_words: int


def plain_text(markdown: str) -> str:
    """Strip Markdown markup, keeping the words.

    Lines of one paragraph are joined (a wrapped sentence stays one sentence);
    list items and headings end a sentence where they have no punctuation.
    """
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*_`>]", "", text)
    sentences: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            joined = " ".join(current)
            sentences.append(joined if re.search(r"[.!?:;]$", joined) else joined + ".")
            current.clear()

    for line in text.splitlines():
        stripped = line.strip()
        item = re.match(r"^(?:[-+]|\d+[.)]|#+)\s+(.*)$", stripped)
        if not stripped or item:
            close()
        if item:
            current.append(item.group(1).strip())
            if stripped.startswith("#"):
                close()
        elif stripped:
            current.append(stripped)
    close()
    return " ".join(sentences)


def flesch_douma(text: str) -> float:
    """Flesch-Douma reading ease of plain Dutch text, fair to abbreviations.

    textstat's syllable counter undercounts abbreviations (it reads "BDNF" as
    one syllable); readers say every letter. So each abbreviation is counted
    as one word with one syllable per letter.
    """
    import textstat
    from textstat.backend.utils import get_lang_cfg

    textstat.set_lang("nl")
    word_count = textstat.lexicon_count(text)
    if word_count == 0:
        return 0.0
    extra = 0
    for match in _ABBREVIATION.finditer(text):
        letters = sum(char.isupper() for char in match.group(0))
        extra += max(0, letters - textstat.syllable_count(match.group(0)))
    score = float(textstat.flesch_reading_ease(text))
    per_word = float(get_lang_cfg("nl", "fre_syll_per_word"))
    return float(score - per_word * extra / word_count)


def sentences(text: str) -> list[str]:
    """Split plain text into sentences."""
    parts = re.split(r"(?<=[.!?:;])\s+", text)
    return [part for part in parts if re.search(r"\w", part)]


def words(sentence: str) -> list[str]:
    """Return the words of a sentence."""
    return re.findall(r"[\w'’-]+", sentence)


def measure(markdown: str) -> Readability:
    """Measure the reading level of a Markdown text."""
    text = plain_text(markdown)
    score = flesch_douma(text)
    counted = [(len(words(sentence)), sentence) for sentence in sentences(text)]
    longest_words, longest = max(counted, default=(0, ""))
    mean = sum(n for n, _ in counted) / len(counted) if counted else 0.0
    return Readability(score, mean, longest, longest_words)


def check_readability(lesson: Lesson, loaded: LoadedFile) -> Iterator[Problem]:
    """Check each step of a lesson against the B1 rules; yield what fails."""
    where = loaded.shown_as
    seen_terms: set[str] = set()
    for i, step in enumerate(lesson.steps):
        line = loaded.lines.get(("steps", i, "text"), loaded.lines.get(("steps", i), 1))
        name = f"stap '{step.id}'"
        figures = measure(step.text)
        if figures.flesch_douma < MIN_FLESCH_DOUMA:
            yield Problem(
                where,
                line,
                f"{name} is te moeilijk: Flesch-Douma {figures.flesch_douma:.1f} "
                f"(minstens {MIN_FLESCH_DOUMA:.0f})",
            )
        if figures.mean_sentence_words > MAX_MEAN_SENTENCE_WORDS:
            yield Problem(
                where,
                line,
                f"{name}: zinnen gemiddeld {figures.mean_sentence_words:.1f} woorden "
                f"(hoogstens {MAX_MEAN_SENTENCE_WORDS:.0f})",
            )
        for sentence in sentences(plain_text(step.text)):
            if len(words(sentence)) > MAX_SENTENCE_WORDS:
                yield Problem(
                    where,
                    line,
                    f"{name}: zin van {len(words(sentence))} woorden "
                    f'(hoogstens {MAX_SENTENCE_WORDS}): "{sentence}"',
                )
            if is_passive(sentence):
                yield Problem(where, line, f'{name}: schrijf actief, niet lijdend: "{sentence}"')
        new_terms = {term.lower() for term in step.terms} - seen_terms
        seen_terms |= new_terms
        if len(new_terms) > MAX_NEW_TERMS:
            yield Problem(
                where,
                line,
                f"{name} brengt {len(new_terms)} nieuwe begrippen (hoogstens {MAX_NEW_TERMS})",
            )
        screen_lines = _screen_lines(step.text)
        if screen_lines > MAX_SCREEN_LINES:
            yield Problem(
                where,
                line,
                f"{name} past niet op één scherm: {screen_lines} regels "
                f"(hoogstens {MAX_SCREEN_LINES} bij {SCREEN_COLUMNS} kolommen)",
            )


def _screen_lines(markdown: str) -> int:
    total = 0
    for paragraph in markdown.strip().splitlines():
        total += max(1, len(textwrap.wrap(paragraph, SCREEN_COLUMNS))) if paragraph.strip() else 1
    return total
