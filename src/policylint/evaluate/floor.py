"""Quality floors: the figures detection must not drop below (checked by the test suite)."""

from __future__ import annotations

from pathlib import Path

from policylint.errors import UsageError
from policylint.evaluate.gold import read_mapping
from policylint.evaluate.run import Evaluation

_TOPIC_FIGURES = ("precision", "recall", "f1", "stance_accuracy", "evidence_recall")


def load_floor(path: Path) -> dict:
    """The floor file: per split, minimum figures."""
    return read_mapping(path, "quality floor", "be a mapping of splits")


def floor_violations(evaluation: Evaluation, floor: dict) -> list[str]:
    """Every figure of `evaluation` below its floor, as readable lines (empty when all hold)."""
    spec = floor.get(evaluation.split) or {}
    problems: list[str] = []
    max_credits = spec.get("non_policy_credits_max")
    if max_credits is not None and evaluation.non_policy_credits > max_credits:
        problems.append(
            f"{evaluation.split}: {evaluation.non_policy_credits} topics credited on non-policy "
            f"documents (floor allows {max_credits})"
        )
    overall = spec.get("evidence_recall")
    if overall is not None and (evaluation.evidence_recall or 0.0) + 1e-9 < overall:
        problems.append(
            f"{evaluation.split}: evidence recall {evaluation.evidence_recall:.3f} < {overall}"
        )
    for topic, figures in (spec.get("topics") or {}).items():
        score = evaluation.rules.get(topic)
        if score is None:
            problems.append(f"{evaluation.split}: topic '{topic}' was not evaluated")
            continue
        for name, minimum in figures.items():
            if name not in _TOPIC_FIGURES:
                raise UsageError(f"quality floor: unknown figure '{name}' for topic '{topic}'")
            value = getattr(score, name)
            if value is not None and value + 1e-9 < minimum:
                problems.append(f"{evaluation.split}: {topic} {name} {value:.3f} < {minimum}")
    return problems
