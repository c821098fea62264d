"""`tutor export handout`: Markdown and self-contained HTML handouts of every lesson."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from conftest import GOOD_ROOT
from tutor.core.content.loader import Content, load_content
from tutor.core.content.models import Lesson
from tutor.core.text import common as strings
from tutor.export.article import ArticleSource, article_source, article_title
from tutor.export.handout import handout_html, handout_markdown, render_handout
from tutor.export.markup import markdown_html

SHIPPED = load_content()
LESSON_IDS = [lesson.id for lesson in SHIPPED.lessons]

# Checked by hand against the first lines of each seed.
ARTICLE_TITLES = {
    "seeds/000_0bcb040c40c2b34f.txt": "Neuroplasticiteit: wat je hersenen kunnen veranderen",
    "seeds/001_9c098fedc6396ec2.txt": "Een middel dat direct ingrijpt op je zenuwstelsel",
    # After the navigation lines "Ga naar hoofdinhoud" and "Blog".
    "seeds/002_d03a5ba8b465f82b.txt": "Hoe werkt ketamine? Het effect op je hersenen uitgelegd",
    # Starts with " date 2025-06 Eén enkele dosis ...": no title of its own.
    "seeds/003_487254a4fdfdf7a8.txt": None,
    "seeds/004_44a1aef095530bd5.txt": "Wat is ketamine-ondersteunde psychotherapie?",
}

VOID_TAGS = {"meta", "br"}


class _Text(HTMLParser):
    """Collects the visible text and checks that every tag is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.open: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID_TAGS:
            self.open.append(tag)
        self.in_style = tag == "style"
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()
        self.in_style = False
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.in_style:
            self.parts.append(data)


def visible_text(document: str) -> str:
    parser = _Text()
    parser.feed(document)
    parser.close()
    assert parser.open == [], f"unclosed tags: {parser.open}"
    return _norm("".join(parser.parts))


def _norm(value: str) -> str:
    return " ".join(value.split())


def _markdown_plain(document: str) -> str:
    return _norm(document.replace("**", "").replace("*", ""))


def expected_texts(lesson: Lesson, source: ArticleSource) -> list[str]:
    texts = [lesson.title, strings.HELP_LINE, strings.CAUTION, source.title, source.file, "113"]
    texts += [step.title for step in lesson.steps]
    texts += [step.key_point for step in lesson.steps]
    texts += [entry.term for entry in lesson.glossary_entries()]
    texts += [entry.definition for entry in lesson.glossary_entries()]
    texts += [unknown.question for unknown in lesson.unknowns]
    texts += [unknown.explanation for unknown in lesson.unknowns]
    texts += [action.text for action in lesson.actions]
    return [_norm(value.replace("**", "")) for value in texts]


@pytest.mark.parametrize("source_file", sorted(ARTICLE_TITLES))
def test_article_title_of_every_seed(source_file: str) -> None:
    seed = (SHIPPED.root / source_file).read_text(encoding="utf-8")
    assert article_title(seed) == ARTICLE_TITLES[source_file]


def test_article_title_rules() -> None:
    assert article_title("\ufeffGa naar hoofdinhoud\nMenu\n\nEen titel\nTekst.") == "Een titel"
    assert article_title("Home > Blog > Ketamine\nKetamine uitgelegd\n") == "Ketamine uitgelegd"
    assert article_title("Dit is een gewone zin en geen titel.\nKop\n") is None
    assert article_title("Datum: 3 maart 2025\nKop") is None
    assert article_title("") is None


def test_a_seed_without_title_falls_back_to_the_lesson_title() -> None:
    lesson = SHIPPED.lesson("hersenscan-studie")
    source = article_source(SHIPPED, lesson)
    assert source == ArticleSource(lesson.title, lesson.source, from_article=False)
    handout = handout_markdown(lesson, source)
    assert f"“{lesson.title}” (het artikel heeft zelf geen kop)" in handout
    assert "seeds/003_487254a4fdfdf7a8.txt" in handout


