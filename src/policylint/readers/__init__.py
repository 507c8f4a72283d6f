"""Readers: turn a policy file's bytes into a `Document` of located blocks.

One module per format behind the `Reader` protocol, chosen by file suffix. Every problem
with the input surfaces as an `InputError` naming the file, never a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from policylint.errors import InputError
from policylint.model import Block, Document
from policylint.readers.docx import OLE_SIGNATURE, DocxReader
from policylint.readers.markdown import MarkdownReader
from policylint.readers.text import TextReader

__all__ = [
    "MAX_BYTES",
    "MAX_TEXT_CHARS",
    "READERS",
    "SUFFIXES",
    "Reader",
    "format_for",
    "read_document",
]


class Reader(Protocol):
    """Parses one format; raises InputError (naming `path`) for input it cannot read."""

    name: str

    def read(self, data: bytes, path: str, encoding: str | None) -> tuple[Block, ...]: ...


READERS: dict[str, Reader] = {
    reader.name: reader for reader in (DocxReader(), MarkdownReader(), TextReader())
}

SUFFIXES: dict[str, str] = {
    ".docx": "docx",
    ".docm": "docx",
    ".dotx": "docx",
    ".dotm": "docx",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
}

SUPPORTED = ".docx, .md, .markdown and .txt"
MAX_BYTES = 64 * 1024 * 1024  # policies are kilobytes; anything this big is a wrong file
# About 300 pages. Checking time and memory grow with the text (roughly a minute and 500 MB
# per million characters), so a longer "policy" is refused rather than left to run.
MAX_TEXT_CHARS = 1_000_000
STDIN = "-"


def format_for(path: str, override: str | None = None) -> str:
    """The reader name for `path`, or for `override` (a format name or a file name)."""
    if override is not None:
        if override.lower() in READERS:
            return override.lower()
        return _format_from_suffix(path, _suffix(override))
    if path == STDIN:
        return "text"
    return _format_from_suffix(path, _suffix(path))


def _suffix(name: str) -> str:
    """`.md` for `policy.md` and also for a bare `.md`, which Path sees as a hidden file."""
    base = Path(name).name
    if base.startswith(".") and base.count(".") == 1:
        return base.lower()
    return Path(base).suffix.lower()


def _format_from_suffix(path: str, suffix: str) -> str:
    if not suffix:
        return "text"  # README-style files without an extension are plain text
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    if suffix in (".doc", ".dot"):
        raise InputError(
            path,
            f"'{suffix}' is a legacy Word format; save it as .docx "
            "(File > Save As > Word Document) and lint that",
        )
    raise InputError(path, f"unsupported file type '{suffix}'; policylint reads {SUPPORTED}")


def read_document(
    path: str,
    data: bytes | None = None,
    *,
    stdin_filename: str | None = None,
    encoding: str | None = None,
) -> Document:
    """Read `path` from disk (or parse `data`, e.g. stdin as `-`) into a Document.

    With `stdin_filename`, that name picks the format and is the path shown in the
    document and in errors, as ruff and Vale do.
    """
    name = stdin_filename if path == STDIN else None
    shown = name or path
    if data is None:
        _check_file(shown, path)
        fmt = format_for(shown, name)
        data = _read_bytes(shown, path)
    else:
        sniffed = _sniffed(data) if path == STDIN and not name else None
        fmt = sniffed or format_for(shown, name)
    _check_size(shown, data)
    blocks = _parse(READERS[fmt], data, shown, encoding)
    if not blocks:
        raise InputError(shown, "contains no text")
    length = sum(len(block.text) for block in blocks)
    if length > MAX_TEXT_CHARS:
        raise InputError(
            shown,
            f"has {length:,} characters of text, more than any policy ({MAX_TEXT_CHARS:,}); "
            "check the right file was given",
        )
    return Document(path=shown, format=fmt, blocks=blocks)


def _check_file(shown: str, path: str) -> None:
    try:
        if os.path.isdir(path):
            raise InputError(shown, "is a directory, not a policy file")
        os.stat(path)
    except FileNotFoundError:
        raise InputError(shown, "no such file") from None
    except OSError as exc:
        raise InputError(shown, _os_reason(exc)) from None


def _read_bytes(shown: str, path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(shown, "no such file") from None
    except IsADirectoryError:
        raise InputError(shown, "is a directory, not a policy file") from None
    except OSError as exc:
        raise InputError(shown, _os_reason(exc)) from None


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot be read ({exc.strerror or type(exc).__name__})"


def _sniffed(data: bytes) -> str | None:
    """Unnamed stdin that is a Word file is read as one; other stdin is text."""
    if data.startswith((b"PK\x03\x04", OLE_SIGNATURE)):
        return "docx"
    return None


def _check_size(shown: str, data: bytes) -> None:
    if not data.strip():
        raise InputError(shown, "file is empty")
    if len(data) > MAX_BYTES:
        raise InputError(shown, f"is too large (over {MAX_BYTES // (1024 * 1024)} MB)")


def _parse(reader: Reader, data: bytes, shown: str, encoding: str | None) -> tuple[Block, ...]:
    """Run a reader; a parser failing on hostile input still becomes one InputError line."""
    try:
        return reader.read(data, shown, encoding)
    except InputError:
        raise
    except (RecursionError, MemoryError):
        raise InputError(shown, "is too deeply nested or too large to read") from None
    except Exception as exc:
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
        raise InputError(shown, f"could not be read as {reader.name} ({reason})") from None
