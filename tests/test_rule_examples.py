"""Every example sentence shipped in rules/ must be judged as its rule file says."""

from __future__ import annotations

import pytest

from policylint.detect.examples import example_passes
from policylint.rulebook import load_rulebook
from policylint.rulebook.types import Example


def _cases() -> list[tuple[str | None, Example, str]]:
    rulebook = load_rulebook()
    cases: list[tuple[str | None, Example, str]] = []
    for topic in rulebook.topics.values():
        for index, example in enumerate(topic.examples, start=1):
            polarity = (
                example.stance.value if example.stance else ("covers" if example.covered else "not")
            )
            cases.append((topic.id, example, f"{topic.id}:{polarity}:{index}"))
    for index, example in enumerate(rulebook.placeholders.examples, start=1):
        polarity = "placeholder" if example.covered else "not"
        cases.append((None, example, f"placeholders:{polarity}:{index}"))
    return cases


CASES = _cases()


@pytest.mark.parametrize(("topic_id", "example"), [c[:2] for c in CASES], ids=[c[2] for c in CASES])
def test_rule_example(topic_id: str | None, example: Example) -> None:
    passed, seen = example_passes(load_rulebook(), topic_id, example)
    expected = f"covered={example.covered}" + (
        f", stance={example.stance.value}" if example.stance else ""
    )
    assert passed, (
        f"{example.source[0]}:{example.source[1]}: {example.text!r}: expected {expected}, got {seen}"
    )
