"""Layer 1: loading good content, and damaged YAML always becomes a content error."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import GOOD_ROOT, PROJECT
from tutor.core.content.errors import ContentError
from tutor.core.content.loader import load_content, load_model
from tutor.core.content.models import Lesson, Quiz
from tutor.core.content.yamlfile import parse_yaml

GOOD_LESSON = (GOOD_ROOT / "lessons" / "mini-les.yaml").read_text()
GOOD_QUIZ = (GOOD_ROOT / "quizzes" / "mini-les.yaml").read_text()


def test_good_content_loads_into_models() -> None:
    content = load_content(GOOD_ROOT)
    assert content.problems == []
    (lesson,) = content.lessons
    assert lesson.id == "mini-les"
    assert [step.id for step in lesson.steps] == ["eerste", "tweede"]
    assert lesson.steps[1].evidence == "animal"
    quiz = content.quizzes["mini-les"]
    assert {q.type for q in quiz.questions} == {
        "single",
        "multiple",
        "true_false",
        "order",
        "match",
        "evidence",
    }


def test_shipped_content_loads_in_learning_order() -> None:
    content = load_content(PROJECT)
    assert content.problems == []
    orders = [lesson.order for lesson in content.lessons]
    assert orders == sorted(orders)
    assert "hoe-werkt-ketamine" in [lesson.id for lesson in content.lessons]


def test_a_broken_lesson_is_left_out_and_named(good_copy: Path) -> None:
    (good_copy / "lessons" / "kapot.yaml").write_text("id: kapot\ntitle: [\n")
    content = load_content(good_copy)
    assert [lesson.id for lesson in content.lessons] == ["mini-les"]
    assert [str(p).split(":")[0] for p in content.problems] == ["lessons/kapot.yaml"]


def test_load_model_raises_content_error_with_lines(tmp_path: Path) -> None:
    path = tmp_path / "les.yaml"
    path.write_text("id: x\ntitle: 3\n")
    try:
        load_model(path, Lesson)
    except ContentError as error:
        assert any(p.line == 2 and "'title' moet tekst zijn" in p.message for p in error.problems)
    else:
        raise AssertionError("expected a ContentError")


def _load_both(text: str) -> None:
    """Parse and validate `text` as a lesson and as a quiz; only ContentError may escape."""
    for model in (Lesson, Quiz):
        try:
            data, lines = parse_yaml(text, "x.yaml")
            from tutor.core.content.loader import validate

            validate(data, lines, model, "x.yaml")
        except ContentError as error:
            assert error.problems
            assert all(p.message for p in error.problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(min_value=0, max_value=len(GOOD_LESSON)), st.sampled_from([GOOD_LESSON, GOOD_QUIZ])
)
def test_truncated_yaml_gives_a_content_error(cut: int, text: str) -> None:
    _load_both(text[:cut])


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_give_a_content_error(tmp_path_factory, data: bytes) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("rnd") / "les.yaml"
    path.write_bytes(data)
    for model in (Lesson, Quiz):
        try:
            load_model(path, model)
        except ContentError as error:
            assert error.problems


_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)
)
_values = st.recursive(
    _scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(
        [
            "id",
            "title",
            "steps",
            "glossary",
            "unknowns",
            "questions",
            "options",
            "pass_mark",
            "lesson",
            "order",
        ]
    ),
    _values,
)
def test_wrong_types_give_a_content_error(key: str, value: object) -> None:
    import yaml

    for text in (GOOD_LESSON, GOOD_QUIZ):
        data = yaml.safe_load(text)
        data[key] = value
        _load_both(yaml.safe_dump(data, allow_unicode=True))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_random_text_gives_a_content_error(text: str) -> None:
    _load_both(text)


# Issue 13: the new schema.

BEGRIPPEN = """terms:
  - term: synaps
    definition: Een verbinding tussen zenuwcellen.
  - term: Glutamaat
    definition: De gedeelde uitleg van glutamaat.
  - term: BDNF
    definition: Een eiwit dat zenuwcellen helpt groeien.
