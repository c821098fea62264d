"""Hostile content (issue 16, section 1): a Dutch message in under a second, never a hang.

Hostile files are generated into `tmp_path`; none is committed. Cases that
used to crash the process (deep nesting segfaulted libyaml's composer) or eat
gigabytes (the alias bomb) run in a child process with a memory limit and a
timeout, so a regression fails the test instead of taking the test run down.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import GOOD_ROOT, PROJECT
from tutor.core.content.cards import read_cards
from tutor.core.content.errors import ContentError, Problem
from tutor.core.content.lint import lint
from tutor.core.content.loader import load_content, validate
from tutor.core.content.models import Lesson, Quiz
from tutor.core.content.yamlfile import parse_yaml

# Only modules that existed before these fixes are imported at the top, so that on
# the old code each test fails on its own instead of the whole file failing to import.

LESSON = "lessons/mini-les.yaml"
GOOD_LESSON = (GOOD_ROOT / "lessons" / "mini-les.yaml").read_text(encoding="utf-8")
GOOD_QUIZ = (GOOD_ROOT / "quizzes" / "mini-les.yaml").read_text(encoding="utf-8")
MEMORY_LIMIT = 1 << 30  # address space of a child process: far above a refused file's needs
_ENGLISH = re.compile(
    r"\b(the|error|invalid|exceeds|range|could not|found|expected|limit|digits|month|while)\b",
    re.I,
)


def english(message: str) -> bool:
    """Whether a message has English words outside the parts it quotes from the file."""
    return bool(_ENGLISH.search(re.sub(r"'[^']*'|\"[^\"]*\"", "", message)))


# --- generators of hostile YAML -------------------------------------------------


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """'Billion laughs': `width` aliases per level, `levels` deep (~300 bytes, 9**9 values)."""
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * width) + "]"]
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def merge_bomb(levels: int = 9, width: int = 9) -> str:
    """The same explosion through `<<:` merge keys: each level merges a mapping of the last."""
    keys = ", ".join(f"k{j}: lol" for j in range(width))
    lines = [f"m0: &m0 {{{keys}}}"]
    for level in range(1, levels):
        refs = ", ".join(f"k{j}: *m{level - 1}" for j in range(width))
        lines.append(f"s{level}: &s{level} {{{refs}}}")
        lines.append(f"m{level}: &m{level} {{<<: [*s{level}, *m{level - 1}]}}")
    return "\n".join(lines) + "\n"


def deep_flow(levels: int) -> str:
    return "x: " + "[" * levels + "]" * levels + "\n"


def deep_block(levels: int) -> str:
    return "".join(" " * level + "a:\n" for level in range(levels)) + " " * levels + "b\n"


def deep_dashes(levels: int) -> str:
    return "- " * levels + "x\n"


def _root_with(tmp_path: Path, lesson_text: str, name: str = "mini-les.yaml") -> Path:
    root = tmp_path / "content"
    if not root.exists():
        shutil.copytree(GOOD_ROOT, root)
    (root / "lessons" / name).write_text(lesson_text, encoding="utf-8")
    return root


def _lesson_with(old: str, new: str) -> str:
    assert old in GOOD_LESSON
    return GOOD_LESSON.replace(old, new, 1)


def _limited() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _tutor(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run `python -m tutor` from this source tree with a memory limit."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "TUTOR_DEBUG": ""}
    return subprocess.run(
        [sys.executable, "-m", "tutor", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limited,
    )


def _problems(text: str, model: type = Lesson) -> list[Problem]:
    try:
        data, lines = parse_yaml(text, "x.yaml")
        validate(data, lines, model, "x.yaml")
    except ContentError as error:
        return error.problems
    return []


# --- alias bombs -----------------------------------------------------------------


@pytest.mark.parametrize("make", [alias_bomb, merge_bomb], ids=["aliases", "merge-keys"])
def test_alias_bomb_is_refused_fast_and_small(make) -> None:  # type: ignore[no-untyped-def]
    text = "id: bom\n" + make()
    assert len(text) < 1500
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "lessons/bom.yaml")
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    (problem,) = caught.value.problems
    assert problem.path == "lessons/bom.yaml" and problem.line > 1
    assert problem.message.startswith("te veel verwijzingen")
    assert elapsed < 1.0 and peak < 100_000_000


@pytest.mark.parametrize("make", [alias_bomb, merge_bomb], ids=["aliases", "merge-keys"])
def test_alias_bomb_in_a_lesson_file_stops_lint_and_export(make, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = _root_with(tmp_path, GOOD_LESSON + make())
    start = time.perf_counter()
    result = _tutor("lint", "--content", str(root), "--geen-leesbaarheid")
    assert time.perf_counter() - start < 20  # the whole process, start-up included
    assert result.returncode == 1, result.stderr
    assert re.search(rf"^{LESSON}:\d+: te veel verwijzingen", result.stdout, re.M), result.stdout
    exported = _tutor("export", "handout", "mini-les", "--content", str(root), "-o", "-")
    assert exported.returncode == 1 and "'mini-les'" in exported.stderr, exported.stderr


def test_aliases_within_the_limit_still_work() -> None:
    text = "base: &b {x: 1, y: [a, b]}\none: *b\ntwo: {<<: *b, y: [c]}\nl: {<<: [{x: 5}, *b]}\n"
    data, lines = parse_yaml(text, "x.yaml")
    assert data["one"] == {"x": 1, "y": ["a", "b"]}
    assert data["two"] == {"x": 1, "y": ["c"]} and data["l"] == {"x": 5, "y": ["a", "b"]}
    assert lines[("one", "y", 1)] == 1 and lines[("two", "y")] == 3


def test_a_plain_file_with_too_many_values_is_refused_with_a_line() -> None:
    text = "x: [" + ", ".join(["1"] * 60_000) + "]\n"  # more than yamlfile.MAX_NODES
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "x.yaml")
    assert "te veel waarden" in caught.value.problems[0].message


@pytest.mark.parametrize(
    "text",
    ["a: &a [*a]\n", "a: &a {b: *a}\n", "a: *nergens\n", "a: &x 1\nb: &x 2\n"],
    ids=["self-list", "self-map", "undefined", "duplicate-anchor"],
)
def test_odd_aliases_are_dutch_problems_with_a_line(text: str) -> None:
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "x.yaml")
    (problem,) = caught.value.problems
    assert problem.line >= 1 and not english(problem.message), problem


# --- deep nesting ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [deep_flow(30_000), deep_flow(1_000_000), deep_block(5_000), deep_dashes(30_000)],
    ids=["flow-30k", "flow-1M", "block-5k", "dashes-30k"],
)
def test_deep_nesting_is_refused_before_anything_is_built(text: str) -> None:
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "lessons/diep.yaml")
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    (problem,) = caught.value.problems
    assert problem.line >= 1 and "te diep genest" in problem.message
    assert elapsed < 1.0 and peak < 100_000_000


def test_deep_nesting_does_not_crash_lint_export_or_the_home_screen(tmp_path: Path) -> None:
    """30,000 levels (60 KB) segfaulted libyaml's composer: exit 139 before any Python guard."""
    root = _root_with(tmp_path, deep_flow(30_000), "diep.yaml")
    result = _tutor("lint", "--content", str(root), "--geen-leesbaarheid")
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "lessons/diep.yaml:1: de YAML is te diep genest" in result.stdout
    exported = _tutor("export", "handout", "diep", "--content", str(root), "-o", "-")
    assert exported.returncode == 1, (exported.returncode, exported.stderr)
    # The app's home screen reads the cards first: in a child process, in case it crashes.
    code = f"from tutor.core.content.cards import read_cards; print(len(read_cards(__import__('pathlib').Path({str(root)!r}))))"
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    cards = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert cards.returncode == 0 and cards.stdout.strip() == "1", cards


