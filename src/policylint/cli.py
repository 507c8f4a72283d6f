"""The `policylint` command: thin glue from options to lint, reporter and exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn, TypeVar

import typer

from policylint import __version__
from policylint.errors import PolicylintError, UsageError
from policylint.exit_codes import ExitCode

app = typer.Typer(
    name="policylint",
    help="Check a therapist's social media policy against what regulators ask it to cover.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

T = TypeVar("T")


class FailOn(StrEnum):
    """The lowest severity that makes `check` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    NEVER = "never"


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    JUNIT = "junit"
    GITHUB = "github"


class ListFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def fail(message: str) -> NoReturn:
    """Print one line on stderr and exit 2: the shape of every user error."""
    typer.echo(f"policylint: error: {message}", err=True)
    raise typer.Exit(ExitCode.ERROR)


def run_guarded(debug: bool, action: Callable[[], T]) -> T:
    """Run `action`; user errors and unexpected crashes become one line and exit 2."""
    try:
        return action()
    except PolicylintError as exc:
        if debug:
            raise
        fail(exc.one_line())
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except BrokenPipeError:  # `policylint ... | head`: the reader left; nothing more to say
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stop Python's exit-time flush error
        raise typer.Exit(ExitCode.OK) from None
    except Exception as exc:
        if debug:
            raise
        fail(f"internal error: {exc!r} (run again with --debug for the traceback)")


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"policylint {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """Check a therapist's social media policy against what regulators ask it to cover."""


def _use_color(no_color: bool, stream: object) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


RegulatorOpt = Annotated[
    str | None,
    typer.Option(
        "--regulator",
        "-r",
        help="Regulator pack(s) to check against, comma-separated (e.g. bcacc or crpo,aca). "
        "Default: core. See `policylint regulators`.",
    ),
]


@app.command()
def check(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Policy files (.docx, .md, .txt) or folders; '-' reads standard input."
        ),
    ],
    regulator: RegulatorOpt = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Report format.")
    ] = OutputFormat.TEXT,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Lowest severity that makes the exit status 1.")
    ] = FailOn.ERROR,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the gaps.")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="Plain output, no colours.")] = False,
    stdin_filename: Annotated[
        str | None,
        typer.Option(help="With '-': a file name whose suffix picks the reader (e.g. policy.md)."),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(help="Text encoding of .md/.txt files when not UTF-8 (e.g. cp1252)."),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of internal errors.")
    ] = False,
) -> None:
    """Check policies and report what they cover and what they miss.

    Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error.
    """
    from policylint.lint import STDIN, LintOptions, lint_paths
    from policylint.reporters import RenderOptions, get_reporter
    from policylint.rulebook import load_rulebook, select_packs

    def run() -> ExitCode:
        rulebook = load_rulebook()
        packs = select_packs(rulebook, regulator)
        reporter = get_reporter(output_format.value)
        stdin = sys.stdin.buffer.read() if STDIN in paths else None
        options = LintOptions(packs, stdin_filename, encoding, debug)
        report = lint_paths(paths, rulebook, options, stdin)
        if not report.files:
            raise UsageError("no policy files found (looked for .docx, .md, .markdown, .txt)")
        stream = output.open("w", encoding="utf-8") if output else sys.stdout
        try:
            color = output is None and _use_color(no_color, stream)
            reporter.render(report, stream, RenderOptions(color=color, quiet=quiet))
        finally:
            if output:
                stream.close()
        checked = any(f.error is None for f in report.files)
        if regulator is None and output_format is OutputFormat.TEXT and not quiet and checked:
            typer.echo(
                "hint: checked against the 'core' pack; choose your regulator with "
                "--regulator (see `policylint regulators`).",
                err=True,
            )
        # Every unreadable file is also one line on stderr, whatever the report format, so
        # it is seen even when stdout goes to a pipe or a file.
        for file_report in report.files:
            if file_report.error:
                typer.echo(f"policylint: error: {file_report.path}: {file_report.error}", err=True)
        return exit_code(report, fail_on)

    raise typer.Exit(run_guarded(debug, run))


