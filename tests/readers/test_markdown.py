"""The Markdown reader: structure from markdown-it, exact source positions, no non-policy text."""

from __future__ import annotations

import pytest

from policylint.model import Block, BlockKind
from policylint.readers.markdown import parse_markdown


def kinds_and_texts(source: str) -> list[tuple[BlockKind, str]]:
    return [(b.kind, b.text) for b in parse_markdown(source)]


def only(source: str) -> Block:
    (block,) = parse_markdown(source)
    return block


def test_headings_paths_and_sections() -> None:
    blocks = parse_markdown(
        "# Policy\n\nIntro.\n\n## Friending\n\nNo requests.\n\n### Detail\n\nMore.\n\n"
        "## Messaging\n\nNo DMs.\n\nSetext Top\n==========\n\nLast.\n"
    )
    summary = [(b.kind, b.text, b.heading_path, b.location.section) for b in blocks]
    assert summary == [
        (BlockKind.HEADING, "Policy", (), None),
        (BlockKind.PARAGRAPH, "Intro.", ("Policy",), "Policy"),
        (BlockKind.HEADING, "Friending", ("Policy",), "Policy"),
        (BlockKind.PARAGRAPH, "No requests.", ("Policy", "Friending"), "Friending"),
        (BlockKind.HEADING, "Detail", ("Policy", "Friending"), "Friending"),
        (BlockKind.PARAGRAPH, "More.", ("Policy", "Friending", "Detail"), "Detail"),
        (BlockKind.HEADING, "Messaging", ("Policy",), "Policy"),
        (BlockKind.PARAGRAPH, "No DMs.", ("Policy", "Messaging"), "Messaging"),
        (BlockKind.HEADING, "Setext Top", (), None),
        (BlockKind.PARAGRAPH, "Last.", ("Setext Top",), "Setext Top"),
    ]


def test_exact_line_and_column_for_plain_blocks() -> None:
    blocks = parse_markdown("# Title\n\nFirst line\nsecond line\n\n   Indented para.\n")
    assert [b.line_starts for b in blocks] == [((1, 3),), ((3, 1), (4, 1)), ((6, 4),)]
    assert blocks[1].location.line == 3
    assert blocks[1].location.column == 1
    assert blocks[1].text == "First line\nsecond line"
    second = blocks[1].location_at(blocks[1].text.index("second"))
    assert (second.line, second.column) == (4, 1)
    line = blocks[1].location_at(blocks[1].text.index("line", 11))
    assert (line.line, line.column) == (4, 8)


def test_lists_nested_and_ordered() -> None:
    blocks = parse_markdown("- one\n- two\n  - nested *deep*\n\n1. first\n10) tenth\n")
    assert [(b.kind, b.text, b.line_starts) for b in blocks] == [
        (BlockKind.LIST_ITEM, "one", ((1, 3),)),
        (BlockKind.LIST_ITEM, "two", ((2, 3),)),
        (BlockKind.LIST_ITEM, "nested deep", ((3, 5),)),
        (BlockKind.LIST_ITEM, "first", ((5, 4),)),
        (BlockKind.LIST_ITEM, "tenth", ((6, 5),)),
    ]


def test_loose_list_item_with_two_paragraphs() -> None:
    blocks = parse_markdown("- First para.\n\n  Second para.\n")
    assert [(b.kind, b.text, b.location.line) for b in blocks] == [
        (BlockKind.LIST_ITEM, "First para.", 1),
        (BlockKind.LIST_ITEM, "Second para.", 3),
    ]


def test_block_quotes() -> None:
    blocks = parse_markdown("> Quoted line\n> continues.\n>\n> - quoted item\n")
    assert [(b.kind, b.text, b.line_starts) for b in blocks] == [
        (BlockKind.QUOTE, "Quoted line\ncontinues.", ((1, 3), (2, 3))),
        (BlockKind.LIST_ITEM, "quoted item", ((4, 5),)),
    ]


def test_table_cells_in_order_with_columns() -> None:
    source = "| Topic | Rule |\n|---|---|\n| Friending | Never. |\n| x | x |\n"
    blocks = parse_markdown(source)
    assert [(b.kind, b.text, b.line_starts) for b in blocks] == [
        (BlockKind.TABLE_CELL, "Topic", ((1, 3),)),
        (BlockKind.TABLE_CELL, "Rule", ((1, 11),)),
        (BlockKind.TABLE_CELL, "Friending", ((3, 3),)),
        (BlockKind.TABLE_CELL, "Never.", ((3, 15),)),
        (BlockKind.TABLE_CELL, "x", ((4, 3),)),
        (BlockKind.TABLE_CELL, "x", ((4, 7),)),  # the second x, not the first again
    ]


def test_empty_table_cells_are_skipped() -> None:
    assert kinds_and_texts("| a |  |\n|---|---|\n|  | b |\n") == [
        (BlockKind.TABLE_CELL, "a"),
        (BlockKind.TABLE_CELL, "b"),
    ]


