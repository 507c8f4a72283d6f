"""Process exit statuses: a public contract, documented in README (as ruff's)."""

from enum import IntEnum


class ExitCode(IntEnum):
    """0 clean, 1 findings at or above `--fail-on`, 2 usage or input error."""

    OK = 0
    FINDINGS = 1
    ERROR = 2
