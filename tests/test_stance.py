"""How cue priorities decide a sentence's stance, and sentences decide a document's."""

from __future__ import annotations

from policylint.detect.stance import clause_of, clause_starts, overall_stance, sentence_stance
from policylint.model import Stance

D, P, C, U = Stance.DECLINES, Stance.PERMITS, Stance.CONDITIONAL, Stance.UNCLEAR


def test_no_cue_is_unclear() -> None:
    assert sentence_stance([]) == (U, 0)


def test_strongest_cue_wins_and_keeps_its_priority() -> None:
    assert sentence_stance([(P, 1), (D, 2)]) == (D, 2)


def test_tie_between_declines_and_permits_is_conditional() -> None:
    assert sentence_stance([(P, 2), (D, 2)]) == (C, 2)


def test_hedge_outranks_a_refusal() -> None:
    assert sentence_stance([(D, 2), (C, 3)]) == (C, 3)


def test_document_ignores_unclear_sentences() -> None:
    assert overall_stance([(U, 0), (D, 2)]) is D
    assert overall_stance([(U, 0)]) is U
    assert overall_stance([]) is None


def test_document_with_equal_refusal_and_permission_is_conditional() -> None:
    assert overall_stance([(D, 2), (P, 2)]) is C


def test_weak_permission_gives_way_to_a_firm_refusal() -> None:
    assert overall_stance([(D, 2), (P, 1)]) is D


def test_any_conditional_sentence_makes_the_document_conditional() -> None:
    assert overall_stance([(D, 2), (C, 3)]) is C


def test_clauses_split_where_a_new_subject_starts() -> None:
    text = "I rarely post, and I don't follow clients; you may follow my page."
    starts = clause_starts(text)
    assert [clause_of(text.index(word), starts) for word in ("rarely", "follow", "you")] == [
        0,
        1,
        2,
    ]


def test_a_new_verb_after_and_starts_a_clause_but_a_list_of_nouns_does_not() -> None:
    text = "I do not follow your blog and will not search for you, unless you are at risk."
    starts = clause_starts(text)
    assert [clause_of(text.index(word), starts) for word in ("follow", "search", "unless")] == [
        0,
        1,
        1,
    ]
    assert clause_starts("I won't accept friend, follow and connection requests.") == []