"""


def test_begrippen_is_the_shared_glossary_not_a_lesson(good_copy: Path) -> None:
    (good_copy / "lessons" / "begrippen.yaml").write_text(BEGRIPPEN)
    lesson_file = good_copy / "lessons" / "mini-les.yaml"
    lesson_file.write_text(lesson_file.read_text().replace("terms: [glutamaat]", "terms: [synaps]"))
    content = load_content(good_copy)
    assert content.problems == []
    assert [lesson.id for lesson in content.lessons] == ["mini-les"]
    assert content.glossary is not None
    assert [entry.term for entry in content.glossary_entries()] == ["synaps", "Glutamaat", "BDNF"]
    (lesson,) = content.lessons
    # The merged view: shared terms the steps use, plus the lesson's own glossary
    # (the shared definition wins where both have a term); unused shared terms stay out.
    assert lesson.glossary_terms() == {
        "synaps": "Een verbinding tussen zenuwcellen.",
        "glutamaat": "De gedeelde uitleg van glutamaat.",
    }
    assert [entry.term for entry in lesson.glossary_entries()] == ["synaps", "Glutamaat"]


def test_without_begrippen_a_lesson_shows_its_own_glossary() -> None:
    content = load_content(GOOD_ROOT)
    assert content.glossary is None
    assert content.lessons[0].glossary_terms() == {
        "glutamaat": "Een stof waarmee zenuwcellen signalen doorgeven."
    }


def test_a_broken_begrippen_file_is_named(good_copy: Path) -> None:
    (good_copy / "lessons" / "begrippen.yaml").write_text("terms:\n  - term: synaps\n")
    content = load_content(good_copy)
    assert [lesson.id for lesson in content.lessons] == ["mini-les"]
    assert [str(p) for p in content.problems] == [
        "lessons/begrippen.yaml:2: verplicht veld 'definition' ontbreekt"
    ]


def test_lessons_have_actions_and_no_provider_questions() -> None:
    assert "provider_questions" not in Lesson.model_fields
    lesson = load_content(GOOD_ROOT).lessons[0]
    assert [action.text for action in lesson.actions][0].startswith("Vraag je behandelaar")


def test_quotes_may_name_another_source(tmp_path: Path) -> None:
    from tutor.core.content.models import SourcedQuote, quote_pairs, quote_texts

    path = tmp_path / "les.yaml"
    lesson_text = GOOD_LESSON.replace(
        '      - "Ketamine werkt op het glutamaatsysteem."\n',
        '      - "Ketamine werkt op het glutamaatsysteem."\n'
        "      - {source: seeds/ander.txt, text: Twee tot zes weken.}\n",
        1,
    )
    path.write_text(lesson_text)
    lesson = load_model(path, Lesson)
    quotes = lesson.steps[0].quotes
    assert quotes[1] == SourcedQuote(source="seeds/ander.txt", text="Twee tot zes weken.")
    assert lesson.quote_pairs(quotes) == [
        ("seeds/mini.txt", "Ketamine werkt op het glutamaatsysteem."),
        ("seeds/ander.txt", "Twee tot zes weken."),
    ]
    assert quote_pairs(quotes, "x.txt")[0] == ("x.txt", "Ketamine werkt op het glutamaatsysteem.")
    assert quote_texts(quotes) == ("Ketamine werkt op het glutamaatsysteem.", "Twee tot zes weken.")


def test_a_bad_sourced_quote_gets_a_plain_dutch_message(tmp_path: Path) -> None:
    path = tmp_path / "les.yaml"
    path.write_text(
        GOOD_LESSON.replace(
            '      - "Ketamine werkt op het glutamaatsysteem."\n',
            "      - {source: seeds/ander.txt}\n",
            1,
        )
    )
    try:
        load_model(path, Lesson)
    except ContentError as error:
        messages = [p.message for p in error.problems]
        assert messages == ["verplicht veld 'text' ontbreekt"], messages
    else:
        raise AssertionError("expected a ContentError")


EXPLAIN = """  - id: leg-uit
    type: explain
    prompt: Leg in je eigen woorden uit waarom ketamine anders is.
    model_answer: Ketamine werkt op glutamaat. Het effect kan snel komen.
    key_points:
{points}
    quotes: ["Ketamine werkt op het glutamaatsysteem."]
"""
POINT = '      - {text: Punt, quotes: ["Ketamine werkt op het glutamaatsysteem."]}'


def _quiz_with_explain(tmp_path: Path, points: int) -> Quiz:
    path = tmp_path / "quiz.yaml"
    path.write_text(GOOD_QUIZ + EXPLAIN.format(points="\n".join([POINT] * points)))
    return load_model(path, Quiz)


def test_explain_questions_load_with_two_to_four_key_points(tmp_path: Path) -> None:
    from tutor.core.content.models import QUESTION_TYPES, ExplainQuestion

    assert "explain" in QUESTION_TYPES
    question = _quiz_with_explain(tmp_path, 2).questions[-1]
    assert isinstance(question, ExplainQuestion)
    assert [point.text for point in question.key_points] == ["Punt", "Punt"]
    for count, message in [
        (1, "'key_points' heeft minstens 2 item(s) nodig"),
        (5, "'key_points' mag hoogstens 4 items hebben"),
    ]:
        try:
            _quiz_with_explain(tmp_path, count)
        except ContentError as error:
            assert message in [p.message for p in error.problems]
        else:
            raise AssertionError(f"{count} key points should not load")
