"""The registry and `read_document`: format choice, file-system errors, and the error contract."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from policylint.errors import InputError
from policylint.model import BlockKind, Document
from policylint.readers import (
    READERS,
    SUFFIXES,
    Reader,
    format_for,
    read_document,
)

from .conftest import build_policy_docx, read_bytes_as

Write = Callable[[str, bytes | str], Path]


def error_for(path: str, data: bytes | None = None, **options: str) -> InputError:
    with pytest.raises(InputError) as caught:
        read_document(path, data, **options)
    shown = options.get("stdin_filename") or path
    assert str(caught.value).startswith(f"{shown}: "), str(caught.value)
    return caught.value


# -- the registry ------------------------------------------------------------------------


def test_readers_are_keyed_by_their_names() -> None:
    assert set(READERS) == {"docx", "markdown", "text"}
    for name, reader in READERS.items():
        assert reader.name == name
        assert isinstance(reader.read, Callable)
    assert set(SUFFIXES.values()) <= set(READERS)


def test_reader_protocol_is_satisfied() -> None:
    readers: list[Reader] = list(READERS.values())
    blocks = readers[2].read(b"Hello.\n", "x.txt", None)
    assert blocks[0].text == "Hello."


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("policy.docx", "docx"),
        ("POLICY.DOCX", "docx"),
        ("policy.docm", "docx"),
        ("dir.v2/policy.md", "markdown"),
        ("policy.markdown", "markdown"),
        ("policy.txt", "text"),
        ("policy.text", "text"),
        ("README", "text"),
        ("-", "text"),
    ],
)
def test_format_for_suffix(path: str, expected: str) -> None:
    assert format_for(path) == expected


@pytest.mark.parametrize(
    ("override", "expected"),
    [("policy.md", "markdown"), ("markdown", "markdown"), ("DOCX", "docx"), (".txt", "text")],
)
def test_format_for_override(override: str, expected: str) -> None:
    assert format_for("-", override) == expected


def test_unsupported_suffix_message() -> None:
    with pytest.raises(InputError) as caught:
        format_for("policy.pdf")
    assert str(caught.value) == (
        "policy.pdf: unsupported file type '.pdf'; policylint reads .docx, .md, .markdown and .txt"
    )


def test_legacy_doc_suffix_says_how_to_convert() -> None:
    with pytest.raises(InputError) as caught:
        format_for("old.doc")
    assert "legacy Word format" in caught.value.reason
    assert "File > Save As > Word Document" in caught.value.reason


# -- reading from disk -------------------------------------------------------------------


def test_reads_each_format_from_disk(write: Write) -> None:
    for name, content in {
        "p.txt": b"Policy\nI do not friend clients.\n",
        "p.md": b"# Policy\n\nI do not friend clients.\n",
        "p.docx": build_policy_docx(),
    }.items():
        path = str(write(name, content))
        doc = read_document(path)
        assert isinstance(doc, Document)
        assert doc.path == path
        assert doc.format == format_for(name)
        assert doc.blocks[0].kind is BlockKind.HEADING


def test_seed_file_if_present() -> None:
    seed = Path("/work/shared/seed/social-media-policy.txt")
    if not seed.exists():
        pytest.skip("seed policy not available")
    doc = read_document(str(seed))
    assert doc.blocks[0].text == "Social Media Policy"
    assert doc.blocks[-1].heading_path == ("Social Media Policy", "Potential Scripting")


def test_missing_file(tmp_path: Path) -> None:
    assert error_for(str(tmp_path / "nope.md")).reason == "no such file"


def test_missing_file_with_unsupported_suffix_reports_missing(tmp_path: Path) -> None:
    assert error_for(str(tmp_path / "nope.pdf")).reason == "no such file"


def test_directory(tmp_path: Path) -> None:
    assert "is a directory" in error_for(str(tmp_path)).reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_permission_denied(write: Write) -> None:
    path = write("locked.txt", "text")
    path.chmod(0)
    try:
        assert error_for(str(path)).reason == "permission denied"
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("content", [b"", b"  \n\n\t  \r\n"])
@pytest.mark.parametrize("name", ["e.txt", "e.md", "e.docx"])
def test_empty_files(write: Write, name: str, content: bytes) -> None:
    assert error_for(str(write(name, content))).reason == "file is empty"


def test_unsupported_and_legacy_files_on_disk(write: Write) -> None:
    assert "unsupported file type '.pdf'" in error_for(str(write("p.pdf", b"%PDF-1.4"))).reason
    assert "legacy Word format" in error_for(str(write("p.doc", b"\xd0\xcf\x11\xe0"))).reason


def test_markdown_with_only_code_contains_no_text(write: Write) -> None:
    path = write("code.md", "```\nfriending: yes\n```\n<!-- note -->\n")
    assert error_for(str(path)).reason == "contains no text"


def test_pdf_bytes_named_md(write: Write) -> None:
    assert error_for(str(write("p.md", b"%PDF-1.4\n..."))).reason.startswith("is a PDF file")


def test_docx_named_txt_is_caught(write: Write) -> None:
    reason = error_for(str(write("p.txt", build_policy_docx()))).reason
    assert reason.startswith("is a zip file (perhaps a .docx)")


def test_encoding_option_reaches_text_readers(write: Write) -> None:
    path = str(write("w.txt", "Café policy.\n".encode("cp1252")))
    assert "not valid UTF-8" in error_for(path).reason
    assert read_document(path, encoding="cp1252").blocks[0].text == "Café policy."


# -- stdin -------------------------------------------------------------------------------


def test_stdin_uses_stdin_filename_for_format_and_path() -> None:
    doc = read_document("-", b"# Title\n\nBody.\n", stdin_filename="policy.md")
    assert (doc.path, doc.format) == ("policy.md", "markdown")
    assert doc.blocks[1].location.describe() == "3:1 (Title)"


def test_stdin_without_name_is_text() -> None:
    doc = read_document("-", b"# Title\n\nBody.\n")
    assert (doc.path, doc.format) == ("-", "text")


def test_unnamed_stdin_that_is_a_docx_is_read_as_one() -> None:
    assert read_document("-", build_policy_docx()).format == "docx"


def test_stdin_errors_name_stdin() -> None:
    assert error_for("-", b"").reason == "file is empty"
    assert "unsupported" in error_for("-", b"x", stdin_filename="p.pdf").reason


# -- hostile input -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["h.txt", "h.md", "h.docx"])
def test_random_bytes_give_a_document_or_an_input_error(name: str) -> None:
    rng = random.Random(1234)
    samples = [bytes(rng.randrange(256) for _ in range(size)) for size in (1, 7, 64, 2048)]
    docx = build_policy_docx()
    for _ in range(20):  # flip bytes in a real .docx too
        damaged = bytearray(docx)
        for _ in range(8):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        samples.append(bytes(damaged))
    for data in samples:
        try:
            doc = read_bytes_as(name, data)
        except InputError as exc:
            assert str(exc).startswith(f"{name}: ")
        else:
            assert doc.blocks


def test_permission_denied_reported_without_root(
    write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same check for when tests run as root, where chmod cannot deny reading."""
    path = write("locked.txt", "text")

    def deny(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("policylint.readers.open", deny, raising=False)
    assert error_for(str(path)).reason == "permission denied"


def test_text_longer_than_any_policy_is_one_clear_error(tmp_path: Path) -> None:
    from policylint.readers import MAX_TEXT_CHARS

    path = tmp_path / "huge.txt"
    path.write_text("I do not accept friend requests. " * (MAX_TEXT_CHARS // 30), encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_document(str(path))
    assert str(info.value).startswith(f"{path}: has ")
    assert "more than any policy" in str(info.value)
