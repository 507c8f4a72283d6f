"""JUnit XML: well-formed, one case per requirement, counts that CI dashboards trust."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from policylint.model import FileReport, Location, Report
from policylint.reporters import RenderOptions, get_reporter


def _xml(report: Report) -> tuple[str, ET.Element]:
    out = io.StringIO()
    get_reporter("junit").render(report, out, RenderOptions())
    text = out.getvalue()
    return text, ET.fromstring(text.encode("utf-8"))


def test_well_formed_with_declaration(report: Report) -> None:
    text, root = _xml(report)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    assert root.tag == "testsuites"
    assert len(root.findall("testsuite")) == 1


def test_counts(report: Report) -> None:
    _, root = _xml(report)
    suite = root.find("testsuite")
    assert suite is not None
    assert suite.get("name") == "policylint"
    cases = suite.findall("testcase")
    # acme: 4 rows; docx: 2 rows + 1 placeholder finding; broken: 1; clean: 1
    assert len(cases) == 9
    failures = [c for c in cases if c.find("failure") is not None]
    errors = [c for c in cases if c.find("error") is not None]
    assert len(failures) == 5
    assert len(errors) == 1
    for element in (root, suite):
        assert element.get("tests") == "9"
        assert element.get("failures") == "5"
        assert element.get("errors") == "1"


def test_case_contents(report: Report) -> None:
    _, root = _xml(report)
    cases = {(c.get("classname"), c.get("name")): c for c in root.iter("testcase")}
    assert cases[("policies/acme.md", "hcpc.friending")].find("failure") is None
    failure = cases[("policies/acme.md", "hcpc.messaging")].find("failure")
    assert failure is not None
    assert failure.get("type") == "error"
    assert failure.get("message") == (
        "The policy does not say how clients may contact you. Add a sentence."
    )
    assert failure.text is not None
    assert "Clause: HCPC 2.7 (Standards of conduct)" in failure.text
    assert "Suggested wording: I will not respond" in failure.text
    assert "Location: 1:1" in failure.text
    placeholder = cases[("docs\\Social Media Policy.docx", "placeholder")].find("failure")
    assert placeholder is not None and placeholder.get("type") == "info"
    error = cases[("broken.pdf", "read-error")].find("error")
    assert error is not None
    assert error.get("message") == "unsupported file type '.pdf'"


def test_invalid_xml_characters_are_replaced(report: Report) -> None:
    from dataclasses import replace

    acme = report.files[0]
    bad = replace(acme.findings[0], message="Form\x0cfeed & <tags>", location=Location(line=2))
    broken = replace(report, files=(replace(acme, findings=(bad,)),))
    _, root = _xml(broken)
    failure = root.find(".//failure")
    assert failure is not None
    assert failure.get("message") == "Form\ufffdfeed & <tags>"


def test_empty_report() -> None:
    _, root = _xml(Report("0.1.0", (), (FileReport("x.md"),)))
    assert root.get("tests") == "0"
    assert root.find("testsuite/testcase") is None
