"""The rulebook: the real `rules/` is complete, and the loader rejects bad rule files clearly.

Completeness tests run over every topic and pack shipped, so a new rule file that lacks
examples, explanations or a user is caught here. Loader tests write tiny rule folders to
tmp_path and read them with the uncached loader (the real rulebook stays cached).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from policylint.detect.matchers import rule_patterns
from policylint.detect.nlp import get_nlp
from policylint.errors import RuleFileError
from policylint.model import Stance
from policylint.rulebook import DEFAULT_PACK, Rulebook, _load_rulebook, load_rulebook
from policylint.rulebook.packs import parse_pack
from policylint.rulebook.yaml_loader import load_yaml

RULES = Path(__file__).resolve().parent.parent / "rules"
STANCES_NEEDED = (Stance.DECLINES, Stance.PERMITS, Stance.CONDITIONAL)


def real() -> Rulebook:
    return load_rulebook()


def topic_ids() -> list[str]:
    return sorted(p.stem for p in (RULES / "topics").glob("*.yaml"))


def pack_ids() -> list[str]:
    return sorted(
        p.stem for p in (RULES / "regulators").glob("*.yaml") if p.name != "unavailable.yaml"
    )


# -- completeness of the shipped rules ---------------------------------------------------------


def test_rules_folder_loads_with_core_and_bcacc() -> None:
    rulebook = real()
    assert set(rulebook.topics) == set(topic_ids())
    assert set(rulebook.packs) == set(pack_ids())
    assert {DEFAULT_PACK, "bcacc"} <= set(rulebook.packs)


@pytest.mark.parametrize("topic_id", topic_ids())
def test_topic_has_covered_and_uncovered_examples(topic_id: str) -> None:
    examples = real().topics[topic_id].examples
    covered = sum(1 for e in examples if e.covered)
    uncovered = sum(1 for e in examples if not e.covered)
    assert covered >= 2, f"{topic_id}: {covered} covered example(s), need at least 2"
    assert uncovered >= 2, f"{topic_id}: {uncovered} not-covered example(s), need at least 2"


@pytest.mark.parametrize("topic_id", topic_ids())
def test_stance_topic_has_an_example_of_each_stance(topic_id: str) -> None:
    topic = real().topics[topic_id]
    if not topic.has_stance:
        assert all(e.stance is None for e in topic.examples)
        return
    shown = {e.stance for e in topic.examples if e.covered}
    missing = [s.value for s in STANCES_NEEDED if s not in shown]
    assert not missing, f"{topic_id}: no example with stance {missing}"


def test_placeholder_rules_have_examples_both_ways() -> None:
    examples = real().placeholders.examples
    assert sum(e.covered for e in examples) >= 2
    assert sum(not e.covered for e in examples) >= 2


@pytest.mark.parametrize("pack_id", pack_ids())
def test_every_requirement_explains_itself(pack_id: str) -> None:
    pack = real().packs[pack_id]
    assert pack.requirements, f"{pack_id} has no requirements"
    for req in pack.requirements:
        for field in ("title", "why", "suggestion"):
            assert getattr(req, field).strip(), f"{req.id}: empty {field}"
        assert req.topic in real().topics


def test_rule_ids_are_unique() -> None:
    """Within a pack (after `extends`) ids and topics are unique; an id means one definition."""
    definitions: dict[str, object] = {}
    for pack in real().packs.values():
        ids = Counter(req.id for req in pack.requirements)
        assert [i for i, n in ids.items() if n > 1] == [], pack.id
        topics = Counter(req.topic for req in pack.requirements)
        assert [t for t, n in topics.items() if n > 1] == [], pack.id
        for req in pack.requirements:
            assert req.id == f"{req.pack}.{req.id.split('.', 1)[1]}"
            assert definitions.setdefault(req.id, req) == req, f"{req.id} defined twice"
    assert "placeholder" not in definitions
    assert not set(definitions) & set(real().topics), "a rule id equals a topic id"


def test_every_topic_is_used_by_some_pack() -> None:
    used = {req.topic for pack in real().packs.values() for req in pack.requirements}
    assert set(real().topics) - used == set()


def _lemma_lists(rulebook: Rulebook) -> list[tuple[str, list[str]]]:
    """Every `LEMMA: {IN: [...]}` word list in the shipped rules, with where it is."""
    lists = []
    for role, owner, spec in rule_patterns(rulebook):
        for pattern in spec.tokens:
            for token in pattern:
                lemma = token.get("LEMMA")
                if isinstance(lemma, dict) and "IN" in lemma:
                    lists.append((f"{owner}:{role}:{spec.id}", list(lemma["IN"])))
    return lists


def test_every_word_in_a_lemma_list_can_match() -> None:
    """A word whose lemma differs ("working" -> "work") never matches by LEMMA unless its lemma
    is in the same list; the lookup table also has surprises ("as" -> "a")."""
    nlp = get_nlp()
    dead = []
    for where, words in _lemma_lists(real()):
        for word in words:
            doc = nlp(word)
            if len(doc) == 1 and doc[0].lemma_ != word and doc[0].lemma_ not in words:
                dead.append(f"{where}: {word} (lemma {doc[0].lemma_})")
    assert not dead


def test_core_covers_the_core_topics() -> None:
    core = real().packs[DEFAULT_PACK]
    assert {req.id for req in core.requirements} == {
        "core.friending",
        "core.following",
        "core.former-clients",
        "core.exceptions",
        "core.in-person-discussion",
    }


@pytest.mark.parametrize("pack_id", pack_ids())
def test_extends_resolve(pack_id: str) -> None:
    rulebook = real()
    pack = rulebook.packs[pack_id]
    for parent_id in pack.extends:
        assert parent_id in rulebook.packs, f"{pack_id} extends unknown '{parent_id}'"
        parent_topics = {req.topic for req in rulebook.packs[parent_id].requirements}
        own_topics = {req.topic for req in pack.requirements}
        assert parent_topics <= own_topics, f"{pack_id} lost topics of {parent_id}"


def test_bcacc_overrides_core_and_inherits_the_rest() -> None:
    by_topic = {req.topic: req.id for req in real().packs["bcacc"].requirements}
    assert by_topic["friending"] == "bcacc.friending"
    assert by_topic["following"] == "core.following"


# -- loader errors on small rule folders ----------------------------------------------------

COMMON = """\
lexicon:
  platforms: [facebook, instagram]
