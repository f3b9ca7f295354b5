"""Search reads round 12's phrasings (the worrying phrasings of seven reviews that still led with green, and the
healthy ones that led red): whose body it is, a time to come, where a word was learnt, humping a thing, and an act on
an animal where the band has no item on it.

The cases marked "worrying" and "healthy" fail on the commit before these rules (b224a27); those marked "guard" pass
there too and keep what the rules must not change.
"""

from __future__ import annotations

import pytest
from search_words import first_ids as _ids
from search_words import first_levels as _levels

from behaviours import Pack
from behaviours.answers.search import _anothers_body, _humps_a_thing, _older_is_a_time_to_come, typed_words

# ------------------------------------------------------------ whose body


def test_anothers_body_is_read_from_its_owner_or_a_possessive_of_the_other_sex() -> None:
    assert _anothers_body(typed_words("son 6 touching her privates at bedtime"))
    assert _anothers_body(typed_words("girl 6 touching his willy"))
    assert _anothers_body(typed_words("he touched her privates in bed"))
    assert _anothers_body(typed_words("touched the babys willy in the bath"))
    assert _anothers_body(typed_words("grabbing other kids privates"))
    assert _anothers_body(typed_words("tried to put his willy in another child's mouth"))
    assert _anothers_body(typed_words("put his finger in the other childrens bottoms"))
    # Guard: the child's own body, a possessive of the same sex, no one named before the act, and care.
    assert not _anothers_body(typed_words("daughter 6 touching her privates at bedtime"))
    assert not _anothers_body(typed_words("son 4 touching his willy in the bath"))
    assert not _anothers_body(typed_words("touching her privates at bedtime"))
    assert not _anothers_body(typed_words("he put cream on her privates for nappy rash"))
    assert not _anothers_body(typed_words("boy 5 put his hand in his mouth"))


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("son 6 touching her privates at bedtime, dad asking if normal", 6),
        ("girl 6 touching his willy at bedtime, mum asking is it normal", 6),
        ("he touched her privates in bed, mum asked is it normal", 6),
        ("my daughter 8 was touching his willy under the table at the party", 8),
        ("constantly grabbing other kids privates in the playground", 8),
        ("7yo telling dirty jokes and humping the other children", 7),
        ("at home time the 6yo tried to put his willy in another child's mouth", 6),
        ("4yo tries to put his finger in the other childrens bottoms, parent asking is this a concern", 4),
    ],
)
def test_touching_anothers_body_is_never_answered_green_first(shipped: Pack, words: str, age: int) -> None:
    """Worrying: before, the green item on a child's own body (or on jokes, or on showing) came first."""
    assert _levels(shipped, words, age)[0] != "green", _ids(shipped, words, age)


def test_touching_a_babys_private_parts_leads_with_the_younger_child_item(shipped: Pack) -> None:
    """Worrying: before, the green item on a child's own body came first."""
    assert (
        _ids(shipped, "touched the babys willy in the bath, mum asks is it ok", 6)[0] == "5-9-red-younger-or-less-able"
    )


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("daughter 6 touching her privates at bedtime", 6),
        ("son 4 touching his willy in the bath", 4),
        ("my son 3 plays with his willy at nap time", 3),
    ],
)
def test_a_childs_own_touch_named_by_the_same_sex_stays_green(shipped: Pack, words: str, age: int) -> None:
    """Guard."""
    assert _levels(shipped, words, age)[0] == "green", _ids(shipped, words, age)


# ------------------------------------------------------------ a time to come


def test_for_when_she_is_older_is_a_time_not_a_person() -> None:
    words = typed_words("asking about contraception for when she's older")
    assert _older_is_a_time_to_come(words, words.index("older"))
    words = typed_words("wants the pill for when they get a bit older")
    assert _older_is_a_time_to_come(words, words.index("older"))
    # Guard: an older partner, and "wait until she is older", which is grooming (round 7).
    words = typed_words("her boyfriend is older")
    assert not _older_is_a_time_to_come(words, words.index("older"))
    words = typed_words("he said to wait until she is older")
    assert not _older_is_a_time_to_come(words, words.index("older"))


def test_a_question_about_contraception_for_later_leads_green(shipped: Pack) -> None:
    """Healthy: before, "older" named someone older and online grooming came first."""
    words = "school nurse - 13yo asking about contraception for when she's older"
    assert _ids(shipped, words, 13)[0] == "13-17-green-seeking-sexual-health-advice"


def test_a_child_wanting_something_when_older_leads_green(shipped: Pack) -> None:
    """Healthy: before, "older" named someone older and online grooming came first."""
    assert _levels(shipped, "says she wants a boyfriend when she is older", 9)[0] == "green"
    words = typed_words("he said he'd marry her when she's older")
    assert not _older_is_a_time_to_come(words, words.index("older"), 12)


