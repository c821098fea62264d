"""Layer 1: the linter names every kind of bad input with file and line, in Dutch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import BAD, GOOD_ROOT, PROJECT
from tutor.cli import main
from tutor.core.content.lint import fold, lint

LESSON = "lessons/mini-les.yaml"
QUIZ = "quizzes/mini-les.yaml"

# fixture file, where it goes, expected "file:line: message" start
CASES = [
    ("syntax.yaml", LESSON, f"{LESSON}:6: ongeldige YAML: verwachtte ',' of ']'"),
    (
        "python_tag.yaml",
        LESSON,
        f"{LESSON}:3: tag '!!python/object/apply:os.system' is niet toegestaan",
    ),
    ("missing_field.yaml", LESSON, f"{LESSON}:6: verplicht veld 'text' ontbreekt"),
    ("wrong_type.yaml", LESSON, f"{LESSON}:5: 'order' moet een geheel getal zijn"),
    ("wrong_type.yaml", LESSON, f"{LESSON}:11: 'quotes' moet een lijst zijn"),
    ("duplicate_ids.yaml", LESSON, f"{LESSON}:11: dubbele stap-id 'eerste'"),
    ("undefined_term.yaml", LESSON, f"{LESSON}:10: begrip 'synaps' staat niet in de woordenlijst"),
    (
        "bad_quote.yaml",
        LESSON,
        f'{LESSON}:13: citaat staat niet letterlijk in de bron: "Ketamine geneest depressie altijd."',
    ),
    ("quiz_unknown_type.yaml", QUIZ, f"{QUIZ}:3: onbekend vraagtype 'open_vraag'"),
    (
        "quiz_single_two_correct.yaml",
        QUIZ,
        f"{QUIZ}:6: een 'single'-vraag heeft precies één goede optie nodig, niet 2",
    ),
    ("quiz_no_feedback.yaml", QUIZ, f"{QUIZ}:8: verplicht veld 'feedback' ontbreekt"),
    (
        "quiz_unknown_lesson.yaml",
        "quizzes/bestaat-niet.yaml",
        "quizzes/bestaat-niet.yaml:1: quiz hoort bij les 'bestaat-niet', maar die les bestaat niet",
    ),
]


def _lint_with(good_copy: Path, fixture: str, target: str) -> list[str]:
    shutil.copy(BAD / fixture, good_copy / target)
    return [str(problem) for problem in lint(good_copy, readability=False)]


def test_good_fixture_content_is_clean() -> None:
    assert lint(GOOD_ROOT) == []


@pytest.mark.parametrize(("fixture", "target", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported_with_file_and_line(
    good_copy: Path, fixture: str, target: str, expected: str
) -> None:
    problems = _lint_with(good_copy, fixture, target)
    assert any(line.startswith(expected) for line in problems), problems


def test_a_lesson_without_a_quiz_is_reported(good_copy: Path) -> None:
    (good_copy / QUIZ).unlink()
    problems = [str(p) for p in lint(good_copy, readability=False)]
    assert f"{LESSON}:1: les 'mini-les' heeft geen quiz in quizzes/" in problems


def test_python_tag_runs_nothing(good_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "pwned"
    text = (BAD / "python_tag.yaml").read_text().replace("/tmp/tutor-pwned", str(target))
    (good_copy / LESSON).write_text(text)
    lint(good_copy, readability=False)
    assert not target.exists()


def test_every_problem_is_reported_at_once(good_copy: Path) -> None:
    shutil.copy(BAD / "undefined_term.yaml", good_copy / LESSON)
    shutil.copy(BAD / "quiz_single_two_correct.yaml", good_copy / QUIZ)
    (good_copy / "lessons" / "kapot.yaml").write_text("id: [\n")
    problems = [str(p) for p in lint(good_copy, readability=False)]
    assert any(p.startswith(f"{LESSON}:10: begrip 'synaps'") for p in problems)
    assert any(p.startswith(f"{QUIZ}:6: een 'single'-vraag") for p in problems)
    assert any(p.startswith("lessons/kapot.yaml:") for p in problems)


def test_quotes_fold_only_whitespace_and_typographic_quotes() -> None:
    assert fold("„Het   werkt”\n niet") == fold('"Het werkt" niet')
    assert fold("‘zo’") == fold("'zo'")
    assert fold("Het werkt") != fold("het werkt")  # case is not folded


def test_readability_names_the_hard_step_with_its_score(good_copy: Path) -> None:
    lesson = good_copy / LESSON
    hard = (
        "Neuroplasticiteit vertegenwoordigt de fundamentele eigenschap van neuronale netwerken "
        "om synaptische verbindingen dynamisch te reorganiseren."
    )
    lesson.write_text(
        lesson.read_text().replace(
            "Ketamine werkt op glutamaat. Dat is een stof in je hersenen.", hard
        )
    )
    problems = [str(p) for p in lint(good_copy)]
    assert any(
        "stap 'eerste' is te moeilijk: Flesch-Douma" in p and p.startswith(f"{LESSON}:")
        for p in problems
    ), problems


def test_shipped_content_passes_lint() -> None:
    problems = lint(PROJECT)
    assert problems == [], "\n".join(str(p) for p in problems)


def test_cli_lint_exit_codes_and_output(
    good_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", "--content", str(good_copy)]) == 0
    assert "in orde" in capsys.readouterr().out
    shutil.copy(BAD / "quiz_no_feedback.yaml", good_copy / QUIZ)
    assert main(["--content", str(good_copy), "lint"]) == 1
    out = capsys.readouterr().out
    assert f"{QUIZ}:8: verplicht veld 'feedback' ontbreekt" in out
    assert "Traceback" not in out


def test_cli_missing_content_dir_is_a_dutch_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["lint", "--content", "/bestaat/niet"])
    assert exit_info.value.code == 2
    assert "map '/bestaat/niet' bestaat niet" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("sentence", "passive"),
    [
        ("Ketamine wordt toegediend.", True),
        ("De middelen worden voorgeschreven.", True),
        ("Dit werd gevonden bij ratten.", True),
        ("Het DMN wordt verstoord.", True),
        ("Je wordt weer gezond.", False),
        ("Verbindingen kunnen sterker worden.", False),
        ("Artsen geven ketamine via een infuus.", False),
    ],
)
def test_passive_voice_heuristic(sentence: str, passive: bool) -> None:
    from tutor.core.content.readability import is_passive

    assert is_passive(sentence) is passive


def test_wrapped_lines_stay_one_sentence_but_list_items_do_not() -> None:
    from tutor.core.content.readability import plain_text, sentences

    text = "Dit is een zin die\nover twee regels loopt.\n\n- punt een\n- punt twee\n"
    assert sentences(plain_text(text)) == [
        "Dit is een zin die over twee regels loopt.",
        "punt een.",
        "punt twee.",
    ]


def test_abbreviations_count_one_syllable_per_letter() -> None:
    from tutor.core.content.readability import flesch_douma

    # "BDNF" said aloud is four syllables; the score must be lower than for a one-syllable word.
    assert flesch_douma("Het BDNF helpt.") < flesch_douma("Het eiwit helpt.")


def test_shipped_quizzes_use_every_question_type_and_enough_of_each() -> None:
    from tutor.core.content.loader import load_content

    content = load_content(PROJECT)
    assert len(content.lessons) == 5
    types_used = set()
    for lesson in content.lessons:
        quiz = content.quizzes[lesson.id]
        kinds = {question.type for question in quiz.questions}
        assert len(quiz.questions) >= 8 and len(kinds) >= 4, lesson.id
        types_used |= kinds
        assert len(lesson.unknowns) >= 3, lesson.id
    assert types_used == {
        "single",
        "multiple",
        "true_false",
        "order",
        "match",
        "evidence",
        "explain",
    }
    cascade_quiz = content.quizzes["hoe-werkt-ketamine"]
    assert any(question.type == "order" for question in cascade_quiz.questions)


def test_cli_unexpected_error_is_a_dutch_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import tutor.core.content.lint as lint_module

    def broken(*args: object, **kwargs: object) -> None:
        raise PermissionError("geen toegang tot lessons/")

    monkeypatch.setattr(lint_module, "lint_report", broken)
    assert main(["lint"]) == 1
    err = capsys.readouterr().err
    assert "Er ging iets mis" in err and "Traceback" not in err


# Issue 13: evidence quotes, actions, quotes from other articles, teach-back,
# the shared glossary, one vocabulary and the longest-key report.


def _problems(root: Path) -> list[str]:
    return [str(problem) for problem in lint(root, readability=False)]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def _line(path: Path, needle: str) -> int:
    """The 1-based line of the first line that contains `needle`."""
    lines = path.read_text().splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def test_a_badge_without_evidence_quote_is_an_error(good_copy: Path) -> None:
    lesson = good_copy / LESSON
    _edit(lesson, '    evidence_quote: "Ketamine werkt op het glutamaatsysteem."\n', "")
    line = _line(lesson, "evidence: human-early")
    assert (
        f"{LESSON}:{line}: stap 'eerste' heeft een bewijsniveau (evidence) maar geen "
        "evidence_quote: noem het citaat van de stap dat het niveau onderbouwt"
    ) in _problems(good_copy)


def test_evidence_quote_must_be_one_of_the_steps_quotes(good_copy: Path) -> None:
    lesson = good_copy / LESSON
    # A quote that is in the source, but not one of this step's quotes.
    _edit(
        lesson,
        'evidence_quote: "Ketamine werkt op het glutamaatsysteem."',
        'evidence_quote: "Bij ratten zag men meer verbindingen."',
    )
    line = _line(lesson, "Bij ratten zag men meer verbindingen.")
    assert any(
        p.startswith(f"{LESSON}:{line}: de evidence_quote van stap 'eerste' is niet een van")
        for p in _problems(good_copy)
    )


def test_evidence_quote_matches_after_folding_quotes_and_whitespace(good_copy: Path) -> None:
    lesson = good_copy / LESSON
    _edit(
        lesson,
        'evidence_quote: "Ketamine werkt op het glutamaatsysteem."',
        'evidence_quote: "Ketamine  werkt op het\\n glutamaatsysteem."',
    )
    assert _problems(good_copy) == []


def test_evidence_quote_without_a_badge_is_an_error(good_copy: Path) -> None:
    lesson = good_copy / LESSON
    _edit(lesson, "    evidence: human-early\n", "")
    line = _line(lesson, "evidence_quote:")
    assert (
        f"{LESSON}:{line}: stap 'eerste' heeft een evidence_quote maar geen bewijsniveau (evidence)"
    ) in _problems(good_copy)


def test_actions_are_checked_for_number_and_quotes(good_copy: Path) -> None:
    lesson = good_copy / LESSON
    _edit(
        lesson,
        'quotes: ["Of dat bij mensen ook zo is, weten we nog niet."]\n  - text: Let op',
        'quotes: ["Dit staat nergens."]\n  - text: Let op',
    )
    line = _line(lesson, "Dit staat nergens.")
    problems = _problems(good_copy)
    assert f'{LESSON}:{line}: citaat staat niet letterlijk in de bron: "Dit staat nergens."' in (
        problems
    )
    text = lesson.read_text()
    lesson.write_text(text[: text.index("actions:")])
    assert any(
        p.startswith(f"{LESSON}:1: 'Wat kun je hiermee?' (actions) heeft 0 punten (3 tot 5)")
        for p in _problems(good_copy)
    )


def test_provider_questions_are_gone_with_a_hint_to_use_actions(good_copy: Path) -> None:
    lesson = good_copy / LESSON
    lesson.write_text(
        lesson.read_text()
        + 'provider_questions:\n  - question: Past dit bij mij?\n    quotes: ["x"]\n'
    )
    line = _line(lesson, "provider_questions:")
    assert any(
        p.startswith(
            f"{LESSON}:{line}: onbekend veld 'provider_questions': zet deze vragen onder 'actions'"
        )
        for p in _problems(good_copy)
    )


OTHER_SEED = "Een ander artikel\n\nDe bronnen noemen twee tot zes weken.\n"


def _quote_other_article(good_copy: Path, source: str, text: str) -> Path:
    (good_copy / "seeds" / "ander.txt").write_text(OTHER_SEED)
    lesson = good_copy / LESSON
    _edit(
        lesson,
        '      - "Het effect kan binnen uren merkbaar zijn, niet na weken."\n',
        '      - "Het effect kan binnen uren merkbaar zijn, niet na weken."\n'
        f'      - {{source: {source}, text: "{text}"}}\n',
    )
    return lesson


def test_a_quote_from_another_article_is_checked_against_that_article(good_copy: Path) -> None:
    _quote_other_article(good_copy, "seeds/ander.txt", "De bronnen noemen twee tot zes weken.")
    assert _problems(good_copy) == []
    lesson = _quote_other_article(
        good_copy, "seeds/ander.txt", "Ketamine werkt op het glutamaatsysteem."
    )
    line = _line(lesson, 'source: seeds/ander.txt, text: "Ketamine')
    assert (
        f"{LESSON}:{line}: citaat staat niet letterlijk in de bron (seeds/ander.txt): "
        '"Ketamine werkt op het glutamaatsysteem."'
    ) in _problems(good_copy)


def test_a_quote_source_must_be_a_file_in_seeds(good_copy: Path) -> None:
    (good_copy / "geheim.txt").write_text("De bronnen noemen twee tot zes weken.\n")
    lesson = _quote_other_article(
        good_copy, "seeds/../geheim.txt", "De bronnen noemen twee tot zes weken."
    )
    line = _line(lesson, "geheim.txt")
    problems = _problems(good_copy)
    assert f"{LESSON}:{line}: bron 'seeds/../geheim.txt' moet een bestand in seeds/ zijn" in (
        problems
    )


def test_a_missing_quote_source_is_reported(good_copy: Path) -> None:
    lesson = _quote_other_article(good_copy, "seeds/weg.txt", "Iets.")
    line = _line(lesson, "seeds/weg.txt")
    assert f"{LESSON}:{line}: bronartikel 'seeds/weg.txt' bestaat niet" in (_problems(good_copy))


EXPLAIN = """  - id: leg-uit
    type: explain
    prompt: "Leg in je eigen woorden uit: waarom is ketamine anders?"
    model_answer: Ketamine werkt op glutamaat. Het effect kan binnen uren komen.
    key_points:
      - {text: Het werkt op glutamaat., quotes: ["Ketamine werkt op het glutamaatsysteem."]}
      - {text: Het kan snel werken., quotes: ["KEY_QUOTE"]}
    quotes: ["Ketamine werkt op het glutamaatsysteem."]
