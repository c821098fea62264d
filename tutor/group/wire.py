"""What a participant may see of a group session, as JSON-safe data.

The one place that decides what leaves the trainer's machine for a
participant's phone or terminal: the step's text and key point (Markdown as
safe HTML), the question with its options in the session's order, and, only
after the reveal, the right answer, the feedback and the article's quote. Never
a trainer note, never another participant's answer. Pure Python: the web server
sends what this module builds.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

from tutor.core.content.models import Lesson, Question, Step, quote_texts
from tutor.core.questions import Json, Response, check, decode_response, kind_of
from tutor.core.text import common as strings
from tutor.core.text import group as gs
from tutor.export.markup import inline_html, markdown_html
from tutor.group.answers import answer_key, display_order
from tutor.store.group import Position

State = dict[str, object]


def cascade_length(lesson: Lesson, step: Step) -> int:
    """How many links the step's cascade diagram has (0 without one)."""
    if step.diagram == "cascade" and lesson.diagrams is not None and lesson.diagrams.cascade:
        return len(lesson.diagrams.cascade)
    return 0


@dataclass(frozen=True)
class WireForm:
    """A question's form as it goes on the wire, and the way back to the kind's answers.

    The question kind's form names options by their place in the content (option
    0, item 0, ...), and the content puts the right option first, the items of an
    order question in the right order, each term of a match next to its meaning:
    sent as is, the JSON would give the answer away before the reveal. On the wire
    every `value` (and every `answer` of a `one` form) is the option's place on
    screen instead, which tells nothing the screen does not; `response` and `shown`
    translate between those places and the kind's JSON.

    Attributes:
        form: What the page gets: the kind's form with places as values.
        mode: `one`, `many`, `order` or `grid`.
        values: Per place on screen, the kind's value (for `one`, its whole answer;
            for `grid`, the choice's value).
        rows: For `grid`, per row place the kind's row value (where the choice goes).
    """

    form: State
    mode: str
    values: tuple[object, ...]
    rows: tuple[int, ...] = ()

    def _place(self, data: object) -> int | None:
        if type(data) is int and 0 <= data < len(self.values):
            return data
        return None

    def response(self, data: object) -> object:
        """A participant's answer (places) as the kind's JSON; None if it has the wrong shape."""
        if self.mode == "one":
            place = self._place(data)
            return None if place is None else self.values[place]
        limit = len(self.rows) if self.mode == "grid" else len(self.values)
        if not isinstance(data, list) or len(data) > limit:
            return None
        chosen: list[object] = []
        for item in data:
            place = self._place(item)
            if place is None:
                return None
            chosen.append(self.values[place])
        if self.mode != "grid":
            return chosen
        if len(chosen) != len(self.rows):
            return None
        by_row = dict(zip(self.rows, chosen, strict=True))
        return [by_row.get(row) for row in range(len(self.rows))]

    def shown(self, data: object) -> object:
        """The kind's JSON of an answer as the page knows it (places); None if it does not fit."""
        if self.mode == "one":
            return next((p for p, value in enumerate(self.values) if value == data), None)
        if not isinstance(data, list):
            return None
        items: list[object] = list(data)
        if self.mode == "grid":
            if len(items) != len(self.rows) or not all(0 <= r < len(items) for r in self.rows):
                return None
            items = [items[row] for row in self.rows]
        places = {value: p for p, value in enumerate(self.values) if isinstance(value, int | str)}
        shown: list[int] = []
        for item in items:
            if not isinstance(item, int | str) or item not in places:
                return None
            shown.append(places[item])
        return sorted(shown) if self.mode == "many" else shown


def wire_form(question: Question, order: Sequence[int]) -> WireForm:
    """The form of `question` in display `order`, with places on screen as its values."""
    form = dict(kind_of(question).form(question, order))
    mode = str(form["mode"])
    if mode == "grid":
        rows = cast(list[dict[str, Json]], form["rows"])
        choices = cast(list[dict[str, Json]], form["choices"])
        form["rows"] = [{**row, "value": place} for place, row in enumerate(rows)]
        form["choices"] = [{**choice, "value": place} for place, choice in enumerate(choices)]
        row_values = tuple(int(cast(int, row["value"])) for row in rows)
        return WireForm(form, mode, tuple(choice["value"] for choice in choices), row_values)
    key = "answer" if mode == "one" else "value"
    options = cast(list[dict[str, Json]], form["options"])
    form["options"] = [{**option, key: place} for place, option in enumerate(options)]
    return WireForm(form, mode, tuple(option[key] for option in options))


