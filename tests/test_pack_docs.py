"""The generated regulator pages in docs/regulators/ match the rules (regenerate if not)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from policylint.rulebook import load_rulebook
from policylint.rulebook.types import Rulebook

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "generate_pack_docs.py"
DOCS = ROOT / "docs" / "regulators"
FIX = "run: python scripts/generate_pack_docs.py"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_pack_docs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gen = _load_script()


@pytest.fixture(scope="module")
def rulebook() -> Rulebook:
    return load_rulebook()


@pytest.fixture(scope="module")
def pages(rulebook: Rulebook) -> dict[str, str]:
    return gen.render_pages(rulebook)


def test_committed_pages_are_up_to_date(pages: dict[str, str]) -> None:
    committed = {p.name: p.read_text(encoding="utf-8") for p in DOCS.glob("*.md")}
    assert sorted(committed) == sorted(pages), FIX
    stale = [name for name, text in pages.items() if committed[name] != text]
    assert not stale, f"stale pages {stale}; {FIX}"
    assert gen.check(DOCS) == []


def test_every_pack_has_a_page(rulebook: Rulebook, pages: dict[str, str]) -> None:
    assert set(pages) == {f"{pid}.md" for pid in rulebook.packs} | {"README.md"}
    for pid in rulebook.packs:
        assert f"--regulator {pid}`" in pages[f"{pid}.md"]


def test_every_rule_id_is_on_its_pack_page(rulebook: Rulebook, pages: dict[str, str]) -> None:
    for pack in rulebook.packs.values():
        page = pages[f"{pack.id}.md"]
        for req in pack.requirements:
            assert f"**Rule:** `{req.id}`" in page, (pack.id, req.id)


def test_index_links_every_page(rulebook: Rulebook, pages: dict[str, str]) -> None:
    links = set(re.findall(r"\]\(([^)]+\.md)\)", pages["README.md"]))
    assert links == {f"{pid}.md" for pid in rulebook.packs}
    for body_id in rulebook.unavailable:
        assert f"(`{body_id}`)" in pages["README.md"]


def test_pages_are_deterministic_and_marked(rulebook: Rulebook, pages: dict[str, str]) -> None:
    assert gen.render_pages(rulebook) == pages
    for name, text in pages.items():
        assert text.startswith(gen.HEADER + "\n"), name
        assert text.endswith("\n") and not text.endswith("\n\n"), name


def test_check_reports_stale_missing_and_extra(pages: dict[str, str], tmp_path: Path) -> None:
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert gen.check(tmp_path) == []
    first, second = sorted(n for n in pages if n != "README.md")[:2]
    (tmp_path / first).write_text(pages[first] + "edited\n", encoding="utf-8")
    (tmp_path / second).unlink()
    (tmp_path / "gone.md").write_text("old\n", encoding="utf-8")
    assert gen.check(tmp_path) == [
        f"stale: {tmp_path / first}",
        f"missing: {tmp_path / second}",
        f"extra: {tmp_path / 'gone.md'}",
    ]
    assert gen.main(["--check", "--docs-dir", str(tmp_path)]) == 1
