"""`tutor export handout|gift|questions` on the command line: files, messages, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GOOD_ROOT, PROJECT
from tutor.cli import main
from tutor.core.content.loader import load_content
from tutor.core.text import common as strings


def test_handout_is_written_in_the_format_of_the_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html = tmp_path / "hand-out.html"
    assert main(["export", "handout", "hoe-werkt-ketamine", "--output", str(html)]) == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert f"Hand-out opgeslagen in {html}." in capsys.readouterr().out
    markdown = tmp_path / "hand-out.md"
    assert main(["export", "handout", "hoe-werkt-ketamine", "-o", str(markdown)]) == 0
    assert markdown.read_text(encoding="utf-8").startswith("# Hoe werkt ketamine?\n")
    forced = tmp_path / "hand-out.txt"
    args = ["export", "handout", "neuroplasticiteit", "--format", "html", "-o", str(forced)]
    assert main(args) == 0
    assert "@page" in forced.read_text(encoding="utf-8")


def test_unknown_lesson_is_a_dutch_message_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "x.md"
    assert main(["export", "handout", "bestaat-niet", "--output", str(output)]) == 2
    err = capsys.readouterr().err
    assert "Onbekende les 'bestaat-niet'" in err
    assert "hoe-werkt-ketamine" in err
    assert not output.exists()


def test_a_lesson_that_does_not_load_is_named(
    good_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lesson = good_copy / "lessons" / "mini-les.yaml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("title:", "titel:", 1))
    args = ["export", "handout", "mini-les", "--content", str(good_copy), "-o", str(tmp_path / "x")]
    assert main(args) == 1
    assert "kan de les 'mini-les' niet laden" in capsys.readouterr().err


@pytest.mark.parametrize("where", ["map-bestaat-niet/uit.md", "een-bestand/uit.md", "."])
def test_unwritable_output_is_a_dutch_message_and_exit_1(
    where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "een-bestand").write_text("geen map")
    output = tmp_path / where
    assert main(["export", "gift", "--output", str(output)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Kan het bestand '{output}' niet opslaan:")
    assert "Traceback" not in err


def test_content_option_works_with_the_fixture(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    handout = tmp_path / "mini.md"
    args = ["export", "handout", "mini-les", "--content", str(GOOD_ROOT), "-o", str(handout)]
    assert main(args) == 0
    document = handout.read_text(encoding="utf-8")
    assert "# Een kleine les" in document and "Een klein testartikel" in document
    gift = tmp_path / "mini.gift"
    assert main(["--content", str(GOOD_ROOT), "export", "gift", "-o", str(gift)]) == 0
    exported = gift.read_text(encoding="utf-8")
    assert "$CATEGORY: Een kleine les" in exported and "::waarop::" in exported
    assert "8 vragen uit 1 quizzen" in capsys.readouterr().out
    # Without --content the shipped lessons are used, so mini-les is unknown there.
    assert main(["export", "handout", "mini-les", "-o", str(handout)]) == 2


def test_gift_export_holds_every_shipped_question(tmp_path: Path) -> None:
    output = tmp_path / "quizzen.gift"
    assert main(["export", "gift", "--output", str(output)]) == 0
    exported = output.read_text(encoding="utf-8")
    for quiz in load_content().quizzes.values():
        for question in quiz.questions:
            assert f"::{question.id}::" in exported


def test_output_dash_prints_to_the_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["export", "handout", "mini-les", "--content", str(GOOD_ROOT), "--output", "-"]
    assert main(args) == 0
    assert capsys.readouterr().out.startswith("# Een kleine les\n")


def test_a_kind_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export"])
    assert exit_info.value.code == 2
    assert "deze argumenten zijn verplicht" in capsys.readouterr().err


def test_saved_questions_are_exported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tutor.store.progress import open_progress

    content = load_content()
    how = content.lesson("hoe-werkt-ketamine")
    kap = content.lesson("ketamine-en-psychotherapie")
    store = open_progress()
    store.save_question(how.id, "unknown", how.unknowns[0].question)
    store.save_question(kap.id, "provider", kap.actions[0].text)
    store.close()
    output = tmp_path / "vragen.md"
    assert main(["export", "questions", "--output", str(output)]) == 0
    assert "2 bewaarde vragen opgeslagen" in capsys.readouterr().out
    document = output.read_text(encoding="utf-8")
    assert document.startswith("# Vragen voor mijn behandelaar\n")
    assert how.unknowns[0].question in document
    assert " ".join(how.unknowns[0].explanation.split()) in document
    assert kap.actions[0].text in document
    assert strings.HELP_LINE in document and strings.CAUTION in document


def test_no_saved_questions_still_writes_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "vragen.md"
    assert main(["export", "questions", "-o", str(output)]) == 0
    assert "nog geen vragen bewaard" in capsys.readouterr().err
    assert "Je hebt nog geen vragen bewaard" in output.read_text(encoding="utf-8")


def test_unusable_data_folder_is_a_dutch_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "geen-map"
    blocker.write_text("een bestand waar een map moet staan")
    monkeypatch.setenv("TUTOR_DATA_DIR", str(blocker / "data"))
    output = tmp_path / "vragen.md"
    assert main(["export", "questions", "-o", str(output)]) == 1
    assert "Je bewaarde vragen zijn niet te lezen" in capsys.readouterr().err
    assert not output.exists()


def test_export_modules_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "import tutor.export.handout, tutor.export.gift, tutor.export.questions\n"
        "import tutor.export.commands, tutor.export.article, tutor.export.markup\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"Textual imported by export code: {result.stdout}"
