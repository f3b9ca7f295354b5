"""Search reads round 9's phrasings (probe set F, written blind, and round 7's set D): a child telling or
asking someone about something healthy (who they are, puberty, a crush, where babies come from) is
answered with the healthy item, not with a disclosure or abuse by a family adult; "how are babies made"
names no force and no younger child; a young child asking once what sex is gets the green question items
first; and a school year typed ("in yr 6") is no one's age.

The cases marked "healthy" fail on the commit before these rules (9ffc90f); those marked "worrying" pass
there too and guard what the rules must not calm: a second person, an age, a word of touching or secrecy
keeps the sentence as typed.
"""

from __future__ import annotations

import pytest
from search_words import context_names_at as _contexts_at
from search_words import first_ids as _ids
from search_words import first_levels as _levels

from behaviours import Pack
from behaviours.answers.search import _ages_typed, _what_was_said, typed_words

OLDER = "older or an adult"
FORCE = "force or pressure"
YOUNGER = "younger"


# ------------------------------------------------------------ telling or asking someone something healthy


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("told his mum he is gay", 14, "13-17-green-identity"),
        ("told his mum he's gay", 12, "9-13-green-identity"),
        ("told her friends she is bi", 13, "13-17-green-identity"),
        ("told his stepdad he is bisexual", 15, "13-17-green-identity"),
        ("12yo told her aunt she thinks shes bi", 12, "9-13-green-identity"),
        ("yr 10 told his dad hes trans", 15, "13-17-green-identity"),
        ("came out to his dad", 15, "13-17-green-identity"),
        ("came out to her nan as a lesbian", 13, "13-17-green-identity"),
        ("told his dad he feels like a girl", 14, "13-17-green-identity"),
        ("asked her aunt about tampons", 11, "9-13-green-questions-and-information"),
        ("asked his dad what a wet dream is", 12, "9-13-green-questions-and-information"),
        ("boy 12 asked his dad about wet dreams, embarrassed", 12, "9-13-green-questions-and-information"),
        ("13 year old boy asked his aunt about wet dreams", 13, "9-13-green-questions-and-information"),
        ("asked her nan about puberty", 10, "9-13-green-questions-and-information"),
    ],
)
def test_a_child_telling_or_asking_about_something_healthy_is_answered_with_it(
    shipped: Pack, words: str, age: int, first: str
) -> None:
    """Healthy: before, "told" led with the disclosure items and "aunt" or "dad" with abuse by an adult relative."""
    ids = _ids(shipped, words, age)
    # At 13 both the 9-13 and the 13-17 band apply: the item's band may be either.
    assert ids[0].split("-", 2)[2] == first.split("-", 2)[2], ids
    assert _levels(shipped, words, age)[0] == "green"


def test_a_young_child_telling_a_relative_they_feel_another_gender_is_not_red(shipped: Pack) -> None:
    """Healthy: 5-9 has no identity item, so the green question item comes first rather than red disclosure."""
    assert _levels(shipped, "7yo told his aunty he thinks hes a girl inside", 7)[0] == "green"


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("told her aunt her uncle touches her", 10),
        ("told his mum a man touched him", 9),
        ("told her mum her uncle is her boyfriend", 12),
        ("told mum she has a secret boyfriend", 13),
        ("told her mum her boyfriend is 20", 14),
        ("told mum she has a boyfriend he is 25", 13),
        ("said she has a boyfriend in year 11", 12),
        ("told her mum about sex", 9),
        ("told his mum he is gay and a man messaged him", 14),
        ("told her teacher she is bi and her uncle found out", 13),
        ("asked her mum about periods, she is bleeding a lot", 10),
        # A partner or crush told to an adult may be that adult (found by this round's own review).
        ("told the teacher she fancies him", 14),
        ("said to the coach that he is her boyfriend", 15),
        # Found by this round's second review (of the first version of these rules): after "said" the one
        # named did it; the one named then asked; asked *for* sex; "wants to have sex".
        ("said daddy wants sex", 5),
        ("said her uncle has sex with her and asked if it is normal", 11),
        ("said coach asked about her periods", 12),
        ("asked uncle for sex", 10),
        ("told me she wants to have sex", 6),
    ],
)
def test_worrying_words_keep_the_sentence_as_typed(shipped: Pack, words: str, age: int) -> None:
    """Worrying: a second person, an age, touching, secrecy, bleeding or "told ... about sex" lead with red."""
    assert _levels(shipped, words, age)[0] == "red"


