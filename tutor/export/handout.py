"""A printable handout of one lesson, as Markdown or as self-contained HTML.

The handout holds what a learner takes home: the steps with what to remember
("Onthoud"), the glossary, "Wat we nog niet weten", "Wat kun je hiermee?"
(the lesson's `actions`), and the source article. The 113 line and the caution stand at the
top and at the end of every handout. Trainer notes are left out: they are for
the trainer, not for the learner.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from tutor.core.content.models import Lesson, Step
from tutor.core.text import common as strings
from tutor.core.text import export as text
from tutor.export.article import ArticleSource
from tutor.export.markup import inline_html, markdown_html

FORMATS = ("md", "html")
"""The formats `tutor export handout` can write."""


def render_handout(lesson: Lesson, source: ArticleSource, fmt: str) -> str:
    """Render a handout in one of `FORMATS`.

    Raises:
        ValueError: For a format that is not in `FORMATS`.
    """
    if fmt == "md":
        return handout_markdown(lesson, source)
    if fmt == "html":
        return handout_html(lesson, source)
    raise ValueError(f"unknown handout format {fmt!r}")


# --- Shared pieces ---------------------------------------------------------


def _step_heading(number: int, step: Step) -> str:
    return text.STEP_HEADING.format(number=number, title=step.title)


def _evidence_line(step: Step) -> str | None:
    if step.evidence is None:
        return None
    return text.EVIDENCE_LINE.format(label=strings.EVIDENCE_LABELS[step.evidence])


def _diagram_lines(lesson: Lesson, step: Step) -> tuple[str, list[str]] | None:
    """The data of a step's diagram as a heading and plain lines, if the lesson has it."""
    diagrams = lesson.diagrams
    if diagrams is None or step.diagram is None:
        return None
    if step.diagram == "cascade" and diagrams.cascade:
        return text.CASCADE_HEADING, [f"{link.label}: {link.text}" for link in diagrams.cascade]
    if step.diagram == "timeline" and diagrams.timeline:
        return text.TIMELINE_HEADING, [f"{bar.label}: {bar.text}" for bar in diagrams.timeline]
    return None


def _source_lines(source: ArticleSource) -> list[str]:
    article = text.SOURCE_ARTICLE if source.from_article else text.SOURCE_ARTICLE_UNTITLED
    return [article.format(title=source.title), text.SOURCE_FILE.format(file=source.file)]


# --- Markdown --------------------------------------------------------------


def handout_markdown(lesson: Lesson, source: ArticleSource) -> str:
    """Render a lesson as a Markdown handout.

    Args:
        lesson: The lesson.
        source: The article the lesson is based on.

    Returns:
        The Markdown text, ending in a newline.
    """
    return "\n".join(_markdown_lines(lesson, source)).rstrip() + "\n"


def _markdown_safety() -> list[str]:
    return [f"> **{strings.HELP_LINE}**", ">", f"> {strings.CAUTION}", ""]


def _markdown_lines(lesson: Lesson, source: ArticleSource) -> Iterator[str]:
    yield f"# {lesson.title}"
    yield ""
    yield f"*{text.HANDOUT_KICKER} · {strings.APP_TITLE}*"
    yield ""
    yield from _markdown_safety()
    yield " ".join(lesson.summary.split())
    yield ""
    for number, step in enumerate(lesson.steps, 1):
        yield f"## {_step_heading(number, step)}"
        yield ""
        evidence = _evidence_line(step)
        if evidence:
            yield f"*{evidence}*"
            yield ""
        yield step.text.strip()
        yield ""
        diagram = _diagram_lines(lesson, step)
        if diagram:
            heading, lines = diagram
            yield f"**{heading}**"
            yield ""
            yield from (f"{n}. {line}" for n, line in enumerate(lines, 1))
            yield ""
        yield f"**{strings.KEY_POINT}:** {step.key_point}"
        yield ""
    glossary = lesson.glossary_entries()
    if glossary:
        yield f"## {strings.GLOSSARY_TITLE}"
        yield ""
        yield from (f"- **{entry.term}**: {entry.definition}" for entry in glossary)
        yield ""
    if lesson.unknowns:
        yield f"## {strings.REVIEW_TITLE}"
        yield ""
        yield strings.REVIEW_INTRO
        yield ""
        for number, unknown in enumerate(lesson.unknowns, 1):
            yield f"{number}. **{unknown.question}**  "
            yield f"   {' '.join(unknown.explanation.split())}"
        yield ""
    if lesson.actions:
        yield f"## {text.PROVIDER_TITLE}"
        yield ""
        yield text.PROVIDER_INTRO
        yield ""
        yield from (f"- {action.text}" for action in lesson.actions)
        yield ""
    yield f"## {text.SOURCES_TITLE}"
    yield ""
    yield text.SOURCES_INTRO
    yield ""
    yield from (f"- {line}" for line in _source_lines(source))
    yield ""
    yield "---"
    yield ""
    yield from _markdown_safety()


# --- HTML ------------------------------------------------------------------

