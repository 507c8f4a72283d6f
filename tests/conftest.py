"""Fixtures shared by the whole suite: paths, a CLI runner and `invoke_and_assert`.

Every test runs against the real `rules/` of the checkout: `POLICYLINT_RULES_DIR` is removed
from the environment, so a developer's override can never change what the suite checks.
Tests that need a different rules folder point the variable at a temporary copy themselves
(see `rules_copy`), bypassing the rulebook cache so the real rulebook stays cached.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import pytest
from click.testing import Result
from typer.testing import CliRunner

from policylint.cli import app

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
RULES_ENV = "POLICYLINT_RULES_DIR"


class InvokeAndAssert(Protocol):
    def __call__(
        self,
        args: Sequence[str],
        exit_code: int,
        *,
        stdout_contains: str | Sequence[str] = (),
        stderr_contains: str | Sequence[str] = (),
        input: str | bytes | None = None,
    ) -> Result: ...


def _as_list(value: str | Sequence[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def describe(result: Result) -> str:
    """Everything a failing CLI assertion needs to show."""
    return (
        f"exit {result.exit_code}\n--- stdout ---\n{result.stdout}\n"
        f"--- stderr ---\n{result.stderr}\n--- exception ---\n{result.exception!r}"
    )


@pytest.fixture(autouse=True)
def _real_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test against the checkout's `rules/`, whatever the caller's environment."""
    monkeypatch.delenv(RULES_ENV, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(scope="session")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def invoke_and_assert(runner: CliRunner) -> InvokeAndAssert:
    """Run `policylint ARGS` in-process and check its exit status and output.

    An unexpected exception (anything but the `SystemExit` Typer raises) fails the test with
    its traceback, and no run may print a Python traceback on either stream.
    """

    def invoke(
        args: Sequence[str],
        exit_code: int,
        *,
        stdout_contains: str | Sequence[str] = (),
        stderr_contains: str | Sequence[str] = (),
        input: str | bytes | None = None,
    ) -> Result:
        result = runner.invoke(app, [str(a) for a in args], input=input)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(describe(result)) from result.exception
        assert result.exit_code == exit_code, describe(result)
        assert "Traceback" not in result.stdout + result.stderr, describe(result)
        for text in _as_list(stdout_contains):
            assert text in result.stdout, f"{text!r} not in stdout\n{describe(result)}"
        for text in _as_list(stderr_contains):
            assert text in result.stderr, f"{text!r} not in stderr\n{describe(result)}"
        return result

    return invoke


@pytest.fixture
def check_json(invoke_and_assert: InvokeAndAssert) -> Callable[..., dict[str, Any]]:
    """`policylint check ARGS --format json`, asserting the exit status; the parsed report."""

    def run(args: Sequence[str], exit_code: int, *, input: str | bytes | None = None) -> Any:
        result = invoke_and_assert(["check", *args, "--format", "json"], exit_code, input=input)
        return json.loads(result.stdout)

    return run


@pytest.fixture
def rules_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A writable copy of `rules/` that the CLI loads through `POLICYLINT_RULES_DIR`.

    The loader caches per rules folder, so the copy (a new folder per test) is read afresh
    while the real rulebook stays cached.
    """
    root = tmp_path / "rules"
    shutil.copytree(RULES, root)
    monkeypatch.setenv(RULES_ENV, str(root))
    yield root


# -- the JSON report contract (README, issue 2): one checker for the reporter and CLI tests ------

TOP_KEYS = {"policylint", "regulators", "files", "summary"}
FILE_KEYS = {"path", "error", "topics", "findings"}
TOPIC_KEYS = {"covered", "stance", "evidence"}
EVIDENCE_KEYS = {"text", "location"}
FINDING_KEYS = {"rule", "topic", "severity", "message", "citation", "suggestion", "location"}
LOCATION_KEYS = {"line", "column", "paragraph", "section"}
SUMMARY_KEYS = {"files", "files_with_gaps", "findings", "errors"}
STANCES = {None, "declines", "permits", "conditional", "unclear"}


def _opt_str(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _check_location(loc: Any) -> None:
    assert isinstance(loc, dict)
    assert set(loc) == LOCATION_KEYS
    for key in ("line", "column", "paragraph"):
        assert loc[key] is None or type(loc[key]) is int
    assert _opt_str(loc["section"])


def check_report_shape(report: dict[str, Any], topics: set[str] | None = None) -> None:
    """Assert the exact keys and types of a JSON report at every level.

    With `topics`, every readable file must list exactly those topic ids.
    """
    assert set(report) == TOP_KEYS
    assert isinstance(report["files"], list)
    for entry in report["files"]:
        assert set(entry) == FILE_KEYS
        assert isinstance(entry["path"], str)
        assert _opt_str(entry["error"])
        assert isinstance(entry["topics"], dict) and isinstance(entry["findings"], list)
        if entry["error"] is not None:
            assert (entry["topics"], entry["findings"]) == ({}, [])
            continue
        if topics is not None:
            assert set(entry["topics"]) == topics
        for topic_id, result in entry["topics"].items():
            assert isinstance(topic_id, str)
            assert set(result) == TOPIC_KEYS
            assert type(result["covered"]) is bool
            assert result["stance"] in STANCES
            assert isinstance(result["evidence"], list)
            for evidence in result["evidence"]:
                assert set(evidence) == EVIDENCE_KEYS
                assert isinstance(evidence["text"], str)
                _check_location(evidence["location"])
        for finding in entry["findings"]:
            assert set(finding) == FINDING_KEYS
            assert isinstance(finding["rule"], str)
            assert _opt_str(finding["topic"])
            assert finding["severity"] in {"error", "warning", "info"}
            assert isinstance(finding["message"], str) and finding["message"]
            assert _opt_str(finding["citation"])
            assert _opt_str(finding["suggestion"])
            if finding["location"] is not None:
                _check_location(finding["location"])
    assert set(report["summary"]) == SUMMARY_KEYS
    assert all(type(v) is int for v in report["summary"].values())


@pytest.fixture
def assert_report_shape() -> Callable[..., None]:
    """The JSON-contract checker, as a fixture so tests in sub-folders can use it."""
    return check_report_shape
