"""Lesson cards: the same cards the loader gives, cached by file size and modification time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT, TESTS
from tutor.core import paths
from tutor.core.content import cards
from tutor.core.content.cards import CACHE_FILE, LessonCard, is_glossary_file, read_cards
from tutor.core.content.loader import load_content

SHIPPED = sorted(p for p in (PROJECT / "lessons").glob("*.y*ml") if not is_glossary_file(p))
FIXTURE_ROOTS = sorted(
    {path.parent.parent for path in (TESTS / "fixtures").rglob("lessons/*.y*ml")}
)
try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # PyYAML without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]

HEAD = "id: les\ntitle: Een les\nsummary: Kort.\n"


def _pyyaml_card(text: str) -> LessonCard | None:
    """The card plain PyYAML gives, with the safe loader the content loader uses."""
    try:
        data = yaml.load(text, Loader=SafeLoader)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    id_, title, summary = (data.get(key) for key in ("id", "title", "summary"))
    order = data.get("order", 100)
    if isinstance(id_, str) and isinstance(title, str) and isinstance(summary, str):
        return LessonCard(id_, title, summary, order) if type(order) is int else None
    return None


def _root_with(tmp_path: Path, **files: str) -> Path:
    """A content root whose lessons folder holds these files (name -> text)."""
    lessons = tmp_path / "content" / "lessons"
    lessons.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (lessons / name).write_bytes(text.encode("utf-8"))
    return tmp_path / "content"


def _cache() -> Path:
    return paths.cache_dir() / CACHE_FILE


def _no_yaml_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(path: Path) -> None:
        raise AssertionError(f"{path.name} read again")

    monkeypatch.setattr(cards, "_read_card", fail)


# The cards ------------------------------------------------------------------


def test_shipped_cards_are_the_validated_lessons() -> None:
    assert len(SHIPPED) == 5
    content = load_content(PROJECT)
    assert read_cards(PROJECT) == content.cards()  # cold cache
    assert read_cards(PROJECT) == content.cards()  # warm cache


@pytest.mark.parametrize("root", FIXTURE_ROOTS, ids=lambda root: root.name)
def test_fixture_cards_agree_with_pyyaml(root: Path) -> None:
    expected = [
        card
        for path in sorted((root / "lessons").glob("*.y*ml"))
        if not is_glossary_file(path)
        and (card := _pyyaml_card(path.read_bytes().decode("utf-8", "replace")))
    ]
    assert read_cards(root) == sorted(expected, key=lambda card: (card.order, card.id))


def test_read_cards_does_not_import_yaml_with_a_warm_cache() -> None:
    code = (
        "import tutor.core.content.cards as c, sys; "
        "from tutor.core.content.root import default_content_root; "
        "c.read_cards(default_content_root()); print('yaml' in sys.modules)"
    )
    run = [sys.executable, "-c", code]
    first = subprocess.run(run, cwd=PROJECT, capture_output=True, text=True, check=True)
    second = subprocess.run(run, cwd=PROJECT, capture_output=True, text=True, check=True)
    assert (first.stdout.strip(), second.stdout.strip()) == ("True", "False")


def test_read_cards_reads_odd_yaml_and_sorts(tmp_path: Path) -> None:
    root = _root_with(
        tmp_path,
        **{
            "a.yaml": HEAD.replace("les", "a") + "order: 2\n",
            "b.yml": "id: b\ntitle: !!str B\nsummary: &s S\norder: 1\n",
            "c.yaml": "id: c\ntitle: [kapot\n",
            "d.txt": HEAD,
        },
    )
    assert read_cards(root) == [LessonCard("b", "B", "S", 1), LessonCard("a", "Een a", "Kort.", 2)]


def test_broken_nested_content_gives_no_card(tmp_path: Path) -> None:
    root = _root_with(tmp_path, **{"les.yaml": HEAD + "steps:\n  - id: a\n    title: [niet\n"})
    assert read_cards(root) == []


def test_read_cards_skips_the_shared_glossary(good_copy: Path) -> None:
    (good_copy / "lessons" / "begrippen.yaml").write_text(
        "id: begrippen\ntitle: Begrippen\nsummary: Geen les.\nterms: []\n"
    )
    assert [card.id for card in read_cards(good_copy)] == ["mini-les"]
    assert "begrippen.yaml" not in _cache().read_text(encoding="utf-8")


ACCEPTED = {
    "plain": HEAD + "order: 3\n",
    "plain with odd characters": "id: a-b_c\ntitle: Wat? Ja! 50% (of meer) a:b a#b [x] {y}, z\nsummary: 'é'\n",
    "no order": HEAD,
    "order zero": HEAD + "order: 0\n",
    "double quoted": 'id: "123"\ntitle: "Neuro: plastisch #1"\nsummary: "  yes  "\n',
    "single quoted": "id: 'x'\ntitle: 'it''s ''quoted'''\nsummary: ''\n",
    "folded": "id: x\ntitle: t\nsummary: >\n  Een\n  twee  \n  drie\n",
    "folded strip": "id: x\ntitle: t\nsummary: >-\n    Een\n    twee\n\n\norder: 7\n",
    "literal": "id: x\ntitle: |\n  regel een\n  # geen commentaar\nsummary: s\n",
    "literal strip": "id: x\ntitle: t\nsummary: |-\n  a\n  b\n",
    "literal at end of file without newline": "id: x\ntitle: t\nsummary: |\n  a\n  b",
    "document start and comments": "# kop\n\n---\n# tekst\nid: x   \ntitle: t\nsummary: s\n",
    "bom and crlf": "\ufeffid: x\r\ntitle: t\r\nsummary: >\r\n  a\r\n  b\r\n",
    "nested steps and other keys": HEAD
    + "source: seeds/a.txt # bron\nsteps:\n  - id: stap\n    text: |\n      title: nep\n"
    + "glossary:\n- term: a\n  uitleg: b\n- term: c\n"
    + "notes: >2-\n   x\non: yes\npass_mark: 0.7\n",
}


DECLINED = {
    "bool title": HEAD.replace("Een les", "yes"),
    "null title": HEAD.replace("Een les", "~"),
    "numeric id": HEAD.replace("les", "123"),
    "float-like id": HEAD.replace("les", ".5"),
    "leading-zero order": HEAD + "order: 010\n",
    "underscore order": HEAD + "order: 1_000\n",
    "string order": HEAD + "order: eerste\n",
    "empty order": HEAD + "order:\n",
    "quoted order": HEAD + "order: '3'\n",
    "mapping in value": HEAD.replace("Een les", "a: b"),
    "comment after value": HEAD.replace("Een les", "Een les # uitleg"),
    "trailing colon": HEAD.replace("Een les", "Een les:"),
    # (A duplicate key is refused by the loader, so it gets no card: tests/unit/test_hostile_content.py.)
    "anchor": HEAD.replace("Een les", "&t Een les"),
    "alias": "x: &t Een\n" + HEAD.replace("Een les", "*t"),
    "tag": HEAD.replace("Een les", "!!str Een les"),
    "tag on other key": HEAD + "source: !!python/object:os.system x\n",
    "anchor on other key": HEAD + "steps: &s\n  - a\n",
    "merge key": "<<: {title: t}\nid: x\nsummary: s\n",
    "multi-line plain": HEAD.replace("Een les", "Een\n  les"),
    "multi-line plain after blank line": HEAD.replace("Een les", "Een\n\n  les"),
    "indented comment after value": HEAD.replace("Een les", "Een les\n  # c"),
    "blank line in folded body": "id: x\ntitle: t\nsummary: >\n  a\n\n  b\n",
    "spaces-only line after body": "id: x\ntitle: t\nsummary: |\n  a\n     \norder: 1\n",
    "more-indented body line": "id: x\ntitle: t\nsummary: >\n  a\n    b\n",
    "less-indented body line": "id: x\ntitle: t\nsummary: >\n    a\n  b\n",
    "empty block body": "id: x\ntitle: t\nsummary: >\norder: 1\n",
    "keep chomping": "id: x\ntitle: t\nsummary: |+\n  a\n",
    "indentation indicator": "id: x\ntitle: t\nsummary: |2\n  a\n",
    "comment after block header": "id: x\ntitle: t\nsummary: > # c\n  a\n",
    "tab in key line": HEAD.replace("Een les", "Een\tles"),
    "tab in block body": "id: x\ntitle: t\nsummary: |\n  a\tb\n",
    "tab-indented line": HEAD + "\tx: y\n",
    "yaml directive": "%YAML 1.1\n---\n" + HEAD,
    "second document": HEAD + "---\nid: y\n",
    "document end": HEAD + "...\n",
    "empty title": HEAD.replace("Een les", ""),
    "missing summary": "id: x\ntitle: t\n",
    "escape in double quotes": HEAD.replace("Een les", '"Een \\"les\\""'),
    "unclosed double quote": HEAD.replace("Een les", '"Een\n  les"'),
    "lone single quote": HEAD.replace("Een les", "'it's'"),
    "flow sequence on other key": HEAD + "terms: [a, 'b''c', \"d\"]\n",
    "flow mapping on other key": HEAD + "meta: {e: 'f', g: h}\n",
    "unclosed flow on other key": HEAD + "terms: [a,\n  b]\n",
    "flow with comment": HEAD + "terms: [a, #b]\n  ]\n",
    "quote inside flow plain": HEAD + "terms: [it's, '[']\n",
    "text after flow": HEAD + "terms: [a] b\n",
    "nested flow": HEAD + "terms: [a, {b: c}]\n",
    "empty flow entry": HEAD + "terms: [a,, b]\n",
    "flow colon without space": HEAD + "terms: [a:]\n",
    "tab on a blank line": HEAD + "steps:\n  - a\n \t\n  - b\n",
    "merge tag on other key": HEAD + "source: <<\n",
    "bad date on other key": HEAD + "source: 2001-13-45\n",
    "date in flow": HEAD + "terms: [2001-13-45]\n",
    "spaced key": HEAD.replace("title:", "title :"),
    "quoted key": HEAD.replace("title:", '"title":'),
    "complex key": "? title\n: t\nid: x\nsummary: s\n",
    "top-level sequence": "- a\n" + HEAD,
    "indented first line": "  id: x\n  title: t\n  summary: s\n",
    "sequence after a value": HEAD + "source: a\n- b\n",
    "unicode line separator": HEAD.replace("Een les", "Een\u2028les"),
    "next line character": HEAD.replace("Een les", "Een\x85les"),
    "control character": HEAD.replace("Een les", "Een\x07les"),
    "lone carriage return": HEAD.replace("Een les", "Een\rles"),
    "bom inside": HEAD.replace("Een les", "Een\ufeffles"),
}


@pytest.mark.parametrize("text", {**ACCEPTED, **DECLINED}.values(), ids=[*ACCEPTED, *DECLINED])
def test_odd_forms_give_the_pyyaml_card(tmp_path: Path, text: str) -> None:
    expected = _pyyaml_card(text)
    assert read_cards(_root_with(tmp_path, **{"les.yaml": text})) == (
        [expected] if expected else []
    )


# The cache ------------------------------------------------------------------


def test_a_warm_cache_reads_no_lesson(good_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = read_cards(good_copy)
    assert _cache().is_file()
    _no_yaml_reading(monkeypatch)
    assert read_cards(good_copy) == cold


def test_a_broken_file_is_cached_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _root_with(tmp_path, **{"a.yaml": HEAD, "kapot.yaml": "id: [x\n"})
    assert read_cards(root) == [LessonCard("les", "Een les", "Kort.")]
    _no_yaml_reading(monkeypatch)
    assert read_cards(root) == [LessonCard("les", "Een les", "Kort.")]


def test_an_edit_makes_the_cache_stale(tmp_path: Path) -> None:
    root = _root_with(tmp_path, **{"les.yaml": HEAD})
    assert read_cards(root) == [LessonCard("les", "Een les", "Kort.")]
    path = root / "lessons" / "les.yaml"
    path.write_text(HEAD.replace("Een les", "Nieuwe titel"))  # another size
    assert read_cards(root) == [LessonCard("les", "Nieuwe titel", "Kort.")]
    stat = path.stat()
    path.write_text(HEAD.replace("Kort.", "Lang.").replace("Een les", "Nieuwe titel"))  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert read_cards(root) == [LessonCard("les", "Nieuwe titel", "Lang.")]


def test_added_and_removed_lessons_are_seen(tmp_path: Path) -> None:
    root = _root_with(tmp_path, **{"a.yaml": HEAD})
    read_cards(root)
    (root / "lessons" / "b.yaml").write_text(HEAD.replace("les", "b") + "order: 1\n")
    assert [card.id for card in read_cards(root)] == ["b", "les"]
    (root / "lessons" / "a.yaml").unlink()
    assert [card.id for card in read_cards(root)] == ["b"]


def test_two_content_roots_share_the_cache(
    tmp_path: Path, good_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = _root_with(tmp_path, **{"les.yaml": HEAD})
    first, second = read_cards(good_copy), read_cards(other)
    _no_yaml_reading(monkeypatch)
    assert (read_cards(good_copy), read_cards(other)) == (first, second)


CORRUPT = {
    "not json": b"{niet af",
    "not utf-8": b"\xff\xfe",
    "a list": b"[]",
    "another version": json.dumps({"version": 0, "folders": {}}).encode(),
    "folders a list": json.dumps({"version": 1, "folders": []}).encode(),
    "entries a list": None,  # filled in per test: the folder maps to a list
    "mistyped card": None,  # filled in per test: order is a string
}


@pytest.mark.parametrize("damage", CORRUPT, ids=CORRUPT.keys())
def test_a_corrupt_cache_is_rebuilt(good_copy: Path, damage: str) -> None:
    expected = read_cards(good_copy)
    cache = _cache()
    good = json.loads(cache.read_text(encoding="utf-8"))
    damaged = json.loads(cache.read_text(encoding="utf-8"))
    folder, entries = next(iter(damaged["folders"].items()))
    if damage == "entries a list":
        damaged["folders"][folder] = [1, 2]
    elif damage == "mistyped card":
        for _stamp, card in entries.values():
            card["order"] = "eerste"
    cache.write_bytes(CORRUPT[damage] or json.dumps(damaged).encode())
    assert read_cards(good_copy) == expected
    assert json.loads(cache.read_text(encoding="utf-8")) == good


def test_no_writable_cache_folder_still_gives_the_cards(
    tmp_path: Path, good_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("geen map")
    monkeypatch.setenv("TUTOR_DATA_DIR", str(blocker / "data"))
    assert [card.id for card in read_cards(good_copy)] == ["mini-les"]
    assert [card.id for card in read_cards(good_copy)] == ["mini-les"]
    assert list(tmp_path.glob("**/*.tmp")) == []


def test_the_cache_is_replaced_atomically(good_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read_cards(good_copy)
    before = _cache().read_bytes()

    def interrupted(src: object, dst: object) -> None:
        raise OSError("onderbroken")

    (good_copy / "lessons" / "mini-les.yaml").write_text(HEAD)
    monkeypatch.setattr(cards.os, "replace", interrupted)
    assert [card.title for card in read_cards(good_copy)] == ["Een les"]
    assert _cache().read_bytes() == before  # the old cache is untouched
    assert list(_cache().parent.iterdir()) == [_cache()]  # no temporary file left behind
