"""Detection: what the text says, by topic. Knows topics, never regulators."""

from policylint.detect.coverage import detect_coverage

__all__ = ["detect_coverage"]
