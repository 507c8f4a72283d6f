"""Typed access to fields of a YAML mapping, raising `RuleFileError` at the field's line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from policylint.errors import RuleFileError
from policylint.rulebook.yaml_loader import MarkedDict, MarkedList


class Fields:
    """Reads one YAML mapping of a rule file; every complaint names file, line and column."""

    def __init__(self, data: Any, path: str, what: str, line: int | None = None) -> None:
        if not isinstance(data, dict):
            raise RuleFileError(path, line, None, f"{what} must be a mapping")
        self.data = data
        self.path = path
        self.what = what

    def error(self, key: str | None, reason: str) -> RuleFileError:
        line, column = self.position(key)
        return RuleFileError(self.path, line, column, reason)

    def position(self, key: str | None = None) -> tuple[int | None, int | None]:
        if isinstance(self.data, MarkedDict):
            return self.data.mark_of(key) if key else (self.data.line, self.data.column)
        return None, None

    @property
    def line(self) -> int | None:
        return self.position()[0]

    def check_keys(self, allowed: Iterable[str]) -> None:
        """Reject keys we do not know, so a typo in a rule file is never silently ignored."""
        allowed = set(allowed)
        for key in self.data:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                raise self.error(key, f"unknown key '{key}' in {self.what} (known: {known})")

    def has(self, key: str) -> bool:
        return key in self.data and self.data[key] is not None

    def raw(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def text(self, key: str, *, required: bool = True, default: str | None = None) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.error(None, f"{self.what} is missing required key '{key}'")
            return default
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise self.error(key, f"'{key}' must be text")
        text = str(value).strip()
        if required and not text:
            raise self.error(key, f"'{key}' must not be empty")
        return text

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self.error(key, f"'{key}' must be true or false")
        return value

    def integer(self, key: str, default: int) -> int:
        value = self.data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.error(key, f"'{key}' must be a whole number")
        return value

    def items(self, key: str, *, required: bool = False) -> list[tuple[Any, int | None]]:
        """A list field as (item, line) pairs; a single value is treated as a one-item list."""
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.error(None, f"{self.what} is missing required key '{key}'")
            return []
        if not isinstance(value, list):
            value_list = MarkedList([value])
            value_list.item_marks = [self.position(key)]  # type: ignore[list-item]
            value = value_list
        lines: list[int | None] = []
        for index in range(len(value)):
            if isinstance(value, MarkedList):
                lines.append(value.mark_of(index)[0])
            else:
                lines.append(self.position(key)[0])
        return list(zip(value, lines, strict=True))

    def sub(self, key: str) -> Fields:
        value = self.data.get(key)
        line = self.position(key)[0]
        return Fields(value, self.path, f"'{key}' in {self.what}", line)
