"""Word (.docx) policies, read from the document XML as the author sees it after review.

The body is walked directly rather than through python-docx's paragraph API: its
`paragraph.text` drops runs inside tracked insertions (`w:ins`), and it cannot see content
controls or nested tables in document order. Tracked changes read as if accepted; comments,
deleted text and field codes are not policy text.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from policylint.errors import InputError
from policylint.model import Block, BlockKind
from policylint.readers._blocks import HeadingTracker, make_block

if TYPE_CHECKING:
    from lxml.etree import _Element as Element
else:
    Element = Any

_W_NAMESPACES = frozenset(
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",  # ISO 29500 strict
    }
)
_MC_NAMESPACE = "http://schemas.openxmlformats.org/markup-compatibility/2006"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAX_PART_BYTES = 256 * 1024 * 1024  # a policy's XML is kilobytes; refuse zip bombs

# Never policy text: deletions, moved-away text, field codes, hidden properties, the VML copy
# of a text box (mc:Fallback duplicates mc:Choice), ruby guides, note and comment marks.
_SKIPPED = frozenset(
    {
        "del",
        "moveFrom",
        "delText",
        "delInstrText",
        "instrText",
        "pPr",
        "rPr",
        "sdtPr",
        "mc:Fallback",
        "rt",
        "commentReference",
        "footnoteReference",
        "endnoteReference",
    }
)
_CHARACTERS = {"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
_WRAPPERS = frozenset({"sdt", "sdtContent", "customXml", "ins", "moveTo", "mc:Choice"})
_HEADING_NAME = re.compile(r"heading\s*(\d)?", re.IGNORECASE)
_MISSING_ITEM = re.compile(r"no item named '([^']+)'")


class DocxReader:
    """Reads .docx files (and the macro-enabled and template variants)."""

    name = "docx"

    def read(self, data: bytes, path: str, encoding: str | None) -> tuple[Block, ...]:
        body, styles = _open(data, path)
        walker = _Walker(styles)
        walker.container(body)
        return tuple(walker.blocks)


def _name(element: Element) -> str:
    """`t` for w:t, `mc:Fallback` for markup compatibility, `?x` for other namespaces."""
    tag = element.tag
    if not isinstance(tag, str):  # comments and processing instructions
        return ""
    namespace, _, local = tag[1:].rpartition("}")
    if namespace in _W_NAMESPACES:
        return local
    return f"mc:{local}" if namespace == _MC_NAMESPACE else f"?{local}"


def _attr(element: Element, local: str) -> str | None:
    for namespace in _W_NAMESPACES:
        value = element.get(f"{{{namespace}}}{local}")
        if value is not None:
            return value
    return None


def _child(element: Element | None, local: str) -> Element | None:
    if element is None:
        return None
    return next((c for c in element if _name(c) == local), None)


# -- opening -----------------------------------------------------------------------------


def _open(data: bytes, path: str) -> tuple[Element, dict[str, _Style]]:
    """The document body and its styles, or an InputError saying why the file is unusable."""
    if data.startswith(OLE_SIGNATURE):
        raise InputError(
            path,
            "is password-protected or a legacy .doc file; remove the password, or save it "
            "as .docx (File > Save As > Word Document)",
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(path, "is not a valid .docx file (corrupt or not a Word document)")
    try:
        _check_sizes(data, path)
        return _load(data, path)
    except InputError:
        raise
    except KeyError as exc:
        missing = _MISSING_ITEM.search(str(exc))
        detail = f"missing {missing.group(1)}" if missing else "a required part is missing"
        raise InputError(path, f"is not a Word document ({detail})") from None
    except Exception as exc:  # lxml, zlib, zipfile and python-docx errors alike
        raise InputError(path, f"is corrupt ({_describe(exc)})") from None


def _check_sizes(data: bytes, path: str) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if any(info.file_size > _MAX_PART_BYTES for info in archive.infolist()):
            raise InputError(path, "is corrupt or too large (a part claims over 256 MB)")


def _load(data: bytes, path: str) -> tuple[Element, dict[str, _Style]]:
    from docx.package import Package

    package = Package.open(io.BytesIO(data))
    main = _related_part(package, "/officeDocument")
    root = _part_xml(main) if main is not None else None
    if root is None or _name(root) != "document":
        raise InputError(path, "is not a Word document")
    body = _child(root, "body")
    if body is None:
        raise InputError(path, "is corrupt (the document has no body)")
    styles_part = _related_part(main, "/styles")
    styles = _read_styles(_part_xml(styles_part)) if styles_part is not None else {}
    return body, styles


def _related_part(source: Any, reltype_suffix: str) -> Any:
    """The part related by a relationship type, in transitional or strict spelling."""
    for rel in source.rels.values():
        if not rel.is_external and rel.reltype.endswith(reltype_suffix):
            return rel.target_part
    return None


def _part_xml(part: Any) -> Element:
    from docx.oxml.parser import parse_xml

    element = getattr(part, "element", None)
    return element if element is not None else parse_xml(part.blob)


def _describe(exc: Exception) -> str:
    """The parser's own first line, e.g. `Bad CRC-32 for file 'word/document.xml'`."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


