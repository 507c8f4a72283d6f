"""Record the measured detection figures as the new quality floor (`corpora/quality-floor.yaml`).

Figures are rounded down to two decimals. A figure lower than the current floor is refused
unless `--allow-lower` is given (for a documented corpus change, noted in corpora/CHANGES.md),
so the floor only ever rises by accident.

Usage: python scripts/record_quality_floor.py [--allow-lower]
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from policylint.evaluate.floor import load_floor
from policylint.evaluate.run import evaluate
from policylint.rulebook import load_rulebook

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora"
FLOOR = CORPUS / "quality-floor.yaml"
FIGURES = ("precision", "recall", "f1", "stance_accuracy", "evidence_recall")
HEADER = """\
# Quality floor: `policylint eval corpora --check-floor corpora/quality-floor.yaml` and
# tests/test_quality_floor.py fail if any figure drops below these. Written by
# scripts/record_quality_floor.py from measured figures (rounded down), not from targets;
# it refuses to lower a figure unless told to, for a corpus change noted in corpora/CHANGES.md.
"""


def _down(value: float) -> float:
    return math.floor(value * 100 + 1e-9) / 100


def measured() -> dict[str, dict]:
    rulebook = load_rulebook()
    floor: dict[str, dict] = {}
    for split in ("dev", "test"):
        ev = evaluate(CORPUS, rulebook, tuple(rulebook.topics), split)
        topics = {}
        for topic, score in ev.rules.items():
            topics[topic] = {
                name: _down(value)
                for name in FIGURES
                if (value := getattr(score, name)) is not None
            }
        floor[split] = {
            "non_policy_credits_max": ev.non_policy_credits,
            "evidence_recall": _down(ev.evidence_recall or 0.0),
            "topics": topics,
        }
    return floor


def lowered(old: dict, new: dict) -> list[str]:
    """Every figure the new floor would lower (or, for credits, raise)."""
    problems = []
    for split, spec in old.items():
        fresh = new.get(split, {})
        if fresh.get("non_policy_credits_max", 0) > spec.get("non_policy_credits_max", 0):
            problems.append(f"{split}: non_policy_credits_max")
        if fresh.get("evidence_recall", 0) < spec.get("evidence_recall", 0):
            problems.append(f"{split}: evidence_recall")
        for topic, figures in (spec.get("topics") or {}).items():
            for name, value in figures.items():
                if fresh.get("topics", {}).get(topic, {}).get(name, 0) < value:
                    problems.append(f"{split}: {topic} {name}")
    return problems


def render(floor: dict[str, dict]) -> str:
    lines = [HEADER]
    for split, spec in floor.items():
        lines.append(f"{split}:")
        lines.append(f"  non_policy_credits_max: {spec['non_policy_credits_max']}")
        lines.append(f"  evidence_recall: {spec['evidence_recall']}")
        lines.append("  topics:")
        for topic, figures in spec["topics"].items():
            inner = ", ".join(f"{name}: {value}" for name, value in figures.items())
            lines.append(f"    {topic}: {{{inner}}}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--allow-lower", action="store_true", help="accept lower figures")
    args = parser.parse_args()
    new = measured()
    if FLOOR.exists() and not args.allow_lower:
        problems = lowered(load_floor(FLOOR), new)
        if problems:
            print("refusing to lower the floor:\n  " + "\n  ".join(problems), file=sys.stderr)
            return 1
    FLOOR.write_text(render(new), encoding="utf-8")
    print(f"wrote {FLOOR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
