"""Generated from the packs: a complete policy passes every pack, and removing any one point
produces exactly the finding of the requirement that asks for it.

`corpora/samples/complete-all-packs.md` covers each topic in one section introduced by a
`<!-- topic: ID -->` comment (not policy text to the reader), so a section can be cut out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policylint.judge import merge_requirements
from policylint.lint import LintOptions, lint_file
from policylint.model import FileReport, FindingKind
from policylint.rulebook import load_rulebook

SAMPLE = Path(__file__).resolve().parents[1] / "corpora" / "samples" / "complete-all-packs.md"
MARKER = re.compile(r"^<!-- topic: (\w+) -->\n", re.MULTILINE)


def sections() -> tuple[str, dict[str, str]]:
    """The text before the first marker, and each topic's section (marker included)."""
    text = SAMPLE.read_text(encoding="utf-8")
    marks = list(MARKER.finditer(text))
    parts = {}
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        parts[mark.group(1)] = text[mark.start() : end]
    return text[: marks[0].start()], parts


def check(text: str, packs: tuple[str, ...]) -> FileReport:
    report = lint_file(SAMPLE.name, load_rulebook(), LintOptions(packs), text.encode("utf-8"))
    assert report.error is None, report.error
    return report


def without(topic: str) -> str:
    head, parts = sections()
    return head + "".join(body for name, body in parts.items() if name != topic)


ALL_PACKS = tuple(load_rulebook().packs)
CASES = [
    (pack, req.topic, req.id)
    for pack in ALL_PACKS
    for req in load_rulebook().packs[pack].requirements
]


def test_sample_has_one_section_per_topic() -> None:
    _, parts = sections()
    assert sorted(parts) == sorted(load_rulebook().topics)


@pytest.mark.parametrize("pack", ALL_PACKS)
def test_complete_sample_passes_every_pack(pack: str) -> None:
    report = check(SAMPLE.read_text(encoding="utf-8"), (pack,))
    assert report.findings == ()
    assert all(result.covered for result in report.topics.values())


@pytest.mark.parametrize(
    ("pack", "topic", "rule"), CASES, ids=[f"{pack}:{topic}" for pack, topic, _ in CASES]
)
def test_removing_a_point_gives_exactly_its_finding(pack: str, topic: str, rule: str) -> None:
    report = check(without(topic), (pack,))
    assert [(f.rule, f.kind) for f in report.findings] == [(rule, FindingKind.MISSING)]


def test_all_packs_at_once_report_each_gap_once_citing_every_body() -> None:
    rulebook = load_rulebook()
    assert check(SAMPLE.read_text(encoding="utf-8"), ALL_PACKS).findings == ()
    for merged in merge_requirements(rulebook.requirements_for(ALL_PACKS)):
        report = check(without(merged.primary.topic), ALL_PACKS)
        (finding,) = report.findings
        assert finding.rule == merged.primary.id
        assert finding.severity == max((r.severity for r in merged.members), key=lambda s: s.rank)
        cited = {c.regulator for c in finding.citations}
        assert cited == {r.pack for r in merged.members if r.clause}
