"""GitHub Actions annotations: one command per finding, escaped as the runner expects."""

from __future__ import annotations

import io
from dataclasses import replace

from policylint.model import FileReport, Finding, FindingKind, Location, Report, Severity
from policylint.reporters import RenderOptions, get_reporter
from policylint.reporters.github import command, escape_data, escape_property


def _lines(report: Report) -> list[str]:
    out = io.StringIO()
    get_reporter("github").render(report, out, RenderOptions())
    assert out.getvalue().endswith("\n")
    return out.getvalue().splitlines()


def test_one_command_per_finding_and_error(report: Report) -> None:
    lines = _lines(report)
    assert len(lines) == 6  # 5 findings + 1 unreadable file
    assert all(line.startswith("::") for line in lines)
    assert lines[0] == (
        "::error file=policies/acme.md,line=1,col=1,title=hcpc.messaging::"
        "The policy does not say how clients may contact you. Add a sentence."
        "%0AClause: HCPC 2.7 (Standards of conduct)"
        "%0ASuggested wording: I will not respond to clients through social media; "
        "please call 555-0100."
    )


def test_levels(report: Report) -> None:
    names = [line[2:].split(" ", 1)[0] for line in _lines(report)]
    assert names == ["error", "warning", "warning", "error", "notice", "error"]


def test_message_percent_is_escaped(report: Report) -> None:
    reviews = _lines(report)[1]
    assert "100%25 of regulators" in reviews
    assert "Clause: HCPC 2.3; BACP 33" in reviews


def test_findings_without_line_annotate_the_file(report: Report) -> None:
    lines = _lines(report)
    assert lines[3].startswith("::error file=docs/Social Media Policy.docx,title=hcpc.messaging::")
    assert lines[4] == (
        "::notice file=docs/Social Media Policy.docx,title=placeholder::"
        "Template text [Practice Name] was never filled in.%0ALocation: ¶2"
    )


def test_errored_file(report: Report) -> None:
    assert _lines(report)[5] == (
        "::error file=broken.pdf,title=policylint::could not read: unsupported file type '.pdf'"
    )


def test_properties_escape_colon_and_comma() -> None:
    finding = Finding(
        rule="r:1,x",
        topic=None,
        severity=Severity.WARNING,
        kind=FindingKind.MISSING,
        message="a: b, c\r\nd",
        location=Location(line=3),
    )
    report = Report("0.1.0", (), (FileReport("dir,1/a:b.md", findings=(finding,)),))
    (line,) = _lines(report)
    assert line == "::warning file=dir%2C1/a%3Ab.md,line=3,title=r%3A1%2Cx::a: b, c%0D%0Ad"


def test_escape_helpers() -> None:
    assert escape_data("50% \r\n:,") == "50%25 %0D%0A:,"
    assert escape_property("50% \r\n:,") == "50%25 %0D%0A%3A%2C"
    # % is escaped first so escapes are never double-encoded
    assert escape_property("%3A") == "%253A"
    assert command("notice", "hi") == "::notice::hi"
    assert command("error", "m", file="f", line=None) == "::error file=f::m"


def test_clean_report_prints_nothing(report: Report) -> None:
    out = io.StringIO()
    get_reporter("github").render(replace(report, files=(report.files[3],)), out, RenderOptions())
    assert out.getvalue() == ""
