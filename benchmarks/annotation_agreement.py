"""Inter-annotator agreement: `corpora/gold.yaml` against a blind second pass on a subset.

Prints, per topic, raw agreement and Cohen's kappa on presence, and stance agreement where both
annotators marked the topic present. Usage: python benchmarks/annotation_agreement.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def kappa(pairs: list[tuple[bool, bool]]) -> float | None:
    """Cohen's kappa for two binary raters (None when chance agreement is total)."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    p_a = sum(a for a, _ in pairs) / n
    p_b = sum(b for _, b in pairs) / n
    expected = p_a * p_b + (1 - p_a) * (1 - p_b)
    return None if expected == 1 else (observed - expected) / (1 - expected)


def main() -> int:
    gold = yaml.safe_load((ROOT / "corpora/gold.yaml").read_text(encoding="utf-8"))
    second = yaml.safe_load((ROOT / "corpora/gold-second-pass.yaml").read_text(encoding="utf-8"))
    docs = sorted(set(gold) & set(second))
    topics = sorted({t for d in docs for t in (gold[d].get("topics") or {})})
    print(f"{len(docs)} documents labelled twice\n")
    print(f"{'topic':<24} {'agree':>6} {'kappa':>6} {'stance agree':>13}")
    total_pairs: list[tuple[bool, bool]] = []
    for topic in topics:
        pairs, stance_same, stance_n = [], 0, 0
        for d in docs:
            a = (gold[d].get("topics") or {}).get(topic)
            b = (second[d].get("topics") or {}).get(topic)
            pairs.append((a is not None, b is not None))
            if a and b and (a.get("stance") or b.get("stance")):
                stance_n += 1
                stance_same += a.get("stance") == b.get("stance")
        total_pairs += pairs
        agree = sum(x == y for x, y in pairs) / len(pairs)
        k = kappa(pairs)
        stance = f"{stance_same}/{stance_n}" if stance_n else "-"
        print(f"{topic:<24} {agree:>6.2f} {'-' if k is None else f'{k:.2f}':>6} {stance:>13}")
    k_all = kappa(total_pairs)
    agree_all = sum(x == y for x, y in total_pairs) / len(total_pairs)
    print(f"\n{'all topics':<24} {agree_all:>6.2f} {'-' if k_all is None else f'{k_all:.2f}':>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
