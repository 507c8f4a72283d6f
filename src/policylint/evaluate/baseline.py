"""The keyword baseline: one regular expression per topic, no NLP.

This is what a user could set up in a generic prose linter today; the evaluation prints it beside
the real rules so the gain (and any loss) is visible.
"""

from __future__ import annotations

import re

KEYWORDS: dict[str, str] = {
    "friending": r"\bfriend(s|ed|ing)?\b|\bconnection requests?\b",
    "following": r"\bfollow(s|ed|ing|ers?)?\b",
    "former_clients": r"\b(former|past|previous) clients?\b|\bafter (therapy|treatment|termination)\b",
    "exceptions": r"\bexceptions?\b",
    "in_person_discussion": r"\bdiscuss(ed|ion)?\b|\bin person\b|\bin session\b",
    "confidentiality": r"\bconfidential(ity)?\b|\bprivacy\b",
    "messaging": r"\bmessag(e|es|ing)\b|\btext(s|ing)?\b|\bemail\b",
    "searching": r"\bsearch(es|ed|ing)?\b|\bgoogl(e|ing)\b",
    "reviews_testimonials": r"\breviews?\b|\btestimonials?\b",
    "location_services": r"\bcheck(-| )?ins?\b|\blocation\b",
    "separate_presence": r"\bprofessional (page|account|profile)\b|\bpersonal (page|account|profile)s?\b",
    "viewing_client_content": r"\b(view|look at|see)\b.{0,40}\b(profile|posts?|content|online)\b",
    "emergencies": r"\bemergenc(y|ies)\b|\bcrisis\b|\b911\b|\b999\b|\b000\b",
    "informed_consent": r"\bconsent\b|\bsign(ed|ature)?\b",
    "students_supervisees": r"\bstudents?\b|\bsupervisees?\b|\btrainees?\b|\binterns?\b",
    "dual_relationships": r"\bdual relationships?\b|\bmultiple relationships?\b|\bboundar(y|ies)\b",
    "record_keeping": r"\brecords?\b|\bdocument(ed|ation)?\b|\bchart\b",
}

_COMPILED = {topic: re.compile(pattern, re.IGNORECASE) for topic, pattern in KEYWORDS.items()}


def keyword_topics(text: str) -> set[str]:
    """Topics whose keyword appears anywhere in `text`."""
    return {topic for topic, regex in _COMPILED.items() if regex.search(text)}
