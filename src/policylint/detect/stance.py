"""Decide a sentence's stance from the stance cues that fired in it, and a topic's overall stance.

The refusal *is* the policy here ("I do not accept friend requests"), so negation is a cue for
`declines`, not a reason to discard the sentence.
"""

from __future__ import annotations

from collections.abc import Iterable

from policylint.model import Stance


def sentence_stance(cues: Iterable[tuple[Stance, int]]) -> Stance:
    """The stance of the strongest cue; a tie between declines and permits reads as conditional.

    `cues` are (stance, priority) pairs. With no cue the sentence mentions the topic without
    taking a position: `unclear`.
    """
    best: dict[Stance, int] = {}
    for stance, priority in cues:
        best[stance] = max(priority, best.get(stance, priority))
    if not best:
        return Stance.UNCLEAR
    top = max(best.values())
    winners = {stance for stance, priority in best.items() if priority == top}
    if Stance.CONDITIONAL in winners:
        return Stance.CONDITIONAL
    if {Stance.DECLINES, Stance.PERMITS} <= winners:
        return Stance.CONDITIONAL
    for stance in (Stance.DECLINES, Stance.PERMITS, Stance.UNCLEAR):
        if stance in winners:
            return stance
    return Stance.UNCLEAR


def overall_stance(stances: Iterable[Stance]) -> Stance | None:
    """Combine the stances of a topic's evidence sentences into the document's stance.

    Sentences without a position are ignored when others have one. Any conditional sentence,
    or a policy that both declines and permits (LinkedIn yes, Facebook no), is conditional.
    """
    seen = set(stances)
    if not seen:
        return None
    positions = seen - {Stance.UNCLEAR}
    if not positions:
        return Stance.UNCLEAR
    if Stance.CONDITIONAL in positions or {Stance.DECLINES, Stance.PERMITS} <= positions:
        return Stance.CONDITIONAL
    return positions.pop()
