"""Immutable types passed between the stages: reader -> detect -> judge -> reporter.

Each stage takes and returns these small frozen values, so a stage can be tested alone and
no stage ever needs to re-find text that an earlier one located.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is; ordered so `--fail-on` can compare."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Stance(StrEnum):
    """What a policy says it does about a topic (e.g. friending): refuses, allows, sometimes."""

    DECLINES = "declines"
    PERMITS = "permits"
    CONDITIONAL = "conditional"
    UNCLEAR = "unclear"


class BlockKind(StrEnum):
    """The structural role of a block; headings give context but never coverage."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    TABLE_CELL = "table_cell"


class FindingKind(StrEnum):
    """Why a finding was raised; also the status a requirement shows in the coverage table."""

    MISSING = "missing"
    WRONG_STANCE = "wrong_stance"
    VACUOUS = "vacuous"
    PLACEHOLDER = "placeholder"


@dataclass(frozen=True, slots=True)
class Location:
    """Where text sits in its source: line/column for text formats, paragraph for .docx."""

    line: int | None = None
    column: int | None = None
    paragraph: int | None = None
    section: str | None = None

    def describe(self) -> str:
        """Short human form, e.g. `12:5` or `¶7`, with the section when known."""
        if self.line is not None:
            where = f"{self.line}:{self.column}" if self.column is not None else f"{self.line}"
        elif self.paragraph is not None:
            where = f"¶{self.paragraph}"
        else:
            where = ""
        if self.section:
            return f"{where} ({self.section})" if where else f"({self.section})"
        return where

    def to_dict(self) -> dict[str, int | str | None]:
        return {
            "line": self.line,
            "column": self.column,
            "paragraph": self.paragraph,
            "section": self.section,
        }


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of text from a reader: a heading, paragraph, list item, quote or table cell.

    `line_starts` maps each line of `text` (split on "\\n") to the source (line, column) where
    it begins, so a sentence found later can be located without searching the source again.
    It is empty for formats without lines (.docx).
    """

    text: str
    kind: BlockKind
    location: Location
    heading_path: tuple[str, ...] = ()
    line_starts: tuple[tuple[int, int], ...] = ()

    def location_at(self, offset: int) -> Location:
        """The location of the character at `offset` in `text`."""
        if not self.line_starts:
            return self.location
        line_index = self.text.count("\n", 0, offset)
        line_index = min(line_index, len(self.line_starts) - 1)
        line, column = self.line_starts[line_index]
        line_begin = self.text.rfind("\n", 0, offset) + 1
        return Location(
            line=line,
            column=column + (offset - line_begin),
            paragraph=self.location.paragraph,
            section=self.location.section,
        )


@dataclass(frozen=True, slots=True)
class Document:
    """A policy as read: its path (or `-`), the reader that read it, and its blocks in order."""

    path: str
    format: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence that covers a topic, where it is, its stance, and the pattern that fired."""

    topic: str
    text: str
    location: Location
    stance: Stance | None
    pattern_id: str
    vacuous: bool = False
    stance_priority: int = 0  # priority of the cue that decided `stance` (0: no cue)


@dataclass(frozen=True, slots=True)
class TopicResult:
    """What a document says about one topic: covered or not, overall stance, the evidence.

    `vacuous` holds sentences that name the topic but say nothing ("Following: N/A"),
    `placeholders` mentions inside unfilled template text, `heading` a heading naming the
    topic (where a finding about a missing topic is anchored).
    """

    topic: str
    covered: bool
    stance: Stance | None
    evidence: tuple[Evidence, ...] = ()
    vacuous: tuple[Evidence, ...] = ()
    placeholders: tuple[Evidence, ...] = ()
    heading: Location | None = None


@dataclass(frozen=True, slots=True)
class Placeholder:
    """Unfilled template text left in a document, e.g. `[Practice Name]`."""

    text: str
    location: Location
    pattern_id: str


@dataclass(frozen=True, slots=True)
class Coverage:
    """Everything detection found in one document, before any regulator is consulted."""

    topics: dict[str, TopicResult]
    placeholders: tuple[Placeholder, ...] = ()
    anchor: Location = field(default_factory=Location)


@dataclass(frozen=True, slots=True)
class Citation:
    """The regulator clause behind a requirement."""

    regulator: str
    clause: str
    document: str | None = None

    def describe(self) -> str:
        text = f"{self.regulator.upper()} {self.clause}"
        return f"{text} ({self.document})" if self.document else text


@dataclass(frozen=True, slots=True)
class Finding:
    """One gap or defect, with everything a user needs to act on it."""

    rule: str
    topic: str | None
    severity: Severity
    kind: FindingKind
    message: str
    citations: tuple[Citation, ...] = ()
    suggestion: str | None = None
    location: Location | None = None

    @property
    def citation(self) -> str | None:
        """All citations joined for display and the JSON `citation` field."""
        if not self.citations:
            return None
        return "; ".join(c.describe() for c in self.citations)


@dataclass(frozen=True, slots=True)
class RequirementStatus:
    """One row of the coverage table: a requirement and how the document meets it."""

    rule: str
    topic: str
    title: str
    severity: Severity
    status: str
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class FileReport:
    """The result for one input: either an error, or topics, statuses and findings."""

    path: str
    error: str | None = None
    topics: dict[str, TopicResult] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    statuses: tuple[RequirementStatus, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    """A whole run: the version, the regulators checked against, and one entry per file."""

    version: str
    regulators: tuple[str, ...]
    files: tuple[FileReport, ...]

    @property
    def error_count(self) -> int:
        return sum(1 for f in self.files if f.error is not None)

    @property
    def finding_count(self) -> int:
        return sum(len(f.findings) for f in self.files)

    @property
    def files_with_gaps(self) -> int:
        return sum(1 for f in self.files if f.findings)
