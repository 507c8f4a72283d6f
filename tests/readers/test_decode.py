"""Bytes to text: BOMs, encodings, binaries in disguise, and the messages users see."""

from __future__ import annotations

import codecs

import pytest

from policylint.errors import InputError
from policylint.readers.decode import decode_text

# Curly quotes, an accent and an en dash: the characters cp1252 files carry.
POLICY = "I don\u2019t accept \u201cfriend\u201d requests.\nCaf\u00e9 hours: 9\u20135.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def reason(data: bytes, encoding: str | None = None, path: str = "p.txt") -> str:
    with pytest.raises(InputError) as caught:
        decode_text(data, path, encoding)
    assert str(caught.value).startswith(f"{path}: ")
    return caught.value.reason


def test_plain_utf8() -> None:
    assert decode_text(POLICY.encode(), "p.txt") == POLICY


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_byte_order_marks(bom: bytes, codec: str) -> None:
    assert decode_text(bom + POLICY.encode(codec), "p.txt") == POLICY


def test_bom_wins_over_a_wrong_encoding_option() -> None:
    data = codecs.BOM_UTF16_LE + POLICY.encode("utf-16-le")
    assert decode_text(data, "p.txt", "cp1252") == POLICY


def test_newlines_are_normalised() -> None:
    assert decode_text(b"a\r\nb\rc\n", "p.txt") == "a\nb\nc\n"
    assert decode_text("a\r\nb".encode("utf-16"), "p.txt") == "a\nb"


def test_cp1252_with_encoding_option() -> None:
    data = POLICY.encode("cp1252")
    assert decode_text(data, "p.txt", "cp1252") == POLICY
    assert decode_text(data, "p.txt", "windows-1252") == POLICY


def test_invalid_utf8_names_the_byte_offset_and_fix() -> None:
    data = b"line one\nI don\x92t friend clients.\n"
    assert reason(data) == (
        "not valid UTF-8 (byte 0x92 at offset 14, line 2); "
        "save it as UTF-8 or pass --encoding cp1252"
    )


def test_invalid_for_the_chosen_encoding() -> None:
    assert reason(b"caf\xe9 \xff\xfe", "utf-8").startswith("not valid UTF-8 (byte 0xe9 at offset 3")
    assert reason(b"x\x81", "cp1252").startswith("not valid cp1252 (byte 0x81")


def test_unknown_encoding() -> None:
    assert reason(b"text", "klingon-8") == "unknown encoding 'klingon-8'"


def test_utf16_without_bom_and_encoding_option() -> None:
    data = POLICY.encode("utf-16-le")
    assert "UTF-16" in reason(data)
    assert decode_text(data, "p.txt", "utf-16-le") == POLICY


@pytest.mark.parametrize(
    "data",
    [PNG, b"text with a \x00 NUL", bytes(range(1, 32)) * 20, b"\x7fELF\x02\x01\x01\x00"],
    ids=["png", "nul", "controls", "elf"],
)
def test_binary_data(data: bytes) -> None:
    assert reason(data) == "looks like a binary file, not text"


def test_nul_after_decoding_with_an_explicit_encoding() -> None:
    assert reason(b"abc\x00def", "cp1252") == "looks like a binary file, not text"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a PDF file, not text"),
        (b"PK\x03\x04\x14\x00\x06\x00", "is a zip file (perhaps a .docx), not text"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "is a legacy Word/Office file"),
        (b"{\\rtf1\\ansi hello}", "is an RTF file"),
    ],
)
def test_known_binaries_in_disguise(data: bytes, expected: str) -> None:
    assert reason(data, path="policy.md").startswith(expected)


@pytest.mark.parametrize(
    "data", [b"   \n\t\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")]
)
def test_whitespace_only_is_empty(data: bytes) -> None:
    assert reason(data) == "file is empty"


def test_leading_bom_character_is_stripped_even_with_explicit_utf8() -> None:
    assert decode_text(codecs.BOM_UTF8 + b"Hi", "p.txt", "utf-8") == "Hi"
