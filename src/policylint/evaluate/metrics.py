"""Per-topic scores: TP / FP / FN, precision, recall, F1, stance accuracy, evidence recall."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass
class TopicScore:
    """Counts for one topic over a set of documents (document-level presence)."""

    topic: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    stance_total: int = 0
    stance_correct: int = 0
    evidence_total: int = 0
    evidence_found: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            # no positives at all: perfect if nothing was wrongly credited
            return 1.0 if self.tp + self.fp + self.fn == 0 else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def stance_accuracy(self) -> float | None:
        return _ratio(self.stance_correct, self.stance_total)

    @property
    def evidence_recall(self) -> float | None:
        return _ratio(self.evidence_found, self.evidence_total)

    def to_dict(self) -> dict[str, object]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "stance_accuracy": self.stance_accuracy, "evidence_recall": self.evidence_recall,
        }  # fmt: skip


_WORD = re.compile(r"[a-z0-9']+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def same_sentence(gold: str, found: str) -> bool:
    """Whether a cited sentence is the gold one, allowing for different sentence boundaries."""
    g, f = " ".join(_words(gold)), " ".join(_words(found))
    if not g or not f:
        return False
    if g in f or f in g:
        return True
    gw, fw = set(g.split()), set(f.split())
    return len(gw & fw) / len(gw | fw) >= 0.6
