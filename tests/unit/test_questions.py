"""Each question type's module: encode/decode, malformed input, check, right answer, GIFT."""

from __future__ import annotations

import json
import random

import pytest

from conftest import GOOD_ROOT, PROJECT
from tutor.core.content.loader import load_content
from tutor.core.content.models import QUESTION_TYPES, ExplainQuestion, Question
from tutor.core.questions import KINDS, check, decode_response, encode_response, kind_of
from tutor.core.questions.registry import MAX_RESPONSE_CHARS

GOOD = load_content(GOOD_ROOT)
SHIPPED = load_content(PROJECT)
EXPLAIN = ExplainQuestion.model_validate(
    {
        "id": "leg-uit",
        "type": "explain",
        "prompt": "Leg in je eigen woorden uit: waarom werkt het?",
        "model_answer": "Zo werkt het. Echt.",
        "key_points": [
            {"text": "Eerste punt", "quotes": ["a"]},
            {"text": "Tweede punt", "quotes": ["b"]},
            {"text": "Derde punt", "quotes": ["c"]},
        ],
        "quotes": ["d"],
    }
)
ALL: list[Question] = [
    *(q for quiz in GOOD.quizzes.values() for q in quiz.questions),
    *(q for quiz in SHIPPED.quizzes.values() for q in quiz.questions),
    EXPLAIN,
]
ONE_PER_TYPE = [next(q for q in ALL if q.type == kind) for kind in QUESTION_TYPES]

MALFORMED = [
    "",
    "not json",
    "null",
    "{}",
    '"0"',
    "1.5",
    "[[0]]",
    "[-1]",
    "[99]",
    "[true]",
    '["0"]',
    "[0.0]",
    "[" * 5000,
]


def test_every_type_has_a_kind_and_a_view() -> None:
    from tutor.ui.widgets.questions import VIEWS

    assert tuple(KINDS) == QUESTION_TYPES
    assert tuple(VIEWS) == QUESTION_TYPES
    for question in ONE_PER_TYPE:
        assert kind_of(question).type == question.type


@pytest.mark.parametrize("question", ALL, ids=[f"{q.type}-{q.id}" for q in ALL])
def test_the_right_answer_is_right_and_survives_the_json_round_trip(question: Question) -> None:
    kind = kind_of(question)
    right = kind.right_answer(question)
    assert check(question, right).correct
    text = encode_response(question, right)
    assert isinstance(json.loads(text), bool | list)
    assert decode_response(question, text) == right
    assert kind.answer_label(question, right)
    assert kind.wrong_parts(question, right) == []


@pytest.mark.parametrize("question", ONE_PER_TYPE, ids=QUESTION_TYPES)
@pytest.mark.parametrize("text", MALFORMED, ids=range(len(MALFORMED)))
def test_malformed_responses_are_refused(question: Question, text: str) -> None:
    assert decode_response(question, text) is None


@pytest.mark.parametrize("question", ONE_PER_TYPE, ids=QUESTION_TYPES)
def test_responses_are_bounded(question: Question) -> None:
    too_long = "[" + ",".join(["0"] * MAX_RESPONSE_CHARS) + "]"
    assert decode_response(question, too_long) is None
    count = kind_of(question).item_count(question)
    assert decode_response(question, json.dumps(list(range(count + 1)))) is None


def test_shape_rules_per_type() -> None:
    single, multiple, true_false, order, match, evidence, explain = ONE_PER_TYPE
    assert decode_response(single, "[0,1]") is None
    assert decode_response(single, "[]") is None
    assert decode_response(multiple, "[]") is None
    assert decode_response(true_false, "1") is None
    assert decode_response(true_false, "false") is False
    assert decode_response(order, "[0,0,1]") is None
    assert decode_response(match, "[0]") is None
    assert decode_response(evidence, '["animal","nope"]') is None
    assert decode_response(evidence, "[0]") is None
    assert decode_response(explain, "[]") == frozenset()  # covered nothing is an answer
    assert decode_response(explain, "[0,0]") == frozenset({0})


