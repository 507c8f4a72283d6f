"""Measure detection quality on an annotated corpus (`policylint eval`)."""
