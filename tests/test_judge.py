"""judge: requirements of the selected packs x Coverage -> status rows and findings.

Everything is built by hand: no rule files, no spaCy.
"""

from __future__ import annotations

import pytest

from policylint.judge import (
    COVERED,
    PLACEHOLDER_RULE,
    check_requirements,
    merge_requirements,
)
from policylint.model import (
    Citation,
    Coverage,
    Evidence,
    Finding,
    FindingKind,
    Location,
    Placeholder,
    RequirementStatus,
    Severity,
    Stance,
    TopicResult,
)
from policylint.rulebook.types import CommonRules, PlaceholderRules, Requirement, Rulebook

ANCHOR = Location(line=1, column=1, section=None)
EMPTY_RULEBOOK = Rulebook(
    topics={}, packs={}, placeholders=PlaceholderRules(patterns=()), common=CommonRules()
)


def req(
    pack: str,
    topic: str,
    severity: Severity = Severity.ERROR,
    stance: tuple[Stance, ...] = (),
    clause: str | None = None,
    local_id: str | None = None,
) -> Requirement:
    return Requirement(
        id=f"{pack}.{local_id or topic.replace('_', '-')}",
        pack=pack,
        topic=topic,
        title=f"{pack} {topic} title",
        severity=severity,
        why="because",
        suggestion=f"{pack} suggestion for {topic}",
        stance=stance,
        clause=clause,
        document=f"{pack.upper()} code" if clause else None,
    )


def evidence(
    topic: str, text: str, line: int, stance: Stance | None = None, *, vacuous: bool = False
) -> Evidence:
    return Evidence(
        topic=topic,
        text=text,
        location=Location(line=line, column=1, section="Section"),
        stance=stance,
        pattern_id="p",
        vacuous=vacuous,
    )


def covered(topic: str, *found: Evidence, stance: Stance | None = None) -> TopicResult:
    return TopicResult(topic, covered=True, stance=stance, evidence=found)


def uncovered(
    topic: str,
    *,
    vacuous: tuple[Evidence, ...] = (),
    placeholders: tuple[Evidence, ...] = (),
    heading: Location | None = None,
) -> TopicResult:
    return TopicResult(
        topic, False, None, vacuous=vacuous, placeholders=placeholders, heading=heading
    )


def judge(
    *results: TopicResult,
    requirements: tuple[Requirement, ...],
    holes: tuple[Placeholder, ...] = (),
) -> tuple[tuple[RequirementStatus, ...], tuple[Finding, ...]]:
    coverage = Coverage(topics={r.topic: r for r in results}, placeholders=holes, anchor=ANCHOR)
    return check_requirements(coverage, requirements, EMPTY_RULEBOOK)


# -- merge_requirements ------------------------------------------------------------------------


def test_two_packs_on_one_topic_merge_into_one_group() -> None:
    core = req("core", "friending", Severity.WARNING, (Stance.DECLINES, Stance.CONDITIONAL))
    strict = req("strict", "friending", Severity.ERROR, (Stance.DECLINES,), clause="1.2")
    other = req("core", "following", Severity.INFO)
    merged = merge_requirements((core, other, strict))
    assert [m.primary.topic for m in merged] == ["friending", "following"]  # first-seen order
    friending = merged[0]
    assert friending.members == (core, strict)
    assert friending.primary is strict  # the strongest leads
    assert friending.severity is Severity.ERROR
    assert friending.stance == (Stance.DECLINES,)
    assert friending.citations == (Citation("strict", "1.2", "STRICT code"),)


def test_merged_group_cites_every_clause() -> None:
    a = req("crpo", "friending", Severity.ERROR, (Stance.DECLINES,), clause="6.2")
    b = req("aca", "friending", Severity.WARNING, (Stance.DECLINES,), clause="H.6.b")
    (merged,) = merge_requirements((a, b))
    assert merged.citations == (
        Citation("crpo", "6.2", "CRPO code"),
        Citation("aca", "H.6.b", "ACA code"),
    )


