"""Bytes to text for the text formats, with one clear error for every way that can fail.

Policies arrive from Word exports, old Windows editors and copy-paste, so a wrong encoding or
a mislabelled binary is common; each gets a message that says what to do about it.
"""

from __future__ import annotations

import codecs

from policylint.errors import InputError

# Checked longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Files that are not text at all, whatever their name says.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "is a PDF file, not text; export it as .docx or .txt"),
    (b"PK\x03\x04", "is a zip file (perhaps a .docx), not text; give it a .docx name"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "is a legacy Word/Office file, not text; save it as .docx",
    ),
    (b"{\\rtf", "is an RTF file, not text; save it as .docx or plain text"),
)

_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.10
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x0b\x1b")
BINARY = "looks like a binary file, not text"


def decode_text(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode `data` to text with newlines normalised to `\\n` and no BOM."""
    _reject_known_binaries(data, path)
    bom_codec = _bom_codec(data)
    if bom_codec is not None:
        text = _decode(data, path, bom_codec, bom=True)
    elif encoding is not None:
        text = _decode(data, path, _checked_codec(encoding, path))
    else:
        _reject_binary_bytes(data, path)
        text = _decode(data, path, "utf-8")
    if "\x00" in text:
        raise InputError(path, BINARY)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "file is empty")
    return text


def _reject_known_binaries(data: bytes, path: str) -> None:
    for magic, reason in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, reason)


def _bom_codec(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def _checked_codec(encoding: str, path: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(path, f"unknown encoding '{encoding}'") from None


def _reject_binary_bytes(data: bytes, path: str) -> None:
    """NUL bytes or many control characters mean this is not UTF-8/ANSI text."""
    head = data[:_SNIFF_BYTES]
    if b"\x00" in data:
        if _looks_like_bomless_utf16(head):
            raise InputError(
                path, "looks like UTF-16 text without a byte-order mark; pass --encoding utf-16-le"
            )
        raise InputError(path, BINARY)
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if head and controls / len(head) > _MAX_CONTROL_SHARE:
        raise InputError(path, BINARY)


def _looks_like_bomless_utf16(head: bytes) -> bool:
    """ASCII text in UTF-16 has NUL in every other byte; binaries scatter them."""
    if len(head) < 8:
        return False
    odd_nuls = head[1::2].count(0) / len(head[1::2])
    even_nuls = head[0::2].count(0) / len(head[0::2])
    return odd_nuls > 0.9 and even_nuls < 0.05


def _decode(data: bytes, path: str, codec: str, *, bom: bool = False) -> str:
    if bom and codec == "utf-8":
        codec = "utf-8-sig"
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(path, _decode_failure(data, codec, exc)) from None


def _decode_failure(data: bytes, codec: str, exc: UnicodeDecodeError) -> str:
    byte = data[exc.start]
    line = data.count(b"\n", 0, exc.start) + 1
    where = f"byte 0x{byte:02x} at offset {exc.start}, line {line}"
    if codec in ("utf-8", "utf-8-sig"):
        return f"not valid UTF-8 ({where}); save it as UTF-8 or pass --encoding cp1252"
    return f"not valid {codec} ({where}); check the --encoding you passed"
