"""Parse `rules/regulators/*.yaml` and resolve `extends:` between packs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from policylint.errors import RuleFileError
from policylint.model import Severity, Stance
from policylint.rulebook.fields import Fields
from policylint.rulebook.types import DocumentRef, RegulatorPack, Requirement, UnavailablePack
from policylint.rulebook.yaml_loader import load_yaml

UNAVAILABLE_FILE = "unavailable.yaml"


def _parse_requirement(raw: object, line: int | None, path: str, pack_id: str) -> Requirement:
    fields = Fields(raw, path, "a requirement", line)
    fields.check_keys(
        {"id", "topic", "title", "severity", "strength", "stance", "clause", "document", "why",
         "suggestion"}
    )  # fmt: skip
    local_id = fields.text("id")
    assert local_id is not None
    try:
        severity = Severity(fields.text("severity"))
    except ValueError:
        raise fields.error("severity", "severity must be one of: error, warning, info") from None
    stances: list[Stance] = []
    for value, stance_line in fields.items("stance"):
        try:
            stances.append(Stance(value))
        except ValueError:
            allowed = ", ".join(s.value for s in Stance)
            raise RuleFileError(
                path, stance_line, None, f"stance must be one of: {allowed}"
            ) from None
    return Requirement(
        id=f"{pack_id}.{local_id}",
        pack=pack_id,
        topic=fields.text("topic") or "",
        title=fields.text("title") or "",
        severity=severity,
        why=fields.text("why") or "",
        suggestion=fields.text("suggestion") or "",
        stance=tuple(stances),
        clause=fields.text("clause", required=False),
        document=fields.text("document", required=False),
        strength=fields.text("strength", required=False),
        source=(path, fields.line),
    )


def parse_pack(path: Path, display: str, topic_ids: set[str]) -> RegulatorPack:
    """One regulator pack; the file name must equal the pack id."""
    fields = Fields(load_yaml(path, display), display, "a regulator pack")
    fields.check_keys(
        {
            "id",
            "name",
            "jurisdiction",
            "profession",
            "extends",
            "documents",
            "requirements",
            "notes",
        }
    )
    pack_id = fields.text("id")
    assert pack_id is not None
    if pack_id != path.stem:
        raise fields.error("id", f"pack id '{pack_id}' must match its file name '{path.stem}'")
    documents = []
    for raw, line in fields.items("documents"):
        doc = Fields(raw, display, "a document", line)
        doc.check_keys({"title", "edition", "note"})
        documents.append(
            DocumentRef(title=doc.text("title") or "", edition=doc.text("edition", required=False))
        )
    requirements: list[Requirement] = []
    seen: set[str] = set()
    for raw, line in fields.items("requirements"):
        req = _parse_requirement(raw, line, display, pack_id)
        if req.topic not in topic_ids:
            known = ", ".join(sorted(topic_ids))
            raise RuleFileError(
                display, line, None, f"unknown topic '{req.topic}' (known: {known})"
            )
        if req.id in seen:
            raise RuleFileError(display, line, None, f"duplicate requirement id '{req.id}'")
        seen.add(req.id)
        requirements.append(req)
    return RegulatorPack(
        id=pack_id,
        name=fields.text("name") or pack_id,
        jurisdiction=fields.text("jurisdiction", required=False, default="") or "",
        profession=fields.text("profession", required=False, default="") or "",
        requirements=tuple(requirements),
        documents=tuple(documents),
        extends=tuple(str(v) for v, _ in fields.items("extends")),
        source=(display, fields.line),
    )


def parse_unavailable(path: Path, display: str) -> dict[str, UnavailablePack]:
    """Bodies known but not yet checkable (their clause text could not be verified)."""
    fields = Fields(load_yaml(path, display), display, "the unavailable list")
    fields.check_keys({"unavailable"})
    result: dict[str, UnavailablePack] = {}
    for raw, line in fields.items("unavailable"):
        entry = Fields(raw, display, "an unavailable body", line)
        entry.check_keys({"id", "name", "reason"})
        body = UnavailablePack(
            id=entry.text("id") or "",
            name=entry.text("name") or "",
            reason=entry.text("reason") or "",
        )
        result[body.id] = body
    return result


def resolve_extends(packs: dict[str, RegulatorPack]) -> dict[str, RegulatorPack]:
    """Give each pack its ancestors' requirements; a pack's own requirement for a topic wins."""
    resolved: dict[str, RegulatorPack] = {}

    def resolve(pack_id: str, chain: tuple[str, ...]) -> RegulatorPack:
        if pack_id in resolved:
            return resolved[pack_id]
        pack = packs[pack_id]
        if pack_id in chain:
            cycle = " -> ".join((*chain, pack_id))
            raise RuleFileError(
                pack.source[0], pack.source[1], None, f"'extends' forms a cycle: {cycle}"
            )
        own = {req.topic: req for req in pack.requirements}
        merged: list[Requirement] = []
        for parent_id in pack.extends:
            if parent_id not in packs:
                raise RuleFileError(
                    pack.source[0], pack.source[1], None, f"extends unknown pack '{parent_id}'"
                )
            parent = resolve(parent_id, (*chain, pack_id))
            for req in parent.requirements:
                chosen = own.get(req.topic, req)  # the child's own requirement takes the place
                if chosen not in merged:
                    merged.append(chosen)
        merged.extend(req for req in pack.requirements if req not in merged)
        result = replace(pack, requirements=tuple(merged))
        resolved[pack_id] = result
        return result

    for pack_id in packs:
        resolve(pack_id, ())
    return resolved
