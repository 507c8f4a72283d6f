"""Detection behaviours that span a whole document (units of policylint.detect)."""

from __future__ import annotations

import pytest

from policylint.detect import detect_coverage
from policylint.detect.nlp import get_nlp
from policylint.model import Block, BlockKind, Document, Location
from policylint.readers import MAX_BYTES
from policylint.rulebook import load_rulebook


def document(*blocks: tuple[BlockKind, str, tuple[str, ...]]) -> Document:
    return Document(
        path="t.md",
        format="markdown",
        blocks=tuple(
            Block(text, kind, Location(line=i + 1, column=1), heading_path=path)
            for i, (kind, text, path) in enumerate(blocks)
        ),
    )


P, H = BlockKind.PARAGRAPH, BlockKind.HEADING


def covered_topics(*blocks: tuple[BlockKind, str, tuple[str, ...]]) -> set[str]:
    coverage = detect_coverage(document(*blocks), load_rulebook())
    return {topic for topic, result in coverage.topics.items() if result.covered}


def test_document_never_mentioning_online_contact_covers_nothing() -> None:
    doc = document(
        (H, "Fees", ()),
        (
            P,
            "Exceptions are made for illness. Former clients returning pay the current rate.",
            ("Fees",),
        ),
        (
            P,
            "If you miss a session, we will discuss it in person at the next appointment.",
            ("Fees",),
        ),
    )
    coverage = detect_coverage(doc, load_rulebook())
    assert not any(result.covered for result in coverage.topics.values())


def test_an_intake_form_naming_social_media_as_a_referral_source_or_a_habit_is_no_policy() -> None:
    L = BlockKind.LIST_ITEM
    form = [
        (L, "How did you hear about us? (GP / friend or family / website / social media)", ()),
        (L, "[ ] Instagram or Facebook", ()),
        (L, "How many hours a day do you spend on screens or social media?", ()),
        (L, "Who referred you? (physician, friend, family member, online search, other)", ()),
        (P, "We will discuss your goals in more detail at your first session.", ()),
    ]
    assert covered_topics(*form) == set()
    # nor do a telehealth session or a follow-up appointment booked online
    notice = [
        (P, "The interpreter will connect by secure online video if needed.", ()),
        (P, "Booking follow-up appointments online is now possible.", ()),
        (P, "If you are in crisis, call 988; the only exceptions are emergencies.", ()),
    ]
    assert covered_topics(*notice) == set()
    # the same form with one sentence about online contact is judged as a policy
    policy = [*form, (P, "I do not accept friend requests from clients on social media.", ())]
    assert "friending" in covered_topics(*policy)


def test_same_sentence_counts_once_the_document_is_about_social_media() -> None:
    text = "I do not accept friend requests on social media, and there are no exceptions."
    coverage = detect_coverage(document((P, text, ())), load_rulebook())
    assert coverage.topics["friending"].covered
    assert coverage.topics["exceptions"].covered


def test_short_answer_under_a_topic_heading_speaks_to_that_topic() -> None:
    doc = document(
        (P, "I do not accept friend requests from clients on Facebook.", ()),
        (H, "Exceptions", ()),
        (P, "None.", ("Exceptions",)),
    )
    result = detect_coverage(doc, load_rulebook()).topics["exceptions"]
    assert result.covered
    assert [e.text for e in result.evidence] == ["None."]


def test_long_sentence_under_a_heading_does_not_inherit_it() -> None:
    doc = document(
        (P, "I do not accept friend requests from clients on Facebook.", ()),
        (H, "Exceptions", ()),
        (
            P,
            "Please read this whole document carefully before you sign it at the end.",
            ("Exceptions",),
        ),
    )
    assert not detect_coverage(doc, load_rulebook()).topics["exceptions"].covered


def test_pipeline_accepts_any_block_the_readers_let_through() -> None:
    assert get_nlp().max_length > MAX_BYTES


