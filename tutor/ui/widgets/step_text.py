"""A step's text (Markdown) drawn in one widget, parsed once per text.

Textual's `Markdown` widget builds a widget for every paragraph, list and list
item, and parses in a thread after it is mounted, so a step took a few frames
and tens of milliseconds to appear. Step texts use a small part of Markdown
(paragraphs, bold, lists), so this parses a text once (markdown-it-py, cached)
into a Rich renderable and draws it in a single widget: paragraphs with a blank
line between them, lists straight under the sentence that introduces them,
bullets and numbers in the theme's colour with the item text indented under
its first line, as the `Markdown` widget showed them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.widget import Widget

_PARSER = MarkdownIt("commonmark", {"html": False})

BULLET = "• "
QUOTE_BAR = "▌ "

_INLINE_STYLES = {"strong": "bold", "em": "italic", "link": "underline"}


@dataclass(frozen=True)
class Paragraph:
    """A run of text, wrapped to the width."""

    text: Text


@dataclass(frozen=True)
class Item:
    """One list item (or quote): its marker, and its blocks indented under the first line."""

    marker: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ItemList:
    """A bullet list, numbered list or quote: items with no blank line between them."""

    items: tuple[Item, ...]


Block = Paragraph | ItemList

Line = list[Segment]


def _inline(node: SyntaxTreeNode, text: Text, style: str = "") -> None:
    """Append the inline children of `node` to `text`."""
    for child in node.children:
        kind = child.type
        if kind in ("text", "html_inline"):
            text.append(child.content, style=style)
        elif kind == "softbreak":
            text.append(" ", style=style)
        elif kind == "hardbreak":
            text.append("\n", style=style)
        elif kind == "code_inline":
            text.append(child.content, style=f"{style} bold".strip())
        elif kind in _INLINE_STYLES:
            _inline(child, text, f"{style} {_INLINE_STYLES[kind]}".strip())
        else:  # e.g. an image: its description
            _inline(child, text, style)


def _blocks(nodes: Sequence[SyntaxTreeNode]) -> Iterator[Block]:
    """The blocks of a syntax tree, for anything CommonMark can hold."""
    for node in nodes:
        kind = node.type
        if kind in ("paragraph", "inline"):
            inline = node.children[0] if kind == "paragraph" and node.children else node
            text = Text()
            _inline(inline, text)
            yield Paragraph(text)
        elif kind == "heading":
            text = Text(style="bold")
            _inline(node.children[0], text)
            yield Paragraph(text)
        elif kind == "bullet_list":
            yield ItemList(
                tuple(Item(BULLET, tuple(_blocks(item.children))) for item in node.children)
            )
        elif kind == "ordered_list":
            start = int(str(node.attrs.get("start", 1)))
            numbers = [f"{number}. " for number in range(start, start + len(node.children))]
            width = max(len(number) for number in numbers) + 1
            yield ItemList(
                tuple(
                    Item(number.rjust(width), tuple(_blocks(item.children)))
                    for number, item in zip(numbers, node.children, strict=True)
                )
            )
        elif kind == "blockquote":
            yield ItemList((Item(QUOTE_BAR, tuple(_blocks(node.children))),))
        elif kind in ("fence", "code_block", "html_block"):
            yield Paragraph(Text(node.content.rstrip("\n")))
        elif kind == "hr":
            yield Paragraph(Text("―" * 3, style="dim"))
        else:
            yield from _blocks(node.children)


def _gap(before: Block | None, block: Block) -> bool:
    """A blank line between two blocks, except above a list that follows its sentence."""
    return before is not None and not (
        isinstance(block, ItemList) and isinstance(before, Paragraph)
    )


@dataclass(eq=False)
class StepDocument:
    """A parsed step text as a Rich renderable; lines are kept per width and marker style."""

    blocks: tuple[Block, ...]
    marker_style: Style = field(default_factory=Style.null)
    _lines: dict[tuple[int, Style], list[Line]] = field(default_factory=dict, repr=False)

    def with_marker_style(self, style: Style) -> StepDocument:
        """The same document, drawing bullets and numbers in `style` (sharing its line cache)."""
        if style == self.marker_style:
            return self
        return StepDocument(self.blocks, style, self._lines)

    @property
    def plain(self) -> str:
        """The text without markup, one block per line (for tests and searching)."""
        return "\n".join(_plain(self.blocks))

    def lines(self, console: Console, width: int) -> list[Line]:
        """The document wrapped to `width` cells, one list of segments per screen line."""
        key = (width, self.marker_style)
        if key not in self._lines:
            self._lines[key] = _draw(self.blocks, console, max(width, 1), self.marker_style)
        return self._lines[key]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        new_line = Segment.line()
        for line in self.lines(console, options.max_width):
            yield from line
            yield new_line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widths = [_measure(block, console, options) for block in self.blocks]
        if not widths:
            return Measurement(0, 0)
        return Measurement(max(w.minimum for w in widths), max(w.maximum for w in widths))


def _plain(blocks: Sequence[Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text.plain
        else:
            for item in block.items:
                inner = list(_plain(item.blocks)) or [""]
                yield item.marker + inner[0]
                yield from inner[1:]


def _measure(block: Block, console: Console, options: ConsoleOptions) -> Measurement:
    if isinstance(block, Paragraph):
        return Measurement.get(console, options, block.text)
    minimum = maximum = 0
    for item in block.items:
        for inner in item.blocks:
            measured = _measure(inner, console, options)
            minimum = max(minimum, cell_len(item.marker) + measured.minimum)
            maximum = max(maximum, cell_len(item.marker) + measured.maximum)
    return Measurement(minimum, maximum)


def _draw(blocks: Sequence[Block], console: Console, width: int, marker_style: Style) -> list[Line]:
    lines: list[Line] = []
    before: Block | None = None
    for block in blocks:
        if _gap(before, block):
            lines.append([])
        before = block
        if isinstance(block, Paragraph):
            for text_line in block.text.wrap(console, width, overflow="fold"):
                text_line.rstrip()  # the space where a line was broken
                lines.append(list(text_line.render(console)))
            continue
        for item in block.items:
            indent = cell_len(item.marker)
            inner = _draw(item.blocks, console, max(width - indent, 1), marker_style) or [[]]
            lines.append([Segment(item.marker, marker_style), *inner[0]])
            lines.extend([Segment(" " * indent), *line] if line else [] for line in inner[1:])
    return lines


@lru_cache(maxsize=512)
def step_document(markdown: str) -> StepDocument:
    """Parse a step text once; the same text gives the same (cached) document."""
    tree = SyntaxTreeNode(_PARSER.parse(markdown))
    return StepDocument(tuple(_blocks(tree.children)))


class StepText(Widget):
    """The text of a step: Markdown drawn as one block of text."""

    DEFAULT_CSS = """
    StepText {
        height: auto;
    }
    StepText > .step-text--marker {
        color: $text-primary;
    }
    StepText:light > .step-text--marker {
        color: $text-secondary;
    }
    """
    COMPONENT_CLASSES = {"step-text--marker"}
    """`step-text--marker`: the colour of bullets, numbers and the quote bar."""

    def __init__(self, markdown: str, *, id: str | None = None) -> None:
        """Create the widget.

        Args:
            markdown: The step text (Markdown).
            id: The widget's id.
        """
        super().__init__(id=id)
        self.document = step_document(markdown)

    def update(self, markdown: str) -> None:
        """Show another text."""
        document = step_document(markdown)
        if document is not self.document:
            self.document = document
            self.refresh(layout=True)

    def prepare(self, markdown: str) -> None:
        """Parse and wrap another text at this widget's width now, so it shows at once later."""
        width = self.content_size.width
        if width:
            self._styled(step_document(markdown)).lines(self.app.console, width)

    def render(self) -> StepDocument:
        return self._styled(self.document)

    def _styled(self, document: StepDocument) -> StepDocument:
        style = self.get_component_rich_style("step-text--marker", partial=True)
        return document.with_marker_style(style)
