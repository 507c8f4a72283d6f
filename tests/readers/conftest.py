"""Builders for reader fixtures: every .docx is written by python-docx here, never checked in."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document as new_document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

from policylint.model import Document
from policylint.readers import read_document

_CHANGE_ID = iter(range(100, 10_000))


def _tracked(tag: str, text: str, text_tag: str) -> OxmlElement:
    change = OxmlElement(tag)
    change.set(qn("w:id"), str(next(_CHANGE_ID)))
    change.set(qn("w:author"), "Reviewer")
    change.set(qn("w:date"), "2024-05-01T10:00:00Z")
    run = OxmlElement("w:r")
    text_element = OxmlElement(text_tag)
    text_element.set(qn("xml:space"), "preserve")
    text_element.text = text
    run.append(text_element)
    change.append(run)
    return change


def add_insertion(paragraph: Paragraph, text: str) -> None:
    """Append a tracked insertion (`w:ins`) to a paragraph, as Word's Track Changes does."""
    paragraph._p.append(_tracked("w:ins", text, "w:t"))


def add_deletion(paragraph: Paragraph, text: str) -> None:
    """Append a tracked deletion (`w:del` with `w:delText`)."""
    paragraph._p.append(_tracked("w:del", text, "w:delText"))


def docx_bytes(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_policy_docx() -> bytes:
    """The required fixture: heading hierarchy, tracked changes, a comment, a list, a table."""
    doc = new_document()
    doc.add_heading("Social Media Policy", level=1)
    intro = doc.add_paragraph("This policy explains how I use social media.")
    doc.add_comment(intro.runs[0], text="REVIEWER COMMENT should not be read", author="Reviewer")
    doc.add_paragraph("")  # empty paragraphs are not counted
    doc.add_heading("Friending", level=2)
    friending = doc.add_paragraph("I do not accept friend requests")
    add_insertion(friending, " from current or former clients.")
    add_deletion(friending, " OLD WORDING that was deleted")
    doc.add_paragraph("Facebook", style="List Bullet")
    doc.add_paragraph("Instagram", style="List Number")
    doc.add_heading("Contact", level=2)
    table = doc.add_table(rows=2, cols=2)
    for (row, col), text in {
        (0, 0): "Channel",
        (0, 1): "Use",
        (1, 0): "Email",
        (1, 1): "Scheduling only.",
    }.items():
        table.cell(row, col).text = text
    doc.add_heading("Reviews", level=1)
    doc.add_paragraph("I do not solicit reviews.")
    return docx_bytes(doc)


@pytest.fixture
def policy_docx() -> bytes:
    return build_policy_docx()


@pytest.fixture
def new_docx() -> Callable[[], DocxDocument]:
    return new_document


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """Write a file under tmp_path and return its path."""

    def _write(name: str, content: bytes | str) -> Path:
        target = tmp_path / name
        data = content.encode("utf-8") if isinstance(content, str) else content
        target.write_bytes(data)
        return target

    return _write


def read_bytes_as(name: str, data: bytes, encoding: str | None = None) -> Document:
    """Read bytes as if from stdin with `--stdin-filename name`."""
    return read_document("-", data, stdin_filename=name, encoding=encoding)


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def replace_member(docx: bytes, name: str, content: bytes | None) -> bytes:
    """A copy of a .docx zip with one member replaced (or removed when `content` is None)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        members = {n: source.read(n) for n in source.namelist()}
    if content is None:
        members.pop(name)
    else:
        members[name] = content
    return zip_bytes(members)


def add_custom_heading_style(document: DocxDocument, name: str, base: str) -> None:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles[base]


_EXTRA_NAMESPACES = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def body_xml(fragment: str) -> OxmlElement:
    """Parse one body-level element written with the `w:`, `mc:`, `wps:` and `v:` prefixes."""
    wrapper = f"<w:wrap {nsdecls('w', 'wp', 'a')} {_EXTRA_NAMESPACES}>{fragment}</w:wrap>"
    return parse_xml(wrapper)[0]
