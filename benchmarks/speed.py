"""Speed and memory of `policylint check`: prints figures, asserts nothing (machines are noisy).

Usage: python benchmarks/speed.py [--repeat N]
Measures: process start-up to a first result (CLI in a subprocess), the rulebook load and
matcher compile, and the throughput of checking every corpus document N times in one process,
with the peak resident memory.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "policies"
SAMPLE = ROOT / "corpora" / "samples" / "complete.md"


def time_cli_start() -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "policylint", "check", str(SAMPLE), "--format", "json"],
        capture_output=True,
        check=False,
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the corpus")
    args = parser.parse_args()

    cold = time_cli_start()
    print(f"CLI, one sample, fresh process:       {cold * 1000:8.0f} ms")

    start = time.perf_counter()
    from policylint.detect.matchers import compile_rules
    from policylint.detect.nlp import get_nlp
    from policylint.lint import LintOptions, lint_file
    from policylint.rulebook import load_rulebook

    rulebook = load_rulebook()
    get_nlp()
    compile_rules(rulebook)
    print(f"import + rules + pipeline + matchers: {(time.perf_counter() - start) * 1000:8.0f} ms")

    files = sorted(p for p in CORPUS.iterdir() if p.suffix in {".md", ".txt", ".docx"})
    total_bytes = sum(p.stat().st_size for p in files)
    options = LintOptions(tuple(rulebook.packs))
    start = time.perf_counter()
    for _ in range(args.repeat):
        for path in files:
            lint_file(str(path), rulebook, options)
    elapsed = time.perf_counter() - start
    checked = len(files) * args.repeat
    print(f"documents checked (all packs):        {checked:8d}")
    print(f"per document:                         {elapsed / checked * 1000:8.1f} ms")
    print(
        f"throughput:                           {total_bytes * args.repeat / elapsed / 1024:8.0f} KiB/s"
    )
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak resident memory:                 {peak_kib / 1024:8.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
