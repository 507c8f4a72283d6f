"""Output formats behind one small Protocol, so the CLI picks a format by name only.

Each format lives in its own module; `REPORTERS` maps the `--format` names to instances.
Nothing here imports rich: the text reporter imports it inside `render`, which keeps
machine formats (json, sarif, junit, github) fast to start in CI and pre-commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, TextIO

from policylint.errors import UsageError
from policylint.model import Report
from policylint.reporters.github import GithubReporter
from policylint.reporters.json import JsonReporter
from policylint.reporters.junit import JunitReporter
from policylint.reporters.sarif import SarifReporter
from policylint.reporters.text import TextReporter

__all__ = ["REPORTERS", "RenderOptions", "Reporter", "get_reporter"]


@dataclass(frozen=True)
class RenderOptions:
    """Presentation choices; only the text reporter uses them, machine formats ignore them."""

    color: bool = False
    quiet: bool = False
    width: int | None = None


class Reporter(Protocol):
    """Writes a whole `Report` to a stream in one format; never exits or decides pass/fail."""

    name: str

    def render(self, report: Report, stream: TextIO, options: RenderOptions) -> None: ...


REPORTERS: dict[str, Reporter] = {
    reporter.name: reporter
    for reporter in (
        TextReporter(),
        JsonReporter(),
        SarifReporter(),
        JunitReporter(),
        GithubReporter(),
    )
}


def get_reporter(name: str) -> Reporter:
    """Look a format up by name, failing with a usage error that lists the valid choices."""
    try:
        return REPORTERS[name]
    except KeyError:
        choices = ", ".join(sorted(REPORTERS))
        raise UsageError(f"unknown format '{name}'; choose one of: {choices}") from None
