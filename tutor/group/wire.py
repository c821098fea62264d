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
from dataclasses import dataclass

from tutor.core.content.models import Lesson, Question, quote_texts
from tutor.core.questions import Response, check, decode_response, kind_of
from tutor.core.text import common as strings
from tutor.core.text import group as gs
from tutor.export.markup import inline_html, markdown_html
from tutor.group.answers import answer_key, display_order
from tutor.group.session import cascade_length
from tutor.store.group import Position

State = dict[str, object]


@dataclass(frozen=True)
class SessionContent:
    """The lesson of a session and its quiz questions (what every view is built from)."""

    lesson: Lesson
    questions: Sequence[Question]


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
            "form": kind_of(question).form(question, order),
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


def own_state(content: SessionContent, position: Position, answers: dict[int, str]) -> State:
    """What only this participant sees: their answer to the question on screen and, after
    the reveal, whether it was right; at the end, how many they had right."""
    mine: State = {}
    at_question = position.kind == "question" and not position.ended
    if at_question and position.index < len(content.questions):
        question = content.questions[position.index]
        text = answers.get(position.index)
        response = decode_response(question, text) if text is not None else None
        mine["answer"] = json.loads(text) if response is not None and text is not None else None
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
