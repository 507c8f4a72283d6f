"""Inter-annotator agreement: `corpora/gold.yaml` against blind second passes on subsets.

For each second-pass file, prints per topic raw agreement and Cohen's kappa on presence, stance
agreement where both annotators marked the topic present, and evidence overlap (sentences both
listed / sentences either listed). Usage:

    python benchmarks/annotation_agreement.py [SECOND_PASS.yaml ...]

Without arguments it compares every `corpora/gold-second-pass*.yaml`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
Entry = dict[str, Any]


def kappa(pairs: list[tuple[bool, bool]]) -> float | None:
    """Cohen's kappa for two binary raters (None when chance agreement is total)."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    p_a = sum(a for a, _ in pairs) / n
    p_b = sum(b for _, b in pairs) / n
    expected = p_a * p_b + (1 - p_a) * (1 - p_b)
    return None if expected == 1 else (observed - expected) / (1 - expected)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _sentences(label: Entry | None) -> set[str]:
    return {re.sub(r"\s+", " ", s).strip() for s in (label or {}).get("evidence", [])}


def compare(gold: dict[str, Entry], second: dict[str, Entry], title: str) -> None:
    """Print the agreement table of one second pass against the gold labels."""
    docs = sorted(set(gold) & set(second))
    topics = sorted(
        {t for d in docs for e in (gold[d], second[d]) for t in (e.get("topics") or {})}
    )
    kinds_same = sum(gold[d].get("kind") == second[d].get("kind") for d in docs)
    print(f"{title}: {len(docs)} documents labelled twice; same kind in {kinds_same}\n")
    print(f"{'topic':<24} {'agree':>6} {'kappa':>6} {'stance agree':>13} {'evidence':>9}")
    total_pairs: list[tuple[bool, bool]] = []
    both_all = either_all = 0
    for topic in topics:
        pairs, stance_same, stance_n, both, either = [], 0, 0, 0, 0
        for d in docs:
            a = (gold[d].get("topics") or {}).get(topic)
            b = (second[d].get("topics") or {}).get(topic)
            pairs.append((a is not None, b is not None))
            if a and b and (a.get("stance") or b.get("stance")):
                stance_n += 1
                stance_same += a.get("stance") == b.get("stance")
            sa, sb = _sentences(a), _sentences(b)
            both += len(sa & sb)
            either += len(sa | sb)
        total_pairs += pairs
        both_all += both
        either_all += either
        agree = sum(x == y for x, y in pairs) / len(pairs)
        stance = f"{stance_same}/{stance_n}" if stance_n else "-"
        overlap = _fmt(both / either if either else None)
        print(f"{topic:<24} {agree:>6.2f} {_fmt(kappa(pairs)):>6} {stance:>13} {overlap:>9}")
    agree_all = sum(x == y for x, y in total_pairs) / len(total_pairs)
    overlap_all = _fmt(both_all / either_all if either_all else None)
    print(
        f"\n{'all topics':<24} {agree_all:>6.2f} {_fmt(kappa(total_pairs)):>6} "
        f"{'':>13} {overlap_all:>9}\n"
    )


def main(argv: list[str]) -> int:
    gold = yaml.safe_load((ROOT / "corpora/gold.yaml").read_text(encoding="utf-8"))
    paths = [Path(p) for p in argv] or sorted((ROOT / "corpora").glob("gold-second-pass*.yaml"))
    for path in paths:
        second = yaml.safe_load(path.read_text(encoding="utf-8"))
        compare(gold, second, path.name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
