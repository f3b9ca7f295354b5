"""Search reads whose body it is and an adult's age typed as a number (round 5, second pass).

Each test fails on the commit before these rules: "touching his privates" at 4 led with the amber item
on touching other children, "her 19 year old boyfriend" at 14 with an item on pregnancy and infections,
"wants to be a girl" at 8 with red sextortion (through the word list's "fake girl"), and "drawing
willies" at 7 with a red disclosure item.
"""

from __future__ import annotations

import pytest
from search_words import context_names as _names
from search_words import first_ids as _ids

from behaviours import Pack
from behaviours.answers.finding import find
from behaviours.answers.search import OWN_BODY, adult_ages

# ------------------------------------------------------------ a child's own body


@pytest.mark.parametrize(
    "words",
    [
        "touching his privates",
        "touching her private parts",
        "rubbing his penis on the carpet",
        "touching herself",
        "touching themselves at story time",
    ],
)
def test_words_that_name_the_childs_own_body(words: str) -> None:
    assert OWN_BODY in _names(words)


@pytest.mark.parametrize(
    "words",
    [
        "he touched her private parts",  # another child's body: he did it
        "she touched his willy",
        "cousin made him touch his private parts",  # made to: the cousin's body
        "touching his sister's private parts",  # "his" is the sister's brother, the parts are hers
        "touching other children's private parts",
        "private parts",
        "pulling her pants down in the playground",  # clothes: whose is not said
    ],
)
def test_words_that_name_someone_elses_body(words: str) -> None:
    assert OWN_BODY not in _names(words)


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("touching his privates", 4, "0-5-green-touching-own-body"),
        ("touching her private parts", 3, "0-5-green-touching-own-body"),
        ("touching his privates", 7, "5-9-green-touching-own-genitals"),
        # Again and again: the compulsive self-touch item, not persistent touching of other children.
        ("keeps touching his private parts", 4, "0-5-red-compulsive-self-touching"),
        ("touching herself at nap time", 3, "0-5-green-touching-own-body"),
    ],
)
def test_self_touch_words_lead_with_the_self_touch_items(shipped: Pack, words: str, age: int, first: str) -> None:
    assert _ids(shipped, words, age)[0] == first


def test_touching_his_privates_at_4_shows_no_item_on_touching_others_in_the_top_three(shipped: Pack) -> None:
    shown = _ids(shipped, "touching his privates", 4)
    assert not {"0-5-amber-preoccupied-touching-others", "0-5-red-persistent-touching-children"} & set(shown)


# ------------------------------------------------------------ an adult's age typed as a number


@pytest.mark.parametrize(
    ("words", "adults"),
    [
        ("her 19 year old boyfriend", {"19"}),
        ("sex with a 25 year old", {"25"}),
        ("boyfriend is 25", {"25"}),
        ("15 year old and a 22 year old", {"22"}),
        ("17 and 18 year olds having sex", set()),  # close ages either side of 18: no one much older
        ("sent 18 messages", set()),  # a number, not an age
        ("year 13 pupil", set()),
    ],
)
def test_which_numbers_typed_are_an_adults_age(words: str, adults: set[str]) -> None:
    assert adult_ages(words) == adults


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("having sex with her 19 year old boyfriend", 14),
        ("her boyfriend is 19", 13),
    ],
)
def test_an_adult_partners_age_leads_with_the_much_older_partner_item(shipped: Pack, words: str, age: int) -> None:
    assert _ids(shipped, words, age)[0] == "13-17-red-much-older-partner"


def test_sex_with_a_25_year_old_at_16_finds_the_older_partner_item(shipped: Pack) -> None:
    assert "13-17-red-much-older-partner" in _ids(shipped, "sex with a 25 year old", 16)


# ------------------------------------------------------------ words that only say who, and drawings


def test_a_girl_named_is_not_what_happened(shipped: Pack) -> None:
    hits = find(shipped, "wants to be a girl", age=8, limit=3).hits
    assert all(shipped.level_at(hit.behaviour, 8).value != "red" for hit in hits[:1])
    assert "5-9-red-sextortion" not in [hit.behaviour.id for hit in hits]


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("drawing willies", 7, "5-9-amber-sexual-themes-in-play-or-drawing"),
        ("draws rude pictures", 8, "5-9-amber-sexual-themes-in-play-or-drawing"),
        ("drawing penises on books", 11, "9-13-green-sexual-slang-and-swearing"),
    ],
)
def test_childrens_drawings_find_the_drawing_items_not_involving_a_younger_child(
    shipped: Pack, words: str, age: int, first: str
) -> None:
    shown = _ids(shipped, words, age)
    assert shown[0] == first
    assert not any(i.endswith("red-younger-or-less-able") for i in shown)


@pytest.mark.parametrize(
    ("words", "age"),
    [("came out as gay", 13), ("says he is gay", 14), ("came out as trans", 15)],
)
def test_coming_out_leads_with_the_green_identity_item_not_bullying(shipped: Pack, words: str, age: int) -> None:
    # Before: "came" met nothing (it is not "come" to the stemmer) and "gay" led with HBT bullying (amber).
    assert _ids(shipped, words, age)[0].endswith("green-identity")


# ------------------------------------------------------------ staff on the receiving end


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("swearing at teachers", 10, "9-13-green-sexual-slang-and-swearing"),
        ("crush on her teacher", 13, "9-13-green-crushes"),
    ],
)
def test_a_childs_behaviour_aimed_at_staff_is_not_an_adult_involved(
    shipped: Pack, words: str, age: int, first: str
) -> None:
    # Before: the teacher named put the red position-of-trust or grooming item first.
    assert _ids(shipped, words, age)[0] == first


@pytest.mark.parametrize(
    ("words", "age"),
    [("teacher messaging pupil", 14), ("relationship with a teacher", 15), ("flirting with teachers", 15)],
)
def test_staff_who_act_or_are_in_a_relationship_still_lead_with_position_of_trust(
    shipped: Pack, words: str, age: int
) -> None:
    assert _ids(shipped, words, age)[0] == "13-17-red-position-of-trust"


# ------------------------------------------------------------ oral-genital contact in plain words


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("mouth on another child's private parts", 7, "5-9-red-acting-out-sex"),
        ("put his mouth on her private parts", 11, "9-13-red-oral-sex-or-intercourse"),
    ],
)
def test_plain_words_for_oral_contact_find_the_red_items(shipped: Pack, words: str, age: int, first: str) -> None:
    assert _ids(shipped, words, age)[0] == first


# ------------------------------------------------------------ touching over clothes


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        # Issue 24's example: with nothing said of force, the similar-age item leads, not red harassment.
        ("touching over clothes", 13, "13-17-amber-similar-age-sexual-activity"),
        ("groped over her clothes", 13, "red"),  # groping is unwanted by its meaning
        ("boy touched her over her clothes and she said no", 13, "red"),
    ],
)
def test_touching_over_clothes_reads_consent_from_the_words(shipped: Pack, words: str, age: int, first: str) -> None:
    hit = find(shipped, words, age=age, limit=1).hits[0]
    assert first in (hit.behaviour.id, shipped.level_at(hit.behaviour, age).value)


def test_keeps_touching_his_privates_shows_only_self_touch_items_first(shipped: Pack) -> None:
    # The own-body words hold the items about other children's and adults' bodies below the three
    # self-touch items; before, two of them sat in the top three.
    assert _ids(shipped, "keeps touching his privates", 4) == [
        "0-5-red-compulsive-self-touching",
        "0-5-amber-touching-self-in-front-of-others",
        "0-5-green-touching-own-body",
    ]
