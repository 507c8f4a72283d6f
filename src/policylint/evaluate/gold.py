"""Read `corpora/gold.yaml`: per document its kind, split, topics, stances and evidence."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from policylint.errors import UsageError
from policylint.model import Stance


@dataclass(frozen=True, slots=True)
class GoldTopic:
    """A topic a document covers according to the annotators."""

    stance: Stance | None
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One annotated document."""

    name: str
    kind: str
    split: str
    topics: dict[str, GoldTopic]


def read_mapping(path: Path, what: str, shape: str) -> dict[str, Any]:
    """Parse a YAML file that must hold a mapping; any problem is a `UsageError` naming it."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(f"{path}: cannot read {what} ({exc})") from None
    if not isinstance(data, dict):
        raise UsageError(f"{path}: {what} must {shape}")
    return data


def load_gold(path: Path) -> dict[str, GoldDocument]:
    """Parse the gold file; a malformed one is a `UsageError` naming the file."""
    raw = read_mapping(path, "gold annotations", "map file names to labels")
    docs: dict[str, GoldDocument] = {}
    for name, entry in raw.items():
        topics = {}
        for topic_id, label in (entry.get("topics") or {}).items():
            label = label or {}
            stance = Stance(label["stance"]) if label.get("stance") else None
            topics[topic_id] = GoldTopic(stance, tuple(label.get("evidence") or ()))
        docs[name] = GoldDocument(
            name=name,
            kind=entry.get("kind", "policy"),
            split=entry.get("split", "dev"),
            topics=topics,
        )
    return docs