def test_strongest_severity_wins_whatever_the_order() -> None:
    info = req("a", "exceptions", Severity.INFO)
    error = req("b", "exceptions", Severity.ERROR)
    warning = req("c", "exceptions", Severity.WARNING)
    for order in ((info, error, warning), (warning, info, error), (error, warning, info)):
        (merged,) = merge_requirements(order)
        assert merged.severity is Severity.ERROR
        assert merged.primary is error


def test_equal_severity_keeps_the_first_as_primary() -> None:
    first = req("a", "exceptions", Severity.ERROR)
    second = req("b", "exceptions", Severity.ERROR)
    (merged,) = merge_requirements((first, second))
    assert merged.primary is first


@pytest.mark.parametrize(
    ("stances", "expected"),
    [
        (((Stance.DECLINES, Stance.CONDITIONAL), (Stance.CONDITIONAL,)), (Stance.CONDITIONAL,)),
        (((Stance.DECLINES, Stance.CONDITIONAL), ()), (Stance.DECLINES, Stance.CONDITIONAL)),
        (((), (Stance.DECLINES,)), (Stance.DECLINES,)),
        (((), ()), ()),
        (
            (
                (Stance.DECLINES, Stance.CONDITIONAL, Stance.PERMITS),
                (Stance.CONDITIONAL, Stance.PERMITS),
                (Stance.DECLINES, Stance.CONDITIONAL),
            ),
            (Stance.CONDITIONAL,),
        ),
    ],
)
def test_stance_is_the_intersection(
    stances: tuple[tuple[Stance, ...], ...], expected: tuple[Stance, ...]
) -> None:
    members = tuple(
        req(f"p{i}", "friending", Severity.ERROR, stance) for i, stance in enumerate(stances)
    )
    (merged,) = merge_requirements(members)
    assert merged.stance == expected


def test_disjoint_stances_fall_back_to_the_strongest_pack() -> None:
    lenient = req("a", "friending", Severity.WARNING, (Stance.PERMITS,))
    strict = req("b", "friending", Severity.ERROR, (Stance.DECLINES,))
    (merged,) = merge_requirements((lenient, strict))
    assert merged.stance == (Stance.DECLINES,)


def test_same_requirement_twice_is_one_member() -> None:
    """A pack and one extending it may both bring `core.following`."""
    following = req("core", "following")
    (merged,) = merge_requirements((following, following))
    assert merged.members == (following,)


# -- check_requirements ------------------------------------------------------------------------


def test_covered_topic_has_a_row_and_no_finding() -> None:
    ev = evidence("friending", "I do not accept friend requests.", 3, Stance.DECLINES)
    statuses, findings = judge(
        covered("friending", ev, stance=Stance.DECLINES),
        requirements=(req("core", "friending", stance=(Stance.DECLINES, Stance.CONDITIONAL)),),
    )
    assert findings == ()
    (row,) = statuses
    assert (row.rule, row.topic, row.status, row.evidence) == (
        "core.friending",
        "friending",
        COVERED,
        ev,
    )


def test_topic_without_stance_is_covered_by_any_evidence() -> None:
    ev = evidence("former_clients", "This applies to former clients too.", 5)
    statuses, findings = judge(
        covered("former_clients", ev), requirements=(req("core", "former_clients"),)
    )
    assert findings == ()
    assert statuses[0].status == COVERED


def test_missing_topic_is_anchored_at_its_heading_or_the_document() -> None:
    heading = Location(line=9, column=4, section="Following")
    statuses, findings = judge(
        uncovered("following", heading=heading),
        uncovered("exceptions"),
        requirements=(req("core", "following"), req("core", "exceptions", clause="2")),
    )
    assert [row.status for row in statuses] == [FindingKind.MISSING, FindingKind.MISSING]
    following, exceptions = findings
    assert following.kind is FindingKind.MISSING
    assert following.location == heading
    assert following.rule == "core.following"
    assert following.severity is Severity.ERROR
    assert following.suggestion == "core suggestion for following"
    assert "does not cover" in following.message
    assert exceptions.location == ANCHOR
    assert exceptions.citation == "CORE 2 (CORE code)"


def test_topic_absent_from_coverage_is_missing() -> None:
    statuses, findings = judge(requirements=(req("core", "in_person_discussion"),))
    assert statuses[0].status == FindingKind.MISSING
    assert [f.kind for f in findings] == [FindingKind.MISSING]


