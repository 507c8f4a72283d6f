"""The `policylint` command end to end, in-process through Typer's CliRunner.

Exit statuses are a public contract: 0 clean, 1 findings at or above `--fail-on`, 2 usage or
input error (one `policylint: error: ...` line on stderr, never a traceback). Only the `core`
and `bcacc` packs and core rule ids are used, so these tests do not depend on other packs.
"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import Result

from policylint import __version__
from policylint.cli import _use_color
from policylint.exit_codes import ExitCode

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpora" / "samples"
SEED = ROOT.parent / "shared" / "seed" / "social-media-policy.txt"

InvokeAndAssert = Callable[..., Result]  # the `invoke_and_assert` fixture of conftest.py
CheckJson = Callable[..., dict[str, Any]]  # the `check_json` fixture of conftest.py

CORE_TOPICS = {"friending", "following", "former_clients", "exceptions", "in_person_discussion"}
HINT = "hint: checked against the 'core' pack"
OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
POLICY_MD = (
    "# Social Media Policy\n\n"
    "I do not accept friend requests from clients on Facebook or Instagram.\n\n"
    "I do not follow clients online.\n"
)


def describe(result: Result) -> str:
    return f"exit {result.exit_code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("policylint: error:")]


def rules_of(report: dict[str, Any], index: int = 0) -> set[str]:
    return {finding["rule"] for finding in report["files"][index]["findings"]}


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """Write a file under tmp_path (creating folders) and return its path."""

    def _write(name: str, content: bytes | str) -> Path:
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        target.write_bytes(data)
        return target

    return _write


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


# -- exit 0 and --fail-on ------------------------------------------------------------------


def test_complete_sample_exits_0(invoke_and_assert: InvokeAndAssert) -> None:
    invoke_and_assert(
        ["check", SAMPLES / "complete.md"],
        ExitCode.OK,
        stdout_contains=["complete.md", "no gaps found", "core.friending"],
    )


@pytest.mark.parametrize(
    ("fail_on", "exit_code"),
    [(None, ExitCode.FINDINGS), ("error", 1), ("warning", 1), ("info", 1), ("never", 0)],
)
def test_fail_on_with_error_findings(
    invoke_and_assert: InvokeAndAssert, fail_on: str | None, exit_code: int
) -> None:
    option = ["--fail-on", fail_on] if fail_on else []
    invoke_and_assert(
        ["check", SAMPLES / "gap-friending.md", "--regulator", "core", *option],
        exit_code,
        stdout_contains="core.friending",
    )


@pytest.fixture
def warning_only_policy(write: Callable[[str, bytes | str], Path]) -> Path:
    """complete-bcacc.md without its exceptions bullet: one bcacc finding, a warning."""
    text = (SAMPLES / "complete-bcacc.md").read_text(encoding="utf-8")
    bullet = (
        "- The only exception is a connection that existed before counselling began; we will "
        "talk about\n  whether it should stay when we first meet.\n"
    )
    assert bullet in text, "complete-bcacc.md changed; update this fixture"
    return write("warning-only.md", text.replace(bullet, ""))


@pytest.mark.parametrize(
    ("fail_on", "exit_code"), [(None, 0), ("error", 0), ("warning", 1), ("info", 1), ("never", 0)]
)
def test_fail_on_with_only_a_warning(
    check_json: CheckJson, warning_only_policy: Path, fail_on: str | None, exit_code: int
) -> None:
    option = ["--fail-on", fail_on] if fail_on else []
    report = check_json([warning_only_policy, "--regulator", "bcacc", *option], exit_code)
    findings = report["files"][0]["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("bcacc.exceptions", "warning")]


# -- exit 1: every sample reports exactly the rules of expected.yaml ------------------------

# Samples whose current result disagrees with corpora/samples/expected.yaml; reported, not
# hidden: the expectation stays as written and the case must start passing (strict xfail).
KNOWN_SAMPLE_DISAGREEMENTS: dict[tuple[str, str], str] = {}


def _sample_cases() -> list[Any]:
    expected = yaml.safe_load((SAMPLES / "expected.yaml").read_text(encoding="utf-8"))
    cases = []
    for name, by_pack in expected.items():
        for pack, outcome in by_pack.items():
            reason = KNOWN_SAMPLE_DISAGREEMENTS.get((name, pack))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            rules = frozenset(outcome.get("rules") or [])
            cases.append(
                pytest.param(name, pack, outcome["exit"], rules, marks=marks, id=f"{name}-{pack}")
            )
    return cases


@pytest.mark.parametrize(("name", "pack", "exit_code", "rules"), _sample_cases())
def test_sample_reports_expected_rules(
    check_json: CheckJson, name: str, pack: str, exit_code: int, rules: frozenset[str]
) -> None:
    report = check_json([SAMPLES / name, "--regulator", pack], exit_code)
    assert report["files"][0]["error"] is None
    assert rules_of(report) == rules


# -- exit 2: unreadable input --------------------------------------------------------------


def _bad_inputs() -> list[Any]:
    rng = random.Random(20240501)
    corrupt = bytes(rng.randrange(256) for _ in range(4096))
    return [
        pytest.param("missing.md", None, "no such file", id="missing"),
        pytest.param("empty.md", b"", "empty", id="empty"),
        pytest.param("blank.txt", b"  \n\t\r\n  \n", "empty", id="whitespace-only"),
        pytest.param("corrupt.docx", corrupt, "not a valid .docx", id="corrupt-docx"),
        pytest.param(
            "archive.docx",
            zip_bytes({"notes.txt": b"hello", "data/x.csv": b"1,2"}),
            "not a Word document",
            id="zip-not-word",
        ),
        pytest.param(
            "protected.docx",
            OLE_SIGNATURE + bytes(rng.randrange(256) for _ in range(2048)),
            "password-protected",
            id="ole-password-protected",
        ),
        pytest.param("picture.md", PNG_BYTES, "binary", id="png-renamed-md"),
        pytest.param(
            "windows.txt",
            "I don\u2019t accept friend requests \u2013 ever.\n".encode("cp1252"),
            "not valid UTF-8",
            id="invalid-utf8",
        ),
        pytest.param("policy.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "'.pdf'", id="pdf"),
        pytest.param("policy.doc", OLE_SIGNATURE + b"\x00" * 512, ".docx", id="doc"),
    ]


@pytest.mark.parametrize(("name", "content", "reason"), _bad_inputs())
def test_unreadable_input_is_one_error_line(
    invoke_and_assert: InvokeAndAssert,
    tmp_path: Path,
    write: Callable[[str, bytes | str], Path],
    name: str,
    content: bytes | None,
    reason: str,
) -> None:
    path = write(name, content) if content is not None else tmp_path / name
    result = invoke_and_assert(["check", path, "--format", "json"], ExitCode.ERROR)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, describe(result)
    assert lines[0].startswith(f"policylint: error: {path}: "), describe(result)
    assert reason in lines[0], describe(result)
    (entry,) = json.loads(result.stdout)["files"]
    assert entry["path"] == str(path)
    assert reason in entry["error"]
    assert (entry["topics"], entry["findings"]) == ({}, [])


@pytest.mark.parametrize(("name", "content", "reason"), _bad_inputs())
def test_unreadable_input_in_text_format(
    invoke_and_assert: InvokeAndAssert,
    tmp_path: Path,
    write: Callable[[str, bytes | str], Path],
    name: str,
    content: bytes | None,
    reason: str,
) -> None:
    """The default text report names the file and the reason, and so does stderr."""
    path = write(name, content) if content is not None else tmp_path / name
    result = invoke_and_assert(["check", path, "--regulator", "core"], ExitCode.ERROR)
    flat = " ".join(result.stdout.split())
    assert f"{path}: error:" in flat, describe(result)
    assert " ".join(reason.split()) in flat, describe(result)
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"policylint: error: {path}: "), describe(result)
    assert reason in line, describe(result)


def test_file_error_reaches_stderr_when_the_report_goes_to_a_file(
    invoke_and_assert: InvokeAndAssert, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.md"
    target = tmp_path / "report.txt"
    result = invoke_and_assert(["check", missing, "-o", target, "-r", "core"], ExitCode.ERROR)
    assert error_lines(result.stderr) == [f"policylint: error: {missing}: no such file"]
    assert result.stdout == ""
    assert "no such file" in target.read_text(encoding="utf-8")


def test_invalid_utf8_reads_with_encoding_option(
    check_json: CheckJson, write: Callable[[str, bytes | str], Path]
) -> None:
    text = (SAMPLES / "complete.txt").read_text(encoding="utf-8").replace("'", "\u2019")
    text = text.replace("I will not", "I won\u2019t \u2013 and will not")
    path = write("windows.txt", text.encode("cp1252"))
    check_json([path], ExitCode.ERROR)
    report = check_json([path, "--encoding", "cp1252"], ExitCode.OK)
    entry = report["files"][0]
    assert entry["error"] is None
    assert entry["topics"]["friending"]["covered"]
    assert "\u2013" in json.dumps(entry, ensure_ascii=False)


# -- exit 2: bad options and rules -----------------------------------------------------------


def test_unknown_regulator_lists_known_ones(invoke_and_assert: InvokeAndAssert) -> None:
    result = invoke_and_assert(
        ["check", SAMPLES / "complete.md", "--regulator", "nope"], ExitCode.ERROR
    )
    (line,) = result.stderr.splitlines()
    assert line.startswith("policylint: error: unknown regulator 'nope'")
    assert "known regulators:" in line
    known = line.split("known regulators:", 1)[1]
    assert {"core", "bcacc"} <= {name.strip() for name in known.split(",")}
    assert result.stdout == ""


def test_unavailable_regulator_says_not_available_yet(
    invoke_and_assert: InvokeAndAssert,
) -> None:
    listed = yaml.safe_load((ROOT / "rules/regulators/unavailable.yaml").read_text())
    if "ccpa" not in {entry["id"] for entry in listed.get("unavailable") or []}:
        pytest.skip("ccpa is not listed in rules/regulators/unavailable.yaml")
    result = invoke_and_assert(
        ["check", SAMPLES / "complete.md", "--regulator", "ccpa"], ExitCode.ERROR
    )
    (line,) = result.stderr.splitlines()
    assert line.startswith("policylint: error: regulator 'ccpa'")
    assert "not available yet" in line


def test_explain_unknown_rule(invoke_and_assert: InvokeAndAssert) -> None:
    result = invoke_and_assert(["explain", "core.no-such-rule"], ExitCode.ERROR)
    (line,) = result.stderr.splitlines()
    assert line.startswith("policylint: error: unknown rule id 'core.no-such-rule'")


def test_format_nope_is_a_usage_error(invoke_and_assert: InvokeAndAssert) -> None:
    invoke_and_assert(
        ["check", SAMPLES / "complete.md", "--format", "nope"],
        ExitCode.ERROR,
        stderr_contains=["--format", "nope", "json"],
    )


BROKEN_YAML = "id: broken\ntitle: Broken\ntriggers:\n  - id: x\n   phrases: [oops\n"
UNKNOWN_KEY_TOPIC = """\
id: misspelt
title: A topic with a misspelt pattern key
description: Used only by a test.
triggers:
  - id: ok
    phrases: [fine]
  - id: bad
    regex: "friend(s)?"
