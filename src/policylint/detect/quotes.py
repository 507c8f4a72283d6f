"""Find passages quoted from someone else, so a regulator's words never count as the policy's.

A sentence lying wholly inside quotation marks ("Many therapists take the position that …")
reports another's view. Short scare quotes (“friend”) enclose no sentence and are harmless.
"""

from __future__ import annotations

_PAIRS = {"“": "”", "«": "»", "„": "“"}
_MIN_QUOTED_WORDS = 6


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (inclusive of the marks) of quotations of at least a few words."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    straight_open: int | None = None
    for index, char in enumerate(text):
        if stack and char == _PAIRS[stack[-1][0]]:
            _, start = stack.pop()
            if not stack:
                spans.append((start, index + 1))
        elif char in _PAIRS:
            stack.append((char, index))
        elif char == '"' and not stack:
            if straight_open is None:
                straight_open = index
            else:
                spans.append((straight_open, index + 1))
                straight_open = None
    # An opening mark never closed is ignored: discarding the rest of the block on a stray
    # mark would hide real policy text, which is the worse mistake.
    return [(s, e) for s, e in spans if len(text[s:e].split()) >= _MIN_QUOTED_WORDS]
