"""Parse pattern entries of rule files, expanding `@name` references to lexicon word lists.

A pattern entry is a mapping with an `id` and either `pattern` (one spaCy token pattern, a list
of token dicts) or `phrases` (a list of literal phrases, matched case-insensitively). Inside a
token pattern, `IN` / `NOT_IN` lists may contain `@name`, replaced by the lexicon list `name`,
so that word families (platforms, negations) are written once in `rules/common.yaml`.
"""

from __future__ import annotations

from typing import Any

from policylint.errors import RuleFileError
from policylint.model import Stance
from policylint.rulebook.fields import Fields
from policylint.rulebook.types import CueSpec, PatternSpec

Lexicon = dict[str, tuple[str, ...]]

_SET_OPERATORS = {"IN", "NOT_IN"}
# "previous": only right after a sentence of the same section that covers the topic
# ("I don't accept friend requests. If you send one, I will decline it.").
# "near": context words in the sentence, in the sentence right before it (same section), or in a
# heading above.
CONTEXT_CHOICES = ("none", "sentence", "block", "section", "previous", "near")


def _expand_list(values: Any, lexicon: Lexicon, fields: Fields, key: str) -> list[str]:
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list):
        raise fields.error(key, "IN / NOT_IN must be a list of words or '@lexicon' names")
    expanded: list[str] = []
    for value in values:
        if isinstance(value, str) and value.startswith("@"):
            name = value[1:]
            if name not in lexicon:
                known = ", ".join(sorted(lexicon)) or "none"
                raise fields.error(key, f"unknown lexicon '@{name}' (known: {known})")
            expanded.extend(lexicon[name])
        else:
            expanded.append(value)
    return expanded


def _expand_value(value: Any, lexicon: Lexicon, fields: Fields, key: str) -> Any:
    if isinstance(value, dict):
        return {
            op: _expand_list(arg, lexicon, fields, key)
            if op in _SET_OPERATORS
            else _expand_value(arg, lexicon, fields, key)
            for op, arg in value.items()
        }
    return value


def _expand_token_pattern(raw: Any, lexicon: Lexicon, fields: Fields, key: str) -> list[dict]:
    if not isinstance(raw, list) or not raw:
        raise fields.error(key, "'pattern' must be a non-empty list of token mappings")
    tokens: list[dict[str, Any]] = []
    for token in raw:
        if not isinstance(token, dict):
            raise fields.error(key, "each token of a pattern must be a mapping like {LOWER: word}")
        tokens.append({attr: _expand_value(v, lexicon, fields, key) for attr, v in token.items()})
    return tokens


def parse_pattern(
    raw: Any, line: int | None, path: str, lexicon: Lexicon, what: str
) -> PatternSpec:
    """Parse one `{id, pattern | patterns | phrases}` entry."""
    fields = Fields(raw, path, what, line)
    fields.check_keys(
        {"id", "pattern", "patterns", "phrases", "priority", "reach", "context_reach", "own_clause"}
        | {"context", "note"}
    )
    pattern_id = fields.text("id")
    assert pattern_id is not None
    token_patterns: list[list[dict]] = []
    if fields.has("pattern"):
        token_patterns.append(
            _expand_token_pattern(fields.raw("pattern"), lexicon, fields, "pattern")
        )
    for item, _line in fields.items("patterns"):
        token_patterns.append(_expand_token_pattern(item, lexicon, fields, "patterns"))
    phrases: list[str] = []
    for item, _line in fields.items("phrases"):
        if isinstance(item, str) and item.startswith("@"):
            phrases.extend(_expand_list([item], lexicon, fields, "phrases"))
        elif isinstance(item, str) and item.strip():
            phrases.append(item.strip())
        else:
            raise fields.error("phrases", "each phrase must be non-empty text")
    context = fields.text("context", required=False)
    if context is not None and context not in CONTEXT_CHOICES:
        raise fields.error("context", f"context must be one of: {', '.join(CONTEXT_CHOICES)}")
    if not token_patterns and not phrases:
        raise fields.error(None, f"{what} '{pattern_id}' needs 'pattern', 'patterns' or 'phrases'")
    return PatternSpec(
        id=pattern_id,
        tokens=tuple(token_patterns),
        phrases=tuple(phrases),
        source=(path, fields.line),
        context=context,
    )


def parse_pattern_list(fields: Fields, key: str, lexicon: Lexicon) -> tuple[PatternSpec, ...]:
    """Parse a list of pattern entries under `key`, rejecting duplicate ids."""
    specs: list[PatternSpec] = []
    seen: set[str] = set()
    for raw, line in fields.items(key):
        spec = parse_pattern(raw, line, fields.path, lexicon, f"a '{key}' entry")
        if spec.id in seen:
            raise RuleFileError(
                fields.path, line, None, f"duplicate pattern id '{spec.id}' in '{key}'"
            )
        seen.add(spec.id)
        specs.append(spec)
    return tuple(specs)


def parse_cues(fields: Fields, key: str, lexicon: Lexicon) -> tuple[CueSpec, ...]:
    """Parse `{declines: [...], permits: [...], conditional: [...], unclear: [...]}` cue lists."""
    if not fields.has(key):
        return ()
    cue_fields = fields.sub(key)
    cue_fields.check_keys(s.value for s in Stance)
    cues: list[CueSpec] = []
    for stance in Stance:
        for raw, line in cue_fields.items(stance.value):
            spec = parse_pattern(raw, line, fields.path, lexicon, f"a '{stance.value}' cue")
            entry = Fields(raw, fields.path, "a cue", line)
            priority = entry.integer("priority", 1)
            reach = entry.integer("reach", 0)
            context_reach = entry.integer("context_reach", 0)
            own_clause = entry.boolean("own_clause", False)
            cues.append(CueSpec(stance, priority, spec, reach, context_reach, own_clause))
    return tuple(cues)