# -- styles ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Style:
    """What the reader needs of a paragraph style: its name, parent, outline and numbering."""

    name: str
    based_on: str | None
    outline_level: int | None
    numbered: bool


def _read_styles(root: Element) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    for style in root:
        if _name(style) != "style" or _attr(style, "type") not in (None, "paragraph"):
            continue
        style_id = _attr(style, "styleId")
        if style_id is None:
            continue
        name = _child(style, "name")
        based_on = _child(style, "basedOn")
        ppr = _child(style, "pPr")
        styles[style_id] = _Style(
            name=(_attr(name, "val") or style_id) if name is not None else style_id,
            based_on=_attr(based_on, "val") if based_on is not None else None,
            outline_level=_outline_level(ppr),
            numbered=_has_numbering(ppr),
        )
    return styles


def _outline_level(ppr: Element | None) -> int | None:
    level = _child(ppr, "outlineLvl")
    value = _attr(level, "val") if level is not None else None
    if value is None or not value.isdigit() or int(value) >= 9:  # 9 means body text
        return None
    return int(value) + 1


def _has_numbering(ppr: Element | None) -> bool:
    num_pr = _child(ppr, "numPr")
    if num_pr is None:
        return False
    num_id = _child(num_pr, "numId")
    return num_id is None or _attr(num_id, "val") != "0"  # numId 0 removes numbering


def _style_chain(styles: dict[str, _Style], style_id: str | None) -> Iterator[_Style]:
    """A style and its ancestors, guarding against basedOn cycles."""
    seen: set[str] = set()
    while style_id is not None and style_id in styles and style_id not in seen:
        seen.add(style_id)
        style = styles[style_id]
        yield style
        style_id = style.based_on


def _style_heading_level(styles: dict[str, _Style], style_id: str | None) -> int | None:
    """Title is level 0; `Heading N` is N; a custom style based on a heading inherits it."""
    named_heading = False
    for style in _style_chain(styles, style_id):
        if style.name.strip().lower() == "title":
            return 0
        match = _HEADING_NAME.match(style.name.strip())
        if match and match.group(1):
            return int(match.group(1))
        named_heading = named_heading or match is not None
        if style.outline_level is not None:
            return style.outline_level
    if style_id is not None and style_id not in styles:
        match = _HEADING_NAME.match(style_id)  # styles part missing: ids are like Heading1
        if match:
            return int(match.group(1)) if match.group(1) else 1
    return 1 if named_heading else None


def _style_is_toc(styles: dict[str, _Style], style_id: str | None) -> bool:
    """Table-of-contents entries repeat the headings with page numbers; they are not policy."""
    return any(s.name.strip().lower().startswith("toc") for s in _style_chain(styles, style_id))


def _style_is_list(styles: dict[str, _Style], style_id: str | None) -> bool:
    return any(
        s.numbered or s.name.strip().lower().startswith("list")
        for s in _style_chain(styles, style_id)
    )


# -- walking -----------------------------------------------------------------------------


