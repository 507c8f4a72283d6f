"""The plain-text reader: one-paragraph-per-line files, hard-wrapped files, lists, headings."""

from __future__ import annotations

from policylint.model import BlockKind
from policylint.readers.text import parse_text

# An excerpt of the seed policy (/work/shared/seed/social-media-policy.txt): one paragraph per
# line, no blank lines, a title line, a quotation, and a "Label:" line before the script.
SEED_EXCERPT = (
    "Social Media Policy\n"
    "“Whatever the mind can conceive and believe, the mind can achieve.”\n"
    "~ Dr. Napoleon Hill\n"
    "In this day and age, social media is everywhere.\n"
    "Depending on your industry and role, the grey zone produced by being connected to clients "
    "online may have detrimental effects to your work together. It is your job to be monitoring "
    "the appropriateness of any online interactions you have with clients.\n"
    "Below is an excerpt from the BCACC Code of Ethics Brief regarding Social Media:\n"
    "“Many therapists and counsellors take the position that “friend” invitations will neither "
    "be accepted nor issued under any circumstances.”\n"
    "Potential Scripting:\n"
    "Due to the nature of the therapeutic relationship, I am not able to accept any online "
    "requests to be linked with clients on any social media platforms.\n"
)

HARD_WRAPPED = """\
SOCIAL MEDIA POLICY

This policy explains how I use social media in my practice. I do not accept
friend requests from current or former clients on any platform, because doing
so could compromise your confidentiality.

Messaging
I do not respond to messages sent through social media platforms. Please call
the office or use the secure portal instead.
Things I will not do:
- accept friend or connection requests from clients on Facebook, LinkedIn or
  Instagram.
- follow clients on any platform
1. search for clients online. If I ever do, I will tell you why and what I
found.
"""


def summary(text: str) -> list[tuple[BlockKind, str]]:
    return [(b.kind, b.text) for b in parse_text(text)]


def test_seed_structure() -> None:
    blocks = parse_text(SEED_EXCERPT)
    assert [(b.kind, b.text[:30], b.location.line) for b in blocks] == [
        (BlockKind.HEADING, "Social Media Policy", 1),
        (BlockKind.QUOTE, "“Whatever the mind can conceiv", 2),
        (BlockKind.PARAGRAPH, "~ Dr. Napoleon Hill", 3),
        (BlockKind.PARAGRAPH, "In this day and age, social me", 4),
        (BlockKind.PARAGRAPH, "Depending on your industry and", 5),
        (BlockKind.PARAGRAPH, "Below is an excerpt from the B", 6),
        (BlockKind.QUOTE, "“Many therapists and counsello", 7),
        (BlockKind.HEADING, "Potential Scripting", 8),
        (BlockKind.PARAGRAPH, "Due to the nature of the thera", 9),
    ]
    assert blocks[-1].heading_path == ("Social Media Policy", "Potential Scripting")
    assert blocks[-1].location.section == "Potential Scripting"
    assert blocks[3].heading_path == ("Social Media Policy",)
    assert all(len(b.line_starts) == 1 and b.location.column == 1 for b in blocks)


def test_hard_wrapped_paragraphs_are_joined_and_lists_split() -> None:
    blocks = parse_text(HARD_WRAPPED)
    assert [(b.kind, b.text.split("\n")[0][:24], len(b.line_starts)) for b in blocks] == [
        (BlockKind.HEADING, "SOCIAL MEDIA POLICY", 1),
        (BlockKind.PARAGRAPH, "This policy explains how", 3),
        (BlockKind.HEADING, "Messaging", 1),
        (BlockKind.PARAGRAPH, "I do not respond to mess", 2),
        (BlockKind.HEADING, "Things I will not do", 1),
        (BlockKind.LIST_ITEM, "accept friend or connect", 2),
        (BlockKind.LIST_ITEM, "follow clients on any pl", 1),
        (BlockKind.LIST_ITEM, "search for clients onlin", 2),
    ]
    assert blocks[1].line_starts == ((3, 1), (4, 1), (5, 1))
    assert blocks[5].text == (
        "accept friend or connection requests from clients on Facebook, LinkedIn or\nInstagram."
    )
    assert blocks[5].line_starts == ((11, 3), (12, 3))
    assert blocks[7].line_starts == ((14, 4), (15, 1))
    # Guessed headings have no levels: each one after the title replaces the previous one.
    assert blocks[7].heading_path == ("SOCIAL MEDIA POLICY", "Things I will not do")


