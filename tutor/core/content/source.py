"""The article behind a quote, for "Bron": its title, its date and the passage around the quote.

Plain Python; the "Bron" dialog (`tutor.ui.dialogs.source`) only shows what this returns.
A quote matches its article after folding whitespace and typographic quotes, as in lint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tutor.core.content.guard import UnreadableFile, read_source
from tutor.core.content.lint import fold

CONTEXT_CHARS = 320
"""How much of the article to show on either side of the quote."""

# Lines a saved web page starts with that are not the article's title.
_NOT_A_TITLE = re.compile(r"^(ga naar hoofdinhoud|blog|menu|home|zoeken)$", re.IGNORECASE)
_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_DATE = re.compile(
    rf"\b(\d{{1,2}} (?:{_MONTHS}) \d{{4}})\b|\bdate (\d{{4}}-\d{{2}}(?:-\d{{2}})?)\b"
)


@dataclass(frozen=True)
class Passage:
    """The part of an article around one quote.

    Attributes:
        title: The article's title, or None when the article has none.
        date: The article's date as the article writes it, or None.
        before: The text just before the quote (starts with "…" when cut).
        quote: The quoted words as they stand in the article.
        after: The text just after the quote (ends with "…" when cut).
    """

    title: str | None
    date: str | None
    before: str
    quote: str
    after: str


def article_title(text: str) -> str | None:
    """The first line that reads as a title (not a web page's navigation, not a date line)."""
    for line in text.splitlines()[:8]:
        line = line.strip()
        if not line or _NOT_A_TITLE.match(line) or _DATE.match(line) or line.startswith("date "):
            continue
        if len(line) <= 120 and not line.endswith((".", ",")):
            return line
        return None
    return None


def article_date(text: str) -> str | None:
    """The first date in the article's opening lines, as written there."""
    found = _DATE.search(text[:600])
    if found is None:
        return None
    return found.group(1) or found.group(2)


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """`fold(text)` character by character, with the index in `text` of every folded character."""
    out: list[str] = []
    where: list[int] = []
    space = False
    for index, char in enumerate(text):
        if char.isspace():
            space = bool(out)
            continue
        if space:
            out.append(" ")
            where.append(index)
            space = False
        out.append(fold(char) or char)
        where.append(index)
    return "".join(out), where


def find_passage(text: str, quote: str, context: int = CONTEXT_CHARS) -> Passage | None:
    """The passage of `text` around `quote`, or None when the quote is not in it."""
    folded, where = _folded_with_map(text)
    wanted = fold(quote)
    start = folded.find(wanted) if wanted else -1
    if start < 0:
        return None
    first, last = where[start], where[start + len(wanted) - 1] + 1
    lo, hi = max(0, first - context), min(len(text), last + context)
    # Do not cut a word in two.
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    before = ("…" if lo > 0 else "") + text[lo:first].lstrip()
    after = text[last:hi].rstrip() + ("…" if hi < len(text) else "")
    return Passage(article_title(text), article_date(text), before, text[first:last], after)


def passage_in(root: Path, source: str, quote: str) -> Passage | None:
    """The passage around `quote` in the article `source` (relative to the content root).

    None when the article cannot be read (`guard.read_source`: a regular file of at
    most 1 MB under the root's `seeds/`) or does not hold the quote; lint reports both.
    """
    try:
        text = read_source(root, source)
    except UnreadableFile:
        return None
    return find_passage(text, quote)
