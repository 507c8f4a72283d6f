"""Document x topics -> Coverage: which topics the text covers, with evidence and stance.

Knows topics, never regulators. One spaCy Doc per block (so a heading or list item never merges
into a neighbour's sentence); every pattern runs once per block.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from spacy.lang.en.stop_words import STOP_WORDS

from policylint.detect.matchers import (
    ATTRIBUTION,
    CONTEXT,
    CUE,
    EXCLUDE,
    GATE,
    GATE_EXCLUDE,
    NOT_CUE,
    PLACEHOLDER,
    REQUIRE,
    SENTENCE_EXCLUDE,
    TRIGGER,
    VACUOUS,
    CompiledRules,
    Match,
    compile_rules,
)
from policylint.detect.nlp import parse
from policylint.detect.quotes import quoted_spans
from policylint.detect.stance import clause_of, clause_starts, overall_stance, sentence_stance
from policylint.model import (
    Block,
    BlockKind,
    Coverage,
    Document,
    Evidence,
    Location,
    Placeholder,
    TopicResult,
)
from policylint.rulebook.types import CueSpec, Rulebook, Topic

_BRACKETS = {"(": ")", "[": "]", "<": ">", "{": "}"}


@dataclass
class _ParsedBlock:
    block: Block
    sentences: list[tuple[int, int]]  # character spans; the Doc itself is not kept (memory)
    matches: list[Match]
    context_topics: set[str] = field(default_factory=set)


@dataclass
class _TopicFindings:
    evidence: list[Evidence] = field(default_factory=list)
    vacuous: list[Evidence] = field(default_factory=list)
    placeholders: list[Evidence] = field(default_factory=list)
    heading: Location | None = None


@dataclass(frozen=True)
class _Before:
    """What the sentence before held, within one section: the topics it covered and the
    topics whose context words it contained; and the topics any earlier sentence of the same
    paragraph covered."""

    covered: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()
    in_paragraph: frozenset[str] = frozenset()


def _token_gap(cue: Match, others: list[Match]) -> int:
    """Tokens between a cue and the nearest of `others` (0 when they touch or overlap)."""
    return min((max(o.start - cue.end, cue.start - o.end, 0) for o in others), default=10**9)


def _within_reach(hit: Match, triggers: list[Match], cue: CueSpec, context: list[Match]) -> bool:
    """Whether a cue with a limited reach is close enough to a trigger or a context word."""
    if _token_gap(hit, triggers) <= cue.reach:
        return True
    return bool(cue.context_reach) and _token_gap(hit, context) <= cue.context_reach


def _quoted(start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
    """Whether the characters start..end lie inside one quoted span."""
    return any(qs <= start and end <= qe for qs, qe in quotes)


def _overlaps(a: Match, b: Match | tuple[int, int]) -> bool:
    if isinstance(b, Match):
        return a.start_char < b.end_char and b.start_char < a.end_char
    return a.start_char < b[1] and b[0] < a.end_char


_LABEL_SEPARATORS = frozenset({":", "-", "–", "—"})
_LABEL_MAX_WORDS = 4


def _in_hole(
    trigger: Match, holes: list[tuple[int, int, str]], text: str, sentence_end: int
) -> bool:
    """Whether the trigger is template text: inside a placeholder, or in the label of an entry
    that is only a placeholder ("Exceptions: [describe any exceptions, or delete this item]",
    "Use of search engines: [Describe your policy here.]", not "Fan pages: [PRACTICE NAME] has
    a business page")."""
    return any(
        _overlaps(trigger, (start, end))
        or (
            _ends_label(text[trigger.end_char : start])
            and text[end:sentence_end].strip() in ("", ".", ";")
        )
        for start, end, _ in holes
    )


def _ends_label(between: str) -> bool:
    """Whether the text after a trigger is the rest of a short label: "engines:", ":"."""
    between = between.strip()
    return (
        bool(between)
        and between[-1] in _LABEL_SEPARATORS
        and len(between[:-1].split()) < _LABEL_MAX_WORDS
        and not any(mark in between[:-1] for mark in ".!?;:")
    )


def _bracketed(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a placeholder hit to the brackets around it: `insert here` -> `(… insert here)`."""
    for open_char, close_char in _BRACKETS.items():
        left = text.rfind(open_char, 0, start)
        right = text.find(close_char, end)
        if left != -1 and right != -1 and text.rfind(close_char, left, start) == -1:
            return left, right + 1
    return start, end


def _parse_blocks(document: Document, compiled: CompiledRules) -> list[_ParsedBlock]:
    parsed = []
    for block in document.blocks:
        doc = parse(block.text)
        matches = compiled.matches(doc)
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        ctx = {m.owner for m in matches if m.role == CONTEXT}
        parsed.append(_ParsedBlock(block, sentences, matches, ctx))
    return parsed


@dataclass
class _DocumentIndex:
    """What the whole document says around each block, gathered before sentences are judged."""

    context_by_heading: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    context_by_section: dict[tuple, set[str]] = field(default_factory=lambda: defaultdict(set))
    context_anywhere: set[str] = field(default_factory=set)
    triggers_by_heading: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def _index_document(parsed: list[_ParsedBlock], compiled: CompiledRules) -> _DocumentIndex:
    """Context topics per heading, per section (blocks sharing a heading path) and overall,
    and the topics each heading names (not by a word that only continues the sentence before,
    like "check" in "Location and check-ins")."""
    index = _DocumentIndex()
    for item in parsed:
        index.context_anywhere.update(item.context_topics)
        if item.block.kind is BlockKind.HEADING:
            index.context_by_heading[item.block.text].update(item.context_topics)
            index.triggers_by_heading[item.block.text].update(
                m.owner
                for m in item.matches
                if m.role == TRIGGER and not compiled.continues_previous(m)
            )
        else:
            index.context_by_section[item.block.heading_path].update(item.context_topics)
    return index


# A short answer under a heading that names a topic ("Exceptions" / "None.") speaks to that topic.
_SHORT_ANSWER_WORDS = 6
_OPENING_ANSWER = re.compile(
    r"\W*(there\s+(are|is)\s+)?(none|no|never|nil|nothing|not\s+(ever|at\s+all))\b", re.IGNORECASE
)
_ANSWER = re.compile(r"\b(none|no|not|never|nil|nothing|yes|any|n/a)\b|n[’']t\b", re.IGNORECASE)
UNDER_HEADING = "under-heading"
# an entry that opens with a label of its own: "Search: I don't google clients."
_LABELLED_ENTRY = re.compile(r"\W*[A-Z][\w’'/&() -]{0,40}:\s")


def _heading_triggers(
    item: _ParsedBlock, index: _DocumentIndex, text: str, span: tuple[int, int]
) -> list[Match]:
    """Triggers a short sentence inherits from the heading right above it."""
    if not item.block.heading_path or _LABELLED_ENTRY.match(item.block.text):
        return []  # "Search: I don't google clients." answers its own label, not the heading
    words = text.split()
    # "None." / "Never, sorry." or a longer answer that opens with one ("There are none, ...").
    short = len(words) <= _SHORT_ANSWER_WORDS and _ANSWER.search(text)
    if not short and not _OPENING_ANSWER.match(text):
        return []
    topics = index.triggers_by_heading.get(item.block.heading_path[-1], set())
    return [
        Match(TRIGGER, topic, UNDER_HEADING, 0, 0, span[0], span[1])
        for topic in sorted(topics)
        if topic in index.context_anywhere
    ]


def _has_context(
    topic: Topic,
    trigger: Match,
    sentence_matches: list[Match],
    item: _ParsedBlock,
    index: _DocumentIndex,
    previous: _Before,
) -> bool:
    """Whether the trigger's context words are near enough (its own scope, or the topic's)."""
    if trigger.pattern_id == UNDER_HEADING:
        return True  # checked against the whole document when the trigger was inherited
    spec = next((t for t in topic.triggers if t.id == trigger.pattern_id), None)
    scope = (
        spec.context
        if spec and spec.context
        else (topic.context.scope if topic.context else "none")
    )
    if scope == "previous":  # an earlier sentence of the paragraph covers it, or a heading
        return (
            topic.id in previous.covered
            or topic.id in previous.in_paragraph
            or (
                bool(item.block.heading_path)
                and topic.id in index.triggers_by_heading.get(item.block.heading_path[-1], ())
            )
        )
    if scope == "near":  # context words in this sentence, the one before, or a heading above
        after = topic.context.after_topics if topic.context else ()
        return (
            any(m.role == CONTEXT and m.owner == topic.id for m in sentence_matches)
            or topic.id in previous.context
            or any(t in previous.covered for t in after)
            or any(topic.id in index.context_by_heading.get(h, ()) for h in item.block.heading_path)
        )
    if scope == "none" or topic.context is None:
        return True
    if any(m.role == CONTEXT and m.owner == topic.id for m in sentence_matches):
        return True
    if scope == "sentence":
        return False
    if any(topic.id in index.context_by_heading.get(h, ()) for h in item.block.heading_path):
        return True
    if topic.id in item.context_topics:
        return True
    return scope == "section" and topic.id in index.context_by_section.get(
        item.block.heading_path, set()
    )


def _is_label(item: _ParsedBlock) -> bool:
    """A short fragment without sentence punctuation ("Friend requests" in a table's topic
    column) names a topic like a heading does; it covers nothing unless it says "N/A" etc."""
    text = item.block.text.strip()
    if len(text.split()) > _LABEL_MAX_WORDS or text.endswith((".", "!", "?", ";")):
        return False
    return not any(m.role in (VACUOUS, PLACEHOLDER) for m in item.matches)


_WORD = re.compile(r"\w[\w'’-]*")
_ANSWER_WORDS = frozenset({"no", "none", "not", "never", "nil", "nothing", "yes", "always"})


def _is_run_in_label(text: str, start_char: int, matches: list[Match]) -> bool:
    """A sentence that is only a topic's name ("Following." before "TBD.", a bold run-in
    heading) names the topic; it says nothing about it."""
    words = list(_WORD.finditer(text))
    if not words or len(words) > _LABEL_MAX_WORDS or not text.rstrip().endswith((".", ":")):
        return False
    if any(m.role in (CUE, VACUOUS, PLACEHOLDER) for m in matches) or any(
        w.group().lower() in _ANSWER_WORDS or w.group().lower() in STOP_WORDS for w in words
    ):
        return False  # "No exceptions." answers the question; "This includes them." says something
    spans = [
        (m.start_char - start_char, m.end_char - start_char) for m in matches if m.role == TRIGGER
    ]
    return all(any(s <= w.start() and w.end() <= e for s, e in spans) for w in words)


_QUESTION_END = re.compile(r"\?[\s(\[]*$")


def _passes_gate(item: _ParsedBlock) -> bool:
    """Whether the block has a gate word outside every sentence a gate exclude marks; a marked
    question takes the sentence after it, its answer options ("How did you hear about us?
    (GP / website / social media)")."""
    excluded: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(item.sentences):
        if not any(m.role == GATE_EXCLUDE and start <= m.start_char < end for m in item.matches):
            continue
        excluded.append((start, end))
        if _QUESTION_END.search(item.block.text[start:end]) and i + 1 < len(item.sentences):
            excluded.append(item.sentences[i + 1])
    return any(
        m.role == GATE and not any(s <= m.start_char < e for s, e in excluded) for m in item.matches
    )


def _placeholders(item: _ParsedBlock) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for m in item.matches:
        if m.role != PLACEHOLDER:
            continue
        start, end = _bracketed(item.block.text, m.start_char, m.end_char)
        if not any(s <= start and end <= e for s, e, _ in spans):
            spans = [(s, e, p) for s, e, p in spans if not (start <= s and e <= end)]
            spans.append((start, end, m.pattern_id))
    return spans


def detect_coverage(
    document: Document, rulebook: Rulebook, *, assume_online_contact: bool = False
) -> Coverage:
    """Find, for every topic in the rulebook, the sentences of `document` that cover it.

    `assume_online_contact` skips the document gate, for a sentence judged as if it stood in
    a social media policy (the rule examples).
    """
    compiled = compile_rules(rulebook)
    parsed = _parse_blocks(document, compiled)
    index = _index_document(parsed, compiled)
    found: dict[str, _TopicFindings] = {tid: _TopicFindings() for tid in rulebook.topics}
    placeholders: list[Placeholder] = []
    # Not about online contact at all (no gate word anywhere): no topic can be covered.
    about_online_contact = (
        assume_online_contact
        or not rulebook.common.document_gate
        or any(_passes_gate(item) for item in parsed)
    )

    # Topics the sentence before covered, within one section ("I decline friend requests." /
    # "If that feels hurtful, we can talk about it in session.").
    previous = _Before()
    last_heading_path: tuple[str, ...] | None = None
    for item in parsed:
        block = item.block
        if block.kind is BlockKind.HEADING or _is_label(item):
            for m in item.matches:
                if m.role == TRIGGER and found[m.owner].heading is None:
                    found[m.owner].heading = block.location
            continue
        holes = _placeholders(item)
        for start, end, pattern_id in holes:
            placeholders.append(
                Placeholder(block.text[start:end], block.location_at(start), pattern_id)
            )
        if not about_online_contact:
            continue
        quotes = quoted_spans(block.text)
        if block.heading_path != last_heading_path:
            previous, last_heading_path = _Before(), block.heading_path
        in_paragraph: frozenset[str] = frozenset()
        for sentence in item.sentences:
            previous = _scan_sentence(
                sentence,
                item,
                rulebook,
                compiled,
                holes,
                quotes,
                index,
                found,
                replace(previous, in_paragraph=in_paragraph),
            )
            in_paragraph |= previous.covered

    results = {}
    for topic_id, f in found.items():
        stances = [(e.stance, e.stance_priority) for e in f.evidence if e.stance is not None]
        results[topic_id] = TopicResult(
            topic=topic_id,
            covered=bool(f.evidence),
            stance=overall_stance(stances)
            if rulebook.topics[topic_id].has_stance and f.evidence
            else None,
            evidence=tuple(f.evidence),
            vacuous=tuple(f.vacuous),
            placeholders=tuple(f.placeholders),
            heading=f.heading,
        )
    anchor = document.blocks[0].location if document.blocks else Location()
    return Coverage(topics=results, placeholders=tuple(placeholders), anchor=anchor)


def _scan_sentence(
    sentence: tuple[int, int],
    item: _ParsedBlock,
    rulebook: Rulebook,
    compiled: CompiledRules,
    holes: list[tuple[int, int, str]],
    quotes: list[tuple[int, int]],
    index: _DocumentIndex,
    found: dict[str, _TopicFindings],
    previous: _Before,
) -> _Before:
    """Credit the sentence to every topic it covers; return what it held (for the next one)."""
    covered: set[str] = set()
    start_char, end_char = sentence
    text = item.block.text[start_char:end_char].strip()
    if not text:
        return previous
    if _quoted(start_char, end_char, quotes):
        return _Before()  # quoted from someone else (a regulator, "many therapists")
    in_sentence = [m for m in item.matches if m.start_char >= start_char and m.end_char <= end_char]
    if any(m.role == ATTRIBUTION for m in in_sentence):
        return _Before()
    if _is_run_in_label(item.block.text[start_char:end_char], start_char, in_sentence):
        return previous
    is_vacuous = any(m.role == VACUOUS for m in in_sentence)
    # a question ("What if we were friends before?") takes no position; its answer does
    is_question = text.endswith("?")
    not_cues = [m for m in in_sentence if m.role == NOT_CUE]
    context_of: dict[str, list[Match]] = defaultdict(list)
    for m in in_sentence:
        if m.role == CONTEXT:
            context_of[m.owner].append(m)
    clauses = clause_starts(item.block.text[start_char:end_char], start_char)
    location = item.block.location_at(start_char)
    in_sentence += _heading_triggers(item, index, text, sentence)
    for topic in rulebook.topics.values():
        triggers = [
            m
            for m in in_sentence
            if m.role == TRIGGER
            and m.owner == topic.id
            # a quotation inside the sentence (a code of ethics cited) is someone else's word
            and not _quoted(m.start_char, m.end_char, quotes)
        ]
        if not triggers:
            continue
        if any(m.role == SENTENCE_EXCLUDE and m.owner == topic.id for m in in_sentence):
            continue
        if topic.requires and not any(
            m.role == REQUIRE and m.owner == topic.id for m in in_sentence
        ):
            continue
        excludes = [m for m in in_sentence if m.role == EXCLUDE and m.owner == topic.id]
        triggers = [t for t in triggers if not any(_overlaps(t, x) for x in excludes)]
        if not triggers:
            continue
        outside_holes = [t for t in triggers if not _in_hole(t, holes, item.block.text, end_char)]
        if not outside_holes:
            found[topic.id].placeholders.append(
                Evidence(topic.id, text, location, None, triggers[0].pattern_id)
            )
            continue
        outside_holes = [
            t for t in outside_holes if _has_context(topic, t, in_sentence, item, index, previous)
        ]
        if not outside_holes:
            continue
        stance, stance_priority = None, 0
        if topic.has_stance:
            trigger_clauses = {clause_of(t.start_char, clauses) for t in outside_holes}
            cues = []
            for m in in_sentence:
                if m.role != CUE or m.owner != topic.id:
                    continue
                if any(_overlaps(m, n) for n in not_cues):  # "does not mean", "not only"
                    continue
                cue = compiled.cue(m)
                if cue.reach and not _within_reach(m, outside_holes, cue, context_of[topic.id]):
                    continue
                if cue.own_clause and clause_of(m.start_char, clauses) not in trigger_clauses:
                    continue
                cues.append((cue.stance, cue.priority))
            stance, stance_priority = sentence_stance([] if is_question else cues)
        evidence = Evidence(
            topic=topic.id,
            text=text,
            location=location,
            stance=stance,
            pattern_id=outside_holes[0].pattern_id,
            vacuous=is_vacuous,
            stance_priority=stance_priority,
        )
        if is_vacuous:
            found[topic.id].vacuous.append(evidence)
        else:
            found[topic.id].evidence.append(evidence)
            covered.add(topic.id)
    return _Before(frozenset(covered), frozenset(context_of))