def test_location_at_maps_offsets_to_source_lines() -> None:
    block = parse_text(HARD_WRAPPED)[1]
    at = block.location_at(block.text.index("requests"))
    assert (at.line, at.column) == (4, 8)


def test_sentence_ending_at_a_wrap_does_not_split_the_paragraph() -> None:
    text = (
        "I keep my personal accounts private and never share anything about clients.\n"
        "Clients who find my accounts should not follow them and I will not follow back.\n"
    )
    assert summary("x\n\n" + text)[-1][1] == text.strip()


def test_a_deliberate_break_after_a_sentence_starts_a_paragraph() -> None:
    text = (
        "This paragraph is long enough to show that the file is wrapped at about\n"
        "seventy-five characters so that the reader treats it as a wrapped text.\n"
        "Short one.\n"
        "Then another paragraph begins, and it too is wrapped at the same width as\n"
        "the first paragraph was.\n"
    )
    blocks = parse_text(text)
    assert [b.text.split("\n")[-1] for b in blocks] == ["Short one.", "the first paragraph was."]
    assert [b.location.line for b in blocks] == [1, 4]


def test_list_markers() -> None:
    text = "- dash\n* star\n• bullet\n1. one\n2) two\na) letter\n(iv) roman\n"
    blocks = parse_text(text)
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.LIST_ITEM, "dash"),
        (BlockKind.LIST_ITEM, "star"),
        (BlockKind.LIST_ITEM, "bullet"),
        (BlockKind.LIST_ITEM, "one"),
        (BlockKind.LIST_ITEM, "two"),
        (BlockKind.LIST_ITEM, "letter"),
        (BlockKind.LIST_ITEM, "roman"),
    ]
    assert blocks[3].line_starts == ((4, 4),)


def test_underlined_and_hash_headings() -> None:
    text = "Policy\n======\n\nFriending\n---------\nNo.\n\n## Messaging\nNo DMs.\n"
    blocks = parse_text(text)
    assert [(b.kind, b.text, b.heading_path) for b in blocks] == [
        (BlockKind.HEADING, "Policy", ()),
        (BlockKind.HEADING, "Friending", ("Policy",)),
        (BlockKind.PARAGRAPH, "No.", ("Policy", "Friending")),
        (BlockKind.HEADING, "Messaging", ("Policy",)),
        (BlockKind.PARAGRAPH, "No DMs.", ("Policy", "Messaging")),
    ]
    assert blocks[3].line_starts == ((8, 4),)


def test_separator_lines_are_dropped() -> None:
    assert summary("One.\n\n-----\n\nTwo.\n\n* * *\n") == [
        (BlockKind.PARAGRAPH, "One."),
        (BlockKind.PARAGRAPH, "Two."),
    ]


def test_not_headings() -> None:
    text = (
        "Title\n"
        "Effective date: 1 May 2024\n"
        "this line starts lowercase\n"
        "A sentence that ends with a period.\n"
        "Jane Doe, RCC\n"
    )
    kinds = [b.kind for b in parse_text(text)]
    assert kinds == [BlockKind.HEADING] + [BlockKind.PARAGRAPH] * 3
    assert parse_text(text)[1].text == "Effective date: 1 May 2024\nthis line starts lowercase"


def test_last_short_line_is_not_a_heading() -> None:
    assert summary("I do not friend clients.\nSigned") == [
        (BlockKind.PARAGRAPH, "I do not friend clients."),
        (BlockKind.PARAGRAPH, "Signed"),
    ]


def test_indented_text_reports_its_column() -> None:
    block = parse_text("\n\n    Indented paragraph.\n")[0]
    assert block.line_starts == ((3, 5),)
    assert block.location.describe() == "3:5"


def test_email_style_quote() -> None:
    assert summary("Code says:\n> Do not friend\n> clients.\nMine.\n") == [
        (BlockKind.HEADING, "Code says"),
        (BlockKind.QUOTE, "Do not friend\nclients."),
        (BlockKind.PARAGRAPH, "Mine."),
    ]


def test_whitespace_only_text_gives_no_blocks() -> None:
    assert parse_text(" \n\t\n") == ()