def test_moderate_nesting_is_still_allowed() -> None:
    data, _ = parse_yaml(deep_flow(90), "x.yaml")
    assert isinstance(data["x"], list)


# --- control characters ------------------------------------------------------------

CONTROL_CASES = {
    "esc-osc-title": ("title: Snel effect", r'title: "Snel\e]0;gehackt\a\e[2J effect"'),
    "c1-csi": ("title: Snel effect", 'title: "Snel\\x9b2J effect"'),
    "bidi-override": ("title: Snel effect", "title: Snel \u202eeffect"),
    "bidi-isolate": ("key_point: Het effect", "key_point: \u2066Het effect"),
    "backspace-in-quote": ('"Het effect kan', '"Het\\b effect kan'),
    "carriage-return": ("title: Snel effect", 'title: "Snel\\r effect"'),
    "line-separator": ("title: Snel effect", 'title: "Snel\\L effect"'),
}


@pytest.mark.parametrize("case", CONTROL_CASES.values(), ids=CONTROL_CASES.keys())
def test_lint_rejects_control_characters_in_texts(case: tuple[str, str], tmp_path: Path) -> None:
    old, new = case
    root = _root_with(tmp_path, _lesson_with(old, new))
    problems = [p for p in lint(root, readability=False) if "stuurteken" in p.message]
    assert problems, lint(root, readability=False)
    assert all(p.path == LESSON and p.line > 1 for p in problems)
    assert load_content(root).lessons == []  # the app, export and kiosk never show it


