"""Load YAML while keeping where each mapping and list came from.

Semantic errors found after parsing (an unknown key, a bad pattern) still need `file:line:col`,
so mappings and lists are built as `MarkedDict` / `MarkedList` carrying their node's position.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from policylint.errors import RuleFileError


class MarkedDict(dict[str, Any]):
    """A dict that remembers its own position and the position of each key (1-based)."""

    line: int | None = None
    column: int | None = None
    key_marks: dict[str, tuple[int, int]]

    def mark_of(self, key: str) -> tuple[int | None, int | None]:
        """Position of `key` if present, else of the mapping itself."""
        if key in getattr(self, "key_marks", {}):
            return self.key_marks[key]
        return self.line, self.column


class MarkedList(list[Any]):
    """A list that remembers its position and that of each item (1-based)."""

    line: int | None = None
    column: int | None = None
    item_marks: list[tuple[int, int]]

    def mark_of(self, index: int) -> tuple[int | None, int | None]:
        marks = getattr(self, "item_marks", [])
        if 0 <= index < len(marks):
            return marks[index]
        return self.line, self.column


class _MarkedLoader(yaml.SafeLoader):
    """SafeLoader whose mappings and sequences carry their source positions."""


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _construct_mapping(loader: _MarkedLoader, node: yaml.MappingNode) -> MarkedDict:
    loader.flatten_mapping(node)
    result = MarkedDict()
    result.line, result.column = _mark(node)
    result.key_marks = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise yaml.constructor.ConstructorError(
                None, None, f"keys must be text, found {key!r}", key_node.start_mark
            )
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}'", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_marks[key] = _mark(key_node)
    return result


def _construct_sequence(loader: _MarkedLoader, node: yaml.SequenceNode) -> MarkedList:
    result = MarkedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line, result.column = _mark(node)
    result.item_marks = [_mark(child) for child in node.value]
    return result


# YAML 1.1 reads `on`, `off`, `yes`, `no` as booleans; in token patterns ({LOWER: on}) they are
# words. Only `true` and `false` are booleans in rule files.
_MarkedLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_MarkedLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_MarkedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_MarkedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(path: Path, display: str | None = None) -> Any:
    """Parse one YAML file; any syntax error becomes a `RuleFileError` with line and column."""
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(shown, None, None, f"cannot read rule file ({exc})") from exc
    try:
        return yaml.load(text, Loader=_MarkedLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        reason = exc.problem or exc.context or "invalid YAML"
        raise RuleFileError(shown, line, column, f"invalid YAML: {reason}") from exc
    except yaml.YAMLError as exc:
        raise RuleFileError(shown, None, None, f"invalid YAML: {exc}") from exc
