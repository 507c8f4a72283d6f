"""The spaCy pipeline, built once per process: blank English, sentences, lookup lemmas.

No trained model is used or downloaded. Lemmas come from spacy-lookups-data's English table,
looked up on the lower-cased token so "Former" and "former" share a lemma.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Forms the lookup table lacks or that the tokenizer produces from contractions (curly
# apostrophes included); without these "won’t" would not read as a negation.
LEMMA_OVERRIDES: dict[str, str] = {
    "n't": "not", "n’t": "not", "nt": "not", "ca": "can", "wo": "will", "cannot": "can",
    "'m": "be", "’m": "be", "'re": "be", "’re": "be", "'s": "be", "’s": "be",
    "'ll": "will", "’ll": "will", "'ve": "have", "’ve": "have", "'d": "would", "’d": "would",
    "does": "do",  # the lookup table gives "doe" (the deer)
    # ... and "as" -> "a", "feed" -> "fee", "number" -> "numb", "matter" -> "matt", "data" ->
    # "datum": words the rules name that would otherwise never match by lemma.
    "as": "as", "feed": "feed", "feeds": "feed", "number": "number", "numbers": "number",
    "matter": "matter", "matters": "matter", "data": "data",
    "friended": "friend", "friending": "friend", "unfriended": "unfriend",
    "unfriending": "unfriend", "befriended": "befriend", "befriending": "befriend",
    "googled": "google", "googling": "google", "googles": "google",
    "counselling": "counselling", "counseling": "counseling", "following": "follow",
    "followers": "follower", "dms": "dm", "dm'd": "dm", "texted": "text", "texting": "text",
    "media": "media", "blogs": "blog", "vlogs": "vlog",
    "socials": "socials",  # "my socials" (accounts); "social" alone is mostly "social work"
    "emailed": "email", "emailing": "email", "supervisees": "supervisee",
}  # fmt: skip

PIPELINE_COMPONENT = "policylint_lemmatizer"


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Build the pipeline on first use (importing spaCy costs about a second)."""
    import spacy
    from spacy.language import Language
    from spacy.lookups import load_lookups

    table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")

    if not Language.has_factory(PIPELINE_COMPONENT):

        @Language.component(PIPELINE_COMPONENT)
        def lemmatize(doc: Doc) -> Doc:
            for token in doc:
                lower = token.lower_
                token.lemma_ = LEMMA_OVERRIDES.get(lower) or table.get(lower, lower)
            return doc

    nlp = spacy.blank("en")
    # spaCy's 1M-character guard protects parser and NER memory, which this pipeline lacks;
    # the readers already refuse files over 64 MB, so a long block is not an internal error.
    nlp.max_length = 10**9
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(PIPELINE_COMPONENT)
    return nlp


def parse(text: str) -> Doc:
    """Analyse one block. Newlines become spaces (same length, so offsets still hold)."""
    return get_nlp()(text.replace("\n", " ").replace("\t", " "))
