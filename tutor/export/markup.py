"""Step texts (Markdown) turned into safe HTML with markdown-it-py.

CommonMark with raw HTML switched off: any HTML in the content is escaped, so no
text from the content can add markup of its own. Images are switched off too, so
a handout never loads anything from outside.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

_MARKDOWN = MarkdownIt("commonmark", {"html": False}).disable("image")


def inline_html(text: str) -> str:
    """Escape a line of text and turn its inline Markdown (`**bold**`, `*italic*`) into HTML."""
    return str(_MARKDOWN.renderInline(text))


def markdown_html(text: str) -> str:
    """Convert a step text (Markdown) to HTML.

    Args:
        text: The Markdown text.

    Returns:
        HTML blocks (paragraphs, lists, ...) with every raw HTML tag escaped.
    """
    return str(_MARKDOWN.render(text)).rstrip("\n")
