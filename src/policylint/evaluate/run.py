"""Run detection and the keyword baseline over an annotated corpus and score both."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

from policylint.errors import InputError, UsageError
from policylint.evaluate.baseline import keyword_topics
from policylint.evaluate.gold import GoldDocument, load_gold
from policylint.evaluate.metrics import TopicScore, same_sentence
from policylint.model import TopicResult
from policylint.readers import read_document
from policylint.rulebook.types import Rulebook

SPLITS = ("dev", "test", "all")


@dataclass
class Evaluation:
    """Scores of the rules and of the baseline on one split of the corpus."""

    split: str
    documents: int
    topics: tuple[str, ...]
    rules: dict[str, TopicScore]
    baseline: dict[str, TopicScore]
    non_policy_documents: int = 0
    non_policy_credits: int = 0
    baseline_non_policy_credits: int = 0
    unreadable: list[str] = field(default_factory=list)
    selection: str | None = None  # the --documents glob, if any

    @property
    def evidence_recall(self) -> float | None:
        total = sum(s.evidence_total for s in self.rules.values())
        found = sum(s.evidence_found for s in self.rules.values())
        return found / total if total else None


def locate_corpus(path: Path) -> tuple[Path, Path]:
    """(folder of documents, gold file) for `corpora/` or a gold file given directly."""
    if path.is_file():
        return path.parent / "policies", path
    gold = path / "gold.yaml"
    docs = path / "policies"
    if not gold.is_file():
        raise UsageError(f"{path}: no gold.yaml here (expected {gold})")
    return (docs if docs.is_dir() else path), gold


def _score_document(
    doc: GoldDocument,
    results: dict[str, TopicResult],
    topics: tuple[str, ...],
    scores: dict[str, TopicScore],
) -> int:
    credits = 0
    for topic in topics:
        gold = doc.topics.get(topic)
        result = results.get(topic)
        predicted = bool(result and result.covered)
        score = scores[topic]
        if doc.kind == "non_policy" and predicted:
            credits += 1
        if gold and predicted:
            score.tp += 1
            if gold.stance is not None:
                score.stance_total += 1
                if result is not None and result.stance == gold.stance:
                    score.stance_correct += 1
                else:
                    got = result.stance.value if result and result.stance else None
                    score.errors.append(f"{doc.name}: stance {got}, gold {gold.stance.value}")
        elif gold:
            score.fn += 1
            score.errors.append(
                f"{doc.name}: missed (gold: {gold.evidence[0] if gold.evidence else ''!r})"
            )
        elif predicted and result is not None:
            score.fp += 1
            score.errors.append(f"{doc.name}: credited by {result.evidence[0].text!r}")
        if gold:
            cited = [e.text for e in result.evidence] if result else []
            for sentence in gold.evidence:
                score.evidence_total += 1
                if any(same_sentence(sentence, c) for c in cited):
                    score.evidence_found += 1
                elif predicted:
                    score.errors.append(f"{doc.name}: evidence not cited: {sentence!r}")
    return credits


def _score_baseline(
    doc: GoldDocument, text: str, topics: tuple[str, ...], scores: dict[str, TopicScore]
) -> int:
    found = keyword_topics(text)
    credits = 0
    for topic in topics:
        gold, predicted, score = doc.topics.get(topic), topic in found, scores[topic]
        credits += int(doc.kind == "non_policy" and predicted)
        if gold and predicted:
            score.tp += 1
            if gold.stance is not None:  # a keyword cannot tell a refusal from consent
                score.stance_total += 1
        elif gold:
            score.fn += 1
        elif predicted:
            score.fp += 1
    return credits


def evaluate(
    corpus: Path,
    rulebook: Rulebook,
    topics: tuple[str, ...],
    split: str,
    documents: str | None = None,
) -> Evaluation:
    """Score the rules and the keyword baseline on the documents of `split` (and, if
    `documents` holds comma-separated globs such as `20[1-9]-*,21?-*`, only on the file names
    they match)."""
    from policylint.detect import detect_coverage

    if split not in SPLITS:
        raise UsageError(f"unknown split '{split}'; choose one of: {', '.join(SPLITS)}")
    docs_dir, gold_path = locate_corpus(corpus)
    gold = load_gold(gold_path)
    globs = documents.split(",") if documents is not None else None
    chosen = [
        d
        for d in gold.values()
        if (split == "all" or d.split == split)
        and (globs is None or any(fnmatch.fnmatchcase(d.name, g) for g in globs))
    ]
    if documents is not None and not chosen:
        raise UsageError(f"no {split} document in {gold_path} matches '{documents}'")
    evaluation = Evaluation(
        split=split,
        documents=len(chosen),
        topics=topics,
        rules={t: TopicScore(t) for t in topics},
        baseline={t: TopicScore(t) for t in topics},
        selection=documents,
    )
    for doc in sorted(chosen, key=lambda d: d.name):
        try:
            document = read_document(str(docs_dir / doc.name))
        except InputError as exc:
            evaluation.unreadable.append(str(exc))
            continue
        coverage = detect_coverage(document, rulebook)
        if doc.kind == "non_policy":
            evaluation.non_policy_documents += 1
        evaluation.non_policy_credits += _score_document(
            doc, coverage.topics, topics, evaluation.rules
        )
        text = "\n".join(block.text for block in document.blocks)
        evaluation.baseline_non_policy_credits += _score_baseline(
            doc, text, topics, evaluation.baseline
        )
    return evaluation