def test_an_older_partner_said_beside_a_time_to_come_stays_red(shipped: Pack) -> None:
    """Guard."""
    assert _levels(shipped, "he said he'd marry her when she's older", 12)[0] == "red"
    assert _levels(shipped, "uncle says she can be his girlfriend when she's older", 11)[0] == "red"
    assert _ids(shipped, "she says she'll have sex when she's older, her boyfriend is 25", 13)[0] == (
        "13-17-red-much-older-partner"
    )


# ------------------------------------------------------------ where a word was learnt


def test_a_question_from_a_lesson_leads_with_questions(shipped: Pack) -> None:
    """Healthy: before, an amber item on sharing images came first."""
    assert _ids(shipped, "12yo asked what consent means, came up in computing", 12)[0] == (
        "9-13-green-questions-and-information"
    )


def test_an_explicit_word_seen_online_is_still_no_plain_question(shipped: Pack) -> None:
    """Guard: "online" is not where a word was learnt; a review marked this worrying at 9."""
    assert _levels(shipped, "9yo asked what cum is after seeing it online", 9)[0] != "green"


# ------------------------------------------------------------ humping a thing


def test_humping_a_cushion_or_a_teddy_is_a_childs_own_touch() -> None:
    assert _humps_a_thing(typed_words("humps the cushion all day"))
    assert _humps_a_thing(typed_words("humping his teddy"))
    assert not _humps_a_thing(typed_words("humping the other children"))
    assert not _humps_a_thing(typed_words("humping the dog"))
    assert not _humps_a_thing(typed_words("humping the bed with his brother"))


def test_humping_a_cushion_all_day_with_distress_is_not_green(shipped: Pack) -> None:
    """Worrying: before, nothing on a child's own body was read and green came first."""
    assert _levels(shipped, "4 yo humps the cushion all day and gets upset when we stop her", 4)[0] != "green"


def test_humping_a_pillow_at_nap_time_stays_green(shipped: Pack) -> None:
    """Guard."""
    assert _ids(shipped, "3yo humps his pillow at nap time", 3)[0] == "0-5-green-touching-own-body"
    assert _levels(shipped, "humping the teddy and saying this is what uncle does to me", 6)[0] == "red"


# ------------------------------------------------------------ animals under 9


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("6yo humping the family dog, happens a lot", 6),
        ("foster carer: 7yo rubbing herself on the dog", 7),
        ("5 yr old rubbing herself on the dog, mum asking is it ok", 5),
        ("touching the cats privates and rubbing himself on it, 8yo", 8),
    ],
)
def test_a_sexual_act_on_an_animal_under_9_leads_with_red_acting_out(shipped: Pack, words: str, age: int) -> None:
    """Worrying: the bands under 9 have no item on animals, and green self-touch came first."""
    assert _ids(shipped, words, age)[0] == "5-9-red-acting-out-sex", _ids(shipped, words, age)


def test_affection_with_a_pet_is_no_sexual_act(shipped: Pack) -> None:
    """Guard: rubbing a cheek on a cat."""
    assert _levels(shipped, "8yo rubs her cheek on the cat for cuddles", 8)[0] != "red"


# ------------------------------------------------------------ what a review of the draft found


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("3yo humps his teddy dog at bedtime", 3),
        ("2yo humping his stuffed puppy at nap", 2),
        ("2yo humps his dog teddy in the cot", 2),
        ("3yo humps his paw patrol dog at nap time", 3),
        ("4yo humps the dog bed cushion when tired", 4),
        ("son 3 touches his willy while stroking the cat on the sofa", 3),
        ("3yo touches his willy when the dog is in the bath with him", 3),
        ("daughter 4 touches her fanny when her brother is in the bath with her", 4),
        ("son 3 grabs her boobs in the bath", 3),
    ],
)
def test_what_a_review_found_alarmed_by_the_draft_stays_green(shipped: Pack, words: str, age: int) -> None:
    """Guard: a toy animal, a pet nearby, a brother in the bath, a young child and a parent's body."""
    assert _levels(shipped, words, age)[0] == "green", _ids(shipped, words, age)


def test_a_second_clause_names_no_one_elses_body() -> None:
    assert not _anothers_body(typed_words("son 4 touching his willy and asking about his sisters privates"))
    assert not _anothers_body(
        typed_words("daughter 5 touching her privates after seeing her brothers willy in the bath")
    )


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("lad 13 rubbing himself on girls in the lunch queue", 13, "9-13-red-sexual-harassment"),
        ("not in front of anyone at school, but he rubs himself on his sister at home", 8, "5-9-red-family-member"),
    ],
)
def test_rubbing_oneself_on_others_or_touching_a_siblings_body_leads_red(
    shipped: Pack, words: str, age: int, first: str
) -> None:
    """Worrying: before, the green item on private masturbation, or a red item on touching oneself in public, came
    first."""
    assert _ids(shipped, words, age)[0] == first, _ids(shipped, words, age)


