"""A small hand-built `Report` shared by the reporter tests.

It has two files with gaps (one text with lines, one .docx with paragraphs), one file
that could not be read and one clean file, so every reporter branch is exercised.
"""

from __future__ import annotations

import pytest

from policylint.model import (
    Citation,
    Evidence,
    FileReport,
    Finding,
    FindingKind,
    Location,
    Report,
    RequirementStatus,
    Severity,
    Stance,
    TopicResult,
)

LONG_SENTENCE = (
    "I do not accept friend or follow requests from current or former clients on any social "
    "networking site, including Facebook, Instagram and LinkedIn, because doing so could "
    "compromise your confidentiality and our therapeutic relationship."
)
SUGGESTION = "I will not respond to clients through social media; please call 555-0100."


def _evidence(topic: str, text: str, location: Location, stance: Stance | None) -> Evidence:
    return Evidence(topic=topic, text=text, location=location, stance=stance, pattern_id="p1")


def _acme() -> FileReport:
    friending_ev = _evidence(
        "friending",
        LONG_SENTENCE,
        Location(line=12, column=1, section="Friending"),
        Stance.DECLINES,
    )
    reviews_ev = _evidence(
        "reviews",
        "Clients are welcome to review me on Yelp.",
        Location(line=20, column=5, section="Reviews"),
        Stance.PERMITS,
    )
    emergency_ev = _evidence(
        "emergencies",
        "We take emergencies seriously.",
        Location(line=30, column=1),
        None,
    )
    topics = {
        "friending": TopicResult("friending", True, Stance.DECLINES, (friending_ev,)),
        "messaging": TopicResult("messaging", False, None),
        "reviews": TopicResult("reviews", True, Stance.PERMITS, (reviews_ev,)),
        "emergencies": TopicResult("emergencies", False, None, (), (emergency_ev,)),
    }
    findings = (
        Finding(
            rule="hcpc.messaging",
            topic="messaging",
            severity=Severity.ERROR,
            kind=FindingKind.MISSING,
            message="The policy does not say how clients may contact you. Add a sentence.",
            citations=(Citation("hcpc", "2.7", "Standards of conduct"),),
            suggestion=SUGGESTION,
            location=Location(line=1, column=1),
        ),
        Finding(
            rule="hcpc.reviews",
            topic="reviews",
            severity=Severity.WARNING,
            kind=FindingKind.WRONG_STANCE,
            message="The policy invites client reviews, which 100% of regulators discourage.",
            citations=(Citation("hcpc", "2.3"), Citation("bacp", "33")),
            suggestion="I do not solicit reviews from clients.",
            location=Location(line=20, column=5, section="Reviews"),
        ),
        Finding(
            rule="hcpc.emergencies",
            topic="emergencies",
            severity=Severity.WARNING,
            kind=FindingKind.VACUOUS,
            message="The emergency statement says nothing a client can act on.",
            citations=(Citation("hcpc", "1.4"),),
            location=Location(line=30, column=1),
        ),
    )
    statuses = (
        RequirementStatus(
            "hcpc.friending",
            "friending",
            "Friending clients",
            Severity.ERROR,
            "covered",
            friending_ev,
        ),
        RequirementStatus(
            "hcpc.messaging", "messaging", "Contact by message", Severity.ERROR, "missing"
        ),
        RequirementStatus(
            "hcpc.reviews",
            "reviews",
            "Online reviews",
            Severity.WARNING,
            "wrong_stance",
            reviews_ev,
        ),
        RequirementStatus(
            "hcpc.emergencies",
            "emergencies",
            "Emergencies",
            Severity.WARNING,
            "vacuous",
            emergency_ev,
        ),
    )
    return FileReport("policies/acme.md", None, topics, findings, statuses)


def _docx() -> FileReport:
    ev = _evidence("friending", "I never friend clients.", Location(paragraph=7), Stance.DECLINES)
    topics = {
        "friending": TopicResult("friending", True, Stance.DECLINES, (ev,)),
        "messaging": TopicResult("messaging", False, None),
    }
    findings = (
        Finding(
            rule="hcpc.messaging",
            topic="messaging",
            severity=Severity.ERROR,
            kind=FindingKind.MISSING,
            message="The policy does not say how clients may contact you.",
            citations=(Citation("hcpc", "2.7"),),
            suggestion=SUGGESTION,
        ),
        Finding(
            rule="placeholder",
            topic=None,
            severity=Severity.INFO,
            kind=FindingKind.PLACEHOLDER,
            message="Template text [Practice Name] was never filled in.",
            location=Location(paragraph=2),
        ),
    )
    statuses = (
        RequirementStatus(
            "hcpc.friending", "friending", "Friending clients", Severity.ERROR, "covered", ev
        ),
        RequirementStatus(
            "hcpc.messaging", "messaging", "Contact by message", Severity.ERROR, "missing"
        ),
    )
    return FileReport("docs\\Social Media Policy.docx", None, topics, findings, statuses)


def _clean() -> FileReport:
    ev = _evidence("friending", "I do not friend clients.", Location(line=3, column=1), None)
    return FileReport(
        "clean.md",
        None,
        {"friending": TopicResult("friending", True, Stance.DECLINES, (ev,))},
        (),
        (
            RequirementStatus(
                "hcpc.friending", "friending", "Friending clients", Severity.ERROR, "covered", ev
            ),
        ),
    )


def make_report() -> Report:
    """The shared sample: acme.md (3 findings), a .docx (2), an unreadable pdf, clean.md."""
    return Report(
        version="0.1.0",
        regulators=("hcpc", "bacp"),
        files=(
            _acme(),
            _docx(),
            FileReport("broken.pdf", error="unsupported file type '.pdf'"),
            _clean(),
        ),
    )


@pytest.fixture
def report() -> Report:
    return make_report()
