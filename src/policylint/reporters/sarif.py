"""SARIF 2.1.0 output, for GitHub code scanning and other static-analysis dashboards.

Fingerprints are keyed on (path, rule), not on line, so an alert keeps its identity when
a clinician edits text above it; code scanning then tracks it instead of reopening it.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from policylint.model import Finding, Report, Severity

if TYPE_CHECKING:
    from policylint.reporters import RenderOptions

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "policylint/v1"

_LEVELS: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def artifact_uri(path: str) -> str:
    """The path as a SARIF URI reference: forward slashes, percent-encoded, absolute as file:."""
    slashed = path.replace("\\", "/")
    if _WINDOWS_DRIVE.match(slashed):
        return "file:///" + slashed[:2] + quote(slashed[2:])
    if slashed.startswith("/"):
        return "file://" + quote(slashed)
    return quote(slashed)


def fingerprint(path: str, rule: str, occurrence: int = 0) -> str:
    """Stable id for a result; `occurrence` separates repeats of one rule in one file."""
    key = f"{path.replace(chr(92), '/')}\0{rule}"
    if occurrence:
        key += f"\0{occurrence}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def first_sentence(message: str) -> str:
    """The rule's short description: the first sentence of a message that raised it."""
    return _SENTENCE_END.split(message.strip(), maxsplit=1)[0]


def _result_text(finding: Finding) -> str:
    text = finding.message.strip()
    if finding.citation:
        text += f" Clause: {finding.citation}."
    if finding.suggestion:
        text += f" Suggested wording: {finding.suggestion}"
    return text


def report_to_sarif(report: Report) -> dict[str, Any]:
    """The report as a SARIF log with a single run."""
    rules: list[dict[str, Any]] = []
    rule_index: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []

    for file in report.files:
        uri = artifact_uri(file.path)
        if file.error is not None:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{file.path}: {file.error}"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                }
            )
            continue
        seen: dict[str, int] = {}
        for finding in file.findings:
            if finding.rule not in rule_index:
                rule_index[finding.rule] = len(rules)
                rules.append(
                    {
                        "id": finding.rule,
                        "shortDescription": {"text": first_sentence(finding.message)},
                        "defaultConfiguration": {"level": _LEVELS[finding.severity]},
                    }
                )
            occurrence = seen.get(finding.rule, 0)
            seen[finding.rule] = occurrence + 1
            results.append(_result(finding, file.path, uri, rule_index[finding.rule], occurrence))

    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {"name": "policylint", "version": report.version, "rules": rules}
                },
                "invocations": [
                    {
                        "executionSuccessful": report.error_count == 0,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _result(finding: Finding, path: str, uri: str, index: int, occurrence: int) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    location = finding.location
    # SARIF lines are 1-based and required in a region; no line (e.g. .docx) means no region.
    if location is not None and location.line is not None and location.line >= 1:
        region: dict[str, int] = {"startLine": location.line}
        if location.column is not None and location.column >= 1:
            region["startColumn"] = location.column
        physical["region"] = region
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": _LEVELS[finding.severity],
        "kind": "fail",
        "message": {"text": _result_text(finding)},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(path, finding.rule, occurrence)},
    }
    properties: dict[str, Any] = {"kind": finding.kind.value}
    if finding.topic is not None:
        properties["topic"] = finding.topic
    if location is not None:
        if location.paragraph is not None:
            properties["paragraph"] = location.paragraph
        if location.section is not None:
            properties["section"] = location.section
    result["properties"] = properties
    return result


class SarifReporter:
    """`--format sarif`: one SARIF 2.1.0 run; unreadable files become error notifications."""

    name: str = "sarif"

    def render(self, report: Report, stream: TextIO, options: RenderOptions) -> None:
        stream.write(json.dumps(report_to_sarif(report), indent=2, ensure_ascii=False))
        stream.write("\n")
