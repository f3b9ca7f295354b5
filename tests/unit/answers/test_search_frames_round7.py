"""Search reads who was there and what was asked (round 7): a family adult the child shows affection to
("sits on grandpa's knee", "kisses grandad goodbye") or asks something says who was there, not who did
something; a child's question about a topic ("asked what rape means", "asked if two men can get
married") leads with the items on children's questions; "can" is not cans of drink and "made a comment"
is not force.

Each test of a calmer answer fails on the commit before these rules (66fe4a1): "kisses grandad goodbye"
at 3, "asked what rape means" at 10 and "asked if two men can get married" at 7 led with red; "locks the
bedroom door so her brother cant come in" at 11 led with red (money or gifts, from "cans"); "made one
crude comment" at 14 led with red. The tests that the serious readings stay hold the phrasings a
reviewer found the first, broader version of these rules calming (commit b3da232): disclosures asked
as questions, someone else asking, a relative followed by what they did.
"""

from __future__ import annotations

import pytest

from behaviours import Pack
from behaviours.answers.finding import find
from behaviours.answers.search import CONTEXTS, contexts_in


def _levels(pack: Pack, words: str, age: int, top: int = 3) -> list[str]:
    return [pack.level_at(hit.behaviour, age).value for hit in find(pack, words, age=age, limit=top).hits]


def _ids(pack: Pack, words: str, age: int, top: int = 3) -> list[str]:
    return [hit.behaviour.id for hit in find(pack, words, age=age, limit=top).hits]


def _contexts(words: str) -> set[str]:
    return {CONTEXTS[number].name for number in contexts_in(words)}


# ------------------------------------------------------------ family adults the child is with


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("kisses grandad goodbye", 3, "0-5-green-affection"),
        ("sits on grandpas knee for a cuddle", 2, "0-5-green-affection"),
        ("asked her aunt about tampons", 11, "9-13-green-questions-and-information"),
        ("asked her mum about wet dreams", 12, "9-13-green-questions-and-information"),
    ],
)
def test_a_family_adult_the_child_is_with_says_who_was_there(shipped: Pack, words: str, age: int, first: str) -> None:
    assert _ids(shipped, words, age)[0] == first


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("her uncle kissed her", 8),  # the relative acts
        ("grandad touches her when she sits on his knee", 5),  # touching
        ("playing doctors with her uncle", 6),  # done together
        ("no clothes on her uncles knee", 3),  # undressed
        ("kisses her uncle on the lips", 6),  # another kiss
        ("says it happens at her dads", 7),  # said, and a place
        ("mustnt tell mummy", 4),  # a secret kept from a parent
        ("asked grandad for sweets", 5),  # asking an adult for gifts is no question
    ],
)
def test_a_family_adult_who_acts_or_is_beside_a_worry_keeps_green_from_coming_first(
    shipped: Pack, words: str, age: int
) -> None:
    levels = _levels(shipped, words, age)
    assert levels and levels[0] != "green", (words, levels)


def test_a_secret_kept_from_a_parent_is_secrecy() -> None:
    assert "secrecy" in _contexts("mustnt tell mummy")
    assert "secrecy" in _contexts("never to tell nan")


# ------------------------------------------------------------ a child's question


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("asked what rape means", 10, "9-13-green-questions-and-information"),
        ("asked if two men can get married", 7, "5-9-green-questions-sex-babies-relationships"),
        ("asked what a paedophile is", 10, "9-13-green-questions-and-information"),
        ("wants to know what sex is", 8, "5-9-green-questions-sex-babies-relationships"),
    ],
)
def test_a_childs_question_leads_with_the_items_on_questions(shipped: Pack, words: str, age: int, first: str) -> None:
    assert _ids(shipped, words, age)[0] == first


def test_asking_again_and_again_still_leads_with_persistent_questions(shipped: Pack) -> None:
    assert _ids(shipped, "keeps asking about sex", 7)[0] == "5-9-amber-persistent-sexual-questions"


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("account keeps asking what shes wearing", 12),  # someone else asks
        ("a man asked her what she was wearing", 12),
        ("asked her to send a nude", 13),  # a request
        ("he asked if she wanted to see his willy", 7),  # an invitation
        ("asked why it hurts when she wees", 4),  # pain stays, question or not
    ],
)
def test_what_is_asked_of_a_child_or_a_childs_pain_is_no_mere_question(shipped: Pack, words: str, age: int) -> None:
    levels = _levels(shipped, words, age)
    assert levels and levels[0] == "red", (words, levels)


