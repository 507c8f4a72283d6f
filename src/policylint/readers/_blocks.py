"""Shared by every reader: heading paths and block construction.

Kept in one place so all formats agree on what `heading_path` and `Location.section` mean:
the headings *above* a block, outermost first; a heading's own path is its ancestors.
"""

from __future__ import annotations

from policylint.model import Block, BlockKind, Location


def clean_heading(text: str) -> str:
    """A heading as it reads in a path: one line, single spaces."""
    return " ".join(text.split())


class HeadingTracker:
    """The stack of open headings, so each block can be given the path above it."""

    def __init__(self) -> None:
        self._stack: list[tuple[int, str]] = []

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(text for _, text in self._stack)

    def enter(self, level: int, text: str) -> tuple[str, ...]:
        """Open a heading of `level` (smaller is outer); return the path above it."""
        while self._stack and self._stack[-1][0] >= level:
            self._stack.pop()
        above = self.path
        self._stack.append((level, clean_heading(text)))
        return above


def make_block(
    text: str,
    kind: BlockKind,
    heading_path: tuple[str, ...],
    *,
    line_starts: tuple[tuple[int, int], ...] = (),
    paragraph: int | None = None,
) -> Block:
    """Build a block whose location starts where its first line does."""
    line, column = line_starts[0] if line_starts else (None, None)
    location = Location(
        line=line,
        column=column,
        paragraph=paragraph,
        section=heading_path[-1] if heading_path else None,
    )
    return Block(
        text=text,
        kind=kind,
        location=location,
        heading_path=heading_path,
        line_starts=line_starts,
    )
