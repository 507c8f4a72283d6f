"""Parse `rules/topics/*.yaml`, `rules/common.yaml` and `rules/placeholders.yaml`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from policylint.errors import RuleFileError
from policylint.model import Stance
from policylint.rulebook.fields import Fields
from policylint.rulebook.patterns import Lexicon, parse_cues, parse_pattern_list
from policylint.rulebook.types import (
    CommonRules,
    ContextSpec,
    CueSpec,
    Example,
    PlaceholderRules,
    Topic,
)
from policylint.rulebook.yaml_loader import load_yaml

CONTEXT_SCOPES = ("sentence", "near", "block", "section")


def parse_common(path: Path, display: str) -> tuple[Lexicon, CommonRules]:
    """The lexicon (named word lists) and the cues shared by every topic."""
    fields = Fields(load_yaml(path, display), display, "common rules")
    fields.check_keys(
        {
            "lexicon",
            "cues",
            "not_cues",
            "vacuous",
            "attribution",
            "document_gate",
            "document_gate_excludes",
        }
    )
    lexicon: Lexicon = {}
    if fields.has("lexicon"):
        lex_fields = fields.sub("lexicon")
        for name, words in lex_fields.data.items():
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise lex_fields.error(name, f"lexicon '{name}' must be a list of words")
            lexicon[name] = tuple(words)
    common = CommonRules(
        cues=parse_cues(fields, "cues", lexicon),
        not_cues=parse_pattern_list(fields, "not_cues", lexicon),
        vacuous=parse_pattern_list(fields, "vacuous", lexicon),
        attribution=parse_pattern_list(fields, "attribution", lexicon),
        document_gate=parse_pattern_list(fields, "document_gate", lexicon),
        document_gate_excludes=parse_pattern_list(fields, "document_gate_excludes", lexicon),
    )
    return lexicon, common


def parse_examples(fields: Fields, *, has_stance: bool) -> tuple[Example, ...]:
    """Examples: `{text, covered, stance?}`; stance only on topics that have one."""
    examples: list[Example] = []
    for raw, line in fields.items("examples"):
        ex = Fields(raw, fields.path, "an example", line)
        ex.check_keys({"text", "covered", "stance", "note"})
        text = ex.text("text")
        assert text is not None
        if "covered" not in ex.data:
            raise ex.error(None, "an example needs 'covered: true' or 'covered: false'")
        covered = ex.boolean("covered")
        stance = None
        if ex.has("stance"):
            if not has_stance:
                raise ex.error(
                    "stance", "this topic has no stance; remove 'stance' from the example"
                )
            if not covered:
                raise ex.error("stance", "an example that is not covered cannot have a stance")
            try:
                stance = Stance(ex.text("stance"))
            except ValueError:
                allowed = ", ".join(s.value for s in Stance)
                raise ex.error("stance", f"stance must be one of: {allowed}") from None
        examples.append(
            Example(text=text, covered=covered, stance=stance, source=(fields.path, line))
        )
    return tuple(examples)


def _capped(cues: tuple[CueSpec, ...], fields: Fields) -> tuple[CueSpec, ...]:
    """Apply `common_cue_cap: {permits: 1}`: a topic may weaken shared cues of one stance
    (for `following`, "you are welcome to follow my page" must not outweigh "I will not follow
    you back")."""
    if not fields.has("common_cue_cap"):
        return cues
    caps = fields.sub("common_cue_cap")
    caps.check_keys(s.value for s in Stance)
    limits = {Stance(k): caps.integer(k, 1) for k in caps.data}
    return tuple(
        replace(cue, priority=min(cue.priority, limits[cue.stance]))
        if cue.stance in limits
        else cue
        for cue in cues
    )


def parse_topic(
    path: Path, display: str, lexicon: Lexicon, common: CommonRules, topic_ids: frozenset[str]
) -> Topic:
    """One topic file. The file name (without .yaml) must equal the topic id; `topic_ids` are
    all the topic ids, which `context.after_topics` may name."""
    fields = Fields(load_yaml(path, display), display, "a topic")
    fields.check_keys(
        {
            "id", "title", "description", "stance", "use_common_cues", "common_cue_cap", "triggers", "context",
            "requires", "excludes", "sentence_excludes", "cues", "examples",
        }
    )  # fmt: skip
    topic_id = fields.text("id")
    assert topic_id is not None
    if topic_id != path.stem:
        raise fields.error("id", f"topic id '{topic_id}' must match its file name '{path.stem}'")
    has_stance = fields.boolean("stance")
    triggers = parse_pattern_list(fields, "triggers", lexicon)
    if not triggers:
        raise fields.error(None, f"topic '{topic_id}' needs at least one trigger")
    context = None
    if fields.has("context"):
        ctx = fields.sub("context")
        ctx.check_keys({"scope", "patterns", "after_topics"})
        scope = ctx.text("scope", required=False, default="sentence")
        if scope not in CONTEXT_SCOPES:
            raise ctx.error("scope", f"context scope must be one of: {', '.join(CONTEXT_SCOPES)}")
        after_topics = _topic_list(ctx, "after_topics", topic_ids)
        if after_topics and scope != "near":
            raise ctx.error("after_topics", "'after_topics' needs context scope 'near'")
        context = ContextSpec(
            scope=scope or "sentence",
            patterns=parse_pattern_list(ctx, "patterns", lexicon),
            after_topics=after_topics,
        )
    cues = parse_cues(fields, "cues", lexicon)
    if has_stance and fields.boolean("use_common_cues", default=True):
        cues = cues + _capped(common.cues, fields)
    if cues and not has_stance:
        raise fields.error("cues", "stance cues given but 'stance: true' is not set")
    return Topic(
        id=topic_id,
        title=fields.text("title") or topic_id,
        description=fields.text("description") or "",
        triggers=triggers,
        context=context,
        requires=parse_pattern_list(fields, "requires", lexicon),
        excludes=parse_pattern_list(fields, "excludes", lexicon),
        sentence_excludes=parse_pattern_list(fields, "sentence_excludes", lexicon),
        cues=cues,
        has_stance=has_stance,
        examples=parse_examples(fields, has_stance=has_stance),
        source=(display, fields.line),
    )


def parse_placeholders(path: Path, display: str, lexicon: Lexicon) -> PlaceholderRules:
    """Unfilled-template patterns; examples use `covered` to mean "is a placeholder"."""
    fields = Fields(load_yaml(path, display), display, "placeholder rules")
    fields.check_keys({"patterns", "examples"})
    patterns = parse_pattern_list(fields, "patterns", lexicon)
    if not patterns:
        raise RuleFileError(display, None, None, "placeholder rules need at least one pattern")
    return PlaceholderRules(
        patterns=patterns,
        examples=parse_examples(fields, has_stance=False),
        source=(display, fields.line),
    )


def _topic_list(fields: Fields, key: str, topic_ids: frozenset[str]) -> tuple[str, ...]:
    """A list of known topic ids (an unknown id is an error at its line)."""
    ids = []
    for value, _line in fields.items(key):
        if not isinstance(value, str) or value not in topic_ids:
            known = ", ".join(sorted(topic_ids))
            raise fields.error(key, f"unknown topic '{value}' in '{key}' (known: {known})")
        ids.append(value)
    return tuple(ids)