# ------------------------------------------------------------ cue words in their everyday sense


def test_can_is_not_cans_of_drink() -> None:
    assert "money or gifts" not in _contexts("she can swim")
    assert "money or gifts" not in _contexts("locks the door so her brother cant come in")
    assert "money or gifts" in _contexts("cans of vodka from older lads")


def test_made_is_force_only_when_someone_is_made_to_do_something() -> None:
    assert "force or pressure" in _contexts("made a girl kiss him")
    assert "force or pressure" in _contexts("he made her touch it")
    assert "force or pressure" not in _contexts("made a comment about her chest")


def test_a_crude_comment_leads_with_the_one_off_item_and_privacy_with_privacy(shipped: Pack) -> None:
    assert _ids(shipped, "made one crude comment about a girls chest in PE", 14)[0] == "13-17-amber-one-off-harassment"
    assert _ids(shipped, "locks the bedroom door so her brother cant come in", 11)[0] == "9-13-green-need-for-privacy"


# ------------------------------------------------------------ touching on other children


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("rubbing himself on other kids", 8),
        ("touching herself on other children", 16),
        ("rubbing himself against other children at nursery", 4),
    ],
)
def test_touching_oneself_on_other_children_never_leads_with_green(shipped: Pack, words: str, age: int) -> None:
    # Before: the green self-touch item first (it shares "rubbing" and "himself").
    levels = _levels(shipped, words, age)
    assert levels and levels[0] != "green", (words, levels)


# ------------------------------------------------------------ "older" and school staff


def test_an_older_brother_or_growing_older_names_no_adult() -> None:
    assert "older or an adult" not in _contexts("has a crush on her friends older brother")
    assert "older or an adult" not in _contexts("wants to wait until she is older")
    # ... while an adult named another way, an age of 18 or over, or an older sibling's friends still do.
    assert "older or an adult" in _contexts("her older brother is 19 and touches her")
    assert "older or an adult" in _contexts("older boys at school make her do stuff")
    assert "older or an adult" in _contexts("her older sisters friends give her vodka")


def test_a_teaching_assistant_is_an_adult_and_the_one_asked_is_the_listener(shipped: Pack) -> None:
    assert _levels(shipped, "teaching assistant kissed him", 15)[0] == "red"
    assert _levels(shipped, "asked the teaching assistant what a period is", 9)[0] == "green"
    assert _levels(shipped, "asked the school nurse how you get pregnant", 11)[0] != "red"


# ------------------------------------------------------------ what the first version of these rules calmed


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("asked why grandad licks her", 5),
        ("asked why the man at the park showed her his willy", 6),
        ("asked why daddy puts his finger in her foof", 4),
        ("asked if it's normal for a grown up to kiss you with tongues", 8),
        ("asked if she will get pregnant because her uncle did sex with her", 11),
        ("asked if she could touch his willy", 5),
        ("he asks her what she is wearing", 13),
        ("he asked her how big her boobs were", 13),
        ("wondering whether a 15 year old with a 25 year old boyfriend is a concern", 15),
        ("wants to know why grandad puts his hand in her pants", 5),
        ("asked what a blow job is, says her brother made her do it", 9),
        ("asked what grooming is, she has a 30 year old boyfriend", 14),
        ("asked why the man gives her money", 12),
        ("asked how old you have to be to have sex, boyfriend is 19", 13),
        ("asked why her privates are itchy and red", 5),
        ("asked if its rape if she was drunk", 15),
        ("asked how you know if you've been raped", 14),
        ("told nan daddy squeezes her minnie", 4),
        ("told mum daddy gives her white wee", 4),
        ("kisses her uncle goodbye and he grabs her", 8),
        ("visits grandad and comes home with love bites", 13),
        ("doesnt want to go to her uncles anymore", 6),
        ("goes to her uncles and he gives her vodka", 14),
        ("refuses to visit grandad", 6),
        ("sits on her uncles knee and he jiggles", 4),
        ("made his sister suck his willy", 12),
        ("made all the girls show their privates", 8),
        ("her older cousin touched her privates", 6),
    ],
)
def test_a_worry_in_a_question_or_after_a_relative_is_never_answered_green_first(
    shipped: Pack, words: str, age: int
) -> None:
    levels = _levels(shipped, words, age)
    assert levels and levels[0] != "green", (words, levels)
