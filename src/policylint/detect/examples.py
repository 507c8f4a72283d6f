"""Run a rule's example sentences through detection: shared by the test suite and `explain`."""

from __future__ import annotations

from policylint.detect.coverage import detect_coverage
from policylint.model import Block, BlockKind, Document, Location, Stance
from policylint.rulebook.types import Example, Rulebook


def sentence_document(text: str) -> Document:
    """A one-paragraph document holding `text`, as a reader would produce it."""
    block = Block(
        text=text,
        kind=BlockKind.PARAGRAPH,
        location=Location(line=1, column=1),
        line_starts=((1, 1),),
    )
    return Document(path="<example>", format="text", blocks=(block,))


def topic_verdict(rulebook: Rulebook, topic_id: str, text: str) -> tuple[bool, Stance | None]:
    """Whether `text`, as a sentence of a social media policy, covers `topic_id`, and how."""
    result = detect_coverage(sentence_document(text), rulebook, assume_online_contact=True).topics[
        topic_id
    ]
    return result.covered, result.stance


def has_placeholder(rulebook: Rulebook, text: str) -> bool:
    """Whether `text` contains unfilled template text."""
    return bool(
        detect_coverage(sentence_document(text), rulebook, assume_online_contact=True).placeholders
    )


def example_passes(rulebook: Rulebook, topic_id: str | None, example: Example) -> tuple[bool, str]:
    """(passed, what was seen) for one example; `topic_id` None means a placeholder example."""
    if topic_id is None:
        seen = has_placeholder(rulebook, example.text)
        return seen == example.covered, f"placeholder={seen}"
    covered, stance = topic_verdict(rulebook, topic_id, example.text)
    ok = covered == example.covered and (example.stance is None or stance == example.stance)
    return ok, f"covered={covered}, stance={stance.value if stance else None}"