class _Walker:
    """Walks block content in document order, numbering paragraphs and tracking headings."""

    def __init__(self, styles: dict[str, _Style]) -> None:
        self.styles = styles
        self.tracker = HeadingTracker()
        self.blocks: list[Block] = []
        self.paragraph = 0

    def container(self, element: Element) -> None:
        """Body, cell or content-control content: paragraphs and tables."""
        for child in _block_content(element):
            if _name(child) == "p":
                self._paragraph(child)
            else:
                self._table(child)

    def _paragraph(self, p: Element) -> None:
        ppr = _child(p, "pPr")
        style_ref = _child(ppr, "pStyle")
        style_id = _attr(style_ref, "val") if style_ref is not None else None
        text = paragraph_text(p)
        if not text or _style_is_toc(self.styles, style_id):
            return
        self.paragraph += 1
        level = _outline_level(ppr)
        if level is None:
            level = _style_heading_level(self.styles, style_id)
        if level is not None:
            path = self.tracker.enter(level, text)
            kind = BlockKind.HEADING
        else:
            path = self.tracker.path
            listed = _has_numbering(ppr) or _style_is_list(self.styles, style_id)
            kind = BlockKind.LIST_ITEM if listed else BlockKind.PARAGRAPH
        self.blocks.append(make_block(text, kind, path, paragraph=self.paragraph))

    def _table(self, table: Element) -> None:
        for row in _descend(table, "tr"):
            if _child(_child(row, "trPr"), "del") is not None:
                continue  # a tracked row deletion, read as accepted
            for cell in _descend(row, "tc"):
                if not _is_merge_continuation(cell):
                    self._cell(cell)

    def _cell(self, cell: Element) -> None:
        """One TABLE_CELL block per cell; a nested table splits it where it stands."""
        texts: list[str] = []
        first: int | None = None
        for child in _block_content(cell):
            if _name(child) == "tbl":
                self._emit_cell(texts, first)
                texts, first = [], None
                self._table(child)
                continue
            text = paragraph_text(child)
            if text:
                self.paragraph += 1
                first = first or self.paragraph
                texts.append(text)
        self._emit_cell(texts, first)

    def _emit_cell(self, texts: list[str], paragraph: int | None) -> None:
        if texts:
            block = make_block(
                "\n".join(texts), BlockKind.TABLE_CELL, self.tracker.path, paragraph=paragraph
            )
            self.blocks.append(block)


def _block_content(element: Element) -> Iterator[Element]:
    """Paragraphs and tables inside `element`, seen through content controls and wrappers."""
    for child in element:
        name = _name(child)
        if name in ("p", "tbl"):
            yield child
        elif name in _WRAPPERS or name == "mc:AlternateContent":
            yield from _block_content(child)


def _descend(element: Element, wanted: str) -> Iterator[Element]:
    """Rows of a table or cells of a row, also when wrapped in content controls."""
    for child in element:
        name = _name(child)
        if name == wanted:
            yield child
        elif name in _WRAPPERS or name == "mc:AlternateContent":
            yield from _descend(child, wanted)


def _is_merge_continuation(cell: Element) -> bool:
    """Cells that continue a merge repeat nothing of their own; emit each merged cell once."""
    tc_pr = _child(cell, "tcPr")
    for merge in ("vMerge", "hMerge"):
        mark = _child(tc_pr, merge)
        if mark is not None and _attr(mark, "val") in (None, "continue"):
            return True
    return False


def paragraph_text(p: Element) -> str:
    """The text of a paragraph with tracked changes accepted, one line per line break."""
    pieces: list[str] = []
    _collect_text(p, pieces)
    lines = (line.strip() for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def _collect_text(element: Element, out: list[str]) -> None:
    for child in element:
        name = _name(child)
        if name in _SKIPPED:
            continue
        if name == "t":
            out.append(child.text or "")
        elif name in _CHARACTERS:
            out.append(_CHARACTERS[name])
        elif name == "p":  # a paragraph inside a text box
            out.append("\n")
            _collect_text(child, out)
        elif name == "r" and _is_hidden(child):
            continue
        else:
            _collect_text(child, out)


def _is_hidden(run: Element) -> bool:
    vanish = _child(_child(run, "rPr"), "vanish")
    return vanish is not None and _attr(vanish, "val") not in ("0", "false", "off")
