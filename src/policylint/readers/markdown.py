"""Markdown policies via markdown-it-py: structure from the parser, positions from the source.

Inline markup is rendered to the words a reader sees (links become their text, emphasis
markers go), while each rendered line keeps the source line and column it came from.
Code, raw HTML and front matter are not policy text and are dropped; but a template's
angle-bracket placeholder (`<therapist name>`, `<name>`) is not HTML and is kept as text.
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

    source_lines = [_mask_placeholders(line) for line in _blank_front_matter(text.split("\n"))]
    tokens = MarkdownIt("commonmark").enable("table").parse("\n".join(source_lines))
    return tuple(_walk(tokens, source_lines))


# Element names of HTML (current and obsolete): `<div>` or `<span>` is markup, to be dropped.
_HTML_ELEMENT_NAMES = """
    a abbr acronym address area article aside audio b base basefont bdi bdo big blink
    blockquote body br button canvas caption center cite code col colgroup data datalist dd
    del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form
    frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd
    label legend li link main map mark marquee math menu menuitem meta meter nav nobr noframes
    noscript object ol optgroup option output p param picture plaintext portal pre progress q
    rb rp rt rtc ruby s samp script search section select slot small source span strike
    strong style sub summary sup svg table tbody td template textarea tfoot th thead time
    title tr track tt u ul var video wbr xmp
"""
_HTML_ELEMENTS = frozenset(_HTML_ELEMENT_NAMES.split())
# Attributes written without a value in real HTML (`<details open>`).
_BARE_ATTRIBUTE_NAMES = """
    allowfullscreen async autofocus autoplay checked controls default defer disabled
    formnovalidate hidden inert ismap itemscope loop multiple muted nomodule novalidate open
    playsinline readonly required reversed selected
"""
_BARE_ATTRIBUTES = frozenset(_BARE_ATTRIBUTE_NAMES.split())
# `<words>`: letters, digits and a few word characters, no `=`, `/`, `:` or `@`, so neither
# an HTML tag with attribute values, a closing tag, a comment, nor an autolink. Not after a
# backslash (already literal) or `](` (a `[link](<destination>)`).
_ANGLE_WORDS = re.compile(r"(?<!\\)(?<!\]\()<([A-Za-z][\w'\u2019.-]*(?:[ \t]+[\w'\u2019.-]+)*)>")
# Stand-ins for `<` and `>` of a placeholder: Unicode noncharacters, never in real text, one
# character each, so columns do not move; markdown-it sees them as ordinary text.
_OPEN, _CLOSE = "\ufdd0", "\ufdd1"
_RESTORE = str.maketrans({_OPEN: "<", _CLOSE: ">"})


def _is_placeholder(inner: str) -> bool:
    """`therapist name` or `name` is a placeholder; `div` or `details open` is HTML."""
    name, *attributes = inner.lower().split()
    if name not in _HTML_ELEMENTS:
        return True
    return bool(attributes) and not all(a in _BARE_ATTRIBUTES for a in attributes)


def _mask_placeholders(line: str) -> str:
    """Hide the angle brackets of placeholders from markdown-it, which reads them as HTML."""
    if "<" not in line:
        return line

    def mask(match: re.Match[str]) -> str:
        inner = match.group(1)
        return f"{_OPEN}{inner}{_CLOSE}" if _is_placeholder(inner) else match.group(0)

    return _ANGLE_WORDS.sub(mask, line)


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
        texts.append(stripped.translate(_RESTORE))
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
