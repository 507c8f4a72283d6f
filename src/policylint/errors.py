"""User-facing errors: each renders as one line naming the file (and line) at fault.

These are distinct from bugs: the CLI prints them without a traceback and exits 2.
"""

from __future__ import annotations


class PolicylintError(Exception):
    """Base class for every error caused by the user's input or options."""

    def one_line(self) -> str:
        return str(self)


class InputError(PolicylintError):
    """A policy file that cannot be read: missing, empty, binary, corrupt, wrong encoding."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class RuleFileError(PolicylintError):
    """A rule or regulator YAML file that is malformed or fails validation."""

    def __init__(self, path: str, line: int | None, column: int | None, reason: str) -> None:
        where = path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.column = column
        self.reason = reason


class UsageError(PolicylintError):
    """Bad options: unknown regulator or rule id, unsupported format, and the like."""