def exit_code(report: object, fail_on: FailOn) -> ExitCode:
    """2 if any file could not be read, else 1 if a finding reaches `fail_on`, else 0."""
    from policylint.model import Report, Severity

    assert isinstance(report, Report)
    if report.error_count:
        return ExitCode.ERROR
    if fail_on is FailOn.NEVER:
        return ExitCode.OK
    threshold = Severity(fail_on.value).rank
    for file_report in report.files:
        if any(f.severity.rank >= threshold for f in file_report.findings):
            return ExitCode.FINDINGS
    return ExitCode.OK


@app.command()
def regulators(
    output_format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.TEXT,
) -> None:
    """List the regulator packs you can check against."""
    from policylint.introspect import render_regulators
    from policylint.rulebook import load_rulebook

    run_guarded(False, lambda: render_regulators(load_rulebook(), output_format.value, sys.stdout))


@app.command()
def rules(
    regulator: RegulatorOpt = None,
    output_format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.TEXT,
) -> None:
    """List the rules (requirements) of the selected regulator packs, or of all packs."""
    from policylint.introspect import render_rules
    from policylint.rulebook import load_rulebook, select_packs

    def run() -> None:
        rulebook = load_rulebook()
        packs = select_packs(rulebook, regulator) if regulator else tuple(rulebook.packs)
        render_rules(rulebook, packs, output_format.value, sys.stdout)

    run_guarded(False, run)


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(help="A rule id (e.g. core.friending) or topic id.")],
) -> None:
    """Explain a rule: what it asks, the clause behind it, examples and suggested wording."""
    from policylint.introspect import render_explain
    from policylint.rulebook import load_rulebook

    run_guarded(False, lambda: render_explain(load_rulebook(), rule_id, sys.stdout))


class SplitChoice(StrEnum):
    DEV = "dev"
    TEST = "test"
    ALL = "all"
    BOTH = "both"


@app.command("eval")
def evaluate_command(
    corpus: Annotated[
        Path, typer.Argument(help="Corpus folder holding gold.yaml and policies/.")
    ] = Path("corpora"),
    regulator: RegulatorOpt = None,
    split: Annotated[
        SplitChoice,
        typer.Option(help="Which documents: dev, test (held back), all, or both tables."),
    ] = SplitChoice.BOTH,
    output_format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.TEXT,
    show_errors: Annotated[
        bool,
        typer.Option("--show-errors", help="List every false gap, false credit and stance error."),
    ] = False,
    check_floor: Annotated[
        Path | None,
        typer.Option(
            help="Exit 1 if any figure drops below this floor file (e.g. corpora/quality-floor.yaml)."
        ),
    ] = None,
    documents: Annotated[
        str | None,
        typer.Option(
            metavar="GLOB",
            help="Only the documents whose file names match these comma-separated globs, "
            "e.g. '20[1-9]-*,21?-*,220-*' for one held-back set.",
        ),
    ] = None,
) -> None:
    """Measure detection quality on an annotated corpus: precision, recall, F1 per topic,
    stance accuracy and evidence recall, beside a keyword-only baseline."""
    from policylint.evaluate.floor import floor_violations, load_floor
    from policylint.evaluate.render import render_json, render_text
    from policylint.evaluate.run import evaluate
    from policylint.rulebook import load_rulebook, select_packs

    def run() -> ExitCode:
        rulebook = load_rulebook()
        topics = (
            rulebook.topics_for(select_packs(rulebook, regulator))
            if regulator
            else tuple(rulebook.topics)
        )
        splits = ["dev", "test"] if split is SplitChoice.BOTH else [split.value]
        evaluations = [evaluate(corpus, rulebook, topics, name, documents) for name in splits]
        if output_format is ListFormat.JSON:
            render_json(evaluations, sys.stdout)
        else:
            for index, evaluation in enumerate(evaluations):
                if index:
                    sys.stdout.write("\n")
                render_text(evaluation, sys.stdout, show_errors=show_errors)
        if check_floor is None:
            return ExitCode.OK
        floor = load_floor(check_floor)
        problems = [p for ev in evaluations for p in floor_violations(ev, floor)]
        for problem in problems:
            typer.echo(f"below floor: {problem}", err=True)
        return ExitCode.FINDINGS if problems else ExitCode.OK

    raise typer.Exit(run_guarded(False, run))


def main() -> None:
    """Console-script entry point."""
    app()