"""


def _add_explain(good_copy: Path, key_quote: str) -> Path:
    quiz = good_copy / QUIZ
    original = (GOOD_ROOT / QUIZ).read_text()
    quiz.write_text(original + EXPLAIN.replace("KEY_QUOTE", key_quote))
    return quiz


def test_explain_questions_load_and_their_key_points_are_quoted_verbatim(
    good_copy: Path,
) -> None:
    _add_explain(good_copy, "Het effect kan binnen uren merkbaar zijn, niet na weken.")
    assert _problems(good_copy) == []
    quiz = _add_explain(good_copy, "Het werkt altijd meteen.")
    line = _line(quiz, "Het werkt altijd meteen.")
    assert (
        f'{QUIZ}:{line}: citaat staat niet letterlijk in de bron: "Het werkt altijd meteen."'
        in (_problems(good_copy))
    )


def test_a_term_used_but_defined_nowhere_is_an_error(good_copy: Path) -> None:
    lesson = good_copy / LESSON
    _edit(lesson, "terms: [glutamaat]", "terms: [glutamaat, synaps]")
    line = _line(lesson, "terms: [glutamaat, synaps]")
    assert (
        f"{LESSON}:{line}: begrip 'synaps' staat niet in de woordenlijst "
        "(lessons/begrippen.yaml of de glossary van de les)"
    ) in _problems(good_copy)
    (good_copy / "lessons" / "begrippen.yaml").write_text(
        "terms:\n  - term: synaps\n    definition: Een verbinding tussen zenuwcellen.\n"
    )
    assert _problems(good_copy) == []


def test_a_term_defined_twice_in_begrippen_is_an_error_with_both_lines(good_copy: Path) -> None:
    (good_copy / "lessons" / "begrippen.yaml").write_text(
        "terms:\n"
        "  - term: synaps\n"
        "    definition: Een verbinding tussen zenuwcellen.\n"
        "  - term: Synaps\n"
        "    definition: Een plek waar zenuwcellen elkaar raken.\n"
    )
    assert (
        "lessons/begrippen.yaml:4: begrip 'Synaps' staat twee keer in de begrippenlijst "
        "(ook op regel 2); definieer het maar één keer"
    ) in _problems(good_copy)


def test_a_term_in_begrippen_and_in_a_lesson_glossary_is_an_error(good_copy: Path) -> None:
    (good_copy / "lessons" / "begrippen.yaml").write_text(
        "terms:\n  - term: Glutamaat\n    definition: Een signaalstof in je hersenen.\n"
    )
    line = _line(good_copy / LESSON, "- term: glutamaat")
    assert (
        f"{LESSON}:{line}: begrip 'glutamaat' staat ook in lessons/begrippen.yaml:2; "
        "definieer het maar één keer"
    ) in _problems(good_copy)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Dat is een stof in je brein.", "gebruik 'hersenen' in plaats van 'brein'"),
        ("Het Brein past zich aan.", "gebruik 'hersenen' in plaats van 'Brein'"),
        ("Ketamine raakt een neuron.", "gebruik 'zenuwcel' in plaats van 'neuron'"),
        ("Ketamine raakt neuronen.", "gebruik 'zenuwcellen' in plaats van 'neuronen'"),
        ("Ketamine raakt een hersencel.", "gebruik 'zenuwcel' in plaats van 'hersencel'"),
        ("Het gaat om hersencellen.", "gebruik 'zenuwcellen' in plaats van 'hersencellen'"),
        ("Het sluit een poortje.", "gebruik 'slot' in plaats van 'poortje'"),
        ("Bij recreatief gebruik.", "gebruik 'als drug' in plaats van 'recreatief'"),
        ("Bij recreatieve doses.", "gebruik 'als drug' in plaats van 'recreatieve'"),
        (
            "Anders dan klassieke\n      antidepressiva.",
            "gebruik 'gewone antidepressiva' in plaats van 'klassieke antidepressiva'",
        ),
    ],
)
def test_banned_synonyms_are_errors_in_lesson_text(
    good_copy: Path, written: str, expected: str
) -> None:
    lesson = good_copy / LESSON
    _edit(lesson, "Dat is een stof in je hersenen.", written)
    line = _line(lesson, "text: |")  # the first step's text block
    assert f"{LESSON}:{line}: {expected}" in _problems(good_copy)


def test_banned_synonyms_are_whole_words_and_not_checked_in_quotes(good_copy: Path) -> None:
    lesson = good_copy / LESSON
    _edit(lesson, "Dat is een stof in je hersenen.", "Dat is een breinbreker.")
    (good_copy / "seeds" / "mini.txt").write_text(
        (good_copy / "seeds" / "mini.txt").read_text() + "Het brein past zich aan.\n"
    )
    _edit(
        lesson,
        '      - "Ketamine werkt op het glutamaatsysteem."\n',
        '      - "Ketamine werkt op het glutamaatsysteem."\n      - "Het brein past zich aan."\n',
    )
    assert _problems(good_copy) == []


def test_banned_synonyms_in_quizzes_and_begrippen(good_copy: Path) -> None:
    _edit(good_copy / QUIZ, "prompt: Waarop werkt ketamine?", "prompt: Waarop werkt het brein?")
    (good_copy / "lessons" / "begrippen.yaml").write_text(
        "terms:\n  - term: synaps\n    definition: Een verbinding tussen neuronen.\n"
    )
    problems = _problems(good_copy)
    line = _line(good_copy / QUIZ, "Waarop werkt het brein?")
    assert f"{QUIZ}:{line}: gebruik 'hersenen' in plaats van 'brein'" in problems
    assert "lessons/begrippen.yaml:3: gebruik 'zenuwcellen' in plaats van 'neuronen'" in problems


def test_volgens_het_artikel_is_a_warning_not_an_error(
    good_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(good_copy / QUIZ, "feedback: Klopt.}", "feedback: Volgens het artikel klopt dit.}")
    line = _line(good_copy / QUIZ, "Volgens het artikel")
    warning = (
        f"{QUIZ}:{line}: waarschuwing: de lezer ziet het artikel niet: "
        "schrijf niet 'volgens het artikel'"
    )
    assert warning in _problems(good_copy)
    assert main(["lint", "--content", str(good_copy)]) == 0
    out = capsys.readouterr().out
    assert warning in out and "Geen fouten, wel 1 waarschuwing(en)." in out


def test_longest_key_is_reported_per_quiz_and_fails_above_30_percent(
    good_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", "--content", str(good_copy)]) == 0
    out = capsys.readouterr().out
    assert (
        f"{QUIZ}: het goede antwoord is de langste optie bij 0 van 2 'single'-vragen (0 %)"
    ) in out
    # Make the key of `waarop` strictly the longest: now 1 of 2 (50 %).
    _edit(
        good_copy / QUIZ,
        "{text: Op glutamaat, correct: true",
        "{text: Op het glutamaatsysteem, correct: true",
    )
    assert main(["lint", "--content", str(good_copy)]) == 1
    out = capsys.readouterr().out
    assert (
        f"{QUIZ}: het goede antwoord is de langste optie bij 1 van 2 'single'-vragen (50 %): waarop"
    ) in out
    assert (
        "quizzes: over alle quizzen is het goede antwoord de langste optie bij 1 van 2 "
        "'single'-vragen (50 %; hoogstens 30 %)"
    ) in out


def test_a_key_as_long_as_another_option_is_not_strictly_the_longest(good_copy: Path) -> None:
    from tutor.core.content.lint import longest_key_report
    from tutor.core.content.loader import load_content

    # "Op glutamaat" (12) against "Op serotonin" (12): equal, so not strictly the longest.
    _edit(good_copy / QUIZ, "{text: Op serotonine,", "{text: Op serotonin,")
    notes, problems = longest_key_report(load_content(good_copy))
    assert problems == []
    assert notes == [
        f"{QUIZ}: het goede antwoord is de langste optie bij 0 van 2 'single'-vragen (0 %)"
    ]
