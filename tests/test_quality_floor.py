"""Detection quality never silently regresses: every figure stays at or above the recorded floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from policylint.evaluate.floor import floor_violations, load_floor
from policylint.evaluate.run import evaluate
from policylint.rulebook import load_rulebook

CORPUS = Path(__file__).resolve().parents[1] / "corpora"


@pytest.mark.parametrize("split", ["dev", "test"])
def test_quality_at_or_above_floor(split: str) -> None:
    rulebook = load_rulebook()
    evaluation = evaluate(CORPUS, rulebook, tuple(rulebook.topics), split)
    assert not evaluation.unreadable
    problems = floor_violations(evaluation, load_floor(CORPUS / "quality-floor.yaml"))
    assert not problems, "\n".join(problems)


def test_rules_beat_keyword_baseline_on_core_topics() -> None:
    rulebook = load_rulebook()
    evaluation = evaluate(CORPUS, rulebook, tuple(rulebook.topics), "all")
    for topic in ("friending", "following", "former_clients", "exceptions", "in_person_discussion"):
        assert evaluation.rules[topic].f1 > evaluation.baseline[topic].f1, topic
    assert evaluation.non_policy_credits < evaluation.baseline_non_policy_credits
