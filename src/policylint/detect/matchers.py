"""Compile the rulebook's patterns into one spaCy Matcher and one PhraseMatcher.

Every pattern is registered under a key `role|owner|pattern_id`, so one pass over a block's
Doc finds triggers, context, exclusions, stance cues, vacuous text and placeholders at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from policylint.errors import RuleFileError
from policylint.rulebook.types import CueSpec, PatternSpec, Rulebook

if TYPE_CHECKING:
    from spacy.matcher import Matcher, PhraseMatcher
    from spacy.tokens import Doc

TRIGGER = "trigger"
CONTEXT = "context"
EXCLUDE = "exclude"
SENTENCE_EXCLUDE = "sentence_exclude"
REQUIRE = "require"
CUE = "cue"
NOT_CUE = "not_cue"
VACUOUS = "vacuous"
ATTRIBUTION = "attribution"
PLACEHOLDER = "placeholder"
GATE = "gate"
GATE_EXCLUDE = "gate_exclude"
COMMON = "*"


@dataclass(frozen=True, slots=True)
class Match:
    """One pattern hit in a Doc: what it is for (`role`), whose it is, and where."""

    role: str
    owner: str
    pattern_id: str
    start: int
    end: int
    start_char: int
    end_char: int


def cue_key(cue: CueSpec) -> str:
    """The pattern id a stance cue is registered under: `stance:priority:id`."""
    return f"{cue.stance.value}:{cue.priority}:{cue.pattern.id}"


class CompiledRules:
    """The matchers for a rulebook, plus each stance cue by (topic, registered pattern id) and
    the (topic, trigger id) pairs whose trigger only continues the sentence before."""

    def __init__(
        self,
        matcher: Matcher,
        phrase_matcher: PhraseMatcher,
        cues: dict[tuple[str, str], CueSpec],
        continuations: frozenset[tuple[str, str]] = frozenset(),
    ) -> None:
        self.matcher = matcher
        self.phrase_matcher = phrase_matcher
        self.cues = cues
        self.continuations = continuations

    def cue(self, hit: Match) -> CueSpec:
        """The stance cue a `CUE` match came from."""
        return self.cues[(hit.owner, hit.pattern_id)]

    def continues_previous(self, hit: Match) -> bool:
        """Whether a `TRIGGER` match is one scoped `previous` ("check" after a sentence on
        messages), which names no topic on its own."""
        return (hit.owner, hit.pattern_id) in self.continuations

    def matches(self, doc: Doc) -> list[Match]:
        """All hits of every pattern in `doc`, in document order."""
        strings = doc.vocab.strings
        found: list[Match] = []
        for key, start, end in [*self.matcher(doc), *self.phrase_matcher(doc)]:
            role, owner, pattern_id = strings[key].split("|", 2)
            span = doc[start:end]
            found.append(Match(role, owner, pattern_id, start, end, span.start_char, span.end_char))
        found.sort(key=lambda m: (m.start, m.end))
        return found


def _add(
    matcher: Matcher,
    phrase_matcher: PhraseMatcher,
    role: str,
    owner: str,
    specs: Iterable[PatternSpec],
    make_doc: object,
) -> None:
    from spacy.errors import MatchPatternError

    for spec in specs:
        key = f"{role}|{owner}|{spec.id}"
        if spec.tokens:
            try:
                matcher.add(key, [list(p) for p in spec.tokens])
            except (MatchPatternError, ValueError, KeyError) as exc:
                detail = " ".join(str(exc).split())
                detail = detail.replace(f"for matcher rule '{key}'", "").strip()
                raise RuleFileError(
                    spec.source[0], spec.source[1], None, f"pattern '{spec.id}': {detail}"
                ) from None
        if spec.phrases:
            phrase_matcher.add(key, [make_doc(p.lower()) for p in spec.phrases])  # type: ignore[operator]


def rule_patterns(rulebook: Rulebook) -> Iterator[tuple[str, str, PatternSpec]]:
    """Every pattern of the rulebook as (role, owner, spec); a stance cue under `cue_key`."""
    for topic in rulebook.topics.values():
        yield from ((TRIGGER, topic.id, spec) for spec in topic.triggers)
        if topic.context:
            yield from ((CONTEXT, topic.id, spec) for spec in topic.context.patterns)
        yield from ((REQUIRE, topic.id, spec) for spec in topic.requires)
        yield from ((EXCLUDE, topic.id, spec) for spec in topic.excludes)
        yield from ((SENTENCE_EXCLUDE, topic.id, spec) for spec in topic.sentence_excludes)
        for cue in topic.cues:
            spec = PatternSpec(
                cue_key(cue), cue.pattern.tokens, cue.pattern.phrases, cue.pattern.source
            )
            yield CUE, topic.id, spec
    common = rulebook.common
    for role, specs in (
        (NOT_CUE, common.not_cues),
        (VACUOUS, common.vacuous),
        (ATTRIBUTION, common.attribution),
        (PLACEHOLDER, rulebook.placeholders.patterns),
        (GATE, common.document_gate),
        (GATE_EXCLUDE, common.document_gate_excludes),
    ):
        yield from ((role, COMMON, spec) for spec in specs)


@lru_cache(maxsize=4)
def compile_rules(rulebook: Rulebook) -> CompiledRules:
    """Compile once per rulebook; `Matcher(validate=True)` names any bad key in a pattern."""
    from spacy.matcher import Matcher, PhraseMatcher

    from policylint.detect.nlp import get_nlp

    nlp = get_nlp()
    matcher = Matcher(nlp.vocab, validate=True)
    phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for role, owner, spec in rule_patterns(rulebook):
        _add(matcher, phrase_matcher, role, owner, [spec], nlp.make_doc)
    cues = {
        (topic.id, cue_key(cue)): cue for topic in rulebook.topics.values() for cue in topic.cues
    }
    continuations = frozenset(
        (topic.id, spec.id)
        for topic in rulebook.topics.values()
        for spec in topic.triggers
        if spec.context == "previous"
    )
    return CompiledRules(matcher, phrase_matcher, cues, continuations)