def test_a_control_character_in_a_key_is_rejected() -> None:
    problems = _problems(GOOD_LESSON + '"\\e[2Jx": 1\n')
    assert any("sleutel bevat een onzichtbaar stuurteken U+001B" in p.message for p in problems)


def test_quiz_texts_are_checked_too() -> None:
    text = GOOD_QUIZ.replace("prompt: Waarop werkt ketamine?", 'prompt: "Waarop\\e[31m werkt?"')
    problems = _problems(text, Quiz)
    assert [p.line for p in problems if "stuurteken" in p.message] == [6]


def test_problem_messages_never_print_control_characters() -> None:
    from tutor.core.content.guard import escape_controls

    problem = Problem("lessons/\x1b]0;x\x07.yaml", 3, 'citaat: "\x1b[2J\u202e"')
    shown = str(problem)
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert shown == 'lessons/\\x1b]0;x\\x07.yaml:3: citaat: "\\x1b[2J\\u202e"'
    assert escape_controls("regel 1\n\tregel 2") == "regel 1\n\tregel 2"


def test_tutor_progress_never_prints_control_characters(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Even a lesson that slipped past validation (or a title with [markup]) prints as text."""
    import tutor.core.content.loader as loader
    from tutor.cli import main

    content = load_content(GOOD_ROOT)
    hostile = content.lessons[0].model_copy(update={"title": "\x1b]0;weg\x07\x1b[2J[bold]les[/"})
    content.lessons[0] = hostile
    monkeypatch.setattr(loader, "load_content", lambda root=None: content)
    assert main(["progress", "--content", str(GOOD_ROOT)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]0;weg\\x07\\x1b[2J[bold]les[/" in out


def test_tutor_stats_never_prints_control_characters(capsys: pytest.CaptureFixture[str]) -> None:
    """The counts database is read as it is; a damaged or crafted one prints as text."""
    import datetime

    from tutor.cli import main
    from tutor.store.kiosk_stats import KioskStats

    stats = KioskStats.open()
    day = datetime.date(2025, 3, 4)
    stats.record(
        day=day, lesson="\x1b]0;x\x07[bold]les", question="\x1b[2Jv", correct=True, parts=[]
    )
    stats.close()
    assert main(["stats", "--content", str(GOOD_ROOT)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2Jv" in out


def test_exports_never_write_control_characters(tmp_path: Path) -> None:
    from tutor.export.commands import _write

    output = tmp_path / "uit.md"
    assert _write(output, "# Titel\x1b[2J\u202e\nregel\ttab\n", "klaar") == 0
    assert output.read_text(encoding="utf-8") == "# Titel\\x1b[2J\\u202e\nregel\ttab\n"


# --- source: ------------------------------------------------------------------------


def _with_source(tmp_path: Path, source: str) -> Path:
    return _root_with(tmp_path, _lesson_with("source: seeds/mini.txt", f"source: {source}"))


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("/dev/zero", "moet een bestand in seeds/"),
        ("/etc/passwd", "moet een bestand in seeds/"),
        ("../../../../../../etc/passwd", "moet een bestand in seeds/"),
        ("lessons/mini-les.yaml", "moet een bestand in seeds/"),
        ("seeds/../lessons/mini-les.yaml", "moet een bestand in seeds/"),
        ("seeds", "moet een bestand in seeds/"),
        ("seeds/bestaat-niet.txt", "bestaat niet"),
    ],
)
def test_source_must_be_a_file_inside_seeds(source: str, reason: str, tmp_path: Path) -> None:
    root = _with_source(tmp_path, source)
    start = time.perf_counter()
    problems = [str(p) for p in lint(root, readability=False)]
    assert time.perf_counter() - start < 5
    assert f"{LESSON}:3: bronartikel '{source}' {reason}" in "\n".join(problems), problems


def test_source_symlinks_out_of_seeds_and_odd_files_are_refused(tmp_path: Path) -> None:
    root = _with_source(tmp_path, "seeds/uit.txt")
    (root / "seeds" / "uit.txt").symlink_to("/etc/passwd")
    assert "moet een bestand in seeds/" in str(lint(root, readability=False))
    (root / "seeds" / "uit.txt").unlink()
    os.mkfifo(root / "seeds" / "uit.txt")
    assert "is een pipe (FIFO)" in str(lint(root, readability=False))  # and it did not hang
    (root / "seeds" / "uit.txt").unlink()
    (root / "seeds" / "uit.txt").symlink_to("uit.txt")
    assert "kring" in str(lint(root, readability=False))
    (root / "seeds" / "uit.txt").unlink()
    (root / "seeds" / "uit.txt").write_bytes(b"x" * 1_000_001)
    assert "is te groot" in str(lint(root, readability=False))


def test_a_symlink_inside_seeds_is_fine(tmp_path: Path) -> None:
    root = _with_source(tmp_path, "seeds/ander.txt")
    (root / "seeds" / "ander.txt").symlink_to("mini.txt")
    assert lint(root, readability=False) == []


def test_content_never_reads_a_source_outside_seeds(tmp_path: Path) -> None:
    from tutor.core.content.guard import UnreadableFile

    root = _with_source(tmp_path, "/dev/zero")
    content = load_content(root)
    with pytest.raises(UnreadableFile):
        content.source_text(content.lessons[0])


def test_export_refuses_a_lesson_with_a_source_outside_seeds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tutor.cli import main

    root = _with_source(tmp_path, "/etc/passwd")
    output = tmp_path / "uit.md"
    assert main(["export", "handout", "mini-les", "--content", str(root), "-o", str(output)]) == 1
    err = capsys.readouterr().err
    assert "niet gemaakt" in err and "/etc/passwd' moet een bestand in seeds/" in err
    assert not output.exists()


# --- sizes and odd files -------------------------------------------------------------


def test_a_huge_lesson_is_refused_before_it_is_read(tmp_path: Path) -> None:
    root = _root_with(tmp_path, GOOD_LESSON + "# " + "x" * 50_000_000 + "\n", "groot.yaml")
    start = time.perf_counter()
    problems = [str(p) for p in load_content(root).problems]
    cards = read_cards(root)
    assert time.perf_counter() - start < 1.0
    assert problems == ["lessons/groot.yaml: het bestand is te groot (50 MB; hoogstens 1 MB)"]
    assert [card.id for card in cards] == ["mini-les"]


def _odd_entries(lessons: Path) -> None:
    os.mkfifo(lessons / "fifo.yaml")
    (lessons / "map.yaml").mkdir()
    (lessons / "kring.yaml").symlink_to("kring.yaml")
    (lessons / "weg.yaml").symlink_to("bestaat-niet.yaml")
    (lessons / ".#mini-les.yaml").symlink_to("iemand@host.1234")  # an Emacs lock file


def test_odd_files_named_yaml_are_skipped_with_a_warning(tmp_path: Path) -> None:
    root = _root_with(tmp_path, GOOD_LESSON)
    _odd_entries(root / "lessons")
    problems = [str(p) for p in load_content(root).problems]
    assert problems == [
        "lessons/fifo.yaml: is een pipe (FIFO), geen gewoon bestand; overgeslagen",
        "lessons/kring.yaml: is een symlink die in een kring naar zichzelf verwijst; overgeslagen",
        "lessons/map.yaml: is een map, geen bestand; overgeslagen",
        "lessons/weg.yaml: is een symlink naar een bestand dat niet bestaat; overgeslagen",
    ]


def test_a_fifo_never_hangs_the_home_screen(tmp_path: Path) -> None:
    """`read_cards` (the app's first frame) used to block for ever reading a FIFO."""
    root = _root_with(tmp_path, GOOD_LESSON)
    _odd_entries(root / "lessons")
    code = f"from tutor.core.content.cards import read_cards; print([c.id for c in read_cards(__import__('pathlib').Path({str(root)!r}))])"
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.stdout.strip() == "['mini-les']", result


FIELD_CASES = {
    "title-2M": (
        "title: Een kleine les",
        "title: " + "x" * 2_000_000,
        "'title' is te lang (hoogstens 120 tekens)",
    ),
    "step-title": ("title: Snel effect", "title: " + "x" * 121, "hoogstens 120 tekens"),
    "text": ("key_point: Het effect kan snel komen.", "key_point: " + "y" * 2001, "2000 tekens"),
    "order-negative": ("order: 1", "order: -99999999999999999999", "'order' moet minstens 0 zijn"),
    "order-huge": ("order: 1", "order: 10001", "'order' moet hoogstens 10000 zijn"),
    "quotes": (
        '      - "Ketamine werkt op het glutamaatsysteem."',
        "\n".join(['      - "Ketamine werkt op het glutamaatsysteem."'] * 21),
        "'quotes' mag hoogstens 20 items hebben",
    ),
}


@pytest.mark.parametrize("case", FIELD_CASES.values(), ids=FIELD_CASES.keys())
def test_fields_have_sane_maximums(case: tuple[str, str, str]) -> None:
    old, new, expected = case
    start = time.perf_counter()
    problems = _problems(_lesson_with(old, new))
    assert time.perf_counter() - start < 1.0
    assert any(expected in p.message and p.line > 1 for p in problems), problems


def test_diagram_hours_must_be_finite() -> None:
    text = GOOD_LESSON + (
        "diagrams:\n  timeline_marks:\n    - {hours: .inf, label: a}\n    - {hours: 2, label: b}\n"
    )
    problems = _problems(text)
    assert any("'hours' moet" in p.message for p in problems), problems


# --- duplicate keys ----------------------------------------------------------------


def test_a_second_title_is_an_error_naming_both_lines() -> None:
    problems = _problems(_lesson_with("summary:", "title: Nog een titel\nsummary:"))
    assert [str(p) for p in problems] == [
        "x.yaml:4: dubbele sleutel 'title' (staat ook op regel 2); "
        "de tweede zou de eerste zonder melding vervangen"
    ]


def test_a_doubled_correct_is_an_error_naming_both_lines() -> None:
    old = "{text: Op serotonine, feedback:"
    text = GOOD_QUIZ.replace(old, "{text: Op serotonine, correct: false, correct: true, feedback:")
    problems = _problems(text, Quiz)
    assert [p.line for p in problems] == [9]
    assert "dubbele sleutel 'correct' (staat ook op regel 9)" in problems[0].message


def test_duplicate_keys_in_block_mappings_name_both_lines() -> None:
    problems = _problems("a:\n  b: 1\n  c: 2\n  b: 3\n")
    assert [(p.line, p.message.split(";")[0]) for p in problems] == [
        (4, "dubbele sleutel 'b' (staat ook op regel 2)")
    ]


# --- always a line, always Dutch ----------------------------------------------------

LINE_CASES = {
    "nul-byte": ("summary: Een les om te testen.", "summary: Een les\x00 om te testen.", 4),
    "bad-date": ("order: 1", "order: 1\nwhen: 2024-02-31", 6),
    "5000-digits": ("order: 1", "order: " + "9" * 5000, 5),
    "bad-bool": ("order: 1", "order: !!bool misschien", 5),
    "bad-int-tag": ("order: 1", "order: !!int twaalf", 5),
    "bad-timestamp-tag": ("order: 1", "order: !!timestamp gisteren", 5),
    "merge-in-value": ("order: 1", "order: <<", 5),
    "tag-on-wrong-kind": ("order: 1", "order: !!str [1]", 5),
    "second-document": ("order: 1", "order: 1\n---\nid: x", 6),
    "bom-inside": ("order: 1", "order: 1\nx: \ufffe", 6),
    "c1-raw": ("order: 1", "order: 1\nx: a\x85\x9bb", 6),
}


@pytest.mark.parametrize("case", LINE_CASES.values(), ids=LINE_CASES.keys())
def test_every_problem_has_a_line_and_a_dutch_reason(case: tuple[str, str, int]) -> None:
    old, new, line = case
    problems = _problems(_lesson_with(old, new))
    assert problems
    for problem in problems:
        assert problem.line == line, problem
        assert not english(problem.message), problem


def test_line_breaks_only_yaml_knows_are_refused_at_the_right_line() -> None:
    """NEL, U+2028 and U+2029 end a line for YAML but not in an editor: lines would drift."""
    for char in ("\x85", "\u2028", "\u2029"):
        problems = _problems(_lesson_with("order: 1", f"order: 1\nx: a{char}b\ny: [\n"))
        assert [p.line for p in problems] == [6], (char, problems)
        assert "regeleinde" in problems[0].message


def test_a_control_character_in_the_source_article_is_reported(tmp_path: Path) -> None:
    """The article's first line becomes the handout's "Artikel: ..." line."""
    root = _root_with(tmp_path, GOOD_LESSON)
    seed = root / "seeds" / "mini.txt"
    seed.write_text("\x1b]0;weg\x07Titel\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    assert [str(p) for p in lint(root, readability=False)] == [
        f"{LESSON}:3: bronartikel 'seeds/mini.txt' bevat op regel 1 een onzichtbaar stuurteken "
        "U+001B (ESC); haal het weg"
    ]


# --- export handout checks what it exports, and only that ------------------------------


def test_export_handout_refuses_a_lesson_lint_rejects(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tutor.cli import main

    root = _root_with(tmp_path, _lesson_with("    trainer_note: Wat betekent snel voor jou?\n", ""))
    output = tmp_path / "uit.md"
    assert main(["export", "handout", "mini-les", "--content", str(root), "-o", str(output)]) == 1
    err = capsys.readouterr().err
    assert "De hand-out van 'mini-les' is niet gemaakt" in err
    assert f"{LESSON}:18: stap 'tweede' heeft geen trainer_note" in err
    assert not output.exists()


def test_export_handout_loads_only_the_lesson_it_exports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tutor.core.content.loader as loader
    from tutor.cli import main

    root = _root_with(tmp_path, "id: kapot\ntitle: [\n", "kapot.yaml")
    (root / "quizzes" / "kapot.yaml").write_text("lesson: kapot\n", encoding="utf-8")
    read: list[str] = []
    real_read_yaml = loader.read_yaml

    def spy(path: Path, shown_as: str):  # type: ignore[no-untyped-def]
        read.append(shown_as)
        return real_read_yaml(path, shown_as)

    monkeypatch.setattr(loader, "read_yaml", spy)
    output = tmp_path / "uit.md"
    assert main(["export", "handout", "mini-les", "--content", str(root), "-o", str(output)]) == 0
    assert output.read_text(encoding="utf-8").startswith("# Een kleine les")
    assert read == [LESSON]


def test_export_handout_of_an_unknown_or_odd_lesson_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tutor.cli import main

    root = _root_with(tmp_path, GOOD_LESSON)
    for lesson in ("bestaat-niet", "../../../etc/passwd", "Mini-Les"):
        assert main(["export", "handout", lesson, "--content", str(root), "-o", "-"]) == 2
        assert "Kies uit: mini-les." in capsys.readouterr().err


_APP_CHILD = """
import asyncio, sys, time
from pathlib import Path
from textual.widgets import Static
from tutor.selfstudy.app import TutorApp

async def main():
    app = TutorApp(content_root=Path(sys.argv[1]))
    start = time.perf_counter()
    async with app.run_test(size=(100, 40)) as pilot:
        await asyncio.wait_for(app.content_ready.wait(), 20)
        await pilot.pause()
        print(round(time.perf_counter() - start, 2))
        print(len(app.screen.query(".lesson-item")))
        print(str(app.screen.query_one("#broken", Static).render()))

asyncio.run(main())
"""


def test_the_app_home_screen_lists_good_lessons_and_names_hostile_files(tmp_path: Path) -> None:
    """A bomb froze the home screen (6 GB), deep nesting crashed it, a FIFO blanked it."""
    root = _root_with(tmp_path, GOOD_LESSON)
    lessons = root / "lessons"
    (lessons / "bom.yaml").write_text(alias_bomb(), encoding="utf-8")
    (lessons / "diep.yaml").write_text(deep_flow(30_000), encoding="utf-8")
    os.mkfifo(lessons / "fifo.yaml")
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    result = subprocess.run(
        [sys.executable, "-c", _APP_CHILD, str(root)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        preexec_fn=_limited,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    seconds, items, *broken = result.stdout.splitlines()
    assert float(seconds) < 10 and items == "1"
    shown = "\n".join(broken)
    assert "lessons/bom.yaml:" in shown and "te veel verwijzingen" in shown
    assert "lessons/diep.yaml:1: de YAML is te diep genest" in shown
    assert "lessons/fifo.yaml: is een pipe (FIFO)" in shown


# --- the kiosk names a skipped file in its log ------------------------------------------


def test_kiosk_log_names_the_files_it_skips(tmp_path: Path) -> None:
    from tutor.kiosk import crashlog
    from tutor.kiosk.app import log_skipped_files

    root = _root_with(tmp_path, deep_flow(30_000), "diep.yaml")
    log_skipped_files(load_content(root).problems)
    log = crashlog.log_path().read_text(encoding="utf-8")
    assert "lessons/diep.yaml:1: de YAML is te diep genest" in log


# --- property test: generated and mutated YAML ------------------------------------------

_PIECES = st.sampled_from(
    [":", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "&b ", "*b", "<<: ", "!!str ", "!!python/x ",
     "? ", "|", ">", "'", '"', "#", "\n", "\n  ", "\t", "\\e", "\x00", "\u202e", "2024-02-31",
     "9" * 50, ".inf", "~", "title: ", "id: x\n", "%YAML 1.1\n", "---\n", "...\n"]
)  # fmt: skip


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    base = draw(st.sampled_from([GOOD_LESSON, GOOD_QUIZ, alias_bomb(4, 4), merge_bomb(3, 3)]))
    text = base
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "repeat"]))
        if action == "insert":
            text = text[:where] + draw(_PIECES) + text[where:]
        elif action == "delete":
            text = text[:where] + text[where + draw(st.integers(1, 20)) :]
        else:
            chunk = text[where : where + draw(st.integers(1, 30))]
            text = text[:where] + chunk * draw(st.integers(2, 40)) + text[where:]
    return text


_GENERATED = st.lists(_PIECES | st.text(max_size=5), max_size=60).map("".join)


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(_mutated() | _GENERATED)
def test_generated_and_mutated_yaml_never_crashes_and_stays_fast(text: str) -> None:
    for model in (Lesson, Quiz):
        start = time.perf_counter()
        try:
            data, lines = parse_yaml(text, "x.yaml")
            validate(data, lines, model, "x.yaml")
        except ContentError as error:
            assert error.problems
            for problem in error.problems:
                assert problem.message and not english(problem.message), problem
                assert problem.line >= 1, problem
        assert time.perf_counter() - start < 1.0


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(_mutated())
def test_linting_mutated_files_never_crashes(tmp_path_factory, text: str) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(GOOD_ROOT, root, dirs_exist_ok=True)
    (root / "lessons" / "mini-les.yaml").write_text(text, encoding="utf-8")
    (root / "quizzes" / "mini-les.yaml").write_text(text, encoding="utf-8")
    start = time.perf_counter()
    problems = lint(root, readability=False)
    assert time.perf_counter() - start < 2.0
    assert all(p.message for p in problems)
