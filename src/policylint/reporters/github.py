"""GitHub Actions workflow commands, which turn findings into annotations on a pull request.

Escaping follows the Actions runner: `%`, CR and LF in the message; additionally `:` and
`,` in property values, where they would otherwise end the value early.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from policylint.model import Finding, Report, Severity

if TYPE_CHECKING:
    from policylint.reporters import RenderOptions

_COMMANDS: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


def escape_data(value: str) -> str:
    """Escape a command's message (the part after `::`)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value such as `file=` or `title=`."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int | None) -> str:
    """One workflow command line; properties that are None are left out."""
    props = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in properties.items()
        if value is not None
    )
    head = f"::{name} {props}" if props else f"::{name}"
    return f"{head}::{escape_data(message)}"


def _message(finding: Finding) -> str:
    lines = [finding.message]
    location = finding.location
    # Without a line (e.g. .docx) the annotation sits on the file; say where in the text.
    if location is not None and location.line is None and location.describe():
        lines.append(f"Location: {location.describe()}")
    if finding.citation:
        lines.append(f"Clause: {finding.citation}")
    if finding.suggestion:
        lines.append(f"Suggested wording: {finding.suggestion}")
    return "\n".join(lines)


def finding_command(path: str, finding: Finding) -> str:
    """The annotation for one finding; without a line it annotates the whole file."""
    location = finding.location
    line = location.line if location is not None else None
    column = location.column if location is not None and line is not None else None
    return command(
        _COMMANDS[finding.severity],
        _message(finding),
        file=path.replace("\\", "/"),
        line=line,
        col=column,
        title=finding.rule,
    )


class GithubReporter:
    """`--format github`: one annotation per finding and per unreadable file."""

    name: str = "github"

    def render(self, report: Report, stream: TextIO, options: RenderOptions) -> None:
        for file in report.files:
            path = file.path.replace("\\", "/")
            if file.error is not None:
                stream.write(
                    command("error", f"could not read: {file.error}", file=path, title="policylint")
                    + "\n"
                )
                continue
            for finding in file.findings:
                stream.write(finding_command(file.path, finding) + "\n")
