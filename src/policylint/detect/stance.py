"""Decide a sentence's stance from the stance cues that fired in it, and a topic's overall stance.

The refusal *is* the policy here ("I do not accept friend requests"), so negation is a cue for
`declines`, not a reason to discard the sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from policylint.model import Stance

# Where one clause ends and another with its own subject, or its own verb, begins: "I rarely
# post, and I don't follow clients" holds two positions, and "rarely" is not about following;
# in "does not follow your blog and will not search for you, unless ...", "unless" is about
# searching.
_CLAUSE_BREAK = re.compile(
    r";|\b(?:and|but|while|whereas|although|though|so)\s+"
    r"(?=(?:i|we|you|they|he|she|there|clients?|our|my|your"
    r"|will|would|won't|do|does|don't|doesn't|can|cannot|can't|may|might|shall|should|must"
    r"|never)\b)",
    re.IGNORECASE,
)


def clause_starts(text: str, offset: int = 0) -> list[int]:
    """Character offsets (plus `offset`) where each clause after the first begins."""
    return [offset + m.end() for m in _CLAUSE_BREAK.finditer(text)]


def clause_of(offset: int, starts: list[int]) -> int:
    """The index of the clause holding character `offset`, given `clause_starts`."""
    return bisect_right(starts, offset)


def sentence_stance(cues: Iterable[tuple[Stance, int]]) -> tuple[Stance, int]:
    """The stance of the strongest cue and its priority; a declines/permits tie is conditional.

    `cues` are (stance, priority) pairs. With no cue the sentence mentions the topic without
    taking a position: `unclear`, priority 0.
    """
    best: dict[Stance, int] = {}
    for stance, priority in cues:
        best[stance] = max(priority, best.get(stance, priority))
    if not best:
        return Stance.UNCLEAR, 0
    top = max(best.values())
    winners = {stance for stance, priority in best.items() if priority == top}
    if Stance.CONDITIONAL in winners or {Stance.DECLINES, Stance.PERMITS} <= winners:
        return Stance.CONDITIONAL, top
    for stance in (Stance.DECLINES, Stance.PERMITS):
        if stance in winners:
            return stance, top
    return Stance.UNCLEAR, top


def overall_stance(stances: Iterable[tuple[Stance, int]]) -> Stance | None:
    """Combine the (stance, priority) of a topic's evidence sentences into the document's stance.

    Sentences without a position are ignored when others have one. Any conditional sentence
    makes the policy conditional. Declining and permitting sentences of equal strength (LinkedIn
    yes, Facebook no) make it conditional too; a weaker one gives way to a stronger one, so for
    `following` "you may follow my page" (a weak permit) does not undo "I will not follow you".
    """
    seen = list(stances)
    if not seen:
        return None
    positions = [(s, p) for s, p in seen if s is not Stance.UNCLEAR]
    if not positions:
        return Stance.UNCLEAR
    if any(s is Stance.CONDITIONAL for s, _ in positions):
        return Stance.CONDITIONAL
    top = max(p for _, p in positions)
    strongest = {s for s, p in positions if p == top}
    return Stance.CONDITIONAL if len(strongest) > 1 else strongest.pop()