_CSS = """
@page { size: A4; margin: 18mm 17mm 20mm 17mm; }
html { background: #fff; color: #000; }
body {
  font-family: Georgia, "Times New Roman", serif;
  font-size: 11.5pt; line-height: 1.45;
  max-width: 176mm; margin: 0 auto; padding: 0 4mm;
}
h1, h2, h3, .kicker, .safety { font-family: Arial, Helvetica, sans-serif; }
h1 { font-size: 20pt; margin: 0 0 4pt; }
h2 { font-size: 14pt; margin: 16pt 0 6pt; break-after: avoid; page-break-after: avoid; }
.kicker { font-size: 10pt; margin: 0; text-transform: uppercase; letter-spacing: 0.05em; }
.summary { font-size: 12pt; }
.safety {
  border: 2pt solid #000; padding: 6pt 10pt; margin: 10pt 0;
  break-inside: avoid; page-break-inside: avoid;
}
.safety p { margin: 3pt 0; }
.help-line { font-weight: bold; font-size: 12pt; }
section.step {
  border-top: 1pt solid #000; margin-top: 12pt;
  break-inside: avoid; page-break-inside: avoid;
}
.evidence { display: inline-block; border: 1pt solid #000; padding: 1pt 6pt; font-size: 10pt; }
.key-point { border-left: 3pt solid #000; padding-left: 8pt; }
dl div, .unknowns li, .provider li { break-inside: avoid; page-break-inside: avoid; }
dt { font-weight: bold; margin-top: 4pt; }
dd { margin: 0 0 0 12pt; }
.unknowns li { margin-bottom: 6pt; }
@media print {
  body { max-width: none; padding: 0; }
  footer.safety { break-before: avoid; }
}
"""


def handout_html(lesson: Lesson, source: ArticleSource) -> str:
    """Render a lesson as a self-contained HTML handout that prints well on A4.

    No external fonts, scripts, images or links: the CSS is inline and every
    text from the content is escaped.

    Args:
        lesson: The lesson.
        source: The article the lesson is based on.

    Returns:
        A complete HTML document.
    """
    title = html.escape(text.HANDOUT_DOC_TITLE.format(title=lesson.title))
    body = "\n".join(_html_body(lesson, source))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _e(value: str) -> str:
    return html.escape(" ".join(value.split()), quote=True)


def _html_safety(tag: str) -> str:
    return (
        f'<{tag} class="safety" role="note">\n'
        f'<p class="help-line">{_e(strings.HELP_LINE)}</p>\n'
        f"<p>{_e(strings.CAUTION)}</p>\n</{tag}>"
    )


def _html_body(lesson: Lesson, source: ArticleSource) -> Iterator[str]:
    yield "<header>"
    yield f'<p class="kicker">{_e(text.HANDOUT_KICKER)} · {_e(strings.APP_TITLE)}</p>'
    yield f"<h1>{_e(lesson.title)}</h1>"
    yield f'<p class="summary">{_e(lesson.summary)}</p>'
    yield "</header>"
    yield _html_safety("aside")
    yield "<main>"
    for number, step in enumerate(lesson.steps, 1):
        yield from _html_step(lesson, number, step)
    glossary = lesson.glossary_entries()
    if glossary:
        yield '<section class="glossary">'
        yield f"<h2>{_e(strings.GLOSSARY_TITLE)}</h2>\n<dl>"
        for entry in glossary:
            yield f"<div><dt>{_e(entry.term)}</dt><dd>{_e(entry.definition)}</dd></div>"
        yield "</dl>\n</section>"
    if lesson.unknowns:
        yield '<section class="unknowns">'
        yield f"<h2>{_e(strings.REVIEW_TITLE)}</h2>\n<p>{_e(strings.REVIEW_INTRO)}</p>\n<ol>"
        for unknown in lesson.unknowns:
            yield f"<li><strong>{_e(unknown.question)}</strong><br>{_e(unknown.explanation)}</li>"
        yield "</ol>\n</section>"
    if lesson.actions:
        yield '<section class="provider">'
        yield f"<h2>{_e(text.PROVIDER_TITLE)}</h2>\n<p>{_e(text.PROVIDER_INTRO)}</p>\n<ul>"
        yield from (f"<li>{_e(action.text)}</li>" for action in lesson.actions)
        yield "</ul>\n</section>"
    yield '<section class="sources">'
    yield f"<h2>{_e(text.SOURCES_TITLE)}</h2>\n<p>{_e(text.SOURCES_INTRO)}</p>\n<ul>"
    yield from (f"<li>{_e(line)}</li>" for line in _source_lines(source))
    yield "</ul>\n</section>"
    yield "</main>"
    yield _html_safety("footer")


def _html_step(lesson: Lesson, number: int, step: Step) -> Iterator[str]:
    yield f'<section class="step" id="stap-{number}">'
    yield f"<h2>{_e(_step_heading(number, step))}</h2>"
    evidence = _evidence_line(step)
    if evidence:
        yield f'<p class="evidence">{_e(evidence)}</p>'
    yield markdown_html(step.text)
    diagram = _diagram_lines(lesson, step)
    if diagram:
        heading, lines = diagram
        yield f"<p><strong>{_e(heading)}</strong></p>\n<ol>"
        yield from (f"<li>{_e(line)}</li>" for line in lines)
        yield "</ol>"
    yield (
        f'<p class="key-point"><strong>{_e(strings.KEY_POINT)}:</strong> '
        f"{inline_html(' '.join(step.key_point.split()))}</p>"
    )
    yield "</section>"
