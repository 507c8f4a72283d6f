"""Build the Word (.docx) corpus files from their Markdown sources.

Sources and outputs:

* ``corpora/docx-src/NNN-slug.md``  ->  ``corpora/policies/NNN-slug.docx``
* ``corpora/samples/src/NAME.md``   ->  ``corpora/samples/NAME.docx``

The Markdown is parsed with markdown-it-py (CommonMark plus pipe tables) and rendered with
python-docx: ``#``..``######`` become the Word styles "Heading 1".."Heading 6", paragraphs
"Normal", bullet and numbered lists "List Bullet" / "List Number" (nested: "... 2", "... 3"),
pipe tables real Word tables in the "Table Grid" style. Bold and italic runs are kept and
links become their text.

The output is deterministic: fixed document properties and fixed zip timestamps, so a rebuild
of an unchanged source gives the same bytes. ``--check`` nevertheless compares the extracted
text (paragraphs and table cells in document order), not bytes, so a file re-saved by Word
with the same words still passes.

Usage::

    python scripts/build_corpus_docx.py           # rebuild every .docx
    python scripts/build_corpus_docx.py --check   # exit 1 if a committed .docx is stale
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt
from markdown_it.token import Token

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"

#: (source folder, output folder) pairs the builder handles.
FOLDERS: tuple[tuple[Path, Path], ...] = (
    (CORPORA / "docx-src", CORPORA / "policies"),
    (CORPORA / "samples" / "src", CORPORA / "samples"),
)

_FIXED_TIME = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_AUTHOR = "policylint corpus"


# -- rendering -----------------------------------------------------------------------------


@dataclass
class _ListLevel:
    """One open Markdown list: its kind and nesting depth."""

    ordered: bool


@dataclass
class _Renderer:
    """Walks markdown-it block tokens and appends the matching Word content to `doc`."""

    doc: DocxDocument
    lists: list[_ListLevel] = field(default_factory=list)

    def render(self, tokens: Sequence[Token]) -> None:
        """Render a whole token stream (block level)."""
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "heading_open":
                level = int(token.tag[1:])
                paragraph = self.doc.add_paragraph(style=f"Heading {level}")
                _add_inline(paragraph, tokens[index + 1])
                index += 3
                continue
            if kind in ("bullet_list_open", "ordered_list_open"):
                self.lists.append(_ListLevel(ordered=kind == "ordered_list_open"))
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "paragraph_open":
                paragraph = self.doc.add_paragraph(style=self._paragraph_style())
                _add_inline(paragraph, tokens[index + 1])
                index += 3
                continue
            elif kind == "table_open":
                close = _matching_close(tokens, index, "table_open", "table_close")
                self._table(tokens[index : close + 1])
                index = close + 1
                continue
            elif kind in ("fence", "code_block"):
                self.doc.add_paragraph(token.content.rstrip("\n"), style="Normal")
            index += 1

    def _paragraph_style(self) -> str:
        """Normal outside lists; "List Bullet"/"List Number" (with depth suffix) inside."""
        if not self.lists:
            return "Normal"
        base = "List Number" if self.lists[-1].ordered else "List Bullet"
        depth = min(len(self.lists), 3)
        return base if depth == 1 else f"{base} {depth}"

    def _table(self, tokens: Sequence[Token]) -> None:
        """A pipe table as a Word table; header cells are bold."""
        rows: list[list[tuple[Token, bool]]] = []
        header = False
        for position, token in enumerate(tokens):
            if token.type == "thead_open":
                header = True
            elif token.type == "thead_close":
                header = False
            elif token.type == "tr_open":
                rows.append([])
            elif token.type == "inline" and tokens[position - 1].type in ("th_open", "td_open"):
                rows[-1].append((token, header))
        width = max((len(row) for row in rows), default=0)
        if not rows or not width:
            return
        table = self.doc.add_table(rows=len(rows), cols=width)
        table.style = self.doc.styles["Table Grid"]
        for row_index, row in enumerate(rows):
            for col_index, (inline, is_header) in enumerate(row):
                paragraph = table.cell(row_index, col_index).paragraphs[0]
                _add_inline(paragraph, inline, bold=is_header)


def _matching_close(tokens: Sequence[Token], start: int, opener: str, closer: str) -> int:
    """Index of the token closing the container opened at `start`."""
    depth = 0
    for index in range(start, len(tokens)):
        if tokens[index].type == opener:
            depth += 1
        elif tokens[index].type == closer:
            depth -= 1
            if depth == 0:
                return index
    return len(tokens) - 1


def _add_inline(paragraph: Paragraph, inline: Token, *, bold: bool = False) -> None:
    """Append the runs of an inline token: text with bold/italic kept, links as their text."""
    strong = 1 if bold else 0
    emphasis = 0
    for child in inline.children or []:
        kind = child.type
        if kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            emphasis += 1
        elif kind == "em_close":
            emphasis -= 1
        elif kind in ("text", "code_inline", "html_inline"):
            _add_run(paragraph, child.content, strong > 0, emphasis > 0)
        elif kind == "softbreak":
            _add_run(paragraph, " ", strong > 0, emphasis > 0)
        elif kind == "hardbreak":
            paragraph.add_run().add_break()
        elif kind == "image":
            _add_run(paragraph, child.content, strong > 0, emphasis > 0)
        # link_open / link_close carry no text of their own: the link text is kept as is.


def _add_run(paragraph: Paragraph, text: str, bold: bool, italic: bool) -> None:
    if not text:
        return
    run = paragraph.add_run(text)
    if bold:
        run.bold = True
    if italic:
        run.italic = True


def build_document(markdown: str, title: str) -> DocxDocument:
    """A python-docx Document rendering `markdown`, with fixed document properties."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    doc = Document()
    _Renderer(doc).render(tokens)
    props = doc.core_properties
    props.author = _AUTHOR
    props.last_modified_by = _AUTHOR
    props.title = title
    props.created = _FIXED_TIME
    props.modified = _FIXED_TIME
    props.revision = 1
    return doc


