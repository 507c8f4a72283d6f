"""Plain-text policies: recover headings, paragraphs and list items from bare lines.

Real .txt policies come in two shapes: hard-wrapped (lines of ~72 characters, paragraphs
between blank lines) or one paragraph per line with no blank lines at all (what copying out of
Word or a web page gives). The reader first decides which shape the file has, then splits on
the line breaks that were deliberate and joins the ones that only wrapped.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from policylint.model import Block, BlockKind
from policylint.readers._blocks import HeadingTracker, make_block
from policylint.readers.decode import decode_text

# "- x", "* x", "• x", "1. x", "1) x", "a) x", "(a) x", "(iv) x"
_LIST_MARKER = re.compile(
    r"(?:[-*+•◦▪‣\u2013]|\d{1,3}[.)]|[A-Za-z][.)]|\((?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,5})\))"
    r"[ \t]+(?=\S)"
)
_QUOTE_MARKER = re.compile(r">[ \t]?(?=\S)")
_ATX = re.compile(r"(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_UNDERLINE = re.compile(r"(=+|-+)[ \t]*$")
_RULE = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,}|(?:=[ \t]*){3,})$")
_QUOTES = "\"'\u201d\u2019"  # straight and closing curly quotes
_SENTENCE_END = tuple(".!?:;)" + _QUOTES)
_HEADING_BAD_END = tuple(".!?;," + _QUOTES)
_MAX_HEADING_WORDS = 8
_MAX_CAPS_WORDS = 10
_MAX_HEADING_CHARS = 80
_MIN_WRAP, _MAX_WRAP = 40, 120


@dataclass(frozen=True, slots=True)
class _Line:
    """One non-blank source line: its number, where its text starts, and its text."""

    number: int
    column: int
    text: str
    width: int  # length including indentation, for the "would the next word fit" test


@dataclass(slots=True)
class _Draft:
    """A block being assembled from source lines."""

    kind: BlockKind
    parts: list[tuple[str, int, int]] = field(default_factory=list)  # text, line, column
    level: int = 0
    indent: int = 0  # column of a list item's marker; deeper lines continue the item

    def add(self, text: str, line: int, column: int) -> None:
        self.parts.append((text, line, column))


class TextReader:
    """Reads .txt files."""

    name = "text"

    def read(self, data: bytes, path: str, encoding: str | None) -> tuple[Block, ...]:
        return parse_text(decode_text(data, path, encoding))


def parse_text(text: str) -> tuple[Block, ...]:
    """Split decoded text into blocks with source line/column for every line."""
    groups = _groups(text)
    wrap = _wrap_width(groups)
    drafts: list[_Draft] = []
    for index, group in enumerate(groups):
        after = groups[index + 1][0] if index + 1 < len(groups) else None
        drafts.extend(_split_group(group, after, wrap, first_in_document=not drafts))
    return _to_blocks(drafts)


def _groups(text: str) -> list[list[_Line]]:
    """Runs of non-blank lines, as separated by blank lines."""
    groups: list[list[_Line]] = [[]]
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            if groups[-1]:
                groups.append([])
            continue
        column = len(raw) - len(raw.lstrip()) + 1
        groups[-1].append(_Line(number, column, stripped, len(raw.rstrip())))
    return [g for g in groups if g]


def _wrap_width(groups: list[list[_Line]]) -> int | None:
    """The width the file was hard-wrapped at, or None if its line breaks are all deliberate.

    Lines that are followed by more text in their paragraph cluster just under the wrap width
    in wrapped files; in one-paragraph-per-line files they are long and ragged.
    """
    widths = [
        line.width
        for group in groups
        for line, following in itertools.pairwise(group)
        if not _LIST_MARKER.match(following.text) and not _UNDERLINE.match(following.text)
    ]
    if not widths:
        return None
    widest = max(widths)
    if not _MIN_WRAP <= widest <= _MAX_WRAP:
        return None
    near = sum(1 for width in widths if width >= widest * 0.75)
    return widest if near / len(widths) >= 0.6 else None


def _split_group(
    group: list[_Line], after: _Line | None, wrap: int | None, *, first_in_document: bool
) -> list[_Draft]:
    """Blocks within one run of non-blank lines."""
    drafts: list[_Draft] = []
    current: _Draft | None = None
    index = 0
    while index < len(group):
        line = group[index]
        following = group[index + 1] if index + 1 < len(group) else None
        if following is not None and _is_setext_underline(line, following):
            level = 1 if following.text.startswith("=") else 2
            current = None
            drafts.append(_heading(line.text, line, level))
            index += 2
            continue
        index += 1
        if _RULE.match(line.text):
            current = None
            continue
        quote = _QUOTE_MARKER.match(line.text)
        if quote:
            if current is None or current.kind is not BlockKind.QUOTE:
                current = _Draft(BlockKind.QUOTE)
                drafts.append(current)
            current.add(line.text[quote.end() :], line.number, line.column + quote.end())
            continue
        marker = _LIST_MARKER.match(line.text)
        if marker:
            current = _Draft(BlockKind.LIST_ITEM, indent=line.column)
            current.add(line.text[marker.end() :], line.number, line.column + marker.end())
            drafts.append(current)
            continue
        if current is not None and not _starts_block(current, group[index - 2], line, wrap):
            current.add(line.text, line.number, line.column)
            continue
        first = first_in_document and not drafts
        heading = _heading_for(line, following or after, following is not None, wrap, first=first)
        if heading is not None:
            current = None
            drafts.append(heading)
            continue
        current = _Draft(BlockKind.PARAGRAPH)
        current.add(line.text, line.number, line.column)
        drafts.append(current)
    return drafts


def _is_setext_underline(line: _Line, following: _Line) -> bool:
    return (
        len(following.text) >= 3
        and _UNDERLINE.match(following.text) is not None
        and not _LIST_MARKER.match(line.text)
        and not _RULE.match(line.text)
    )


def _starts_block(current: _Draft, prev: _Line, line: _Line, wrap: int | None) -> bool:
    """Whether the break between `prev` and `line` was deliberate rather than a wrap."""
    if current.kind in (BlockKind.HEADING, BlockKind.QUOTE):
        return True
    if current.kind is BlockKind.LIST_ITEM and line.column > current.indent:
        return False  # indented under the item: its continuation
    if wrap is not None and not _next_word_fits(prev, line, wrap):
        return False  # the line was full, so the break only wrapped
    if _ends_sentence(prev.text) or _is_strong_heading(line.text):
        return True
    # Unwrapped files: a break is a new paragraph unless the sentence visibly runs on.
    return wrap is None and not line.text[0].islower()


def _next_word_fits(prev: _Line, line: _Line, wrap: int) -> bool:
    first_word = line.text.split(maxsplit=1)[0]
    return prev.width + 1 + len(first_word) <= wrap


def _ends_sentence(text: str) -> bool:
    return text.endswith(_SENTENCE_END)


def _heading_for(
    line: _Line, following: _Line | None, in_group: bool, wrap: int | None, *, first: bool
) -> _Draft | None:
    """A heading draft if `line` reads as a heading, else None."""
    atx = _ATX.match(line.text)
    if atx and atx.group(2):
        return _heading(atx.group(2), line, len(atx.group(1)), offset=atx.start(2))
    level = 1 if first else 2
    if _is_strong_heading(line.text):
        return _heading(line.text.removesuffix(":").rstrip(), line, level)
    if following is None or not _is_weak_heading(line.text):
        return None
    if in_group and wrap is not None and not _next_word_fits(line, following, wrap):
        return None  # a short first line that merely wrapped
    return _heading(line.text, line, level)


def _is_strong_heading(text: str) -> bool:
    """ALL CAPS lines and short labels ending in a colon are headings wherever they stand."""
    words = text.split()
    if len(text) > _MAX_HEADING_CHARS or not text[0].isalnum():
        return False
    if text.endswith(":"):
        return len(words) <= _MAX_HEADING_WORDS and ": " not in text
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 2
        and all(c.isupper() for c in letters)
        and len(words) <= _MAX_CAPS_WORDS
        and not text.endswith(_HEADING_BAD_END)
    )


def _is_weak_heading(text: str) -> bool:
    """A short line with no closing punctuation, e.g. `Social Media Policy`."""
    return (
        len(text) <= _MAX_HEADING_CHARS
        and len(text.split()) <= _MAX_HEADING_WORDS
        and (text[0].isupper() or text[0].isdigit())
        and not text.endswith(_HEADING_BAD_END)
        and ": " not in text  # "Effective date: 1 May" is a field, not a heading
    )


def _heading(text: str, line: _Line, level: int, offset: int = 0) -> _Draft:
    draft = _Draft(BlockKind.HEADING, level=level)
    draft.add(text, line.number, line.column + offset)
    return draft


def _to_blocks(drafts: list[_Draft]) -> tuple[Block, ...]:
    tracker = HeadingTracker()
    blocks: list[Block] = []
    for draft in drafts:
        text = "\n".join(part for part, _, _ in draft.parts)
        starts = tuple((line, column) for _, line, column in draft.parts)
        is_heading = draft.kind is BlockKind.HEADING
        path = tracker.enter(draft.level, text) if is_heading else tracker.path
        kind = BlockKind.QUOTE if _is_quotation(draft, text) else draft.kind
        blocks.append(make_block(text, kind, path, line_starts=starts))
    return tuple(blocks)


def _is_quotation(draft: _Draft, text: str) -> bool:
    """A paragraph wholly inside quotation marks is quoted text (e.g. a regulator's code)."""
    return (
        draft.kind is BlockKind.PARAGRAPH
        and len(text) > 2
        and text.startswith(("“", '"'))
        and text.endswith(("”", '"'))
    )