def test_a_talk_in_session_right_after_an_online_contact_rule_is_about_it() -> None:
    doc = document(
        (H, "Friend requests", ()),
        (P, "I do not accept friend requests from clients.", ("Friend requests",)),
        (P, "If that feels hurtful, we can talk about it in session.", ("Friend requests",)),
    )
    result = detect_coverage(doc, load_rulebook()).topics["in_person_discussion"]
    assert [e.text for e in result.evidence] == [
        "If that feels hurtful, we can talk about it in session."
    ]


def test_a_talk_in_session_about_something_else_is_not_in_person_discussion() -> None:
    doc = document(
        (H, "Your care", ()),
        (P, "Our practice has a page on social media.", ("Your care",)),
        (P, "Your first appointment is an assessment.", ("Your care",)),
        (
            P,
            "We will discuss any concerns with you in person at your next appointment.",
            ("Your care",),
        ),
    )
    assert not detect_coverage(doc, load_rulebook()).topics["in_person_discussion"].covered


def test_a_reply_to_a_request_counts_only_right_after_the_request() -> None:
    rules = load_rulebook()
    follow_on = document(
        (P, "I do not accept friend requests on Facebook. If you send one, I won't accept it.", ()),
    )
    evidence = detect_coverage(follow_on, rules).topics["friending"].evidence
    assert len(evidence) == 2
    alone = document(
        (P, "Our social media page is public. If you send a gift, I won't accept it.", ()),
    )
    assert not detect_coverage(alone, rules).topics["friending"].covered


def _stance(text: str, topic: str) -> str | None:
    result = detect_coverage(document((P, text, ())), load_rulebook()).topics[topic]
    return result.stance.value if result.stance else None


def test_a_hedge_in_another_clause_does_not_make_the_rule_conditional() -> None:
    assert _stance("On Instagram I rarely post, and I don't follow clients.", "following") == (
        "declines"
    )
    assert _stance("On Instagram I rarely follow clients.", "following") == "conditional"


def test_a_negation_far_from_the_topic_is_not_a_refusal() -> None:
    text = "Following my Instagram page is optional and has no bearing on our work."
    assert _stance(text, "following") == "unclear"
    assert (
        _stance(
            "I don't use Facebook with clients, but I'm happy to connect on LinkedIn.", "friending"
        )
        == "conditional"
    )


def test_a_talk_in_session_right_after_a_sentence_of_the_policy_needs_no_online_word() -> None:
    doc = document(
        (P, "I don't follow clients' accounts on social media. There are no exceptions.", ()),
        (P, "If it comes up, we'll talk about it in the room.", ()),
    )
    result = detect_coverage(doc, load_rulebook()).topics["in_person_discussion"]
    assert [e.text for e in result.evidence] == ["If it comes up, we'll talk about it in the room."]
    unrelated = document(
        (P, "Our practice has a page on social media. Sessions last fifty minutes.", ()),
        (P, "If it comes up, we'll talk about it in the room.", ()),
    )
    assert not detect_coverage(unrelated, load_rulebook()).topics["in_person_discussion"].covered


def test_does_not_mean_is_no_refusal_but_other_negations_still_count() -> None:
    permits = "Clients are welcome to connect with me on LinkedIn; connecting doesn't mean I read your posts."
    assert _stance(permits, "friending") == "permits"
    assert _stance(
        "I don't accept friend requests, and that doesn't mean I don't care.", "friending"
    ) == ("declines")


def test_a_sentence_that_only_names_the_topic_covers_nothing() -> None:
    doc = document(
        (P, "I do not accept friend requests on Facebook. Following. TBD. No exceptions.", ())
    )
    topics = detect_coverage(doc, load_rulebook()).topics
    assert not topics["following"].covered
    assert [e.text for e in topics["exceptions"].evidence] == ["No exceptions."]


def test_turning_down_a_request_counts_right_after_a_sentence_about_requests() -> None:
    rules = load_rulebook()
    follow_on = document(
        (P, "This section is about friend requests on Facebook.", ()),
        (P, "If I turn down a request, it's nothing personal.", ()),
    )
    friending = detect_coverage(follow_on, rules).topics["friending"]
    assert [e.text for e in friending.evidence][
        -1
    ] == "If I turn down a request, it's nothing personal."
    assert friending.stance is not None and friending.stance.value == "declines"
    elsewhere = document(
        (P, "Our practice has a page on social media.", ()),
        (P, "If I turn down a request for a later appointment, it's nothing personal.", ()),
    )
    assert not detect_coverage(elsewhere, rules).topics["friending"].covered


