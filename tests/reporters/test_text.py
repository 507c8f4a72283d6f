"""The clinician-facing terminal view: readable, complete, and clean when piped."""

from __future__ import annotations

import io

import pytest

from policylint.model import FileReport, Report
from policylint.reporters import RenderOptions, get_reporter
from policylint.reporters.text import shorten, summary_line


def _render(
    report: Report, *, color: bool = False, quiet: bool = False, width: int | None = None
) -> str:
    out = io.StringIO()
    get_reporter("text").render(report, out, RenderOptions(color=color, quiet=quiet, width=width))
    return out.getvalue()


def test_plain_has_no_escape_codes(report: Report) -> None:
    text = _render(report)
    assert "\x1b" not in text


def test_plain_has_no_escape_codes_even_with_force_color(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b" not in _render(report)


def test_plain_is_ascii_decorated_without_trailing_spaces(report: Report) -> None:
    text = _render(report)
    for symbol in "✓✗│─╭…“":
        assert symbol not in text
    assert all(line == line.rstrip() for line in text.splitlines())


def test_color_mode_uses_escape_codes(report: Report) -> None:
    text = _render(report, color=True, width=100)
    assert "\x1b[" in text
    assert "✓ covered" in text


def test_contents(report: Report) -> None:
    suggestion = report.files[0].findings[0].suggestion
    assert suggestion is not None
    text = _render(report, width=100)
    assert "policies/acme.md" in text
    assert "docs\\Social Media Policy.docx" in text
    for label in ("covered", "missing", "wrong stance", "says nothing"):
        assert label in text
    assert "Friending clients" in text and "hcpc.friending" in text
    assert '"Clients are welcome to review me on Yelp."' in text
    assert "20:5 (Reviews)" in text
    assert "¶7" in text
    assert "Clause: HCPC 2.7 (Standards of conduct)" in text
    assert "Clause: HCPC 2.3; BACP 33" in text
    assert "Suggested wording:" in text
    flat = " ".join(text.split())
    assert " ".join(suggestion.split()) in flat
    assert "The policy does not say how clients may contact you. Add a sentence." in flat
    assert "clean.md  no gaps found" in text


def test_errored_file_is_one_line(report: Report) -> None:
    text = _render(report)
    assert "broken.pdf: error: unsupported file type '.pdf'" in text.splitlines()


def test_long_evidence_is_shortened(report: Report) -> None:
    evidence = report.files[0].statuses[0].evidence
    assert evidence is not None and len(evidence.text) > 100
    text = _render(report, width=200)
    flat = " ".join(text.split())
    assert evidence.text not in flat
    assert "I do not accept friend or follow requests" in flat
    assert '..."' in flat


def test_summary_line_is_last(report: Report) -> None:
    last = _render(report, width=120).splitlines()[-1]
    assert last == (
        "4 files checked: 2 with gaps, 5 findings (2 errors, 2 warnings, 1 info), "
        "1 file could not be read"
    )


def test_quiet_omits_table_and_clean_files(report: Report) -> None:
    text = _render(report, quiet=True)
    assert "Requirement" not in text
    assert "Friending clients" not in text  # the covered row
    assert "clean.md" not in text
    assert "hcpc.messaging" in text and "Suggested wording:" in text
    assert "broken.pdf: error:" in text
    assert text.splitlines()[-1].startswith("4 files checked:")


def test_quiet_with_nothing_to_report_prints_only_summary() -> None:
    report = Report("0.1.0", ("hcpc",), (FileReport("ok.md"),))
    assert _render(report, quiet=True) == "1 file checked: no gaps found\n"


def test_markup_and_emoji_in_user_text_are_printed_verbatim() -> None:
    report = Report("0.1.0", (), (FileReport("[bold]x[/bold] :smile:.md", error="bad"),))
    assert "[bold]x[/bold] :smile:.md: error: bad" in _render(report)


def test_width_is_respected(report: Report) -> None:
    text = _render(report, width=60)
    assert max(len(line) for line in text.splitlines()) <= 60


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (Report("1", (), ()), "0 files checked"),
        (Report("1", (), (FileReport("a"),)), "1 file checked: no gaps found"),
        (
            Report("1", (), (FileReport("a", error="x"), FileReport("b", error="y"))),
            "2 files checked: 2 files could not be read",
        ),
    ],
)
def test_summary_wording(report: Report, expected: str) -> None:
    assert summary_line(report) == expected


def test_shorten() -> None:
    assert shorten("short  text\n here") == "short text here"
    long = "word " * 40
    result = shorten(long, limit=30, ellipsis="...")
    assert len(result) <= 30 and result.endswith("...")
    assert not result.startswith(" ")
    unbroken = "x" * 100
    assert shorten(unbroken, limit=20, ellipsis="…") == "x" * 19 + "…"
