"""The small part of Markdown that step texts use, turned into safe HTML.

Step texts use paragraphs (separated by an empty line), bullet lists (`- `),
numbered lists (`1. `), `**bold**` and `*italic*`. Everything is escaped with
`html.escape` first, so no text from the content can add markup of its own.
"""

from __future__ import annotations

import html
import re

_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(\d+)[.)]\s+(.*)$")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")


def inline_html(text: str) -> str:
    """Escape a line of text and turn `**bold**` and `*italic*` into HTML."""
    escaped = html.escape(text, quote=True)
    escaped = _BOLD.sub(r"<strong>\1</strong>", escaped)
    return _ITALIC.sub(r"<em>\1</em>", escaped)


def markdown_html(text: str) -> str:
    """Convert a step text (simple Markdown) to HTML paragraphs and lists.

    Args:
        text: The Markdown text.

    Returns:
        HTML with `<p>`, `<ul>`, `<ol>`, `<li>`, `<strong>` and `<em>` only.
    """
    blocks: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    list_tag = ""
    start = 1

    def close_paragraph() -> None:
        if paragraph:
            blocks.append(f"<p>{inline_html(' '.join(paragraph))}</p>")
            paragraph.clear()

    def close_list() -> None:
        nonlocal list_tag
        if items:
            first = f' start="{start}"' if list_tag == "ol" and start != 1 else ""
            body = "".join(f"<li>{inline_html(item)}</li>" for item in items)
            blocks.append(f"<{list_tag}{first}>{body}</{list_tag}>")
            items.clear()
        list_tag = ""

    for line in text.splitlines():
        bullet = _BULLET.match(line)
        numbered = _NUMBERED.match(line)
        if not line.strip():
            close_paragraph()
            close_list()
        elif bullet or numbered:
            close_paragraph()
            tag = "ul" if bullet else "ol"
            if tag != list_tag:
                close_list()
                list_tag = tag
                start = int(numbered.group(1)) if numbered else 1
            items.append(bullet.group(1) if bullet else numbered.group(2) if numbered else "")
        elif items and line.startswith((" ", "\t")):
            items[-1] += " " + line.strip()  # a list item that wraps onto the next line
        else:
            close_list()
            paragraph.append(line.strip())
    close_paragraph()
    close_list()
    return "\n".join(blocks)