def test_a_reply_to_a_request_counts_under_a_heading_that_names_requests() -> None:
    heading = "Friend and connection requests"
    doc = document(
        (H, heading, ()),
        (P, "On social media I make no exceptions, even for people I knew before.", (heading,)),
        (P, "Please don't take it personally if I decline a request.", (heading,)),
    )
    evidence = detect_coverage(doc, load_rulebook()).topics["friending"].evidence
    assert [e.text for e in evidence] == ["Please don't take it personally if I decline a request."]
    # the same sentence under a heading about something else needs a sentence before it
    other = document((H, "Fees", ()), *((P, b.text, ("Fees",)) for b in doc.blocks[1:]))
    assert not detect_coverage(other, load_rulebook()).topics["friending"].covered


def test_a_heading_word_that_only_continues_a_sentence_names_no_topic() -> None:
    heading = "Location and check-ins"  # "check" continues a sentence about messages
    doc = document(
        (H, heading, ()),
        (P, "Please don't check in at the clinic on Facebook.", (heading,)),
    )
    assert not detect_coverage(doc, load_rulebook()).topics["messaging"].covered


def test_a_request_later_in_the_same_paragraph_continues_the_friending_rule() -> None:
    rule = "While we work together I will not accept a friend request from you on Facebook."
    aside = "I know that in a small town we may have friends in common."
    later = "Once counselling has finished, I will consider requests case by case."
    result = detect_coverage(document((P, f"{rule} {aside} {later}", ())), load_rulebook()).topics[
        "friending"
    ]
    assert [e.text for e in result.evidence] == [rule, later]
    assert result.stance == "conditional"
    # a request in another paragraph, after an unrelated sentence, is some other request
    elsewhere = detect_coverage(
        document(
            (P, rule, ()),
            (P, "Records are kept for seven years. I will consider requests for copies.", ()),
        ),
        load_rulebook(),
    ).topics["friending"]
    assert [e.text for e in elsewhere.evidence] == [rule]


@pytest.mark.parametrize(
    ("topic", "template", "placeholder", "filled"),
    [
        (
            "exceptions",
            "Exceptions: [describe any exceptions, or delete this item].",
            "[describe any exceptions, or delete this item]",
            # a name left to fill inside a real sentence still says something about the topic
            "Exceptions: [PRACTICE NAME] makes none for former clients.",
        ),
        (
            "searching",
            "Use of search engines: [Describe your policy here.]",
            "[Describe your policy here.]",
            # a sentence that goes on after the trigger is no label
            "I do not use search engines to look clients up: [PRACTICE NAME] policy.",
        ),
    ],
)
def test_a_label_whose_entry_is_only_a_placeholder_covers_nothing(
    topic: str, template: str, placeholder: str, filled: str
) -> None:
    L, path = BlockKind.LIST_ITEM, ("Social Media Policy",)
    heading = (H, "Social Media Policy", ())
    rule = (L, "I will not follow clients on social media.", path)
    coverage = detect_coverage(document(heading, rule, (L, template, path)), load_rulebook())
    assert not coverage.topics[topic].covered
    assert [p.text for p in coverage.placeholders] == [placeholder]
    filled_coverage = detect_coverage(document(heading, rule, (L, filled, path)), load_rulebook())
    assert filled_coverage.topics[topic].covered


def test_a_labelled_entry_answers_its_label_not_the_heading_above() -> None:
    title = "Connecting online"
    doc = document(
        (H, title, ()),
        (BlockKind.LIST_ITEM, "LinkedIn: I'm happy to connect with clients on LinkedIn.", (title,)),
        (BlockKind.LIST_ITEM, "Search: I don't google clients.", (title,)),
    )
    result = detect_coverage(doc, load_rulebook()).topics["friending"]
    assert [e.text for e in result.evidence] == [
        "LinkedIn: I'm happy to connect with clients on LinkedIn."
    ]
    assert result.stance == "permits"
