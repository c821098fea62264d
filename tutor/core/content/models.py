"""Pydantic models of the lesson and quiz files (see DESIGN.md, "Content format").

The models only describe shape and local rules (for example: a `single`
question has exactly one correct option). Rules that need more than one file,
such as "every quote occurs in the source", live in `tutor.core.content.lint`.
This module never imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    Tag,
    field_validator,
    model_validator,
)

EvidenceLevel = Literal["established", "human-early", "animal", "unknown"]
"""How strong the evidence is for what a step or statement says."""

DiagramKind = Literal["cascade", "timeline"]
"""The built-in visuals a step may show."""

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
# Upper bounds keep a hostile or broken file from making huge screens and exports;
# they are far above what the lessons use (texts up to ~700 characters).
MAX_TEXT = 2_000
MAX_TITLE = 120
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]
Title = Annotated[str, Field(min_length=1, max_length=MAX_TITLE)]
Hours = Annotated[float, Field(gt=0, le=100_000, allow_inf_nan=False)]
"""Hours since the treatment (at most ~11 years)."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class SourcedQuote(_Model):
    """A quote from another article than the lesson's own `source`.

    Used where a lesson says that the sources differ. `source` is a path
    relative to the content root, under `seeds/` (lint checks that).
    """

    source: Text
    text: Text


def _quote_kind(value: Any) -> str:
    return "bron" if isinstance(value, dict | SourcedQuote) else "tekst"


QUOTE_TAGS = ("tekst", "bron")
"""The tags of the `Quote` union; they appear in pydantic error locations."""

Quote = Annotated[
    Annotated[Text, Tag("tekst")] | Annotated[SourcedQuote, Tag("bron")],
    Discriminator(_quote_kind),
]
"""A verbatim passage: a plain string (from the lesson's own source) or a `SourcedQuote`."""

Quotes = Annotated[list[Quote], Field(min_length=1, max_length=20)]


def quote_text(quote: str | SourcedQuote) -> str:
    """The quoted words of a quote, whatever its form."""
    return quote if isinstance(quote, str) else quote.text


def quote_texts(quotes: Iterable[str | SourcedQuote]) -> tuple[str, ...]:
    """The quoted words of every quote, in order."""
    return tuple(quote_text(quote) for quote in quotes)


def quote_pairs(quotes: Iterable[str | SourcedQuote], default_source: str) -> list[tuple[str, str]]:
    """Return `(source, text)` for every quote; plain strings come from `default_source`."""
    return [
        (default_source, quote) if isinstance(quote, str) else (quote.source, quote.text)
        for quote in quotes
    ]


class GlossaryEntry(_Model):
    """A technical term with its meaning in everyday words."""

    term: Text
    definition: Text


class CascadeLink(_Model):
    """One link of a cascade diagram, e.g. "NMDA-blokkade"."""

    label: Annotated[str, Field(min_length=1, max_length=16)]
    text: Text


class TimelineMark(_Model):
    """A labelled tick on the time axis (hours since the treatment)."""

    hours: Hours
    label: Text


class TimelineBar(_Model):
    """A period drawn as a bar on the timeline, in hours since the treatment."""

    label: Annotated[str, Field(min_length=1, max_length=16)]
    start_hours: Hours
    end_hours: Hours
    text: Annotated[str, Field(min_length=1, max_length=44)]

    @model_validator(mode="after")
    def _ordered(self) -> TimelineBar:
        if self.end_hours < self.start_hours:
            raise ValueError("end_hours moet na start_hours liggen")
        return self


class Diagrams(_Model):
    """Data for the built-in diagrams; steps refer to them by kind."""

    cascade: Annotated[list[CascadeLink], Field(min_length=2, max_length=20)] | None = None
    timeline_marks: Annotated[list[TimelineMark], Field(min_length=2, max_length=20)] | None = None
    timeline: Annotated[list[TimelineBar], Field(min_length=1, max_length=20)] | None = None


class Step(_Model):
    """One screen of explanation."""

    id: Slug
    title: Title
    text: Text
    key_point: Text
    evidence: EvidenceLevel | None = None
    evidence_quote: Text | None = None
    """With `evidence`: the one of this step's quotes that justifies the level."""
    terms: Annotated[list[Text], Field(max_length=50)] = []
    quotes: Quotes
    trainer_note: Text | None = None
    diagram: DiagramKind | None = None


class Unknown(_Model):
    """An open question from the article ("Wat we nog niet weten")."""

    question: Text
    explanation: Text
    quotes: Quotes


class Action(_Model):
    """One item of "Wat kun je hiermee?": a question to ask, what to watch for, where to read."""

    text: Text
    quotes: Quotes


class Glossary(_Model):
    """The shared glossary of all lessons (`lessons/begrippen.yaml`)."""

    terms: list[GlossaryEntry]


