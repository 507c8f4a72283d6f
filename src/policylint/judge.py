"""What the selected regulators require: Coverage x Requirements -> statuses and Findings.

Never imports spaCy. Where several packs ask about the same topic (`--regulator crpo,aca`),
they are merged into one row and at most one finding, citing every clause, at the strongest
severity, and accepting only the stances every pack accepts.
"""

from __future__ import annotations

from dataclasses import dataclass

from policylint.model import (
    Citation,
    Coverage,
    Evidence,
    Finding,
    FindingKind,
    Location,
    RequirementStatus,
    Severity,
    Stance,
    TopicResult,
)
from policylint.rulebook.types import Requirement, Rulebook

PLACEHOLDER_RULE = "placeholder"
COVERED = "covered"

_STANCE_PHRASES = {
    Stance.DECLINES: "declines",
    Stance.PERMITS: "permits it",
    Stance.CONDITIONAL: "allows it in some cases",
    Stance.UNCLEAR: "takes no clear position",
}


@dataclass(frozen=True, slots=True)
class MergedRequirement:
    """The requirements of all selected packs for one topic, merged into one."""

    primary: Requirement
    members: tuple[Requirement, ...]
    severity: Severity
    stance: tuple[Stance, ...]

    @property
    def citations(self) -> tuple[Citation, ...]:
        cited = []
        for req in self.members:
            if req.clause:
                cited.append(Citation(regulator=req.pack, clause=req.clause, document=req.document))
        return tuple(cited)


def merge_requirements(requirements: tuple[Requirement, ...]) -> list[MergedRequirement]:
    """Group by topic, keeping first-seen order; the strongest member leads the group."""
    groups: dict[str, list[Requirement]] = {}
    for req in requirements:
        members = groups.setdefault(req.topic, [])
        if req.id not in {m.id for m in members}:
            members.append(req)
    merged = []
    for members in groups.values():
        primary = max(members, key=lambda r: r.severity.rank)  # first of the strongest
        stance: tuple[Stance, ...] = ()
        for req in members:
            if not req.stance:
                continue
            narrowed = tuple(s for s in (stance or req.stance) if s in req.stance)
            stance = narrowed or stance or req.stance
        if primary.stance and not set(primary.stance) & set(stance):
            stance = primary.stance
        merged.append(MergedRequirement(primary, tuple(members), primary.severity, stance))
    return merged


def _quote(evidence: Evidence, limit: int = 90) -> str:
    text = " ".join(evidence.text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1].rstrip() + '…'}”"


def _judge_topic(
    merged: MergedRequirement, result: TopicResult, anchor: Location
) -> tuple[RequirementStatus, Finding | None]:
    req = merged.primary
    title = req.title

    def finding(kind: FindingKind, message: str, location: Location | None) -> Finding:
        return Finding(
            rule=req.id,
            topic=req.topic,
            severity=merged.severity,
            kind=kind,
            message=message,
            citations=merged.citations,
            suggestion=req.suggestion,
            location=location,
        )

    def status(name: str, evidence: Evidence | None) -> RequirementStatus:
        return RequirementStatus(req.id, req.topic, title, merged.severity, name, evidence)

    if not result.covered:
        if result.placeholders:
            ev = result.placeholders[0]
            message = f"{title}: only unfilled template text here, {_quote(ev)}"
            return status(FindingKind.PLACEHOLDER, ev), finding(
                FindingKind.PLACEHOLDER, message, ev.location
            )
        if result.vacuous:
            ev = result.vacuous[0]
            message = f"{title}: the policy names this but says nothing, {_quote(ev)}"
            return status(FindingKind.VACUOUS, ev), finding(
                FindingKind.VACUOUS, message, ev.location
            )
        message = f"{title}: the policy does not cover this."
        return status(FindingKind.MISSING, None), finding(
            FindingKind.MISSING, message, result.heading or anchor
        )
    evidence = result.evidence[0]
    if merged.stance and result.stance not in merged.stance:
        wanted = " or ".join(_STANCE_PHRASES[s] for s in merged.stance)
        shown = next((e for e in result.evidence if e.stance == result.stance), evidence)
        got = _STANCE_PHRASES.get(result.stance, "takes no clear position") if result.stance else ""
        message = f"{title}: the policy {got} ({_quote(shown)}); expected: {wanted}."
        return status(FindingKind.WRONG_STANCE, shown), finding(
            FindingKind.WRONG_STANCE, message, shown.location
        )
    return status(COVERED, evidence), None


def check_requirements(
    coverage: Coverage, requirements: tuple[Requirement, ...], rulebook: Rulebook
) -> tuple[tuple[RequirementStatus, ...], tuple[Finding, ...]]:
    """One status row per (merged) requirement and a finding for each unmet one."""
    statuses: list[RequirementStatus] = []
    findings: list[Finding] = []
    for merged in merge_requirements(requirements):
        result = coverage.topics.get(merged.primary.topic) or TopicResult(
            merged.primary.topic, covered=False, stance=None
        )
        row, gap = _judge_topic(merged, result, coverage.anchor)
        statuses.append(row)
        if gap:
            findings.append(gap)
    # A placeholder already reported as a topic's only text is not reported a second time.
    reported = [
        ev.text
        for row in statuses
        if row.status == FindingKind.PLACEHOLDER and row.evidence is not None
        for ev in coverage.topics[row.topic].placeholders
    ]
    for hole in coverage.placeholders:
        if any(hole.text.strip("()[]<>{} ") in text for text in reported):
            continue
        findings.append(
            Finding(
                rule=PLACEHOLDER_RULE,
                topic=None,
                severity=Severity.ERROR,
                kind=FindingKind.PLACEHOLDER,
                message=f"Unfilled template text left in the policy: “{hole.text}”.",
                suggestion="Replace it with your practice's own wording, or delete it.",
                location=hole.location,
            )
        )
    return tuple(statuses), tuple(findings)
