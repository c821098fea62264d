"""The source article of a lesson: its title and file, for the "Bron" section.

The seeds are web pages copied as plain text, so the first line is not always
the title: some start with site navigation ("Ga naar hoofdinhoud", "Blog"),
one starts with metadata and the first paragraph (" date 2025-06 Eén ...").
The rule: skip empty and navigation lines; the next line is the title if it
looks like one (short, no metadata, not a sentence that ends in a full stop).
Otherwise the article has no usable title and the lesson title stands in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tutor.core.content.loader import Content
from tutor.core.content.models import Lesson

NAVIGATION_LINES = frozenset(
    {
        "ga naar hoofdinhoud",
        "naar hoofdinhoud",
        "ga naar inhoud",
        "naar de inhoud",
        "direct naar inhoud",
        "skip to content",
        "skip to main content",
        "menu",
        "home",
        "blog",
        "nieuws",
        "zoeken",
        "terug",
        "delen",
    }
)
"""Lines of site navigation that precede the real title (compared lower-cased)."""

MAX_TITLE_CHARS = 120
MAX_TITLE_WORDS = 16
_METADATA = re.compile(
    r"^(date|datum|published|gepubliceerd|updated|bijgewerkt|door|by|auteur)\b|\d{4}-\d{2}",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"\s[>›»]\s")


@dataclass(frozen=True)
class ArticleSource:
    """Where a lesson comes from, as the handout names it.

    Attributes:
        title: The article's own title, or the lesson title when the article has none.
        file: The seed file, relative to the content root (e.g. `seeds/002_....txt`).
        from_article: True when `title` is the article's own title.
    """

    title: str
    file: str
    from_article: bool


def article_title(text: str) -> str | None:
    """Find the title of an article copied from a web page.

    Args:
        text: The article's plain text.

    Returns:
        The title, or None when the first line of content does not look like one.
    """
    for raw in text.splitlines():
        line = " ".join(raw.replace("\ufeff", " ").split())
        if not line or is_navigation(line):
            continue
        return line if looks_like_title(line) else None
    return None


def is_navigation(line: str) -> bool:
    """Whether a line is site navigation (a skip link, a menu item, a breadcrumb)."""
    return line.lower().rstrip(" :") in NAVIGATION_LINES or bool(_BREADCRUMB.search(line))


def looks_like_title(line: str) -> bool:
    """Whether a line reads like a title rather than metadata or a paragraph."""
    return (
        len(line) <= MAX_TITLE_CHARS
        and len(line.split()) <= MAX_TITLE_WORDS
        and not _METADATA.search(line)
        and not line.endswith(".")
        and (line[0].isupper() or line[0].isdigit())
    )


def article_source(content: Content, lesson: Lesson) -> ArticleSource:
    """Name the article a lesson is based on.

    Args:
        content: The loaded content (to read the seed file).
        lesson: The lesson.

    Returns:
        The article's title and file; the lesson title stands in when the
        article has no title or the file cannot be read.
    """
    try:
        title = article_title(content.source_text(lesson))
    except (OSError, UnicodeDecodeError):
        title = None
    if title is None:
        return ArticleSource(lesson.title, lesson.source, from_article=False)
    return ArticleSource(title, lesson.source, from_article=True)