def test_an_unreadable_seed_falls_back_too() -> None:
    content = Content(root=SHIPPED.root / "bestaat-niet")
    lesson = SHIPPED.lesson("hoe-werkt-ketamine")
    assert article_source(content, lesson).from_article is False


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_markdown_handout_holds_the_whole_lesson(lesson_id: str) -> None:
    lesson = SHIPPED.lesson(lesson_id)
    source = article_source(SHIPPED, lesson)
    document = handout_markdown(lesson, source)
    plain = _markdown_plain(document)
    for expected in expected_texts(lesson, source):
        assert expected in plain
    assert document.startswith(f"# {lesson.title}\n")
    # The 113 line and the caution come before the first step and again at the end.
    assert plain.index(strings.HELP_LINE) < plain.index(lesson.steps[0].title)
    assert plain.rindex(strings.CAUTION) > plain.index(f"{strings.REVIEW_TITLE}")
    assert "trainer" not in document.lower()


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_html_handout_holds_the_whole_lesson_and_is_self_contained(lesson_id: str) -> None:
    lesson = SHIPPED.lesson(lesson_id)
    source = article_source(SHIPPED, lesson)
    document = handout_html(lesson, source)
    text = visible_text(document)
    for expected in expected_texts(lesson, source):
        assert expected in text
    assert text.index(strings.HELP_LINE) < text.index(lesson.steps[0].title)
    assert not re.search(r"https?:", document, re.IGNORECASE)
    for external in ("<script", "<link", "<img", "@import", "url(", "@font-face", "<iframe"):
        assert external not in document.lower()
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", document)
    assert "break-inside: avoid" in document
    assert document.startswith("<!DOCTYPE html>") and '<html lang="nl">' in document


def test_html_escapes_everything_from_the_content() -> None:
    lesson = load_content(GOOD_ROOT).lesson("mini-les")
    step = lesson.steps[0].model_copy(
        update={"title": "<script>alert(1)</script>", "text": "A & B <b>vet</b> **echt vet**\n"}
    )
    hostile = lesson.model_copy(update={"steps": [step, *lesson.steps[1:]]})
    source = ArticleSource('Titel "met" <tags>', "seeds/mini.txt", from_article=True)
    document = handout_html(hostile, source)
    assert "<script>" not in document and "<b>" not in document
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document
    assert "A &amp; B &lt;b&gt;vet&lt;/b&gt; <strong>echt vet</strong>" in document
    assert "&lt;tags&gt;" in document
    visible_text(document)  # still well-formed


def test_fixture_lesson_handout_names_its_article() -> None:
    content = load_content(GOOD_ROOT)
    lesson = content.lesson("mini-les")
    for fmt in ("md", "html"):
        document = render_handout(lesson, article_source(content, lesson), fmt)
        assert "Een klein testartikel" in document
        assert "seeds/mini.txt" in document
    with pytest.raises(ValueError):
        render_handout(lesson, article_source(content, lesson), "pdf")


def test_diagrams_are_written_out_as_lists() -> None:
    lesson = SHIPPED.lesson("ketamine-en-psychotherapie")
    assert lesson.diagrams is not None and lesson.diagrams.cascade
    document = handout_markdown(lesson, article_source(SHIPPED, lesson))
    for link in lesson.diagrams.cascade:
        assert f"{link.label}: {link.text}" in document


def test_simple_markdown_to_html() -> None:
    html = markdown_html(
        "Eerst dit:\n\n1. **Een**: x\n2. Twee\n   loopt door\n\n- a *b*\n- c\n\nSlot & zo."
    )
    assert html == (
        "<p>Eerst dit:</p>\n"
        "<ol>\n<li><strong>Een</strong>: x</li>\n<li>Twee\nloopt door</li>\n</ol>\n"
        "<ul>\n<li>a <em>b</em></li>\n<li>c</li>\n</ul>\n"
        "<p>Slot &amp; zo.</p>"
    )
    assert (
        markdown_html("3. drie\n4. vier") == '<ol start="3">\n<li>drie</li>\n<li>vier</li>\n</ol>'
    )


def test_markdown_escapes_raw_html_and_loads_no_images() -> None:
    html = markdown_html("<div onclick='x'>hoi</div>\n\n![foto](https://x.org/a.png) <script>")
    assert "<div" not in html and "<script" not in html and "<img" not in html
    assert "&lt;div onclick='x'&gt;hoi&lt;/div&gt;" in html and "&lt;script&gt;" in html
