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
