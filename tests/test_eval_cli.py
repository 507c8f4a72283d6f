"""`policylint eval` through the CLI, on a tiny corpus written for each test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policylint.cli import app

POLICY = (
    "# Social media\n\n"
    "I do not accept friend requests from current or former clients on Facebook.\n\n"
    "If I decline your request, we can talk about it at your next session.\n"
)
FEES = "# Fees\n\nSessions cost $120. Exceptions are made for illness.\n"
GOLD = """\
001-policy.md:
  kind: policy
  split: dev
  topics:
    friending:
      stance: declines
      evidence:
        - "I do not accept friend requests from current or former clients on Facebook."
    following:
      stance: declines
      evidence:
        - "I do not follow clients."
002-fees.md:
  kind: non_policy
  split: test
  topics: {}
003-policy.md:
  kind: policy
  split: test
  topics:
    friending:
      stance: declines
      evidence:
        - "I do not accept friend requests from current or former clients on Facebook."
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    policies = tmp_path / "policies"
    policies.mkdir()
    (policies / "001-policy.md").write_text(POLICY, encoding="utf-8")
    (policies / "002-fees.md").write_text(FEES, encoding="utf-8")
    (policies / "003-policy.md").write_text(POLICY, encoding="utf-8")
    (tmp_path / "gold.yaml").write_text(GOLD, encoding="utf-8")
    return tmp_path


def _eval(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["eval", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_eval_prints_both_splits_with_the_baseline(corpus: Path) -> None:
    code, out, _ = _eval(str(corpus))
    assert code == 0
    assert "Split: dev (1 documents, 0 non-policy)" in out
    assert "Split: test (2 documents, 1 non-policy)" in out
    assert "base F1" in out and "Evidence recall" in out


def test_eval_show_errors_lists_a_missed_topic(corpus: Path) -> None:
    code, out, _ = _eval(str(corpus), "--split", "dev", "--show-errors")
    assert code == 0
    assert "following: 001-policy.md: missed" in out


def test_eval_json_scores_each_topic(corpus: Path) -> None:
    code, out, _ = _eval(str(corpus), "--split", "test", "--format", "json")
    assert code == 0
    (evaluation,) = json.loads(out)["evaluations"]
    assert evaluation["split"] == "test"
    assert evaluation["documents"] == 2
    assert evaluation["non_policy_credits"] == 0
    friending = evaluation["topics"]["friending"]
    assert (friending["tp"], friending["fp"], friending["fn"]) == (1, 0, 0)
    assert friending["stance_accuracy"] == 1.0


def test_eval_documents_glob_selects_one_set(corpus: Path) -> None:
    code, out, _ = _eval(str(corpus), "--split", "test", "--documents", "003-*")
    assert code == 0
    assert "Split: test, documents 003-* (1 documents, 0 non-policy)" in out
    code, out, _ = _eval(str(corpus), "--split", "test", "--documents", "002-*,003-*")
    assert "(2 documents, 1 non-policy)" in out
    code, _, err = _eval(str(corpus), "--split", "test", "--documents", "9*")
    assert code == 2
    assert "no test document" in err and "'9*'" in err


def test_eval_check_floor_fails_below_the_floor(corpus: Path, tmp_path: Path) -> None:
    floor = tmp_path / "floor.yaml"
    floor.write_text("dev:\n  topics:\n    following: {recall: 1.0}\n", encoding="utf-8")
    code, _, err = _eval(str(corpus), "--split", "dev", "--check-floor", str(floor))
    assert code == 1
    assert "below floor: dev: following" in err
    floor.write_text("dev:\n  topics:\n    friending: {f1: 1.0}\n", encoding="utf-8")
    code, _, _ = _eval(str(corpus), "--split", "dev", "--check-floor", str(floor))
    assert code == 0


def test_eval_without_gold_file_is_a_one_line_error(tmp_path: Path) -> None:
    code, out, err = _eval(str(tmp_path))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
