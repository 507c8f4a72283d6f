"""The JSON output is a public contract: these tests pin its exact keys and types."""

from __future__ import annotations

import io
import json
from collections.abc import Callable

import pytest

from policylint.errors import UsageError
from policylint.model import Report
from policylint.reporters import REPORTERS, RenderOptions, get_reporter
from policylint.reporters.json import report_to_dict


def _render(report: Report) -> str:
    out = io.StringIO()
    get_reporter("json").render(report, out, RenderOptions())
    return out.getvalue()


def test_shape_and_types_at_every_level(
    report: Report, assert_report_shape: Callable[..., None]
) -> None:
    data = json.loads(_render(report))
    assert_report_shape(data)
    assert data["policylint"] == "0.1.0"
    assert data["regulators"] == ["hcpc", "bacp"]
    assert len(data["files"]) == 4


def test_values(report: Report) -> None:
    data = report_to_dict(report)
    acme, docx, _broken, clean = data["files"]
    assert data["summary"] == {"files": 4, "files_with_gaps": 2, "findings": 5, "errors": 1}
    assert acme["path"] == "policies/acme.md" and acme["error"] is None
    assert set(acme["topics"]) == {"friending", "messaging", "reviews", "emergencies"}
    friending = acme["topics"]["friending"]
    assert friending["covered"] is True and friending["stance"] == "declines"
    assert friending["evidence"][0]["location"] == {
        "line": 12,
        "column": 1,
        "paragraph": None,
        "section": "Friending",
    }
    assert acme["topics"]["messaging"] == {"covered": False, "stance": None, "evidence": []}
    # vacuous sentences are not evidence of coverage
    assert acme["topics"]["emergencies"]["evidence"] == []
    reviews = acme["findings"][1]
    assert reviews["citation"] == "HCPC 2.3; BACP 33"
    assert reviews["severity"] == "warning"
    assert docx["findings"][0]["location"] is None
    assert docx["findings"][1]["topic"] is None
    assert docx["topics"]["friending"]["evidence"][0]["location"]["paragraph"] == 7
    assert clean["findings"] == []


def test_errored_file_has_empty_topics_and_findings(report: Report) -> None:
    broken = report_to_dict(report)["files"][2]
    assert broken == {
        "path": "broken.pdf",
        "error": "unsupported file type '.pdf'",
        "topics": {},
        "findings": [],
    }


def test_output_is_indented_utf8_with_newline() -> None:
    report = Report("0.1.0", ("hcpc",), ())
    text = _render(report)
    assert text.endswith("}\n")
    assert text.startswith('{\n  "policylint"')
    assert json.loads(text)["files"] == []


def test_non_ascii_is_not_escaped(report: Report) -> None:
    from dataclasses import replace

    acme = replace(report.files[0], path="politique/thérapie.md")
    text = _render(replace(report, files=(acme,)))
    assert "thérapie.md" in text


def test_registry() -> None:
    assert set(REPORTERS) == {"text", "json", "sarif", "junit", "github"}
    for name, reporter in REPORTERS.items():
        assert reporter.name == name
    with pytest.raises(UsageError) as caught:
        get_reporter("xml")
    assert str(caught.value) == (
        "unknown format 'xml'; choose one of: github, json, junit, sarif, text"
    )


def test_rich_is_not_imported_by_machine_formats() -> None:
    import subprocess
    import sys

    code = (
        "import sys, io; import policylint.reporters as r; "
        "from policylint.model import Report; "
        "r.get_reporter('json').render(Report('1', (), ()), io.StringIO(), r.RenderOptions()); "
        "print('rich' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