def test_smacking_other_childrens_bottoms_leads_with_sexual_harassment(shipped: Pack) -> None:
    """Worrying: before, the green item on showing came first (smacking was no word of touching)."""
    assert _ids(shipped, "boy 7 keeps smacking girls bums in the playground", 7)[0] == (
        "5-9-amber-skirt-lifting-and-grabbing"
    )
    # Guard: from school age a boy's act on "her bum" is another child's body.
    assert _anothers_body(typed_words("he pinches her bum every day"), 8)
    assert not _anothers_body(typed_words("son 3 grabs her boobs in the bath"), 3)


def test_grabbing_anothers_genitals_at_13_stays_red(shipped: Pack) -> None:
    """Guard."""
    assert _ids(shipped, "son 6 touching his sisters privates in the bath", 6)[0] == "5-9-red-family-member"
    assert _levels(shipped, "she grabbed his privates in the corridor and laughed with her mates", 13)[0] == "red"


# ------------------------------------------------------------ ordinary touch of others


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("keeps touching the other kids hair at carpet time", 3),
        ("always touching other childrens faces, hes autistic and sensory seeking", 4),
        ("keeps stroking the other children's arms, new to nursery and shy", 3),
        ("keeps rubbing other kids heads for luck before football", 8),
    ],
)
def test_touching_only_others_hair_faces_or_hands_matches_nothing(shipped: Pack, words: str, age: int) -> None:
    """Healthy: before, the red item on persistent touching of other children's genitals came first. No behaviour in
    the pack is about it, so nothing matches and the page offers the criteria and the case discussion."""
    assert _ids(shipped, words, age) == []


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("keeps touching the other kids hair then tries to touch their privates", 4),
        ("keeps stroking the other girls hair and wants to kiss them", 5),
        ("strokes the other kids hair in secret in the toilets", 6),
        ("keeps touching other children", 4),
    ],
)
def test_touching_others_beside_anything_more_still_finds_the_items(shipped: Pack, words: str, age: int) -> None:
    """Guard."""
    assert _levels(shipped, words, age)[0] != "green", _ids(shipped, words, age)


# ------------------------------------------------------------ what a second review of the draft found


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("new volunteer strokes the childrens hair and gives her favourites treats", 6),
        ("stroking other kids faces, they push him away, wont stop", 5),
        ("keeps touching the other kids hair now and putting his hands up their tops", 7),
        ("the minibus driver strokes the kids hair when helping them off", 7),
        ("touching other kids heads and then their willys", 4),
    ],
)
def test_touching_hair_or_faces_beside_anything_more_still_finds_the_items(shipped: Pack, words: str, age: int) -> None:
    """Worrying, on the draft: a list of worrying words could never be complete, so only a sentence made wholly of a
    few ordinary words matches nothing."""
    assert _ids(shipped, words, age), words


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("twins 3 in the bath together, she touched his willy and asked why hers is different", 3),
        ("son 4 touched the babys willy in the bath and asked why its so small", 4),
        ("son 5 pinched his sisters bum and ran off laughing, she told on him", 5),
        ("mum says son 5 keeps poking her boobs and asking why she has them", 5),
        ("cousins 4 and 5 in the paddling pool, he touched her bum and they giggled", 5),
        ("son 9 put the ice pack on her bottom after she fell off her bike, shes his sister", 9),
        ("son 11 smacked her bum with a pillow in a pillow fight, shes his cousin", 11),
        ("girl 9 put a plaster on his bum after he fell on the gravel, hes her little brother", 9),
        ("he props himself against his friends when hes tired", 5),
        ("5yo humps the dog shaped cushion", 5),
    ],
)
def test_what_a_second_review_found_alarmed_by_the_draft_is_not_red(shipped: Pack, words: str, age: int) -> None:
    """Guard: a young child's one-off touch at bath time, a parent's body, play and first aid, leaning on friends, and a
    cushion shaped like a dog."""
    assert _levels(shipped, words, age)[0] != "red", _ids(shipped, words, age)


def test_a_young_childs_hidden_touch_of_a_baby_still_leads_red(shipped: Pack) -> None:
    """Worrying (probe set E): hidden, not curiosity. Before, a red disclosure item came first and the younger-child
    item was not in the top three."""
    assert _ids(shipped, "4 yr old touching the new babys private parts when mum isnt looking", 4)[0] == (
        "0-5-red-younger-or-less-able"
    )


def test_grabbing_a_brothers_private_parts_again_and_again_leads_red(shipped: Pack) -> None:
    """Guard: on the draft it fell to an amber item on pulling clothes."""
    assert _levels(shipped, "he kept grabbing his brothers willy and laughing when he cried", 5)[0] == "red"