class Lesson(_Model):
    """A lesson derived from one source article."""

    id: Slug
    title: Title
    source: Text
    summary: Text
    order: int = Field(default=100, ge=0, le=10_000)
    steps: Annotated[list[Step], Field(min_length=1, max_length=100)]
    glossary: Annotated[list[GlossaryEntry], Field(max_length=200)] = []
    unknowns: Annotated[list[Unknown], Field(max_length=50)] = []
    actions: Annotated[list[Action], Field(max_length=50)] = []
    """"Wat kun je hiermee?"; the learner can save each to "Vragen voor mijn behandelaar"."""
    diagrams: Diagrams | None = None

    _shared_glossary: dict[str, GlossaryEntry] = PrivateAttr(default_factory=dict)

    def use_shared_glossary(self, entries: Sequence[GlossaryEntry]) -> None:
        """Let this lesson see the shared glossary (the loader calls this)."""
        shared: dict[str, GlossaryEntry] = {}
        for entry in entries:
            shared.setdefault(entry.term.lower(), entry)
        self._shared_glossary = shared

    def glossary_entries(self) -> list[GlossaryEntry]:
        """The glossary this lesson shows: the shared definitions of the terms its steps
        use, plus the lesson's own `glossary` (during the move to one shared glossary).

        Where both define a term, the shared definition wins.
        """
        entries: dict[str, GlossaryEntry] = {}
        for step in self.steps:
            for term in step.terms:
                entry = self._shared_glossary.get(term.lower())
                if entry is not None:
                    entries.setdefault(term.lower(), entry)
        for entry in self.glossary:
            entries.setdefault(
                entry.term.lower(), self._shared_glossary.get(entry.term.lower(), entry)
            )
        return list(entries.values())

    def glossary_terms(self) -> dict[str, str]:
        """Return the merged glossary as a mapping of lower-cased term to definition."""
        return {entry.term.lower(): entry.definition for entry in self.glossary_entries()}

    def quote_pairs(self, quotes: Iterable[str | SourcedQuote]) -> list[tuple[str, str]]:
        """Return `(source, text)` for quotes of this lesson (plain ones are from `source`)."""
        return quote_pairs(quotes, self.source)


class Option(_Model):
    """An answer option of a `single` or `multiple` question."""

    text: Text
    correct: bool = False
    feedback: Text


def single_count_message(count: int) -> str:
    """The Dutch message for a `single` question without exactly one right option."""
    return f"een 'single'-vraag heeft precies één goede optie nodig, niet {count}"


class _Question(_Model):
    id: Slug
    prompt: Text
    quotes: Quotes


Options = Annotated[list[Option], Field(min_length=2, max_length=9)]


class SingleQuestion(_Question):
    """Pick the one right option."""

    type: Literal["single"]
    options: Options

    @field_validator("options")
    @classmethod
    def _one_correct(cls, options: list[Option]) -> list[Option]:
        count = sum(option.correct for option in options)
        if count != 1:
            raise ValueError(single_count_message(count))
        return options


class MultipleQuestion(_Question):
    """Pick every right option."""

    type: Literal["multiple"]
    options: Options

    @field_validator("options")
    @classmethod
    def _some_correct(cls, options: list[Option]) -> list[Option]:
        if not any(option.correct for option in options):
            raise ValueError("een 'multiple'-vraag heeft minstens één goede optie nodig")
        return options


class TrueFalseQuestion(_Question):
    """Say whether a statement is true."""

    type: Literal["true_false"]
    answer: bool
    feedback_true: Text
    """Shown when the learner answers "Waar"."""
    feedback_false: Text
    """Shown when the learner answers "Niet waar"."""


class OrderQuestion(_Question):
    """Put items in the right order; `items` lists them in that order."""

    type: Literal["order"]
    items: Annotated[list[Text], Field(min_length=2, max_length=9)]
    explanation: Text


class MatchPair(_Model):
    """A term and its meaning."""

    term: Text
    meaning: Text


class MatchQuestion(_Question):
    """Match each term to its meaning."""

    type: Literal["match"]
    pairs: Annotated[list[MatchPair], Field(min_length=2, max_length=9)]
    explanation: Text


class EvidenceStatement(_Model):
    """A statement with the strength of evidence the article gives it."""

    text: Text
    level: EvidenceLevel
    feedback: Text | None = None


class EvidenceQuestion(_Question):
    """Place each statement on the evidence scale."""

    type: Literal["evidence"]
    statements: Annotated[list[EvidenceStatement], Field(min_length=1, max_length=9)]
    explanation: Text


class KeyPoint(_Model):
    """A point a good teach-back answer covers."""

    text: Text
    quotes: Quotes


class ExplainQuestion(_Question):
    """Teach-back: the learner explains in their own words, then ticks the key points
    they covered."""

    type: Literal["explain"]
    model_answer: Text
    key_points: Annotated[list[KeyPoint], Field(min_length=2, max_length=4)]


Question = Annotated[
    SingleQuestion
    | MultipleQuestion
    | TrueFalseQuestion
    | OrderQuestion
    | MatchQuestion
    | EvidenceQuestion
    | ExplainQuestion,
    Field(discriminator="type"),
]
QUESTION_TYPES = ("single", "multiple", "true_false", "order", "match", "evidence", "explain")


class Quiz(_Model):
    """The comprehension quiz of one lesson."""

    lesson: Slug
    pass_mark: float = Field(default=0.7, ge=0, le=1, allow_inf_nan=False)
    questions: Annotated[list[Question], Field(min_length=1, max_length=200)]