def test_only_the_words_of_telling_and_the_one_told_go() -> None:
    assert _what_was_said(typed_words("asked her aunt about tampons"), 11) == ["asked", "her", "about", "tampons"]
    assert _what_was_said(typed_words("told his mum he is gay"), 14) == ["came", "out", "his", "he", "is", "gay"]
    # Two family adults: one may be the one who did something.
    two = typed_words("told her mum her uncle is her boyfriend")
    assert _what_was_said(two, 12) == two
    # An age that is not the child's is someone else's.
    other = typed_words("12yo told her aunt she thinks shes bi")
    assert _what_was_said(other, 15) == other


# ------------------------------------------------------------ where babies come from


@pytest.mark.parametrize(("words", "age"), [("how are babies made", 5), ("asked mum how babies are made", 5)])
def test_where_babies_come_from_is_a_question_not_force(shipped: Pack, words: str, age: int) -> None:
    """Healthy: "made" had read as force and "babies" as a younger child, leading with red."""
    assert not {FORCE, YOUNGER} & _contexts_at(words, age)
    assert _levels(shipped, words, age)[0] == "green"


@pytest.mark.parametrize(("words", "age"), [("he made her have a baby", 13), ("made the baby cry", 6)])
def test_made_and_baby_elsewhere_keep_their_meaning(shipped: Pack, words: str, age: int) -> None:
    assert FORCE in _contexts_at(words, age)
    assert _levels(shipped, words, age)[0] == "red"


@pytest.mark.parametrize(
    ("words", "age"),
    [("asked how babies are made, dad made her", 6), ("where do babies come from, he made her do it", 5)],
)
def test_a_babies_question_with_something_done_is_no_question(shipped: Pack, words: str, age: int) -> None:
    """Found by the second review: a second "made", or "did" after the babies, says what was done."""
    assert FORCE in _contexts_at(words, age) or YOUNGER in _contexts_at(words, age)
    assert _levels(shipped, words, age)[0] != "green"


# ------------------------------------------------------------ a young child's question


def test_a_young_child_asking_once_what_sex_is_gets_the_green_question_item_first(shipped: Pack) -> None:
    assert _ids(shipped, "asked what sex is", 7)[0] == "5-9-green-questions-sex-babies-relationships"
    assert _ids(shipped, "asked mum what sex is", 7)[0] == "5-9-green-questions-sex-babies-relationships"


def test_asking_again_and_again_or_about_a_worrying_word_is_not_calmed(shipped: Pack) -> None:
    assert _ids(shipped, "keeps asking what sex is", 7)[0] == "5-9-amber-persistent-sexual-questions"
    assert _levels(shipped, "asked what rape means", 7)[0] == "red"


# ------------------------------------------------------------ school years are not ages


def test_a_school_year_is_no_ones_age() -> None:
    # A school year counts as the age of its youngest pupils (year 6: 10 and 11 year olds).
    assert _ages_typed(typed_words("my 11 yr old son has a boyfriend in yr 6")) == [11, 10]
    assert _ages_typed(typed_words("year 7 girl with a 19 year old boyfriend")) == [11, 19]
    assert _ages_typed(typed_words("she is 12 and he is 17")) == [12, 17]


def test_a_school_year_beside_the_childs_age_names_no_one_older(shipped: Pack) -> None:
    assert OLDER not in _contexts_at("my 11 yr old son says he has a boyfriend in yr 6", 11)
    assert OLDER in _contexts_at("year 7 girl with a 19 year old boyfriend", 12)
    assert _levels(shipped, "year 7 girl with a 19 year old boyfriend", 12)[0] == "red"
    # Two school years far apart still name two ages far apart (the second review).
    assert OLDER in _contexts_at("yr 13 pupil having sex with a yr 8", 17)
