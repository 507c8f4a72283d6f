"""The rulebook as loaded from YAML: topics (what text covers a point) and regulator packs.

Every object keeps `source = (path, line)` so errors and `policylint explain` can point at the
YAML that defined it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policylint.model import Severity, Stance

Source = tuple[str, int | None]
TokenPattern = list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class PatternSpec:
    """One spaCy Matcher token pattern (or a list of phrases) with a stable id for explanations."""

    id: str
    tokens: tuple[TokenPattern, ...] = ()
    phrases: tuple[str, ...] = ()
    source: Source = ("", None)
    context: str | None = (
        None  # a trigger's own context scope; None = the topic's, "none" = no context needed
    )


@dataclass(frozen=True, slots=True)
class CueSpec:
    """A stance cue: a pattern that, inside an evidence sentence, signals a stance.

    Higher `priority` wins when cues of several stances fire in one sentence; a tie between
    `declines` and `permits` makes the sentence `conditional` (it says both). A cue with a
    `reach` counts only within that many tokens of one of the topic's triggers ("not" in
    "has no bearing on our work" says nothing about following), or within `context_reach`
    tokens of one of its context words ("I don't use Facebook with clients, but ..."); 0 means
    anywhere in the sentence. An `own_clause` cue counts only in a clause holding a trigger:
    "rarely" in "I rarely post, and I don't follow clients" is not about following.
    """

    stance: Stance
    priority: int
    pattern: PatternSpec
    reach: int = 0
    context_reach: int = 0
    own_clause: bool = False


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence shipped with a rule, and what the rule must conclude about it."""

    text: str
    covered: bool
    stance: Stance | None = None
    source: Source = ("", None)


@dataclass(frozen=True, slots=True)
class ContextSpec:
    """Words that must appear near a trigger for it to count (e.g. an online-contact word)."""

    scope: str  # "sentence" | "near" | "block" | "section"
    patterns: tuple[PatternSpec, ...]
    # With scope "near": the context also holds right after a sentence that covered one of these
    # topics ("If it comes up, we'll talk about it in the room." after "There are no exceptions.").
    after_topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Topic:
    """A point a policy can cover, with the patterns that recognise it."""

    id: str
    title: str
    description: str
    triggers: tuple[PatternSpec, ...]
    context: ContextSpec | None = None
    requires: tuple[PatternSpec, ...] = ()
    excludes: tuple[PatternSpec, ...] = ()
    sentence_excludes: tuple[PatternSpec, ...] = ()
    cues: tuple[CueSpec, ...] = ()
    has_stance: bool = False
    examples: tuple[Example, ...] = ()
    source: Source = ("", None)


@dataclass(frozen=True, slots=True)
class PlaceholderRules:
    """Patterns for unfilled template text, with their examples."""

    patterns: tuple[PatternSpec, ...]
    examples: tuple[Example, ...] = ()
    source: Source = ("", None)


@dataclass(frozen=True, slots=True)
class CommonRules:
    """Shared cues: stance cues any topic may use, phrases in which a cue word takes no position
    (`not_cues`: "does not mean"), vacuous-text cues, attribution cues, and the words without
    which a document is not about online contact at all (`document_gate`), unless they only
    stand in a sentence that is no online contact (`document_gate_excludes`: "How did you hear
    about us? ... social media", a tick box "[ ] Facebook")."""

    cues: tuple[CueSpec, ...] = ()
    not_cues: tuple[PatternSpec, ...] = ()
    vacuous: tuple[PatternSpec, ...] = ()
    attribution: tuple[PatternSpec, ...] = ()
    document_gate: tuple[PatternSpec, ...] = ()
    document_gate_excludes: tuple[PatternSpec, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """A regulator document a pack draws on."""

    title: str
    edition: str | None = None


@dataclass(frozen=True, slots=True)
class Requirement:
    """What one regulator asks of a policy about one topic."""

    id: str
    pack: str
    topic: str
    title: str
    severity: Severity
    why: str
    suggestion: str
    stance: tuple[Stance, ...] = ()
    clause: str | None = None
    document: str | None = None
    strength: str | None = None
    source: Source = ("", None)


@dataclass(frozen=True, slots=True)
class RegulatorPack:
    """A regulator (or `core`, `best-practice`): its identity and its requirements."""

    id: str
    name: str
    jurisdiction: str
    profession: str
    requirements: tuple[Requirement, ...]
    documents: tuple[DocumentRef, ...] = ()
    extends: tuple[str, ...] = ()
    source: Source = ("", None)


@dataclass(frozen=True, slots=True)
class UnavailablePack:
    """A body we know of but cannot check against yet, and why."""

    id: str
    name: str
    reason: str


@dataclass(frozen=True, slots=True, eq=False)
class Rulebook:
    """Every topic and pack loaded from the rules folder (hashed by identity, for caches)."""

    topics: dict[str, Topic]
    packs: dict[str, RegulatorPack]
    placeholders: PlaceholderRules
    common: CommonRules
    unavailable: dict[str, UnavailablePack] = field(default_factory=dict)

    def requirements_for(self, pack_ids: tuple[str, ...]) -> tuple[Requirement, ...]:
        """All requirements of the given packs (already resolved through `extends`)."""
        return tuple(req for pid in pack_ids for req in self.packs[pid].requirements)

    def topics_for(self, pack_ids: tuple[str, ...]) -> tuple[str, ...]:
        """The topic ids the given packs ask about, in the packs' order."""
        ordered = dict.fromkeys(req.topic for req in self.requirements_for(pack_ids))
        return tuple(ordered)

    def find_requirement(self, rule_id: str) -> Requirement | None:
        for pack in self.packs.values():
            for req in pack.requirements:
                if req.id == rule_id:
                    return req
        return None
