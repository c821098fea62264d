"""The fast card scanner: it declines or gives exactly the card PyYAML gives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PROJECT, TESTS
from tutor.core.content.cards import (
    LessonCard,
    _card_from_yaml,
    is_glossary_file,
    read_cards,
    scan_card,
)

SHIPPED = sorted(p for p in (PROJECT / "lessons").glob("*.y*ml") if not is_glossary_file(p))
FIXTURES = sorted(
    path for path in (TESTS / "fixtures").rglob("*") if path.suffix in (".yaml", ".yml")
)
HEAD = "id: les\ntitle: Een les\nsummary: Kort.\n"


def _pure_python_card(text: str) -> LessonCard | None:
    """The card the PyYAML path gives with the pure-Python safe loader (no libyaml)."""
    try:
        data = yaml.load(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    id_, title, summary = (data.get(key) for key in ("id", "title", "summary"))
    order = data.get("order", 100)
    if isinstance(id_, str) and isinstance(title, str) and isinstance(summary, str):
        return LessonCard(id_, title, summary, order) if type(order) is int else None
    return None


def _assert_agrees(text: str) -> LessonCard | None:
    """Assert the scanner declines or equals both PyYAML loaders; return its answer."""
    scanned = scan_card(text)
    if scanned is not None:
        assert scanned == _card_from_yaml(text), text
        assert scanned == _pure_python_card(text), text
    return scanned


@pytest.mark.parametrize("path", SHIPPED + FIXTURES, ids=lambda path: path.name)
def test_scanner_agrees_with_pyyaml_on_real_files(path: Path) -> None:
    _assert_agrees(path.read_bytes().decode("utf-8"))


def test_scanner_answers_for_every_shipped_lesson() -> None:
    assert len(SHIPPED) == 5
    for path in SHIPPED:
        text = path.read_bytes().decode("utf-8")
        assert scan_card(text) is not None, path.name
        assert scan_card(text) == _card_from_yaml(text)


def test_read_cards_does_not_import_yaml_for_shipped_lessons() -> None:
    code = (
        "import tutor.core.content.cards as c, sys; "
        "from tutor.core.content.root import default_content_root; "
        "c.read_cards(default_content_root()); print('yaml' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_read_cards_falls_back_to_pyyaml_and_sorts(tmp_path: Path) -> None:
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    (lessons / "a.yaml").write_text(HEAD.replace("les", "a") + "order: 2\n")
    (lessons / "b.yml").write_text("id: b\ntitle: !!str B\nsummary: &s S\norder: 1\n")
    (lessons / "c.yaml").write_text("id: c\ntitle: [kapot\n")
    (lessons / "d.txt").write_text(HEAD)
    assert scan_card((lessons / "b.yml").read_text()) is None
    assert read_cards(tmp_path) == [
        LessonCard("b", "B", "S", 1),
        LessonCard("a", "Een a", "Kort.", 2),
    ]


def test_broken_nested_content_is_left_to_the_full_validation() -> None:
    """By design the scanner skips indented content, so it cannot see errors there."""
    text = HEAD + "steps:\n  - id: a\n    title: [niet gesloten\n"
    assert _card_from_yaml(text) is None
    assert scan_card(text) == LessonCard("les", "Een les", "Kort.")


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


@pytest.mark.parametrize("text", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_accepted_forms_give_the_pyyaml_card(text: str) -> None:
    card = _assert_agrees(text)
    assert card is not None


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
    "duplicate key": HEAD + "title: Nog een\n",
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


@pytest.mark.parametrize("text", DECLINED.values(), ids=DECLINED.keys())
def test_uncertain_forms_are_declined(text: str) -> None:
    assert scan_card(text) is None


# Random lesson-like texts ---------------------------------------------------------

ALPHABET = "ab Z:#'\"-09.,[]{}&*!|>%@`~?\\é\t"
WORDS = ["yes", "No", "null", "~", "0", "010", "12", "1_0", "-1", ".5", "<<", "=", "a: b", "x #y"]
clean = st.from_regex(r"[A-Za-zé][A-Za-zé ,.?!()'\"-]{0,12}", fullmatch=True)
word = st.one_of(clean, st.text(ALPHABET, max_size=12), st.sampled_from(WORDS))


@st.composite
def block_scalar(draw: st.DrawFn) -> str:
    """A block scalar header and body, sometimes with irregular lines."""
    header = draw(st.sampled_from([">", ">-", "|", "|-", ">", "|-", "|+", ">2", "> #c", ">-  "]))
    indent = draw(st.integers(1, 4))
    lines = []
    for _ in range(draw(st.integers(0, 4))):
        extra = draw(st.sampled_from([0] * 8 + [1, -1]))
        text = draw(word)
        blank = draw(st.integers(0, 8)) == 0
        lines.append("" if blank else " " * max(1, indent + extra) + text)
    return header + "".join("\n" + line for line in lines)


def single_quoted(text: str) -> str:
    """Quote `text` the YAML way."""
    return "'" + text.replace("'", "''") + "'"


value = st.one_of(
    word,
    word.map(lambda text: '"' + text + '"'),
    word.map(lambda text: "'" + text + "'"),
    word.map(single_quoted),
    block_scalar(),
    st.just(""),
    st.tuples(word, word).map(lambda pair: pair[0] + "\n" + pair[1]),
    st.tuples(word, word).map(lambda pair: pair[0] + "\n  " + pair[1]),
)
# Nested content is always valid YAML, so any PyYAML error comes from the top level.
safe = st.from_regex(r"[a-z][a-z ]{0,8}[a-z]", fullmatch=True)
nested = st.one_of(
    safe.map(lambda text: f"\n  - id: {text}\n    title: {text}"),
    safe.map(lambda text: f"\n- id: {text}\n  text: |\n    title: {text}\n\n    # {text}"),
    st.lists(safe, max_size=3).map(lambda items: " [" + ", ".join(items) + "]"),
    safe.map(lambda text: " " + single_quoted(text + "'s")),
    safe.map(lambda text: " >\n   title: " + text),
)
entry = st.one_of(
    st.tuples(st.sampled_from(["id", "title", "summary", "order"]), value).map(
        lambda pair: pair[0] + ":" + (" " + pair[1] if pair[1] else "")
    ),
    st.integers(-2, 20).map(lambda number: f"order: {number}"),
    st.tuples(st.sampled_from(["steps", "source", "on", "x-y"]), nested).map("".join),
    st.tuples(st.sampled_from(["source", "notes"]), word).map(lambda pair: ": ".join(pair)),
    st.sampled_from(["# comment", "", "---", "- item", "\tx: y", "   "]),
)


@st.composite
def lesson_text(draw: st.DrawFn) -> str:
    """A lesson-like text: the three card keys plus random entries, in any order."""
    entries = [
        f"id: {draw(st.sampled_from(['les', 'x', 'les-1']))}",
        f"title: {draw(value)}",
        f"summary: {draw(value)}",
    ]
    entries += draw(st.lists(entry, max_size=5))
    text = "\n".join(draw(st.permutations(entries)))
    text += draw(st.sampled_from(["", "\n", "\n\n"]))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return draw(st.sampled_from(["", "\ufeff", "---\n", "# kop\n"])) + text


@settings(max_examples=300, deadline=None)
@given(lesson_text())
def test_scanner_declines_or_matches_pyyaml_on_random_texts(text: str) -> None:
    _assert_agrees(text)


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET + "\n\r\x85\u2028\ufeff", max_size=20), st.sampled_from(["id", "title"]))
def test_scanner_declines_or_matches_pyyaml_on_random_values(raw: str, key: str) -> None:
    line = "id: les" if key == "id" else "title: Een les"
    _assert_agrees(HEAD.replace(line, f"{key}: {raw}"))


def test_read_cards_skips_the_shared_glossary(good_copy: Path) -> None:
    (good_copy / "lessons" / "begrippen.yaml").write_text(
        "id: begrippen\ntitle: Begrippen\nsummary: Geen les.\nterms: []\n"
    )
    assert [card.id for card in read_cards(good_copy)] == ["mini-les"]