def test_wrong_stance_quotes_the_evidence_with_that_stance() -> None:
    neutral = evidence("friending", "Social media is everywhere and friends matter.", 2)
    permits = evidence(
        "friending", "I happily accept friend requests from clients.", 4, Stance.PERMITS
    )
    statuses, findings = judge(
        covered("friending", neutral, permits, stance=Stance.PERMITS),
        requirements=(req("core", "friending", stance=(Stance.DECLINES, Stance.CONDITIONAL)),),
    )
    (finding,) = findings
    assert finding.kind is FindingKind.WRONG_STANCE
    assert finding.location == permits.location
    assert statuses[0].status == FindingKind.WRONG_STANCE
    assert statuses[0].evidence == permits
    assert "permits it" in finding.message
    assert "happily accept friend requests" in finding.message
    assert "expected: declines or allows it in some cases" in finding.message


def test_unclear_stance_is_wrong_when_a_stance_is_required() -> None:
    ev = evidence("following", "Following is a complicated subject.", 2, Stance.UNCLEAR)
    _, findings = judge(
        covered("following", ev, stance=Stance.UNCLEAR),
        requirements=(req("core", "following", stance=(Stance.DECLINES,)),),
    )
    (finding,) = findings
    assert finding.kind is FindingKind.WRONG_STANCE
    assert "takes no clear position" in finding.message


def test_vacuous_topic() -> None:
    empty = evidence("following", "Following: N/A", 7, vacuous=True)
    statuses, findings = judge(
        uncovered("following", vacuous=(empty,)), requirements=(req("core", "following"),)
    )
    (finding,) = findings
    assert finding.kind is FindingKind.VACUOUS
    assert finding.location == empty.location
    assert "Following: N/A" in finding.message
    assert statuses[0].status == FindingKind.VACUOUS


def test_placeholder_topic_is_reported_once() -> None:
    hole_text = "(insert exceptions here)"
    under_topic = evidence("exceptions", hole_text, 12)
    statuses, findings = judge(
        uncovered("exceptions", placeholders=(under_topic,)),
        requirements=(req("core", "exceptions"),),
        holes=(
            Placeholder("insert exceptions here", Location(line=12, column=2), "insert-here"),
            Placeholder("[Practice Name]", Location(line=1, column=3), "bracketed-label"),
        ),
    )
    assert statuses[0].status == FindingKind.PLACEHOLDER
    assert [(f.rule, f.kind) for f in findings] == [
        ("core.exceptions", FindingKind.PLACEHOLDER),
        (PLACEHOLDER_RULE, FindingKind.PLACEHOLDER),
    ]
    topic_finding, stray = findings
    assert topic_finding.location == under_topic.location
    assert "unfilled template text" in topic_finding.message
    assert stray.topic is None
    assert stray.severity is Severity.ERROR
    assert "[Practice Name]" in stray.message
    assert stray.location == Location(line=1, column=3)


def test_placeholder_beats_vacuous() -> None:
    hole = evidence("exceptions", "Exceptions: TBD", 3)
    empty = evidence("exceptions", "Exceptions: none listed", 4, vacuous=True)
    _, findings = judge(
        uncovered("exceptions", placeholders=(hole,), vacuous=(empty,)),
        requirements=(req("core", "exceptions"),),
    )
    assert [f.kind for f in findings] == [FindingKind.PLACEHOLDER]


def test_merged_packs_give_one_finding_citing_both() -> None:
    core = req("core", "friending", Severity.WARNING, (Stance.DECLINES,), clause="A")
    bcacc = req("bcacc", "friending", Severity.ERROR, (Stance.DECLINES,), clause="para. 1")
    statuses, findings = judge(uncovered("friending"), requirements=(core, bcacc))
    (row,) = statuses
    (finding,) = findings
    assert (row.rule, row.severity) == ("bcacc.friending", Severity.ERROR)
    assert (finding.rule, finding.severity) == ("bcacc.friending", Severity.ERROR)
    assert finding.citation == "CORE A (CORE code); BCACC para. 1 (BCACC code)"
    assert finding.suggestion == "bcacc suggestion for friending"
