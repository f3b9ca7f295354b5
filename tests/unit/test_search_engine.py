"""The search engine on its own: stemming, spelling tolerance, synonyms, ranking and filters.

These build small indexes directly, so they test the engine, not the shipped pack's wording
(the relevance set in bench/relevance.yaml checks the pack's words; see test_relevance.py).
"""

from __future__ import annotations

import pickle
import threading

import pytest

from behaviours.search import SearchIndex, corrected_query, stem, tokens


def index(*texts: str, keywords: tuple[tuple[str, ...], ...] = (), synonyms=()) -> SearchIndex:
    documents = []
    for number, text in enumerate(texts):
        words = keywords[number] if number < len(keywords) else ()
        documents.append({"keywords": list(words), "text": [text], "consider": []})
    return SearchIndex(documents, synonyms)


def positions(found) -> list[int]:
    return [position for position, _ in found.hits]


@pytest.mark.parametrize(
    ("one", "other"),
    [("masturbation", "masturbating"), ("touches", "touching"), ("exposing", "exposes"), ("images", "image")],
)
def test_the_snowball_stemmer_brings_word_forms_together(one: str, other: str) -> None:
    assert stem(one) == stem(other)


def test_stop_words_and_ages_are_not_search_words() -> None:
    assert tokens("a 14 year old child did the touching") == ["14", stem("touching")]


def test_a_word_form_the_pack_does_not_use_still_finds_the_descriptor() -> None:
    engine = index("A child masturbates in public.", "A child asks about babies.")
    assert positions(engine.search("masturbating")) == [0]
    assert engine.search("masturbating").corrections == {}


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("masterbating", "masturbating"), ("pornagraphy", "pornography"), ("sextin", "sexting"), ("exposng", "exposing")],
)
def test_a_misspelt_word_is_matched_to_the_nearest_pack_word_and_offered_as_a_correction(
    typed: str, meant: str
) -> None:
    engine = index(
        "A young person looks at pornography.",
        "A child is masturbating in front of others.",
        "A child is exposing themselves.",
        "A child asks about babies.",
        keywords=((), (), (), ()),
        synonyms=[["sexting", "nude images"]],
    )
    engine_with_sexting = index("A young person shares nude images.", keywords=(("sexting",),))
    target = engine_with_sexting if meant == "sexting" else engine
    found = target.search(typed)
    assert found.hits, f"{typed!r} found nothing"
    assert found.corrections == {typed: meant}
    assert corrected_query(f"is {typed} normal", found.corrections) == f"is {meant} normal"


def test_a_slang_word_is_not_corrected_into_a_short_everyday_word() -> None:
    # "wanting" is one letter from a slang word; only long descriptor words and keywords are offered.
    engine = index("A child wants more privacy, wanting the door closed.")
    found = engine.search("wanking")
    assert found.hits == []
    assert found.corrections == {}


def test_a_keyword_can_be_offered_even_when_short() -> None:
    engine = index("A young person shares images.", keywords=(("nudes",),))
    found = engine.search("nuddes")
    assert positions(found) == [0]
    assert found.corrections == {"nuddes": "nudes"}


def test_short_words_are_never_guessed() -> None:
    engine = index("A child hugs a friend.")
    assert engine.search("hig").hits == []


def test_results_are_ordered_by_match_not_by_position() -> None:
    # Document 0 mentions "boyfriend" only; document 1 is about an older boyfriend.
    engine = index(
        "A child has a boyfriend or girlfriend of a similar age.",
        "A child has a boyfriend who is much older, or an adult.",
    )
    assert positions(engine.search("older boyfriend")) == [1]
    assert sorted(positions(engine.search("boyfriend"))) == [0, 1]


def test_a_keyword_match_outranks_a_match_in_a_later_document_s_text() -> None:
    engine = index(
        "A child looks at images of bodies in a book.",
        "A young person shares sexual images.",
        keywords=((), ("images", "nudes")),
    )
    assert positions(engine.search("images")) == [1, 0]


def test_the_word_itself_outranks_a_synonym_of_it() -> None:
    engine = index(
        "A young person shares naked images.",  # reached through the synonym group
        "A young person is sexting.",  # the word itself
        synonyms=[["sexting", "naked images"]],
    )
    assert positions(engine.search("sexting")) == [1, 0]
    assert positions(engine.search("naked images")) == [0, 1]


def test_within_keeps_only_the_positions_given_before_the_limit() -> None:
    engine = index("images one", "images two", "images three")
    found = engine.search("images", limit=1, within={1, 2})
    assert found.total == 2
    assert positions(found)[0] in {1, 2}


def test_a_search_leaves_nothing_of_the_query_in_the_index() -> None:
    engine = index("A child looks at pornography.", "A young person shares pornography.", "A child asks questions.")
    before = pickle.dumps(engine.__dict__)
    engine.search("pornagraphy quokka-marker-7731")
    engine.search("pornography questions quokka-marker-7731", limit=1)
    after = pickle.dumps(engine.__dict__)
    assert after == before
    assert b"quokka" not in after and b"marker" not in after


def test_stemming_is_safe_from_many_threads_at_once() -> None:
    words = ["masturbating", "touching", "exposing", "pornography", "relationships"] * 200
    expected = [stem(w) for w in words]
    results: list[list[str]] = []

    def work() -> None:
        results.append([stem(w) for w in words])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 8


def test_a_synonym_phrase_that_repeats_a_stem_does_not_break_the_query() -> None:
    # "nude nudes" stems to one word twice; a query holding it must not fail.
    engine = index("A young person shares nude images.", synonyms=[["nude nudes", "nude images"]])
    assert positions(engine.search("nudes nude")) == [0]
