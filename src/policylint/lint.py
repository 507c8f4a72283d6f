"""Paths -> Report: read, detect, judge each file; one bad file never stops the others."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from policylint import __version__
from policylint.errors import InputError
from policylint.judge import check_requirements
from policylint.model import FileReport, Report, TopicResult
from policylint.readers import SUFFIXES, read_document
from policylint.rulebook.types import Rulebook

STDIN = "-"


@dataclass(frozen=True, slots=True)
class LintOptions:
    """What to check against and how to read inputs."""

    regulators: tuple[str, ...]
    stdin_filename: str | None = None
    encoding: str | None = None
    debug: bool = False


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given; folders walked for supported files (hidden and Word lock files skipped)."""
    for raw in paths:
        path = Path(raw)
        if raw != STDIN and path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if name.startswith((".", "~$")):
                        continue
                    if Path(name).suffix.lower() in SUFFIXES:
                        found.append(Path(root) / name)
            yield from (str(p) for p in sorted(found))
        else:
            yield raw


def lint_file(
    path: str, rulebook: Rulebook, options: LintOptions, data: bytes | None = None
) -> FileReport:
    """Check one file; any input problem becomes `FileReport.error`, never an exception."""
    from policylint.detect import detect_coverage

    shown = options.stdin_filename if path == STDIN and options.stdin_filename else path
    try:
        document = read_document(
            path, data, stdin_filename=options.stdin_filename, encoding=options.encoding
        )
    except InputError as exc:
        return FileReport(path=shown, error=exc.reason)
    try:
        coverage = detect_coverage(document, rulebook)
    except Exception as exc:  # a crash on one file must not stop the batch
        if options.debug:
            raise
        return FileReport(path=shown, error=f"internal error while checking this file ({exc!r})")
    requirements = rulebook.requirements_for(options.regulators)
    wanted = rulebook.topics_for(options.regulators)
    topics: dict[str, TopicResult] = {t: coverage.topics[t] for t in wanted}
    statuses, findings = check_requirements(coverage, requirements, rulebook)
    return FileReport(path=shown, topics=topics, findings=findings, statuses=statuses)


def lint_paths(
    paths: Iterable[str], rulebook: Rulebook, options: LintOptions, stdin: bytes | None = None
) -> Report:
    """Check every path (folders expanded) and gather one Report."""
    files = []
    for path in expand_paths(paths):
        data = stdin if path == STDIN else None
        files.append(lint_file(path, rulebook, options, data))
    return Report(version=__version__, regulators=options.regulators, files=tuple(files))