def test_code_html_and_comments_are_dropped() -> None:
    source = (
        "Text <!-- inline comment --> kept.\n\n"
        "```yaml\nfriending: allowed\n```\n\n"
        "    indented code\n\n"
        "<div>\nraw html block\n</div>\n\n"
        "<!--\nblock comment\n-->\n\n"
        "After <span>inline</span> tag.\n"
    )
    assert kinds_and_texts(source) == [
        (BlockKind.PARAGRAPH, "Text  kept."),
        (BlockKind.PARAGRAPH, "After inline tag."),
    ]


def test_multiline_inline_comment_keeps_line_numbers() -> None:
    block = only("Start <!-- a\ncomment --> middle\nend\n")
    assert block.text == "Start\nmiddle\nend"
    assert block.line_starts == ((1, 1), (2, 13), (3, 1))


def test_inline_markup_rendered_as_plain_text() -> None:
    block = only(
        '**Bold** and _em_ with [a link](https://x.org "t"), ![alt text](i.png),\n'
        "`code span`, an autolink <https://x.org> and &amp; entity.  \nHard break\\\nend\n"
    )
    assert block.text == (
        "Bold and em with a link, alt text,\n"
        "code span, an autolink https://x.org and & entity.\nHard break\nend"
    )
    assert block.line_starts == ((1, 3), (2, 2), (3, 1), (4, 1))


def test_front_matter_is_not_policy_text() -> None:
    blocks = parse_markdown("---\ntitle: Policy\nfriending: yes\n---\n# Heading\n\nBody.\n")
    assert [(b.text, b.location.line) for b in blocks] == [("Heading", 5), ("Body.", 7)]


def test_toml_front_matter() -> None:
    assert kinds_and_texts("+++\ntitle = 'x'\n+++\nBody.\n") == [(BlockKind.PARAGRAPH, "Body.")]


def test_unclosed_front_matter_is_kept_as_markdown() -> None:
    assert kinds_and_texts("---\nJust text.\n") == [(BlockKind.PARAGRAPH, "Just text.")]


def test_thematic_break_in_middle_is_not_front_matter() -> None:
    source = "Para one.\n\n---\n\nPara two.\n\n---\n"
    assert [b.text for b in parse_markdown(source)] == ["Para one.", "Para two."]


def test_heading_path_flattens_multiline_setext() -> None:
    blocks = parse_markdown("Long\nheading\n===\n\nBody.\n")
    assert blocks[0].text == "Long\nheading"
    assert blocks[1].heading_path == ("Long heading",)


def test_atx_heading_with_closing_hashes() -> None:
    block = parse_markdown("##   Friending ##\n\nx\n")[0]
    assert (block.text, block.line_starts) == ("Friending", ((1, 6),))


@pytest.mark.parametrize(
    "source",
    ["```\nonly code\n```\n", "<!-- just a comment -->\n", "---\na: b\n---\n", "#\n", "***\n"],
)
def test_documents_without_policy_text_give_no_blocks(source: str) -> None:
    assert parse_markdown(source) == ()


def test_deep_nesting_does_not_crash() -> None:
    """markdown-it stops at its nesting limit; the reader must simply return what it has."""
    blocks = parse_markdown("> " * 200 + "deep\n" + "- " * 200 + "item\n")
    assert all(block.text for block in blocks)


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (
            "<therapist name> will not accept requests.\n",
            "<therapist name> will not accept requests.",
        ),
        ("Contact <name> with questions.\n", "Contact <name> with questions."),
        ("Signed,\n<Practice Name>\n", "Signed,\n<Practice Name>"),
        (
            "<therapist name>\nwill not accept requests.\n",
            "<therapist name>\nwill not accept requests.",
        ),
        ("See <title of policy> below.\n", "See <title of policy> below."),
        ("`<name>` in code.\n", "<name> in code."),
    ],
)
def test_angle_bracket_placeholders_are_text_not_html(source: str, text: str) -> None:
    """`<therapist name>` parses as an HTML tag in CommonMark, but it is template text."""
    block = only(source)
    assert (block.kind, block.text) == (BlockKind.PARAGRAPH, text)


def test_angle_placeholder_keeps_columns() -> None:
    block = only("Ask  <therapist name> or **<name>** now.\n")
    assert block.text == "Ask  <therapist name> or <name> now."
    assert block.line_starts == ((1, 1),)
    at = block.location_at(block.text.index("<name>"))
    assert (at.line, at.column) == (1, 1 + block.text.index("<name>"))
    cell = parse_markdown("| Who | <Practice Name> |\n|---|---|\n")[1]
    assert (cell.text, cell.line_starts) == ("<Practice Name>", ((1, 9),))


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("After <span>inline</span> <b>bold</b> tag.\n", "After inline bold tag."),
        ('A <a href="https://x.org">link</a> here.\n', "A link here."),
        ("<details open>\nhidden\n</details>\n\nShown.\n", "Shown."),
        ("<div>\nraw html block\n</div>\n\nShown.\n", "Shown."),
        ("An autolink <https://x.org> stays.\n", "An autolink https://x.org stays."),
        ("[Our page](<my page.md>) stays.\n", "Our page stays."),
        ("Escaped \\<name> stays.\n", "Escaped <name> stays."),
    ],
)
def test_real_html_is_still_dropped(source: str, text: str) -> None:
    assert [b.text for b in parse_markdown(source)] == [text]
