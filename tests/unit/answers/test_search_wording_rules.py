"""Round 4 of issue 24's search work: the engine rules that read the words people type more as they
mean them (American spellings, past tenses, apostrophes, phrases in order, ages, "child on child",
too few full matches, several serious contexts), and the two content 2.1.1 items search must find.

Each rule is tested on literal queries, with a small index where the rule is the engine's alone and
on the shipped pack (the `shipped` fixture) where it is what a practitioner sees.
"""

from __future__ import annotations

import numpy as np
from search_words import context_names as _names

from behaviours.answers.finding import find
from behaviours.answers.search import (
    SearchIndex,
    british,
    stem,
    words,
)
from behaviours.pack.pack import Pack


def _index(*texts: str, keywords: tuple[tuple[str, ...], ...] = ()) -> SearchIndex:
    documents = []
    for number, text in enumerate(texts):
        listed = keywords[number] if number < len(keywords) else ()
        documents.append({"keywords": list(listed), "text": [text], "consider": []})
    return SearchIndex(documents, ())


def _first(pack: Pack, text: str, age: int) -> str:
    hits = find(pack, text, age=age, limit=3).hits
    assert hits, text
    return hits[0].behaviour.id


def _top(pack: Pack, text: str, age: int) -> list[str]:
    return [hit.behaviour.id for hit in find(pack, text, age=age, limit=3).hits]


# ------------------------------------------------------------ American spellings


def test_american_spellings_read_as_the_packs_british_ones() -> None:
    assert british("behavior") == "behaviour"
    assert british("sexualized") == "sexualised"
    assert british("normalizing") == "normalising"
    assert british("diaper") == "nappy"
    # Short words ending in -ize are left alone: "size" is not "sise".
    assert british("size") == "size"


def test_an_american_spelling_finds_what_the_british_one_does_without_a_did_you_mean(shipped: Pack) -> None:
    american = find(shipped, "sexualized behavior", age=7, limit=3)
    assert [h.behaviour.id for h in american.hits] == _top(shipped, "sexualised behaviour", 7)
    assert american.did_you_mean is None


# ------------------------------------------------------------ spelling fixes keep the first letter


def test_an_everyday_word_one_letter_off_at_the_start_is_not_corrected() -> None:
    engine = _index("A child's hook game.", "Someone is changing.", keywords=(("hook",), ("changing",)))
    assert engine.search("took").corrections == {}
    assert engine.search("hanging").corrections == {}
    # A typo after the first letter is still forgiven.
    assert engine.search("changng").corrections == {"changng": "changing"}


def test_took_a_photo_is_not_offered_as_hook(shipped: Pack) -> None:
    assert find(shipped, "took a photo up her skirt", age=14).did_you_mean is None
    assert "13-17-red-secret-filming" in _top(shipped, "took a photo up her skirt", 14)


# ------------------------------------------------------------ past tenses and apostrophes


def test_irregular_past_forms_meet_their_verb() -> None:
    assert stem("sent") == stem("sends")
    assert stem("met") == stem("meeting")
    assert stem("bought") == stem("buying")
    engine = _index("A child sends a photo to a friend.", "A child meets a friend.")
    assert [p for p, _ in engine.search("sent photo").hits] == [0]


def test_what_an_apostrophe_leaves_and_not_are_not_search_words() -> None:
    assert words("she didn't want it, it's not ok") == ["want", "ok"]


# ------------------------------------------------------------ contexts read from the words


def test_a_cue_phrase_matches_in_its_order_with_at_most_one_word_between() -> None:
    assert "an adult relative or carer" in _names("her mum's new boyfriend")
    assert "an adult relative or carer" in _names("a family friend")
    # The words of "family friend" far apart and the other way round are not that cue.
    assert "an adult relative or carer" not in _names("not to talk to friends or family")


def test_new_cues_for_adults_force_money_and_secrecy() -> None:
    assert "older or an adult" in _names("a bloke from the park")
    assert "force or pressure" in _names("she was raped")
    assert "force or pressure" in _names("boys won't take no for an answer")
    assert "money or gifts" in _names("older lads give him weed")
    assert "secrecy" in _names("he said don't tell your mum")
    assert "secrecy" in _names("she keeps deleting messages")


def test_two_close_ages_either_side_of_18_are_not_someone_older() -> None:
    assert "older or an adult" not in _names("17 and 18 year old having sex")
    assert "older or an adult" in _names("15 and 18 year old")
    assert "older or an adult" in _names("her 19 year old boyfriend")
    assert "older or an adult" in _names("13 and 17")


def test_child_on_child_is_searched_as_peer_on_peer(shipped: Pack) -> None:
    found = _top(shipped, "child on child abuse", 11)
    assert "9-13-red-group-exploitation" in found
    assert _top(shipped, "child-on-child", 15) == _top(shipped, "peer on peer", 15)


# ------------------------------------------------------------ too few full matches


def test_with_two_words_and_too_few_full_matches_one_word_matches_follow() -> None:
    engine = _index("A child is abused by peers.", "Peers exploit a child in a group.", "Peers tease.")
    found = [p for p, _ in engine.search("peers abused").hits]
    assert found[0] == 0
    assert sorted(found[1:]) == [1, 2]
    # With three or more full matches, only those.
    many = _index("Peers abuse.", "Peers abuse others.", "Peers abuse a child.", "Peers tease.")
    assert sorted(p for p, _ in many.search("peers abuse").hits) == [0, 1, 2]


# ------------------------------------------------------------ several serious contexts


def test_each_further_serious_context_raises_the_more_serious_level_more() -> None:
    # Document 0 (amber) matches "gifts" better than document 1 (red) does.
    engine = _index("Gifts gifts.", "Gifts and more besides.")
    levels = np.array([1, 2], dtype=np.int8)
    one = engine.search("gifts", levels=levels).hits
    assert one[0][0] == 0  # no context: the better match first
    # Gifts from an older man: money and an adult, two serious contexts, two steps per level.
    two = engine.search("older man gifts", levels=levels).hits
    one_context = engine.search("gifts paid", levels=levels).hits
    ratio_two = dict(two)[1] / dict(two)[0]
    ratio_one = dict(one_context)[1] / dict(one_context)[0]
    assert ratio_two > ratio_one


# ------------------------------------------------------------ content 2.1.1


def test_online_grooming_at_13_to_17_finds_its_own_item(shipped: Pack) -> None:
    assert _first(shipped, "grooming", 15) == "13-17-red-online-grooming"
    assert "13-17-red-online-grooming" in _top(shipped, "online friend told him not to tell his parents", 15)
    grooming = shipped.behaviour("13-17-red-online-grooming")
    assert grooming is not None
    assert shipped.level_at(grooming, 16).value == "red"


def test_a_young_child_asked_to_keep_online_contact_secret_is_red_and_first(shipped: Pack) -> None:
    text = "someone online asked him to keep it secret"
    hits = find(shipped, text, age=7, limit=3).hits
    assert hits[0].behaviour.id == "5-9-red-secret-online-contact"
    assert shipped.level_at(hits[0].behaviour, 7).value == "red"
    assert _first(shipped, "deleting messages from an online friend", 8) == "5-9-red-secret-online-contact"
