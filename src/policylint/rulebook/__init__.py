"""Load and validate the rule data (topics, regulator packs) shipped in `rules/`.

Named `rulebook`, not `rules`, so the code and the data folder never share a name.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from policylint.errors import RuleFileError, UsageError
from policylint.rulebook.packs import (
    UNAVAILABLE_FILE,
    parse_pack,
    parse_unavailable,
    resolve_extends,
)
from policylint.rulebook.topics import parse_common, parse_placeholders, parse_topic
from policylint.rulebook.types import RegulatorPack, Requirement, Rulebook, Topic

__all__ = [
    "DEFAULT_PACK",
    "RegulatorPack",
    "Requirement",
    "Rulebook",
    "Topic",
    "load_rulebook",
    "rules_dir",
    "select_packs",
]

DEFAULT_PACK = "core"
RULES_ENV = "POLICYLINT_RULES_DIR"


def rules_dir() -> Path:
    """Where the rules live: `$POLICYLINT_RULES_DIR`, the installed wheel, or the source tree."""
    override = os.environ.get(RULES_ENV)
    if override:
        return Path(override)
    packaged = Path(str(resources.files("policylint") / "rules"))
    if packaged.is_dir():
        return packaged
    # Editable install / source checkout: <repo>/src/policylint/rulebook/__init__.py -> <repo>/rules
    source_tree = Path(__file__).resolve().parents[3] / "rules"
    if source_tree.is_dir():
        return source_tree
    raise RuleFileError(str(packaged), None, None, "rules folder not found; reinstall policylint")


def _display(path: Path, root: Path) -> str:
    try:
        return str(Path("rules") / path.relative_to(root))
    except ValueError:
        return str(path)


def load_rulebook(root: Path | None = None) -> Rulebook:
    """Read every rule file once per rules folder; any problem is a `RuleFileError` with file:line."""
    return _load_rulebook(root or rules_dir())


@lru_cache(maxsize=4)
def _load_rulebook(root: Path) -> Rulebook:
    if not root.is_dir():
        raise RuleFileError(str(root), None, None, "rules folder not found")
    common_path = root / "common.yaml"
    lexicon, common = parse_common(common_path, _display(common_path, root))
    topics: dict[str, Topic] = {}
    topic_paths = sorted((root / "topics").glob("*.yaml"))
    topic_ids = frozenset(path.stem for path in topic_paths)
    for path in topic_paths:
        topic = parse_topic(path, _display(path, root), lexicon, common, topic_ids)
        topics[topic.id] = topic
    placeholder_path = root / "placeholders.yaml"
    placeholders = parse_placeholders(placeholder_path, _display(placeholder_path, root), lexicon)
    packs: dict[str, RegulatorPack] = {}
    unavailable = {}
    for path in sorted((root / "regulators").glob("*.yaml")):
        if path.name == UNAVAILABLE_FILE:
            unavailable = parse_unavailable(path, _display(path, root))
            continue
        pack = parse_pack(path, _display(path, root), set(topics))
        packs[pack.id] = pack
    if DEFAULT_PACK not in packs:
        raise RuleFileError(
            str(root / "regulators"), None, None, f"the '{DEFAULT_PACK}' pack is missing"
        )
    return Rulebook(
        topics=topics,
        packs=resolve_extends(packs),
        placeholders=placeholders,
        common=common,
        unavailable=unavailable,
    )


def select_packs(rulebook: Rulebook, spec: str | None) -> tuple[str, ...]:
    """Turn `--regulator a,b` into pack ids; unknown or unavailable ids are a `UsageError`."""
    if not spec:
        return (DEFAULT_PACK,)
    chosen: list[str] = []
    for raw in spec.split(","):
        pack_id = raw.strip().lower()
        if not pack_id:
            continue
        if pack_id in rulebook.unavailable:
            body = rulebook.unavailable[pack_id]
            raise UsageError(
                f"regulator '{pack_id}' ({body.name}) is not available yet: {body.reason}"
            )
        if pack_id not in rulebook.packs:
            known = ", ".join(sorted(rulebook.packs))
            raise UsageError(f"unknown regulator '{pack_id}'; known regulators: {known}")
        if pack_id not in chosen:
            chosen.append(pack_id)
    if not chosen:
        raise UsageError("--regulator needs at least one regulator id")
    return tuple(chosen)
