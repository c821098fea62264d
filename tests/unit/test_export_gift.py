"""`tutor export gift`: every shipped quiz passes a GIFT grammar check, escaping is exact."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from conftest import GOOD_ROOT
from tutor.core.content.loader import Content, load_content
from tutor.core.content.models import (
    EvidenceQuestion,
    MatchQuestion,
    OrderQuestion,
    Quiz,
    SingleQuestion,
    TrueFalseQuestion,
)
from tutor.core.text import common as strings
from tutor.export.gift import escape, gift_export, multiple_weight, question_gift

# --- A small GIFT grammar checker ----------------------------------------
#
# Modelled on Moodle's importer (question/format/gift/format.php): a backslash
# escapes ~ = # { } : and itself, \n is a line break; blocks are separated by
# empty lines; lines starting with // are comments. Escaped characters are
# masked first (as Moodle does), so every special character left is syntax.

SPECIAL = "~=#{}:"
ESCAPABLE = SPECIAL + "\\n"
_MASK_BASE = 0xE000
_TEXT = r"[^~=#{}:]"  # text without unescaped special characters

# Moodle's question_bank::fraction_options_full(), as fractions.
MOODLE_FRACTIONS = [
    1,
    0.9,
    0.8333333,
    0.8,
    0.75,
    0.7,
    0.6666667,
    0.6,
    0.5,
    0.4,
    0.3333333,
    0.3,
    0.25,
    0.2,
    0.1666667,
    0.1428571,
    0.125,
    0.1111111,
    0.1,
    0.05,
    0,
]


class GiftError(Exception):
    """The text breaks the GIFT grammar."""


def mask(text: str) -> str:
    """Replace every escape sequence by one private-use character; reject bad escapes."""
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            if i + 1 >= len(text) or text[i + 1] not in ESCAPABLE:
                raise GiftError(f"ongeldige escape bij {text[i : i + 2]!r}")
            out.append(chr(_MASK_BASE + ord(text[i + 1])))
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


def unmask(text: str) -> str:
    """Turn masked escapes back into the characters they stand for."""
    out = []
    for char in text:
        code = ord(char) - _MASK_BASE
        if 0 <= code < 0x80 and chr(code) in ESCAPABLE:
            out.append("\n" if chr(code) == "n" else chr(code))
        else:
            out.append(char)
    return "".join(out).strip()


def _plain(text: str, where: str) -> str:
    if re.search(r"[~=#{}:]", text):
        raise GiftError(f"onge-escapet speciaal teken in {where}: {unmask(text)!r}")
    return unmask(text)


@dataclass
class Answer:
    text: str
    feedback: str | None = None
    weight: float | None = None
    right: bool = False


@dataclass
class GiftQuestion:
    title: str
    text: str
    kind: str  # description | truefalse | multichoice | match
    category: str
    answers: list[Answer] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    general: str | None = None
    tf_answer: bool | None = None
    tf_wrong: str | None = None
    tf_right: str | None = None


def parse_gift(document: str) -> list[GiftQuestion]:
    """Parse a GIFT document strictly; raise GiftError on anything Moodle would misread."""
    questions: list[GiftQuestion] = []
    category = ""
    for raw in re.split(r"\n[ \t]*\n", document):
        lines = [line for line in raw.split("\n") if not line.strip().startswith("//")]
        block = "\n".join(lines).strip()
        if not block:
            continue
        if block.startswith("$CATEGORY:"):
            category = block[len("$CATEGORY:") :].strip()
            if not category or "\n" in category:
                raise GiftError(f"ongeldige categorie: {block!r}")
            continue
        questions.append(_parse_question(mask(block), category))
    return questions


def _parse_question(block: str, category: str) -> GiftQuestion:
    head = re.fullmatch(r"::(" + _TEXT + r"+)::(.*)", block, re.DOTALL)
    if head is None:
        raise GiftError(f"vraag zonder titel ::id::: {unmask(block)[:60]!r}")
    title, rest = head.group(1).strip(), head.group(2)
    if "{" not in rest and "}" not in rest:
        return GiftQuestion(title, _plain(rest, "beschrijving"), "description", category)
    parts = re.fullmatch(r"(" + _TEXT + r"*)\{([^{}]*)\}\s*", rest, re.DOTALL)
    if parts is None:
        raise GiftError(f"{title}: accolades niet in balans of tekst na het antwoordblok")
    question = GiftQuestion(title, _plain(parts.group(1), "vraagtekst"), "", category)
    body = parts.group(2)
    if "####" in body:
        body, general = body.rsplit("####", 1)
        question.general = _plain(general, "algemene feedback")
    body = body.strip()
    truefalse = re.fullmatch(r"(TRUE|FALSE|T|F)((?:#" + _TEXT + r"*){0,2})", body, re.DOTALL)
    if truefalse:
        question.kind = "truefalse"
        question.tf_answer = truefalse.group(1) in ("TRUE", "T")
        feedback = truefalse.group(2).split("#")[1:] + ["", ""]
        question.tf_wrong, question.tf_right = unmask(feedback[0]), unmask(feedback[1])
    elif "~" in body:
        _parse_choices(question, body)
    elif "=" in body and "->" in body:
        _parse_pairs(question, body)
    elif body == "":
        question.kind = "essay"  # Moodle: an empty answer block is an essay question
    else:
        raise GiftError(f"{title}: onbekend antwoordtype {unmask(body)[:40]!r}")
    return question


def _items(body: str, title: str) -> list[tuple[str, str]]:
    if not body.startswith(("=", "~")):
        raise GiftError(f"{title}: een antwoord begint met = of ~")
    return re.findall(r"([=~])([^=~]*)", body)


def _parse_choices(question: GiftQuestion, body: str) -> None:
    question.kind = "multichoice"
    for mark, item in _items(body, question.title):
        weight = None
        found = re.match(r"%(-?\d+(?:\.\d+)?)%", item)
        if found:
            weight = float(found.group(1))
            item = item[found.end() :]
        answer, _, feedback = item.partition("#")
        answer_text = _plain(answer, f"antwoord van {question.title}")
        if not answer_text:
            raise GiftError(f"{question.title}: leeg antwoord")
        question.answers.append(
            Answer(answer_text, _plain(feedback, "feedback"), weight, right=mark == "=")
        )
    if len(question.answers) < 2:
        raise GiftError(f"{question.title}: minstens twee antwoorden nodig")


def _parse_pairs(question: GiftQuestion, body: str) -> None:
    question.kind = "match"
    for mark, item in _items(body, question.title):
        if mark != "=" or "->" not in item:
            raise GiftError(f"{question.title}: een paar is '=links -> rechts'")
        left, right = item.split("->", 1)
        pair = (_plain(left, "koppelvraag"), _plain(right, "koppelantwoord"))
        if not pair[1]:
            raise GiftError(f"{question.title}: paar zonder antwoord")
        question.pairs.append(pair)
    if sum(bool(left) for left, _ in question.pairs) < 2 or len(question.pairs) < 3:
        raise GiftError(f"{question.title}: Moodle wil minstens 2 vragen en 3 antwoorden")


# --- The checker itself catches mistakes ----------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        "::a:: Tijd: nu {=ja ~nee}",  # unescaped colon in the question text
        "::a:: Vraag {=ja ~nee",  # unbalanced braces
        "::a:: Vraag {=ja {~nee}}",  # nested braces
        "::a:: Vraag {=ja#goed#fout ~nee}",  # second # in feedback
        "::a:: Vraag {ja ~nee}",  # an answer that starts with neither = nor ~
        "::a:: Vraag {=a -> b}",  # matching with one pair
        "::a:: Vraag \\q {=ja ~nee}",  # unknown escape
        "Vraag zonder titel {=ja ~nee}",
    ],
)
def test_the_grammar_checker_rejects_broken_gift(bad: str) -> None:
    with pytest.raises(GiftError):
        parse_gift(bad)


# --- The export ------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> Content:
    content = load_content()
    assert not content.problems
    return content


@pytest.fixture(scope="module")
def shipped_gift(shipped: Content) -> list[GiftQuestion]:
    return parse_gift(gift_export(shipped))


def test_all_shipped_quizzes_pass_the_grammar_check(
    shipped: Content, shipped_gift: list[GiftQuestion]
) -> None:
    questions = [q for q in shipped_gift if q.kind != "description"]
    assert len(questions) == sum(len(quiz.questions) for quiz in shipped.quizzes.values())
    for lesson in shipped.lessons:
        in_category = [q.title for q in questions if q.category == lesson.title]
        assert in_category == [q.id for q in shipped.quizzes[lesson.id].questions]


def test_every_category_carries_the_help_line_and_caution(
    shipped: Content, shipped_gift: list[GiftQuestion]
) -> None:
    notes = [q for q in shipped_gift if q.kind == "description"]
    assert [note.category for note in notes] == [lesson.title for lesson in shipped.lessons]
    for note in notes:
        assert strings.HELP_LINE in note.text and strings.CAUTION in note.text


def test_question_types_map_to_moodle_types(
    shipped: Content, shipped_gift: list[GiftQuestion]
) -> None:
    by_key = {(q.category, q.title): q for q in shipped_gift}
    expected = {
        "single": "multichoice",
        "multiple": "multichoice",
        "true_false": "truefalse",
        "match": "match",
        "order": "match",
        "evidence": "match",
        "explain": "essay",
    }
    for lesson in shipped.lessons:
        for question in shipped.quizzes[lesson.id].questions:
            exported = by_key[(lesson.title, question.id)]
            assert exported.kind == expected[question.type], question.id
            assert exported.text == " ".join(question.prompt.split()) or question.type in (
                "order",
                "evidence",
            )
            assert exported.general and "Uit het artikel" in exported.general


def test_choice_questions_keep_options_feedback_and_weights(
    shipped: Content, shipped_gift: list[GiftQuestion]
) -> None:
    by_key = {(q.category, q.title): q for q in shipped_gift}
    for lesson in shipped.lessons:
        for question in shipped.quizzes[lesson.id].questions:
            if question.type not in ("single", "multiple"):
                continue
            exported = by_key[(lesson.title, question.id)]
            assert [a.text for a in exported.answers] == [o.text for o in question.options]
            assert [a.feedback for a in exported.answers] == [
                " ".join(o.feedback.split()) for o in question.options
            ]
            if question.type == "single":
                assert [a.right for a in exported.answers] == [o.correct for o in question.options]
                assert all(a.weight is None for a in exported.answers)
                continue
            assert not any(a.right for a in exported.answers)  # no '=': several may be chosen
            weights = [a.weight for a in exported.answers]
            assert all(w is not None for w in weights)
            right = [w for w, o in zip(weights, question.options, strict=True) if o.correct]
            wrong = [w for w, o in zip(weights, question.options, strict=True) if not o.correct]
            assert sum(w for w in right if w is not None) == pytest.approx(100, abs=0.01)
            assert all(w == -100 for w in wrong)


@pytest.mark.parametrize("count", range(1, 10))
def test_multiple_weights_are_valid_moodle_grades(count: int) -> None:
    fraction = float(multiple_weight(count)) / 100
    assert any(abs(fraction - valid) < 1e-7 for valid in MOODLE_FRACTIONS)
    assert round(fraction * count, 2) == 1


def test_true_false_feedback_order_is_wrong_then_right(
    shipped: Content, shipped_gift: list[GiftQuestion]
) -> None:
    by_key = {(q.category, q.title): q for q in shipped_gift}
    seen = 0
    for lesson in shipped.lessons:
        for question in shipped.quizzes[lesson.id].questions:
            if not isinstance(question, TrueFalseQuestion):
                continue
            seen += 1
            exported = by_key[(lesson.title, question.id)]
            assert exported.tf_answer is question.answer
            said_wrong = question.feedback_false if question.answer else question.feedback_true
            said_right = question.feedback_true if question.answer else question.feedback_false
            assert exported.tf_wrong == " ".join(said_wrong.split())
            assert exported.tf_right == " ".join(said_right.split())
    assert seen


def test_order_match_and_evidence_become_matching(
    shipped: Content, shipped_gift: list[GiftQuestion]
) -> None:
    by_key = {(q.category, q.title): q for q in shipped_gift}
    labels = strings.EVIDENCE_LABELS
    for lesson in shipped.lessons:
        for question in shipped.quizzes[lesson.id].questions:
            exported = by_key[(lesson.title, question.id)]
            if isinstance(question, OrderQuestion):
                assert exported.pairs == [
                    (f"Stap {n}", item) for n, item in enumerate(question.items, 1)
                ]
            elif isinstance(question, MatchQuestion):
                assert exported.pairs == [(p.term, p.meaning) for p in question.pairs]
            elif isinstance(question, EvidenceQuestion):
                real = [pair for pair in exported.pairs if pair[0]]
                assert real == [(s.text, labels[s.level]) for s in question.statements]
                # Every label can be chosen, also the ones no statement has.
                assert {right for _, right in exported.pairs} == set(labels.values())


def test_escaping_of_every_special_character() -> None:
    assert escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    assert escape("regel 1\nregel 2") == "regel 1\\nregel 2"
    assert mask(escape("\\:")) == chr(_MASK_BASE + ord("\\")) + chr(_MASK_BASE + ord(":"))


def test_special_characters_survive_the_round_trip() -> None:
    nasty = "Kies: {a} of ~b~ = #1 \\ pad -> [x]"
    question = SingleQuestion.model_validate(
        {
            "id": "lastig",
            "type": "single",
            "prompt": f"Vraag {nasty}?",
            "options": [
                {"text": f"Goed {nasty}", "correct": True, "feedback": f"Ja {nasty}"},
                {"text": f"[fout] {nasty}", "feedback": f"Nee {nasty}"},
            ],
            "quotes": [f"Citaat {nasty}"],
        }
    )
    block = question_gift(question)
    for char in SPECIAL:
        assert f"\\{char}" in block
    (parsed,) = parse_gift(block)
    assert parsed.text == f"Vraag {nasty}?"
    assert [a.text for a in parsed.answers] == [f"Goed {nasty}", f"[moodle][fout] {nasty}"]
    assert [a.feedback for a in parsed.answers] == [f"Ja {nasty}", f"Nee {nasty}"]
    assert [a.right for a in parsed.answers] == [True, False]
    assert parsed.general is not None and f"Citaat {nasty}" in parsed.general


def test_small_questions_become_single_choice() -> None:
    """Moodle needs three answers in a matching question; two pairs become a choice."""
    quiz = load_content(GOOD_ROOT).quizzes["mini-les"]
    parsed = {q.title: q for q in parse_gift(gift_export(load_content(GOOD_ROOT)))}
    match = parsed["begrippen"]
    assert match.kind == "multichoice"
    assert [a.right for a in match.answers] == [True, False]
    assert match.answers[0].text == (
        "glutamaat → Een signaalstof in je hersenen; rat → Een proefdier"
    )
    evidence = quiz.model_copy(
        update={
            "questions": [
                EvidenceQuestion.model_validate(
                    {
                        "id": "een-uitspraak",
                        "type": "evidence",
                        "prompt": "Hoe zeker?",
                        "statements": [{"text": "Meer verbindingen bij ratten", "level": "animal"}],
                        "explanation": "Dat zag men bij ratten.",
                        "quotes": ["Bij ratten zag men meer verbindingen."],
                    }
                ),
                OrderQuestion.model_validate(
                    {
                        "id": "twee",
                        "type": "order",
                        "prompt": "Wat eerst?",
                        "items": ["Blokkade", "Golf"],
                        "explanation": "Eerst de blokkade.",
                        "quotes": ["eerst een blokkade"],
                    }
                ),
            ]
        }
    )
    assert isinstance(evidence, Quiz)
    one, two = (parse_gift(question_gift(q))[0] for q in evidence.questions)
    assert one.kind == "multichoice"
    assert [a.text for a in one.answers] == list(strings.EVIDENCE_LABELS.values())
    assert [a.right for a in one.answers] == [False, False, True, False]
    assert "Meer verbindingen bij ratten" in one.text
    assert two.kind == "multichoice"
    assert [a.text for a in two.answers] == ["1. Blokkade; 2. Golf", "1. Golf; 2. Blokkade"]
    assert [a.right for a in two.answers] == [True, False]


def test_fixture_content_exports_every_question_id() -> None:
    content = load_content(GOOD_ROOT)
    parsed = parse_gift(gift_export(content))
    assert {q.category for q in parsed} == {"Een kleine les"}
    assert [q.title for q in parsed if q.kind != "description"] == [
        q.id for q in content.quizzes["mini-les"].questions
    ]