"""


def test_malformed_rule_yaml_names_file_and_line(
    invoke_and_assert: InvokeAndAssert, rules_copy: Path
) -> None:
    (rules_copy / "topics" / "broken.yaml").write_text(BROKEN_YAML, encoding="utf-8")
    result = invoke_and_assert(["check", SAMPLES / "complete.md"], ExitCode.ERROR)
    (line,) = error_lines(result.stderr)
    assert line.startswith("policylint: error: rules/topics/broken.yaml:5:"), line
    assert "invalid YAML" in line


def test_unknown_pattern_key_names_file_and_key(
    invoke_and_assert: InvokeAndAssert, rules_copy: Path
) -> None:
    (rules_copy / "topics" / "misspelt.yaml").write_text(UNKNOWN_KEY_TOPIC, encoding="utf-8")
    result = invoke_and_assert(["regulators"], ExitCode.ERROR)
    (line,) = result.stderr.splitlines()
    assert line.startswith("policylint: error: rules/topics/misspelt.yaml:8:"), line
    assert "unknown key 'regex'" in line


# -- batches, folders, stdin ---------------------------------------------------------------


def test_batch_reports_every_file_and_is_not_stopped_by_bad_ones(
    check_json: CheckJson, tmp_path: Path, write: Callable[[str, bytes | str], Path]
) -> None:
    good = write("good.md", (SAMPLES / "gap-friending.md").read_bytes())
    bad = write("bad.docx", b"this is not a zip file at all")
    missing = tmp_path / "missing.md"
    report = check_json([good, missing, bad], ExitCode.ERROR)
    files = report["files"]
    assert [f["path"] for f in files] == [str(good), str(missing), str(bad)]
    assert files[0]["error"] is None
    assert set(files[0]["topics"]) == CORE_TOPICS
    assert rules_of(report, 0) == {"core.friending"}
    assert "no such file" in files[1]["error"]
    assert files[2]["error"]
    assert report["summary"] == {"files": 3, "files_with_gaps": 1, "findings": 1, "errors": 2}


def test_folder_is_walked_for_policies(
    check_json: CheckJson, tmp_path: Path, write: Callable[[str, bytes | str], Path]
) -> None:
    root = tmp_path / "policies"
    kept = [
        write("policies/a.md", POLICY_MD),
        write("policies/sub/b.txt", POLICY_MD),
        write("policies/sub/deeper/c.docx", (SAMPLES / "complete.docx").read_bytes()),
        write("policies/UPPER.MD", POLICY_MD),
    ]
    write("policies/.hidden.md", POLICY_MD)
    write("policies/.git/config.md", POLICY_MD)
    write("policies/sub/~$c.docx", b"\x00lock")
    write("policies/notes.pdf", b"%PDF-1.4")
    write("policies/image.png", PNG_BYTES)
    report = check_json([root], ExitCode.FINDINGS)
    assert sorted(f["path"] for f in report["files"]) == sorted(str(p) for p in kept)
    assert all(f["error"] is None for f in report["files"])


def test_empty_folder_is_a_usage_error(invoke_and_assert: InvokeAndAssert, tmp_path: Path) -> None:
    result = invoke_and_assert(["check", tmp_path], ExitCode.ERROR)
    (line,) = error_lines(result.stderr)
    assert "no policy files found" in line


def test_stdin_without_a_name(check_json: CheckJson) -> None:
    report = check_json(["-"], ExitCode.FINDINGS, input=POLICY_MD)
    (entry,) = report["files"]
    assert entry["path"] == "-"
    assert entry["topics"]["friending"]["covered"]
    assert entry["topics"]["friending"]["stance"] == "declines"


def test_stdin_filename_picks_the_reader(check_json: CheckJson) -> None:
    source = (SAMPLES / "complete.md").read_text(encoding="utf-8")
    report = check_json(["-", "--stdin-filename", "policy.md"], ExitCode.OK, input=source)
    (entry,) = report["files"]
    evidence = entry["topics"]["exceptions"]["evidence"][0]
    assert evidence["location"]["section"] == "Exceptions"  # read as Markdown, not text


def test_stdin_filename_is_the_reported_path(check_json: CheckJson) -> None:
    report = check_json(["-", "--stdin-filename", "policy.md"], ExitCode.FINDINGS, input=POLICY_MD)
    assert [entry["path"] for entry in report["files"]] == ["policy.md"]


def test_empty_stdin_names_the_stdin_filename(invoke_and_assert: InvokeAndAssert) -> None:
    result = invoke_and_assert(
        ["check", "-", "--stdin-filename", "policy.md", "--format", "json"],
        ExitCode.ERROR,
        input="",
    )
    assert error_lines(result.stderr) == ["policylint: error: policy.md: file is empty"]


def test_empty_stdin_is_an_error(invoke_and_assert: InvokeAndAssert) -> None:
    result = invoke_and_assert(["check", "-", "--format", "json"], ExitCode.ERROR, input=" \n")
    assert error_lines(result.stderr) == ["policylint: error: -: file is empty"]


# -- the JSON contract -----------------------------------------------------------------------


def assert_run_report(
    check_shape: Callable[..., None], report: dict[str, Any], topics: set[str]
) -> None:
    """The shared contract check plus what a real run guarantees beyond the types."""
    check_shape(report, topics)
    assert report["policylint"] == __version__
    for entry in report["files"]:
        for result in entry["topics"].values():
            assert bool(result["evidence"]) == result["covered"]


def test_json_shape_core(
    check_json: CheckJson,
    tmp_path: Path,
    write: Callable[[str, bytes | str], Path],
    assert_report_shape: Callable[..., None],
) -> None:
    missing = tmp_path / "missing.md"
    files = [SAMPLES / "placeholder-template.md", SAMPLES / "complete.docx", missing]
    report = check_json(files, ExitCode.ERROR)
    assert report["regulators"] == ["core"]
    assert_run_report(assert_report_shape, report, CORE_TOPICS)
    assert report["summary"] == {"files": 3, "files_with_gaps": 1, "findings": 2, "errors": 1}
    docx_evidence = report["files"][1]["topics"]["friending"]["evidence"][0]["location"]
    assert docx_evidence["paragraph"] is not None and docx_evidence["line"] is None
    md_finding = report["files"][0]["findings"][0]
    assert md_finding["location"]["line"] is not None
    assert md_finding["suggestion"]


def test_json_shape_bcacc_lists_every_topic_of_the_pack(
    check_json: CheckJson,
    invoke_and_assert: InvokeAndAssert,
    assert_report_shape: Callable[..., None],
) -> None:
    report = check_json([SAMPLES / "gap-friending.md", "--regulator", "bcacc"], ExitCode.FINDINGS)
    assert report["regulators"] == ["bcacc"]
    listing = invoke_and_assert(["rules", "--regulator", "bcacc", "--format", "json"], ExitCode.OK)
    pack_topics = {rule["topic"] for rule in json.loads(listing.stdout)["rules"]}
    assert pack_topics > CORE_TOPICS
    assert_run_report(assert_report_shape, report, pack_topics)
    friending = next(f for f in report["files"][0]["findings"] if f["topic"] == "friending")
    assert friending["rule"] == "bcacc.friending"
    assert friending["citation"] and "BCACC" in friending["citation"]


# -- the seed document -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip(f"seed document not found at {SEED}")
    return SEED


def test_seed_document(check_json: CheckJson, seed_path: Path) -> None:
    report = check_json([seed_path, "--regulator", "core"], ExitCode.FINDINGS)
    (entry,) = report["files"]
    topics = entry["topics"]
    assert (topics["friending"]["covered"], topics["friending"]["stance"]) == (True, "declines")
    assert (topics["following"]["covered"], topics["following"]["stance"]) == (True, "declines")
    assert not topics["former_clients"]["covered"]
    findings = {f["rule"]: f for f in entry["findings"]}
    assert "core.former-clients" in findings
    # "(If there are exceptions to this, insert here)": unfilled template text
    exceptions = findings.get("core.exceptions")
    placeholder_for_exceptions = (
        exceptions is not None and "unfilled template" in exceptions["message"]
    )
    assert "placeholder" in findings or placeholder_for_exceptions, entry["findings"]
    quote_of_brief = "friend\u201d invitations will neither be accepted"
    for result in topics.values():  # the quoted BCACC brief is not the therapist's policy
        assert all(quote_of_brief not in ev["text"] for ev in result["evidence"])


# -- text output options -----------------------------------------------------------------------


def test_default_pack_hint_on_stderr(invoke_and_assert: InvokeAndAssert) -> None:
    result = invoke_and_assert(["check", SAMPLES / "complete.md"], ExitCode.OK)
    assert HINT in result.stderr
    assert HINT not in result.stdout
    chosen = invoke_and_assert(["check", SAMPLES / "complete.md", "-r", "core"], ExitCode.OK)
    assert HINT not in chosen.stderr


def test_quiet_omits_the_coverage_table(invoke_and_assert: InvokeAndAssert) -> None:
    args = ["check", SAMPLES / "gap-friending.md", "-r", "core"]
    full = invoke_and_assert(args, ExitCode.FINDINGS, stdout_contains="core.friending")
    quiet = invoke_and_assert(
        [*args, "--quiet"], ExitCode.FINDINGS, stdout_contains="core.friending"
    )
    assert "Requirement" in full.stdout and "covered" in full.stdout
    assert "Requirement" not in quiet.stdout
    assert "covered" not in quiet.stdout
    assert len(quiet.stdout) < len(full.stdout)
    clean = invoke_and_assert(["check", SAMPLES / "complete.md", "-q"], ExitCode.OK)
    assert "Requirement" not in clean.stdout
    assert HINT not in clean.stderr


def test_no_color_output_is_plain(invoke_and_assert: InvokeAndAssert) -> None:
    result = invoke_and_assert(
        ["check", SAMPLES / "gap-friending.md", "--no-color"], ExitCode.FINDINGS
    )
    assert "\x1b" not in result.stdout + result.stderr


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _use_color(False, _Tty())
    assert not _use_color(True, _Tty())
    assert not _use_color(False, io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _use_color(False, _Tty())


def test_output_option_writes_the_report(
    invoke_and_assert: InvokeAndAssert, tmp_path: Path
) -> None:
    target = tmp_path / "report.json"
    result = invoke_and_assert(
        ["check", SAMPLES / "gap-following.md", "-f", "json", "-o", target], ExitCode.FINDINGS
    )
    assert result.stdout == ""
    report = json.loads(target.read_text(encoding="utf-8"))
    assert rules_of(report) == {"core.following"}


def test_version(invoke_and_assert: InvokeAndAssert) -> None:
    invoke_and_assert(["--version"], ExitCode.OK, stdout_contains=f"policylint {__version__}")


def test_python_dash_m(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "policylint", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == f"policylint {__version__}"


# -- regulators, rules, explain ------------------------------------------------------------


def test_regulators_lists_core_and_bcacc(invoke_and_assert: InvokeAndAssert) -> None:
    result = invoke_and_assert(["regulators"], ExitCode.OK)
    ids = {line.split()[0] for line in result.stdout.splitlines() if line.strip()}
    assert {"core", "bcacc"} <= ids
    data = json.loads(invoke_and_assert(["regulators", "-f", "json"], ExitCode.OK).stdout)
    by_id = {pack["id"]: pack for pack in data["regulators"]}
    assert by_id["bcacc"]["extends"] == ["core"]


def test_rules_bcacc_json(invoke_and_assert: InvokeAndAssert) -> None:
    result = invoke_and_assert(["rules", "--regulator", "bcacc", "--format", "json"], ExitCode.OK)
    data = json.loads(result.stdout)
    assert data["regulators"] == ["bcacc"]
    ids = {rule["rule"] for rule in data["rules"]}
    assert {"bcacc.friending", "bcacc.exceptions", "core.following"} <= ids
    assert all(rule["why"] and rule["suggestion"] for rule in data["rules"])


def test_explain_rule(invoke_and_assert: InvokeAndAssert) -> None:
    result = invoke_and_assert(
        ["explain", "core.friending"],
        ExitCode.OK,
        stdout_contains=["core.friending", "Why:", "Suggested:", "Examples:", "[declines]"],
    )
    assert "MISMATCH" not in result.stdout


def test_explain_topic(invoke_and_assert: InvokeAndAssert) -> None:
    invoke_and_assert(
        ["explain", "friending"],
        ExitCode.OK,
        stdout_contains=["Topic:", "friending", "Examples:", "core.friending", "bcacc.friending"],
    )


# -- the user's files are read, never written --------------------------------------------------


@pytest.mark.parametrize("name", ["complete.md", "gap-exceptions.docx", "gap-former-clients.txt"])
def test_checked_file_is_never_modified(
    invoke_and_assert: InvokeAndAssert, write: Callable[[str, bytes | str], Path], name: str
) -> None:
    path = write(name, (SAMPLES / name).read_bytes())
    past = 1_600_000_000_000_000_000
    os.utime(path, ns=(past, past))
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    for fmt in ("text", "json", "sarif"):
        result = invoke_and_assert(["check", path, "-f", fmt, "--fail-on", "never"], ExitCode.OK)
        assert result.stdout
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in path.parent.iterdir()) == [name]
