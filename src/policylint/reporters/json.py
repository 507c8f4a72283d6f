"""The public JSON output: the one place its shape is defined (a documented contract).

Other tools may read this output, so keys are never renamed and every key is always
present (with null or an empty collection) whatever the file's outcome.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from policylint.model import Evidence, FileReport, Finding, Report, TopicResult

if TYPE_CHECKING:
    from policylint.reporters import RenderOptions


def report_to_dict(report: Report) -> dict[str, Any]:
    """The whole report as plain JSON-ready data (also used by tests and other tools)."""
    return {
        "policylint": report.version,
        "regulators": list(report.regulators),
        "files": [_file_to_dict(file) for file in report.files],
        "summary": {
            "files": len(report.files),
            "files_with_gaps": report.files_with_gaps,
            "findings": report.finding_count,
            "errors": report.error_count,
        },
    }


def _file_to_dict(file: FileReport) -> dict[str, Any]:
    # An unreadable file has no topics or findings, whatever the FileReport happens to hold.
    if file.error is not None:
        return {"path": file.path, "error": file.error, "topics": {}, "findings": []}
    return {
        "path": file.path,
        "error": None,
        "topics": {topic: _topic_to_dict(result) for topic, result in file.topics.items()},
        "findings": [_finding_to_dict(finding) for finding in file.findings],
    }


def _topic_to_dict(result: TopicResult) -> dict[str, Any]:
    return {
        "covered": result.covered,
        "stance": result.stance.value if result.stance is not None else None,
        "evidence": [_evidence_to_dict(evidence) for evidence in result.evidence],
    }


def _evidence_to_dict(evidence: Evidence) -> dict[str, Any]:
    return {"text": evidence.text, "location": evidence.location.to_dict()}


def _finding_to_dict(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "topic": finding.topic,
        "severity": finding.severity.value,
        "message": finding.message,
        "citation": finding.citation,
        "suggestion": finding.suggestion,
        "location": finding.location.to_dict() if finding.location is not None else None,
    }


class JsonReporter:
    """`--format json`: the report as indented UTF-8 JSON followed by a newline."""

    name: str = "json"

    def render(self, report: Report, stream: TextIO, options: RenderOptions) -> None:
        stream.write(json.dumps(report_to_dict(report), indent=2, ensure_ascii=False))
        stream.write("\n")
