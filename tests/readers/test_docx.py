"""The .docx reader: document order, headings, tracked changes, tables, and broken files."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest
from docx import Document as new_document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from policylint.errors import InputError
from policylint.model import BlockKind, Location
from policylint.readers.docx import OLE_SIGNATURE

from .conftest import (
    add_custom_heading_style,
    add_deletion,
    add_insertion,
    body_xml,
    docx_bytes,
    read_bytes_as,
    replace_member,
    zip_bytes,
)

NewDocx = Callable[[], DocxDocument]


def texts(data: bytes) -> list[str]:
    return [block.text for block in read_bytes_as("policy.docx", data).blocks]


def test_policy_docx_blocks_in_order(policy_docx: bytes) -> None:
    doc = read_bytes_as("policy.docx", policy_docx)
    assert doc.format == "docx"
    assert doc.path == "policy.docx"
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.HEADING, "Social Media Policy"),
        (BlockKind.PARAGRAPH, "This policy explains how I use social media."),
        (BlockKind.HEADING, "Friending"),
        (BlockKind.PARAGRAPH, "I do not accept friend requests from current or former clients."),
        (BlockKind.LIST_ITEM, "Facebook"),
        (BlockKind.LIST_ITEM, "Instagram"),
        (BlockKind.HEADING, "Contact"),
        (BlockKind.TABLE_CELL, "Channel"),
        (BlockKind.TABLE_CELL, "Use"),
        (BlockKind.TABLE_CELL, "Email"),
        (BlockKind.TABLE_CELL, "Scheduling only."),
        (BlockKind.HEADING, "Reviews"),
        (BlockKind.PARAGRAPH, "I do not solicit reviews."),
    ]


def test_tracked_insertion_read_and_deletion_dropped(policy_docx: bytes) -> None:
    joined = "\n".join(texts(policy_docx))
    assert "from current or former clients." in joined
    assert "OLD WORDING" not in joined


def test_python_docx_alone_would_lose_the_insertion(policy_docx: bytes) -> None:
    """Guards the reason docx.py walks the XML itself (see DESIGN: traps)."""
    paragraphs = [p.text for p in new_document(io.BytesIO(policy_docx)).paragraphs]
    assert "I do not accept friend requests" in paragraphs


def test_comments_are_not_policy_text(policy_docx: bytes) -> None:
    assert not any("REVIEWER COMMENT" in text for text in texts(policy_docx))


def test_heading_paths_and_sections(policy_docx: bytes) -> None:
    blocks = {b.text: b for b in read_bytes_as("policy.docx", policy_docx).blocks}
    assert blocks["Social Media Policy"].heading_path == ()
    assert blocks["Friending"].heading_path == ("Social Media Policy",)
    friending = blocks["I do not accept friend requests from current or former clients."]
    assert friending.heading_path == ("Social Media Policy", "Friending")
    assert friending.location.section == "Friending"
    assert blocks["Scheduling only."].heading_path == ("Social Media Policy", "Contact")
    assert blocks["Reviews"].heading_path == ()
    assert blocks["I do not solicit reviews."].heading_path == ("Reviews",)


def test_paragraph_numbers_count_text_paragraphs_including_cells(policy_docx: bytes) -> None:
    blocks = read_bytes_as("policy.docx", policy_docx).blocks
    assert [b.location.paragraph for b in blocks] == list(range(1, 14))
    assert blocks[3].location == Location(paragraph=4, section="Friending")
    assert blocks[3].location.describe() == "¶4 (Friending)"
    assert all(b.location.line is None and b.line_starts == () for b in blocks)


def test_runs_tabs_breaks_hyperlinks_and_fields(new_docx: NewDocx) -> None:
    doc = new_docx()
    paragraph = doc.add_paragraph("Name:")
    paragraph.add_run().add_tab()
    paragraph.add_run("Jane")
    paragraph.add_run().add_break()
    paragraph.add_run("Second line")
    paragraph._p.append(
        body_xml('<w:hyperlink><w:r><w:t xml:space="preserve"> see site</w:t></w:r></w:hyperlink>')
    )
    paragraph._p.append(
        body_xml(
            '<w:fldSimple w:instr="PAGE"><w:r><w:t xml:space="preserve"> p1</w:t></w:r>'
            "</w:fldSimple>"
        )
    )
    for run in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://x" </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        '<w:r><w:t xml:space="preserve"> here </w:t></w:r>',
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(body_xml(run))
    paragraph._p.append(body_xml("<w:r><w:t>well</w:t><w:noBreakHyphen/><w:t>being</w:t></w:r>"))
    assert texts(docx_bytes(doc)) == ["Name:\tJane\nSecond line see site p1 here well-being"]


def test_hidden_runs_and_moved_from_text_are_skipped(new_docx: NewDocx) -> None:
    doc = new_docx()
    paragraph = doc.add_paragraph("Visible.")
    paragraph._p.append(
        body_xml('<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> HIDDEN</w:t></w:r>')
    )
    paragraph._p.append(
        body_xml(
            '<w:moveFrom w:id="7" w:author="a"><w:r><w:t xml:space="preserve"> MOVED AWAY</w:t>'
            "</w:r></w:moveFrom>"
        )
    )
    paragraph._p.append(
        body_xml(
            '<w:moveTo w:id="8" w:author="a"><w:r><w:t xml:space="preserve"> Moved here.</w:t>'
            "</w:r></w:moveTo>"
        )
    )
    assert texts(docx_bytes(doc)) == ["Visible. Moved here."]


def test_text_box_is_read_once_not_twice(new_docx: NewDocx) -> None:
    doc = new_docx()
    paragraph = doc.add_paragraph("Anchor.")
    paragraph._p.append(
        body_xml(
            "<w:r><mc:AlternateContent>"
            "<mc:Choice><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Boxed text.</w:t>"
            "</w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
            "<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed text.</w:t>"
            "</w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>"
        )
    )
    assert texts(docx_bytes(doc)) == ["Anchor.\nBoxed text."]


def test_content_controls_are_read_in_order(new_docx: NewDocx) -> None:
    doc = new_docx()
    doc.add_paragraph("Before.")
    after = doc.add_paragraph("After.")
    after._p.addprevious(
        body_xml(
            "<w:sdt><w:sdtPr><w:alias w:val='Clause'/></w:sdtPr><w:sdtContent>"
            "<w:p><w:r><w:t>Inside the control.</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        )
    )
    after._p.append(
        body_xml(
            "<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t xml:space='preserve'> Inline.</w:t>"
            "</w:r></w:sdtContent></w:sdt>"
        )
    )
    assert texts(docx_bytes(doc)) == ["Before.", "Inside the control.", "After. Inline."]


def test_nested_tables_and_merged_cells(new_docx: NewDocx) -> None:
    doc = new_docx()
    table = doc.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Merged across"
    table.cell(0, 2).text = "Right"
    tall = table.cell(1, 0).merge(table.cell(1, 1))
    tall.text = "Outer cell"
    inner = tall.add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Inner A"
    inner.cell(0, 1).text = "Inner B"
    table.cell(1, 2).text = "Last"
    vertical = doc.add_table(rows=2, cols=1)
    vertical.cell(0, 0).merge(vertical.cell(1, 0)).text = "Spans two rows"
    blocks = read_bytes_as("t.docx", docx_bytes(doc)).blocks
    assert [b.text for b in blocks] == [
        "Merged across",
        "Right",
        "Outer cell",
        "Inner A",
        "Inner B",
        "Last",
        "Spans two rows",
    ]
    assert {b.kind for b in blocks} == {BlockKind.TABLE_CELL}


def test_cell_with_several_paragraphs_is_one_block(new_docx: NewDocx) -> None:
    doc = new_docx()
    cell = doc.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "First."
    cell.add_paragraph("Second.")
    doc.add_paragraph("After.")
    blocks = read_bytes_as("t.docx", docx_bytes(doc)).blocks
    assert [(b.text, b.location.paragraph) for b in blocks] == [
        ("First.\nSecond.", 1),
        ("After.", 3),
    ]


def test_tracked_row_deletion_drops_the_row(new_docx: NewDocx) -> None:
    doc = new_docx()
    table = doc.add_table(rows=2, cols=1)
    table.cell(0, 0).text = "Kept row"
    table.cell(1, 0).text = "Deleted row"
    tr_pr = table.rows[1]._tr.get_or_add_trPr()
    tr_pr.append(body_xml('<w:del w:id="9" w:author="a"/>'))
    assert texts(docx_bytes(doc)) == ["Kept row"]


def test_heading_styles_title_custom_and_outline_level(new_docx: NewDocx) -> None:
    doc = new_docx()
    add_custom_heading_style(doc, "Policy Section", "Heading 2")
    doc.add_heading("The Title", level=0)
    doc.add_heading("Chapter", level=1)
    doc.add_paragraph("Custom section", style="Policy Section")
    outlined = doc.add_paragraph("Outline level heading")
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "2")
    outlined._p.get_or_add_pPr().append(outline)
    doc.add_paragraph("Body.")
    blocks = read_bytes_as("h.docx", docx_bytes(doc)).blocks
    assert [b.kind for b in blocks[:4]] == [BlockKind.HEADING] * 4
    assert blocks[-1].heading_path == (
        "The Title",
        "Chapter",
        "Custom section",
        "Outline level heading",
    )


def test_numbered_paragraph_without_list_style_is_a_list_item(new_docx: NewDocx) -> None:
    doc = new_docx()
    paragraph = doc.add_paragraph("Numbered by numPr")
    paragraph._p.get_or_add_pPr().append(
        body_xml('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    )
    removed = doc.add_paragraph("Numbering removed")
    removed._p.get_or_add_pPr().append(
        body_xml('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>')
    )
    blocks = read_bytes_as("n.docx", docx_bytes(doc)).blocks
    assert [b.kind for b in blocks] == [BlockKind.LIST_ITEM, BlockKind.PARAGRAPH]


def test_insertion_inside_table_cell_is_read(new_docx: NewDocx) -> None:
    doc = new_docx()
    paragraph = doc.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0]
    paragraph.add_run("Cell")
    add_insertion(paragraph, " inserted")
    add_deletion(paragraph, " deleted")
    assert texts(docx_bytes(doc)) == ["Cell inserted"]


def test_macro_enabled_variant_is_read(policy_docx: bytes) -> None:
    doc = read_bytes_as("policy.docm", policy_docx)
    assert doc.format == "docx"
    assert doc.blocks[0].text == "Social Media Policy"


# -- broken files ------------------------------------------------------------------------


def expect_error(data: bytes, *fragments: str, name: str = "bad.docx") -> InputError:
    with pytest.raises(InputError) as caught:
        read_bytes_as(name, data)
    message = str(caught.value)
    assert message.startswith(f"{name}: ")
    for fragment in fragments:
        assert fragment in message
    return caught.value


def test_random_bytes() -> None:
    expect_error(bytes(range(256)) * 4, "is not a valid .docx file")


def test_truncated_zip(policy_docx: bytes) -> None:
    expect_error(policy_docx[: len(policy_docx) // 2], "is not a valid .docx file")


def test_ole_signature_means_password_or_legacy() -> None:
    expect_error(OLE_SIGNATURE + b"\x00" * 512, "password-protected", "save it as .docx")


def test_zip_without_word_content() -> None:
    expect_error(zip_bytes({"notes.txt": b"hello"}), "is not a Word document")


def test_docx_without_document_xml(policy_docx: bytes) -> None:
    broken = replace_member(policy_docx, "word/document.xml", None)
    expect_error(broken, "is not a Word document", "word/document.xml")


def test_corrupt_document_xml(policy_docx: bytes) -> None:
    broken = replace_member(policy_docx, "word/document.xml", b"<w:document><w:body>")
    expect_error(broken, "is corrupt (")


def test_main_part_that_is_not_a_word_document(policy_docx: bytes) -> None:
    broken = replace_member(policy_docx, "word/document.xml", b"<workbook/>")
    expect_error(broken, "is not a Word document")


def test_damaged_member_data(policy_docx: bytes) -> None:
    source = zipfile.ZipFile(io.BytesIO(policy_docx))
    info = source.getinfo("word/document.xml")
    damaged = bytearray(policy_docx)
    start = info.header_offset + 30 + len(info.filename) + 5
    damaged[start : start + 20] = b"\xff" * 20
    expect_error(bytes(damaged))


def test_document_without_text(new_docx: NewDocx) -> None:
    doc = new_docx()
    doc.add_paragraph("")
    expect_error(docx_bytes(doc), "contains no text")


def test_table_of_contents_entries_are_skipped(new_docx: NewDocx) -> None:
    doc = new_docx()
    toc_style = doc.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    doc.add_paragraph("Friending\t2", style=toc_style)
    doc.add_heading("Friending", level=1)
    doc.add_paragraph("I do not friend clients.")
    blocks = read_bytes_as("toc.docx", docx_bytes(doc)).blocks
    assert [(b.text, b.location.paragraph) for b in blocks] == [
        ("Friending", 1),
        ("I do not friend clients.", 2),
    ]
