"""Markdown policies via markdown-it-py: structure from the parser, positions from the source.

Inline markup is rendered to the words a reader sees (links become their text, emphasis
markers go), while each rendered line keeps the source line and column it came from.
Code, raw HTML and front matter are not policy text and are dropped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from policylint.model import Block, BlockKind
from policylint.readers._blocks import HeadingTracker, make_block
from policylint.readers.decode import decode_text

if TYPE_CHECKING:
    from markdown_it.token import Token

_FRONT_MATTER_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_CONTAINERS = {
    "blockquote_open": BlockKind.QUOTE,
    "list_item_open": BlockKind.LIST_ITEM,
    "th_open": BlockKind.TABLE_CELL,
    "td_open": BlockKind.TABLE_CELL,
    "heading_open": BlockKind.HEADING,
}
_CLOSERS = {
    "blockquote_close",
    "list_item_close",
    "th_close",
    "td_close",
    "heading_close",
}


class MarkdownReader:
    """Reads .md and .markdown files."""

    name = "markdown"

    def read(self, data: bytes, path: str, encoding: str | None) -> tuple[Block, ...]:
        return parse_markdown(decode_text(data, path, encoding))


def parse_markdown(text: str) -> tuple[Block, ...]:
    """Blocks of a decoded Markdown document, with 1-based line:column positions."""
    from markdown_it import MarkdownIt

    source_lines = _blank_front_matter(text.split("\n"))
    tokens = MarkdownIt("commonmark").enable("table").parse("\n".join(source_lines))
    return tuple(_walk(tokens, source_lines))


def _blank_front_matter(lines: list[str]) -> list[str]:
    """Replace a leading YAML/TOML front matter block with blank lines, keeping line numbers."""
    closers = _FRONT_MATTER_FENCES.get(lines[0].rstrip()) if lines else None
    if not closers:
        return lines
    for index in range(1, len(lines)):
        if lines[index].rstrip() in closers:
            return [""] * (index + 1) + lines[index + 1 :]
    return lines


def _walk(tokens: list[Token], source_lines: list[str]) -> list[Block]:
    """Turn every inline token into a block whose kind comes from its innermost container."""
    tracker = HeadingTracker()
    containers: list[BlockKind] = []
    row_cursor: dict[int, int] = {}  # per table row line: where the previous cell ended
    blocks: list[Block] = []
    heading_level = 1
    for token in tokens:
        if token.type in _CONTAINERS:
            containers.append(_CONTAINERS[token.type])
            if token.type == "heading_open":
                heading_level = int(token.tag[1:])
        elif token.type in _CLOSERS:
            containers.pop()
        elif token.type == "inline" and token.map is not None:
            kind = _kind(containers)
            starts_from = 0
            if kind is BlockKind.TABLE_CELL:
                starts_from = row_cursor.get(token.map[0], 0)
            rendered = _render(token, source_lines, starts_from)
            if rendered is None:
                continue
            text, starts = rendered
            if kind is BlockKind.TABLE_CELL:
                row_cursor[token.map[0]] = starts[0][1] - 1 + len(text)
            is_heading = kind is BlockKind.HEADING
            path = tracker.enter(heading_level, text) if is_heading else tracker.path
            blocks.append(make_block(text, kind, path, line_starts=starts))
    return blocks


def _kind(containers: list[BlockKind]) -> BlockKind:
    """Headings and cells win; otherwise the innermost list item or quote decides."""
    for kind in (BlockKind.HEADING, BlockKind.TABLE_CELL):
        if kind in containers:
            return kind
    return containers[-1] if containers else BlockKind.PARAGRAPH


def _render(
    token: Token, source_lines: list[str], search_from: int
) -> tuple[str, tuple[tuple[int, int], ...]] | None:
    """Plain text of an inline token and the source (line, column) of each of its lines."""
    assert token.map is not None
    pieces = _rendered_lines(token.children or [])
    content_lines = token.content.split("\n")
    first_line = token.map[0]
    texts: list[str] = []
    starts: list[tuple[int, int]] = []
    for index, line_pieces in enumerate(pieces):
        stripped = "".join(line_pieces).strip()
        if not stripped:
            continue
        number = min(first_line + index, len(source_lines) - 1)
        content = content_lines[index] if index < len(content_lines) else ""
        anchor = next((p.strip() for p in line_pieces if p.strip()), stripped)
        column = _column(source_lines[number], content, anchor, search_from if index == 0 else 0)
        texts.append(stripped)
        starts.append((number + 1, column))
    if not texts:
        return None
    return "\n".join(texts), tuple(starts)


def _rendered_lines(children: list[Token]) -> list[list[str]]:
    """Rendered text pieces grouped by source line.

    Dropped inline HTML still advances the line count, so the lines after a multi-line
    comment keep their true line numbers.
    """
    lines: list[list[str]] = [[]]
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            lines.append([])
        elif child.type == "html_inline":
            lines.extend([] for _ in range(child.content.count("\n")))
        elif child.type in ("text", "code_inline"):
            lines[-1].append(child.content)
        elif child.type == "image":
            lines[-1].append(_image_alt(child))
    return lines


def _image_alt(image: Token) -> str:
    return "".join(c.content for c in image.children or [] if c.type in ("text", "code_inline"))


_NON_SPACE = re.compile(r"\S")


def _column(source: str, content: str, anchor: str, search_from: int) -> int:
    """1-based column where the rendered line begins in its source line.

    The first rendered word is found in the source (so `**Bold**` points at `B`); failing
    that, the start of the raw content, then the first non-space character.
    """
    for needle in (anchor, content.strip()):
        if needle:
            found = source.find(needle, search_from)
            if found >= 0:
                return found + 1
    first = _NON_SPACE.search(source, search_from)
    return first.start() + 1 if first else 1