@pytest.mark.parametrize("question", ONE_PER_TYPE, ids=QUESTION_TYPES)
def test_a_wrong_answer_is_wrong_and_says_why(question: Question) -> None:
    kind = kind_of(question)
    right = kind.right_answer(question)
    wrong: object
    if question.type == "true_false":
        wrong = not right
    elif question.type in ("single", "multiple"):
        wrong = frozenset(set(range(kind.item_count(question))) - right) or frozenset({0})
    elif question.type == "explain":
        wrong = frozenset()
    elif question.type == "evidence":
        wrong = tuple("unknown" if level != "unknown" else "animal" for level in right)
    else:
        wrong = tuple(reversed(right))
    verdict = check(question, wrong)  # type: ignore[arg-type]
    assert not verdict.correct
    assert verdict.feedback
    assert kind.wrong_parts(question, wrong)


@pytest.mark.parametrize("question", ONE_PER_TYPE, ids=QUESTION_TYPES)
def test_one_shuffle_for_every_program(question: Question) -> None:
    kind = kind_of(question)
    order = kind.display_order(question, random.Random("123456:x"))
    assert sorted(order) == list(range(kind.item_count(question)))
    assert order == kind.display_order(question, random.Random("123456:x"))
    shown = kind.presented(question, order)
    assert shown.rows


def test_explain_check_right_answer_and_tally() -> None:
    kind = kind_of(EXPLAIN)
    assert kind.right_answer(EXPLAIN) == frozenset({0, 1, 2})
    verdict = check(EXPLAIN, frozenset({0, 2}))
    assert not verdict.correct
    assert verdict.feedback == (
        "Een goede uitleg: Zo werkt het. Echt.",
        "✓ Eerste punt",
        "✗ Tweede punt",
        "✓ Derde punt",
    )
    assert kind.wrong_parts(EXPLAIN, frozenset({0, 2})) == ["Tweede punt"]
    (group,) = kind.tally(
        EXPLAIN, [2, 0, 1], [(frozenset({0, 2}), 3), (frozenset({2}), 1)], {}, revealed=True
    )
    assert [(bar.label, bar.count) for bar in group.bars] == [
        ("1  Derde punt", 4),
        ("2  Eerste punt", 3),
        ("3  Tweede punt", 0),
    ]


def test_gift_forms() -> None:
    single, multiple, true_false, order, match, evidence, explain = ONE_PER_TYPE
    for question in ONE_PER_TYPE:
        block = kind_of(question).gift(question)
        assert block.startswith(f"::{question.id}:: ")
        assert block.endswith("}")
    assert "=" in kind_of(single).gift(single)
    assert "~%" in kind_of(multiple).gift(multiple)
    assert "TRUE#" in kind_of(true_false).gift(true_false) or "FALSE#" in kind_of(true_false).gift(
        true_false
    )
    essay = kind_of(EXPLAIN).gift(EXPLAIN)
    assert essay.splitlines()[1].startswith("\t####Zo werkt het. Echt.")
    assert "- Eerste punt" in essay
    assert len(essay.splitlines()) == 3  # title line, general feedback, closing brace: an essay


def test_handout_forms() -> None:
    for question in ONE_PER_TYPE:
        lines = kind_of(question).handout(question)
        assert lines[0].startswith("**")
        assert len(lines) > 2
    assert "Een goede uitleg: Zo werkt het. Echt." in kind_of(EXPLAIN).handout(EXPLAIN)


def test_kiosk_parts_follow_the_kind() -> None:
    single = ONE_PER_TYPE[0]
    kind = kind_of(single)
    right = kind.right_answer(single)
    assert all(ok for _, ok in kind.parts(single, right))
    assert kind.part_labels(single) == [option.text for option in single.options]  # type: ignore[union-attr]
    assert kind_of(EXPLAIN).parts(EXPLAIN, frozenset()) == []
