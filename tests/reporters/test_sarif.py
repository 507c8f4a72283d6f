"""SARIF output: structure code scanning accepts, and fingerprints that survive edits."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from typing import Any

from policylint.model import Location, Report
from policylint.reporters import RenderOptions, get_reporter
from policylint.reporters.sarif import artifact_uri, first_sentence


def _sarif(report: Report) -> dict[str, Any]:
    out = io.StringIO()
    get_reporter("sarif").render(report, out, RenderOptions())
    assert out.getvalue().endswith("\n")
    return json.loads(out.getvalue())


def test_log_structure(report: Report) -> None:
    log = _sarif(report)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "policylint"
    assert driver["version"] == "0.1.0"
    assert "informationUri" not in driver
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == ["hcpc.messaging", "hcpc.reviews", "hcpc.emergencies", "placeholder"]
    messaging = driver["rules"][0]
    assert messaging["shortDescription"]["text"] == (
        "The policy does not say how clients may contact you."
    )
    assert "helpUri" not in messaging
    assert len(run["results"]) == 5
    for result in run["results"]:
        assert {"ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints"} <= (
            set(result)
        )
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert isinstance(result["message"]["text"], str)
        (location,) = result["locations"]
        assert "uri" in location["physicalLocation"]["artifactLocation"]
        region = location["physicalLocation"].get("region")
        if region is not None:
            assert region["startLine"] >= 1


def test_levels_messages_and_regions(report: Report) -> None:
    results = _sarif(report)["runs"][0]["results"]
    levels = [r["level"] for r in results]
    assert levels == ["error", "warning", "warning", "error", "note"]
    first = results[0]
    assert first["message"]["text"] == (
        "The policy does not say how clients may contact you. Add a sentence. "
        "Clause: HCPC 2.7 (Standards of conduct). "
        "Suggested wording: I will not respond to clients through social media; "
        "please call 555-0100."
    )
    physical = results[1]["locations"][0]["physicalLocation"]
    assert physical == {
        "artifactLocation": {"uri": "policies/acme.md"},
        "region": {"startLine": 20, "startColumn": 5},
    }
    # .docx findings have no line: no region rather than a made-up one
    docx = results[3]["locations"][0]["physicalLocation"]
    assert docx == {"artifactLocation": {"uri": "docs/Social%20Media%20Policy.docx"}}
    assert results[4]["properties"]["paragraph"] == 2


def test_fingerprints_stable_across_line_changes(report: Report) -> None:
    before = _sarif(report)["runs"][0]["results"]
    acme = report.files[0]
    moved = tuple(
        replace(f, location=Location(line=(f.location.line or 0) + 40, column=3))
        for f in acme.findings
    )
    shifted = replace(report, files=(replace(acme, findings=moved), *report.files[1:]))
    after = _sarif(shifted)["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    assert before[0]["locations"] != after[0]["locations"]


def test_fingerprints_differ_by_path_and_rule(report: Report) -> None:
    results = _sarif(report)["runs"][0]["results"]
    prints = [r["partialFingerprints"]["policylint/v1"] for r in results]
    assert len(set(prints)) == len(prints)
    assert all(len(p) == 64 for p in prints)
    # same rule in two files -> different fingerprints
    assert results[0]["ruleId"] == results[3]["ruleId"]


def test_errored_file_is_a_notification(report: Report) -> None:
    (invocation,) = _sarif(report)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert "unsupported file type" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.pdf"


def test_clean_run_is_successful(report: Report) -> None:
    clean = replace(report, files=(report.files[3],))
    run = _sarif(clean)["runs"][0]
    assert run["results"] == []
    assert run["tool"]["driver"]["rules"] == []
    assert run["invocations"][0]["executionSuccessful"] is True


def test_artifact_uri() -> None:
    assert artifact_uri("a/b.md") == "a/b.md"
    assert artifact_uri("a\\b c.md") == "a/b%20c.md"
    assert artifact_uri("/abs/p.md") == "file:///abs/p.md"
    assert artifact_uri("C:\\Users\\me\\p.md") == "file:///C:/Users/me/p.md"


def test_first_sentence() -> None:
    assert first_sentence("One. Two.") == "One."
    assert first_sentence("No full stop") == "No full stop"
    assert first_sentence("See section 2.7 now. Then more.") == "See section 2.7 now."