"""
PLACEHOLDERS = """\
patterns:
  - id: bracketed
    pattern: [{ORTH: "["}, {IS_ALPHA: true, OP: "+"}, {ORTH: "]"}]
"""
TOPIC = """\
id: friending
title: Friending
description: Friend requests.
stance: true
triggers:
  - id: friend
    pattern: [{LEMMA: {IN: [friend, "@platforms"]}}]
examples:
  - text: I do not accept friend requests.
    covered: true
    stance: declines
"""
CORE = """\
id: core
name: Core
requirements:
  - id: friending
    topic: friending
    title: Friend requests
    severity: error
    stance: [declines]
    why: Because.
    suggestion: I do not accept friend requests.
"""

RulesFactory = Callable[..., Path]


@pytest.fixture
def make_rules(tmp_path: Path) -> RulesFactory:
    """A minimal valid rules folder; keyword arguments replace or add files (`None` deletes)."""

    def make(**files: str | None) -> Path:
        root = tmp_path / "rules"
        layout: dict[str, str | None] = {
            "common.yaml": COMMON,
            "placeholders.yaml": PLACEHOLDERS,
            "topics/friending.yaml": TOPIC,
            "regulators/core.yaml": CORE,
        }
        layout.update({name.replace("__", "/") + ".yaml": text for name, text in files.items()})
        for name, text in layout.items():
            if text is None:
                continue
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return make


def load(root: Path) -> Rulebook:
    result: Rulebook = _load_rulebook.__wrapped__(root)
    return result


def load_error(root: Path) -> RuleFileError:
    with pytest.raises(RuleFileError) as caught:
        load(root)
    return caught.value


def test_minimal_rules_folder_loads(make_rules: RulesFactory) -> None:
    rulebook = load(make_rules())
    assert list(rulebook.topics) == ["friending"]
    assert [req.id for req in rulebook.packs["core"].requirements] == ["core.friending"]
    (trigger,) = rulebook.topics["friending"].triggers
    assert trigger.tokens == ([{"LEMMA": {"IN": ["friend", "facebook", "instagram"]}}],)


def test_duplicate_key_names_file_and_line(make_rules: RulesFactory) -> None:
    error = load_error(make_rules(topics__friending=TOPIC + "title: Again\n"))
    assert (error.path, error.line) == ("rules/topics/friending.yaml", 12)
    assert "duplicate key 'title'" in error.reason
    assert str(error).startswith("rules/topics/friending.yaml:12:")


def test_unknown_key_names_file_line_and_key(make_rules: RulesFactory) -> None:
    bad = TOPIC.replace("  - id: friend\n", "  - id: friend\n    regex: friend\n")
    error = load_error(make_rules(topics__friending=bad))
    assert (error.path, error.line) == ("rules/topics/friending.yaml", 7)
    assert "unknown key 'regex'" in error.reason
    assert "phrases" in error.reason  # the known keys are listed


def test_unknown_top_level_key_in_a_pack(make_rules: RulesFactory) -> None:
    error = load_error(make_rules(regulators__core=CORE + "requirement_count: 1\n"))
    assert (error.path, error.line) == ("rules/regulators/core.yaml", 11)
    assert "unknown key 'requirement_count'" in error.reason


def test_bad_severity(make_rules: RulesFactory) -> None:
    error = load_error(
        make_rules(regulators__core=CORE.replace("severity: error", "severity: fatal"))
    )
    assert (error.path, error.line) == ("rules/regulators/core.yaml", 7)
    assert "severity must be one of: error, warning, info" in error.reason


def test_bad_stance_in_a_requirement(make_rules: RulesFactory) -> None:
    error = load_error(make_rules(regulators__core=CORE.replace("[declines]", "[refuses]")))
    assert (error.path, error.line) == ("rules/regulators/core.yaml", 8)
    assert "stance must be one of" in error.reason


def test_unknown_topic_in_a_pack(make_rules: RulesFactory) -> None:
    error = load_error(
        make_rules(regulators__core=CORE.replace("topic: friending", "topic: frending"))
    )
    assert (error.path, error.line) == ("rules/regulators/core.yaml", 4)
    assert "unknown topic 'frending'" in error.reason
    assert "friending" in error.reason.split("known:", 1)[1]


def test_context_after_topics_must_name_known_topics(make_rules: RulesFactory) -> None:
    near = TOPIC.replace(
        "triggers:",
        "context:\n  scope: near\n  after_topics: [frending]\n  patterns: []\ntriggers:",
    )
    error = load_error(make_rules(topics__friending=near))
    assert (error.path, error.line) == ("rules/topics/friending.yaml", 7)
    assert "unknown topic 'frending' in 'after_topics'" in error.reason
    known = near.replace("[frending]", "[friending]")
    topic = load(make_rules(topics__friending=known)).topics["friending"]
    assert topic.context is not None and topic.context.after_topics == ("friending",)


def test_context_after_topics_needs_the_near_scope(make_rules: RulesFactory) -> None:
    block = TOPIC.replace(
        "triggers:",
        "context:\n  scope: block\n  after_topics: [friending]\n  patterns: []\ntriggers:",
    )
    error = load_error(make_rules(topics__friending=block))
    assert "'after_topics' needs context scope 'near'" in error.reason


def test_pack_id_must_match_file_name(make_rules: RulesFactory) -> None:
    error = load_error(make_rules(regulators__other=CORE))
    assert error.path == "rules/regulators/other.yaml"
    assert "must match its file name" in error.reason


def _pack(pack_id: str, extends: str) -> str:
    return f"id: {pack_id}\nname: {pack_id}\nextends: [{extends}]\nrequirements: []\n"


def test_extends_cycle(make_rules: RulesFactory) -> None:
    error = load_error(
        make_rules(regulators__aa=_pack("aa", "bb"), regulators__bb=_pack("bb", "aa"))
    )
    assert error.path in {"rules/regulators/aa.yaml", "rules/regulators/bb.yaml"}
    assert error.line == 1
    assert "cycle" in error.reason
    assert "aa -> bb -> aa" in error.reason or "bb -> aa -> bb" in error.reason


def test_extends_self_is_a_cycle(make_rules: RulesFactory) -> None:
    error = load_error(make_rules(regulators__aa=_pack("aa", "aa")))
    assert "cycle" in error.reason


def test_extends_unknown_pack(make_rules: RulesFactory) -> None:
    error = load_error(make_rules(regulators__aa=_pack("aa", "nope")))
    assert (error.path, error.line) == ("rules/regulators/aa.yaml", 1)
    assert "extends unknown pack 'nope'" in error.reason


def test_extends_inherits_and_overrides(make_rules: RulesFactory) -> None:
    child = CORE.replace("id: core", "id: child", 1).replace("severity: error", "severity: warning")
    child += "extends: [core]\n"
    rulebook = load(make_rules(regulators__child=child))
    (req,) = rulebook.packs["child"].requirements
    assert (req.id, req.severity.value) == ("child.friending", "warning")


def test_missing_core_pack(make_rules: RulesFactory) -> None:
    only_aa = "id: aa\nname: aa\nrequirements: []\n"
    error = load_error(make_rules(regulators__core=None, regulators__aa=only_aa))
    assert "'core' pack is missing" in error.reason


def test_invalid_yaml_has_line_and_column(make_rules: RulesFactory) -> None:
    error = load_error(make_rules(topics__friending="id: friending\ntitle: [unclosed\n"))
    assert error.path == "rules/topics/friending.yaml"
    assert error.line is not None and error.column is not None
    assert error.reason.startswith("invalid YAML")


def test_yaml_words_on_no_yes_off_stay_strings(tmp_path: Path) -> None:
    path = tmp_path / "words.yaml"
    path.write_text(
        "pattern: [{LOWER: on}, {LOWER: no}, {LOWER: yes}, {LOWER: off}, {LOWER: y}]\n"
        "flags: [true, false, True, FALSE]\n",
        encoding="utf-8",
    )
    data = load_yaml(path)
    assert [token["LOWER"] for token in data["pattern"]] == ["on", "no", "yes", "off", "y"]
    assert data["flags"] == [True, False, True, False]


def test_on_and_no_stay_words_in_topic_patterns(make_rules: RulesFactory) -> None:
    topic = TOPIC.replace(
        '    pattern: [{LEMMA: {IN: [friend, "@platforms"]}}]\n',
        "    pattern: [{LOWER: no}, {LOWER: {IN: [on, off, yes]}}]\n"
        "  - id: words\n    phrases: [no, on]\n",
    )
    triggers = load(make_rules(topics__friending=topic)).topics["friending"].triggers
    assert triggers[0].tokens == ([{"LOWER": "no"}, {"LOWER": {"IN": ["on", "off", "yes"]}}],)
    assert triggers[1].phrases == ("no", "on")


def test_example_covered_must_be_a_boolean(make_rules: RulesFactory) -> None:
    error = load_error(make_rules(topics__friending=TOPIC.replace("covered: true", "covered: yes")))
    assert (error.path, error.line) == ("rules/topics/friending.yaml", 10)
    assert "'covered' must be true or false" in error.reason


def test_pack_parser_rejects_non_mapping(tmp_path: Path) -> None:
    path = tmp_path / "core.yaml"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match="must be a mapping"):
        parse_pack(path, "rules/regulators/core.yaml", {"friending"})
