"""JUnit XML output, so CI systems (GitLab, Jenkins, Azure) show each requirement as a test.

Every coverage-table row becomes a test case: met requirements pass, requirements with a
finding fail with the clause and suggested wording, and an unreadable file is an error.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, TextIO

from policylint.model import FileReport, Finding, Report

if TYPE_CHECKING:
    from policylint.reporters import RenderOptions

READ_ERROR_CASE = "read-error"
"""Test-case name used for a file that could not be read."""

# Characters XML 1.0 forbids even when escaped (e.g. form feeds from .docx); ElementTree
# would write them raw and produce a document no CI parser accepts.
_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def _failure_body(findings: list[Finding]) -> str:
    parts: list[str] = []
    for finding in findings:
        lines = [finding.message]
        where = finding.location.describe() if finding.location is not None else ""
        if where:
            lines.append(f"Location: {where}")
        if finding.citation:
            lines.append(f"Clause: {finding.citation}")
        if finding.suggestion:
            lines.append(f"Suggested wording: {finding.suggestion}")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _add_case(suite: ET.Element, classname: str, name: str, findings: list[Finding]) -> ET.Element:
    case = ET.SubElement(suite, "testcase", classname=_clean(classname), name=_clean(name))
    if findings:
        worst = max(findings, key=lambda f: f.severity.rank)
        failure = ET.SubElement(
            case, "failure", type=worst.severity.value, message=_clean(worst.message)
        )
        failure.text = _clean(_failure_body(findings))
    return case


def _file_cases(suite: ET.Element, file: FileReport) -> tuple[int, int, int]:
    """Add one file's test cases; return its (tests, failures, errors)."""
    if file.error is not None:
        case = ET.SubElement(suite, "testcase", classname=_clean(file.path), name=READ_ERROR_CASE)
        error = ET.SubElement(case, "error", type="read-error", message=_clean(file.error))
        error.text = _clean(f"{file.path}: {file.error}")
        return 1, 0, 1
    by_rule: dict[str, list[Finding]] = {}
    for finding in file.findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    tests = failures = 0
    for status in file.statuses:
        findings = by_rule.pop(status.rule, [])
        _add_case(suite, file.path, status.rule, findings)
        tests += 1
        failures += bool(findings)
    # Findings with no coverage-table row (e.g. leftover template text) still fail a case.
    for rule, findings in by_rule.items():
        _add_case(suite, file.path, rule, findings)
        tests += 1
        failures += 1
    return tests, failures, 0


def report_to_junit(report: Report) -> ET.Element:
    """The report as a `<testsuites>` element holding one `policylint` test suite."""
    root = ET.Element("testsuites", name="policylint")
    suite = ET.SubElement(root, "testsuite", name="policylint")
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="policylint.version", value=report.version)
    ET.SubElement(properties, "property", name="regulators", value=",".join(report.regulators))
    tests = failures = errors = 0
    for file in report.files:
        t, f, e = _file_cases(suite, file)
        tests, failures, errors = tests + t, failures + f, errors + e
    for element in (root, suite):
        element.set("tests", str(tests))
        element.set("failures", str(failures))
        element.set("errors", str(errors))
        element.set("skipped", "0")
    return root


class JunitReporter:
    """`--format junit`: a UTF-8 JUnit XML document."""

    name: str = "junit"

    def render(self, report: Report, stream: TextIO, options: RenderOptions) -> None:
        root = report_to_junit(report)
        ET.indent(root)
        stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        stream.write(ET.tostring(root, encoding="unicode"))
        stream.write("\n")
