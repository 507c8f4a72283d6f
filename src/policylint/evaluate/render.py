"""Print an Evaluation as a table (rules beside the keyword baseline) or as JSON."""

from __future__ import annotations

import json
from typing import TextIO

from policylint.evaluate.run import Evaluation


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.2f}"


def render_text(ev: Evaluation, out: TextIO, *, show_errors: bool = False) -> None:
    out.write(
        f"Split: {ev.split}{f', documents {ev.selection}' if ev.selection else ''} "
        f"({ev.documents} documents, {ev.non_policy_documents} non-policy)\n\n"
    )
    header = (
        f"{'topic':<24} {'TP':>3} {'FP':>3} {'FN':>3}  {'P':>5} {'R':>5} {'F1':>5}  "
        f"{'stance':>6} {'evid.':>5}  |  {'base P':>6} {'base R':>6} {'base F1':>7} {'b.stance':>8}\n"
    )
    out.write(header + "-" * (len(header) - 1) + "\n")
    for topic in ev.topics:
        s, b = ev.rules[topic], ev.baseline[topic]
        out.write(
            f"{topic:<24} {s.tp:>3} {s.fp:>3} {s.fn:>3}  {_fmt(s.precision):>5} {_fmt(s.recall):>5} "
            f"{_fmt(s.f1):>5}  {_fmt(s.stance_accuracy):>6} {_fmt(s.evidence_recall):>5}  |  "
            f"{_fmt(b.precision):>6} {_fmt(b.recall):>6} {_fmt(b.f1):>7} {_fmt(b.stance_accuracy):>8}\n"
        )
    out.write(
        f"\nEvidence recall (all topics): {_fmt(ev.evidence_recall)}\n"
        f"Topics credited on non-policy documents: rules {ev.non_policy_credits}, "
        f"keyword baseline {ev.baseline_non_policy_credits}\n"
        "Baseline stance accuracy is 0: a keyword cannot tell 'I accept' from 'I do not accept'.\n"
    )
    for problem in ev.unreadable:
        out.write(f"unreadable: {problem}\n")
    if show_errors:
        out.write("\nErrors:\n")
        for topic in ev.topics:
            for error in ev.rules[topic].errors:
                out.write(f"  {topic}: {error}\n")


def evaluation_to_dict(ev: Evaluation) -> dict[str, object]:
    return {
        "split": ev.split,
        "documents_glob": ev.selection,
        "documents": ev.documents,
        "non_policy_documents": ev.non_policy_documents,
        "non_policy_credits": ev.non_policy_credits,
        "evidence_recall": ev.evidence_recall,
        "topics": {t: ev.rules[t].to_dict() for t in ev.topics},
        "baseline": {
            "non_policy_credits": ev.baseline_non_policy_credits,
            "topics": {t: ev.baseline[t].to_dict() for t in ev.topics},
        },
        "unreadable": ev.unreadable,
        "errors": {t: ev.rules[t].errors for t in ev.topics if ev.rules[t].errors},
    }


def render_json(evaluations: list[Evaluation], out: TextIO) -> None:
    data = {"evaluations": [evaluation_to_dict(ev) for ev in evaluations]}
    out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
