"""The terminal view for clinicians: a coverage table per file, then what to fix and why.

rich is imported inside `render` only, so machine formats never pay its import cost.
With `color=False` (the CLI's choice whenever stdout is piped) the output is plain text
with no escape codes and ASCII-only decoration, so it survives logs, pagers and files.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, TextIO

from policylint.model import FileReport, Finding, Report, RequirementStatus, Severity

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

    from policylint.reporters import RenderOptions

EVIDENCE_LIMIT = 80
"""Evidence sentences longer than this many characters are shortened in the table."""

_PLAIN_WIDTH = 100

# status -> (human label, symbol shown in colour mode, style)
_STATUS_LOOK: dict[str, tuple[str, str, str]] = {
    "covered": ("covered", "✓", "green"),
    "missing": ("missing", "✗", "bold red"),
    "wrong_stance": ("wrong stance", "!", "yellow"),
    "vacuous": ("says nothing", "~", "yellow"),
    "placeholder": ("placeholder", "?", "magenta"),
}

_SEVERITY_STYLE: dict[Severity, str] = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
}

_SEVERITY_NOUN: dict[Severity, tuple[str, str]] = {
    Severity.ERROR: ("error", "errors"),
    Severity.WARNING: ("warning", "warnings"),
    Severity.INFO: ("info", "info"),
}


def shorten(text: str, limit: int = EVIDENCE_LIMIT, ellipsis: str = "…") -> str:
    """Collapse whitespace and cut at a word boundary so the result fits in `limit` chars."""
    flat = re.sub(r"\s+", " ", text).strip()
    if len(flat) <= limit:
        return flat
    room = limit - len(ellipsis)
    cut = flat[:room]
    space = cut.rfind(" ")
    if space > room // 2:  # prefer a word boundary unless it throws away most of the text
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + ellipsis


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def summary_line(report: Report) -> str:
    """One line across all files, e.g. `3 files checked: 2 with gaps, 5 findings (...)`."""
    parts: list[str] = []
    readable = len(report.files) - report.error_count
    if report.finding_count:
        counts = Counter(f.severity for file in report.files for f in file.findings)
        by_severity = ", ".join(
            _plural(counts[severity], *_SEVERITY_NOUN[severity])
            for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
            if counts[severity]
        )
        parts.append(f"{report.files_with_gaps} with gaps")
        parts.append(f"{_plural(report.finding_count, 'finding')} ({by_severity})")
    elif readable:
        parts.append("no gaps found")
    if report.error_count:
        verb = "file could not be read" if report.error_count == 1 else "files could not be read"
        parts.append(f"{report.error_count} {verb}")
    head = f"{_plural(len(report.files), 'file')} checked"
    return f"{head}: {', '.join(parts)}" if parts else head


class TextReporter:
    """`--format text` (the default): human-readable, coloured when writing to a terminal."""

    name: str = "text"

    def render(self, report: Report, stream: TextIO, options: RenderOptions) -> None:
        import io

        from rich.console import Console

        # Plain output goes through a buffer so the padding rich adds to table cells can be
        # stripped from line ends: no trailing whitespace in logs, diffs or golden files.
        target: TextIO = stream if options.color else io.StringIO()
        console = Console(
            file=target,
            force_terminal=options.color,
            force_interactive=False,
            no_color=not options.color,
            color_system="auto" if options.color else None,
            width=options.width or (None if options.color else _PLAIN_WIDTH),
            markup=False,  # policy text may contain [brackets] or :emoji: codes; print it as is
            emoji=False,
            highlight=False,
            soft_wrap=False,
            legacy_windows=None if options.color else False,
        )
        _TextView(console, options).render(report)
        if isinstance(target, io.StringIO):
            stream.writelines(line.rstrip() + "\n" for line in target.getvalue().splitlines())


class _TextView:
    """One render: holds the console and the ASCII-or-Unicode choices made for it."""

    def __init__(self, console: Console, options: RenderOptions) -> None:
        self.console = console
        self.options = options
        self.fancy = options.color
        self.ellipsis = "…" if self.fancy else "..."

    def render(self, report: Report) -> None:
        from rich.text import Text

        printed_any = False
        for file in report.files:
            if self.options.quiet and file.error is None and not file.findings:
                continue
            if printed_any:
                self.console.print()
            self._file(file)
            printed_any = True
        if printed_any:
            self.console.print()
        style = "bold red" if report.error_count else "bold"
        self.console.print(Text(summary_line(report), style=style))

    def _file(self, file: FileReport) -> None:
        from rich.text import Text

        if file.error is not None:
            line = Text()
            line.append(file.path, style="bold")
            line.append(": ")
            line.append("error", style="bold red")
            line.append(f": {file.error}")
            self.console.print(line)
            return
        header = Text(file.path, style="bold underline")
        if file.findings:
            header.append(f"  {_plural(len(file.findings), 'finding')}", style="bold red")
        else:
            header.append("  no gaps found", style="bold green")
        self.console.print(header)
        if not self.options.quiet and file.statuses:
            self.console.print(self._table(file.statuses))
        if file.findings:
            self.console.print()
            for index, finding in enumerate(file.findings):
                if index:
                    self.console.print()
                self.console.print(self._finding(finding))

    def _table(self, statuses: tuple[RequirementStatus, ...]) -> RenderableType:
        from rich import box
        from rich.table import Table
        from rich.text import Text

        table = Table(
            box=box.ROUNDED if self.fancy else box.ASCII,
            header_style="bold",
            show_lines=False,
            expand=False,
        )
        table.add_column("Requirement", ratio=3, overflow="fold")
        table.add_column("Status", no_wrap=True)
        table.add_column("Evidence", ratio=5, overflow="fold")
        for status in statuses:
            requirement = Text(status.title)
            requirement.append("\n")
            requirement.append(status.rule, style="dim")
            table.add_row(requirement, self._status_cell(status.status), self._evidence(status))
        return table

    def _status_cell(self, status: str) -> Text:
        from rich.text import Text

        label, symbol, style = _STATUS_LOOK.get(status, (status.replace("_", " "), "", ""))
        text = f"{symbol} {label}" if self.fancy and symbol else label
        return Text(text, style=style)

    def _evidence(self, status: RequirementStatus) -> Text:
        from rich.text import Text

        evidence = status.evidence
        if evidence is None:
            return Text("—" if self.fancy else "-", style="dim")
        open_quote, close_quote = ("“", "”") if self.fancy else ('"', '"')
        text = Text(f"{open_quote}{shorten(evidence.text, ellipsis=self.ellipsis)}{close_quote}")
        where = evidence.location.describe()
        if where:
            text.append(f"\n{where}", style="dim")
        return text

    def _finding(self, finding: Finding) -> RenderableType:
        from rich.table import Table
        from rich.text import Text

        # A two-column grid gives every wrapped line a hanging indent under the message.
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=9, no_wrap=True)  # "  warning"
        grid.add_column(overflow="fold")
        severity = Text(f"  {finding.severity.value}", style=_SEVERITY_STYLE[finding.severity])
        body = Text()
        body.append(finding.rule, style="bold")
        where = finding.location.describe() if finding.location is not None else ""
        if where:
            body.append(f"  at {where}", style="dim")
        body.append("\n")
        body.append(finding.message)
        if finding.citation:
            body.append("\n")
            body.append("Clause: ", style="dim")
            body.append(finding.citation)
        if finding.suggestion:
            body.append("\n")
            body.append("Suggested wording: ", style="green")
            body.append(finding.suggestion)
        grid.add_row(severity, body)
        return grid