@dataclass(frozen=True)
class SessionContent:
    """The lesson of a session and its quiz questions (what every view is built from)."""

    lesson: Lesson
    questions: Sequence[Question]
    _forms: dict[tuple[str, int], WireForm] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def form(self, code: str, index: int) -> WireForm:
        """The wire form of question `index` in session `code` (built once)."""
        key = (code, index)
        if key not in self._forms:
            question = self.questions[index]
            self._forms[key] = wire_form(question, display_order(code, question))
        return self._forms[key]


def place_text(content: SessionContent, position: Position) -> str:
    """Where the group is, as the participant's screen says it ("Stap 3 van 9")."""
    if position.kind == "step":
        total = len(content.lesson.steps)
        return strings.STEP_COUNTER.format(number=position.index + 1, total=total)
    if position.kind == "question":
        total = len(content.questions)
        return strings.QUESTION_COUNTER.format(number=position.index + 1, total=total)
    if position.kind == "review":
        total = len(content.lesson.unknowns)
        return gs.WEB_REVIEW_PLACE.format(number=position.index + 1, total=total)
    return ""


def _unknowns(lesson: Lesson) -> list[dict[str, str]]:
    return [
        {"question": inline_html(u.question), "explanation": inline_html(u.explanation)}
        for u in lesson.unknowns
    ]


def shared_state(content: SessionContent, code: str, position: Position, *, away: bool) -> State:
    """What every participant of the session sees now (the same for all of them).

    Besides the views, `lesson_id`, `index` and `sub` say where the group is, so a
    terminal participant can show the same place from its own copy of the lesson.
    """
    lesson = content.lesson
    kind = "ended" if position.ended else position.kind
    state: State = {
        "kind": kind,
        "lesson": lesson.title,
        "lesson_id": lesson.id,
        "index": position.index,
        "sub": position.sub,
        "place": place_text(content, position),
        "away": away and not position.ended,
    }
    if kind == "step" and position.index < len(lesson.steps):
        step = lesson.steps[position.index]
        view: State = {
            "title": step.title,
            "html": markdown_html(step.text),
            "key_point": inline_html(step.key_point),
            "badge": strings.EVIDENCE_LABELS[step.evidence] if step.evidence else None,
        }
        links = cascade_length(lesson, step)
        if links and lesson.diagrams is not None and lesson.diagrams.cascade:
            view["cascade"] = {
                "links": [
                    {"label": link.label, "text": inline_html(link.text)}
                    for link in lesson.diagrams.cascade
                ],
                "at": min(position.sub, links - 1),
            }
        state["step"] = view
    elif kind == "question" and position.index < len(content.questions):
        question = content.questions[position.index]
        order = display_order(code, question)
        view = {
            "index": position.index,
            "prompt": question.prompt,
            "form": content.form(code, position.index).form,
            "revealed": position.revealed,
        }
        if position.revealed:
            view["key"] = [line for line in answer_key(question, order) if line.strip()]
            view["quotes"] = list(quote_texts(question.quotes))
        state["question"] = view
    elif kind == "review" and position.index < len(lesson.unknowns):
        state["review"] = _unknowns(lesson)[position.index]
    elif kind in ("summary", "ended"):
        state["unknowns"] = _unknowns(lesson)
    elif kind not in ("lobby", "summary", "ended"):
        # A position past the content: wait for the trainer.
        state.update(kind="lobby", index=0, sub=0)
    return state


def verdict_view(question: Question, response: Response) -> State:
    """Whether a participant's own answer was right, and why (only after the reveal)."""
    verdict = check(question, response)
    return {
        "correct": verdict.correct,
        "feedback": [line for line in verdict.feedback if line.strip()],
        "quotes": list(verdict.quotes),
    }


def own_state(
    content: SessionContent, code: str, position: Position, answers: dict[int, str]
) -> State:
    """What only this participant sees: their answer to the question on screen (in the
    wire form's places) and, after the reveal, whether it was right; at the end, how
    many they had right."""
    mine: State = {}
    at_question = position.kind == "question" and not position.ended
    if at_question and position.index < len(content.questions):
        question = content.questions[position.index]
        text = answers.get(position.index)
        response = decode_response(question, text) if text is not None else None
        shown = None
        if response is not None and text is not None:
            shown = content.form(code, position.index).shown(json.loads(text))
        mine["answer"] = shown
        if position.revealed and response is not None:
            mine["verdict"] = verdict_view(question, response)
    elif position.kind == "summary" or position.ended:
        right = 0
        given = 0
        for index, text in answers.items():
            if index < len(content.questions):
                response = decode_response(content.questions[index], text)
                if response is not None:
                    given += 1
                    right += check(content.questions[index], response).correct
        if given:
            mine["score"] = gs.END_SCORE.format(right=right, total=len(content.questions))
    return mine