def docx_bytes(doc: DocxDocument) -> bytes:
    """Serialise `doc` with fixed zip timestamps and member order, so builds are repeatable."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


# -- text extraction (for --check) ---------------------------------------------------------


def _iter_texts(doc: DocxDocument) -> Iterator[str]:
    for item in doc.iter_inner_content():
        if isinstance(item, Paragraph):
            if item.text.strip():
                yield item.text
        else:
            yield from _table_texts(item)


def _table_texts(table: Table) -> Iterator[str]:
    for row in table.rows:
        for cell in row.cells:
            text = "\n".join(p.text for p in cell.paragraphs if p.text.strip())
            if text:
                yield text
            for nested in cell.tables:
                yield from _table_texts(nested)


def extract_text(doc: DocxDocument) -> list[str]:
    """Paragraph and table-cell texts of `doc` in document order (empty ones skipped)."""
    return list(_iter_texts(doc))


# -- driving -------------------------------------------------------------------------------


def targets(folders: Sequence[tuple[Path, Path]] = FOLDERS) -> list[tuple[Path, Path]]:
    """(source .md, output .docx) pairs for every source file, sorted by output path."""
    pairs: list[tuple[Path, Path]] = []
    for source_dir, output_dir in folders:
        for source in sorted(source_dir.glob("*.md")):
            pairs.append((source, output_dir / f"{source.stem}.docx"))
    return sorted(pairs, key=lambda pair: pair[1])


def _built(source: Path) -> DocxDocument:
    return build_document(source.read_text(encoding="utf-8"), title=source.stem)


def build(folders: Sequence[tuple[Path, Path]] = FOLDERS) -> list[Path]:
    """Write every .docx from its source; return the paths written."""
    written: list[Path] = []
    for source, output in targets(folders):
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(docx_bytes(_built(source)))
        written.append(output)
    return written


def check(folders: Sequence[tuple[Path, Path]] = FOLDERS) -> list[str]:
    """Problems with the committed .docx files: missing, unreadable or text out of date.

    A .docx in an output folder of `folders` whose name matches no source is reported too,
    since nothing would rebuild it. An empty list means everything is up to date.
    """
    problems: list[str] = []
    expected_outputs: set[Path] = set()
    for source, output in targets(folders):
        expected_outputs.add(output)
        shown = _relative(output)
        if not output.exists():
            problems.append(f"{shown}: missing (built from {_relative(source)})")
            continue
        try:
            committed = extract_text(Document(str(output)))
        except Exception as exc:  # a corrupt file is a stale file
            problems.append(f"{shown}: cannot be read ({type(exc).__name__}: {exc})")
            continue
        if committed != extract_text(_built(source)):
            problems.append(f"{shown}: text differs from {_relative(source)}")
    for source_dir, output_dir in folders:
        if not source_dir.is_dir():
            continue
        for output in sorted(output_dir.glob("*.docx")):
            if output not in expected_outputs:
                problems.append(f"{_relative(output)}: no source {source_dir.name}/*.md")
    return problems


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if any committed .docx's text differs from its source",
    )
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print("run: python scripts/build_corpus_docx.py", file=sys.stderr)
            return 1
        print(f"{len(targets())} .docx files up to date")
        return 0
    for path in build():
        print(f"wrote {_relative(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
